"""How much a question may leave unexplained, fitted to the knowledge base it serves.

Knowledge bases differ: our glossary's example questions name their term and little else,
while intent-style bases ("book a table at andrea's for 3") are full of names and places no
other question shares. A fixed rule would either let "what is a large pizza" through on the
first or refuse half the real questions on the second. So the tolerance starts from strict
defaults and widens to what the admin's own example questions need: each sampled example is
judged against its own snippet as if it were left out of the knowledge, and the tolerance
covers ``QUANTILE`` of them. Where even that needs more than ``LOOSE`` (CLINC150's intents
need a lead of 0.26 at the 90th percentile, our glossary under 0), coverage cannot tell
a near-domain question from a real one, and the check is off: the score alone decides, as
before. Fitted once per knowledge base, when first needed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.matching.lexicon import Lexicon
from bot.matching.trust.coverage import Coverage, Respell, Verdict

LEAD = 0.05  # the most salient uncovered word may outweigh the most salient covered one by this
SHARE = 0.6  # at most this share of the question's salience may be unexplained
QUANTILE = 0.9  # of held-out example questions the fitted tolerance lets through
LOOSE = 0.15  # a fitted lead above this: the knowledge is not term-centred, no check
# A match that is both strong and clear ("which foundation models does gen ai rely on")
# may leave one more salient word unexplained.
TRUSTED_EXTRA = 0.3


@dataclass(frozen=True, slots=True, kw_only=True)
class Tolerance:
    lead: float = LEAD
    share: float = SHARE
    off: bool = False

    def allows(self, verdict: Verdict, *, trusted: bool = False) -> bool:
        """Whether the snippets explain enough of the question to answer it."""
        extra = TRUSTED_EXTRA if trusted else 0.0
        total = verdict.uncovered + verdict.covered
        if self.off:
            return True
        if verdict.term_missing:
            return False  # asked what a term is, and part of the term is another word
        if verdict.top_other > verdict.top_covered:
            # The question's weightiest word names another snippet ("what does sft mean in
            # llm papers": fine-tuning's alias, not the LLM size snippet's few plain words).
            # No allowance: a score those plain words lift is no reason to trust the answer.
            return False
        if total > 0 and not verdict.missing:
            return True  # nothing salient enough to name is left unexplained
        return (
            total > 0
            and verdict.top_uncovered <= verdict.top_covered + self.lead + extra
            and verdict.uncovered <= self.share * total
        )

    @classmethod
    def fit(cls, coverage: Coverage, lexicon: Lexicon, respell: Respell | None = None) -> Tolerance:
        """The strict default, widened to let ``QUANTILE`` of held-out examples through."""
        leads: list[float] = []
        shares: list[float] = []
        for sample in coverage.samples:
            held = coverage.held(sample)
            v = coverage.judge(sample[1], (sample[0],), lexicon, respell=respell, held_out=held)
            total = v.uncovered + v.covered
            if total <= 0:
                continue
            leads.append(v.top_uncovered - v.top_covered)
            shares.append(v.uncovered / total)
        if len(leads) < 10:
            return cls()
        import statistics  # here: only a question with something uncovered gets this far

        cut = int(QUANTILE * 100)
        lead = statistics.quantiles(leads, n=100)[cut - 1]
        share = statistics.quantiles(shares, n=100)[cut - 1]
        if lead > LOOSE:
            return cls(off=True)
        return replace(cls(), lead=max(LEAD, lead), share=max(SHARE, share))
