"""A question asking the name of what it describes in nearly the words of a snippet's
one-line summary ("layers of little units with weights learned from examples, what's that
called"): the summary is the admin's own account of the term, so the description names it,
however the snippet's example questions (which ask about the term by name) score it."""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.comparing import Check
from bot.matching.lexicon import Lexicon
from bot.matching.matcher import Hit
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.judge import Judgement

RESTATED_AMONG = 5  # candidates whose summaries a description may restate
RESTATED_SHARE = 0.75  # of the question's weight in the summary's words
RESTATED_LEAD = 0.4  # over the next candidate's summary


def restated(
    coverage: Coverage,
    lexicon: Lexicon,
    hits: Sequence[Hit],
    content: list[str],
    check: Check,
    *,
    talk: Sequence[str] = (),
) -> tuple[Hit, Judgement] | None:
    """The candidate whose summary (with its names) holds at least ``RESTATED_SHARE`` of the
    question's weight, ``RESTATED_LEAD`` more than any other candidate's, and whose coverage
    check explains the question; with that judgement. None when there is no such one."""
    shares = sorted(
        (
            (coverage.summary_share(content, h.id, lexicon, talk=talk), h)
            for h in hits[:RESTATED_AMONG]
        ),
        key=lambda found: -found[0],
    )
    if not shares or shares[0][0] < RESTATED_SHARE:
        return None
    if len(shares) > 1 and shares[0][0] - shares[1][0] < RESTATED_LEAD:
        return None
    best = shares[0][1]
    verdict = check(content, (best.id,))
    return (best, verdict) if verdict.explained else None
