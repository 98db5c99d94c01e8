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


ANYWHERE_LEAD = 1.8  # times the next snippet's summary share, for a summary found anywhere
ANYWHERE_MIN = 0.15  # of the question's weight in that summary's words, talk and all
ANYWHERE_SHARE = 0.55  # the same, once the snippet's own check leaves its talk out
ANYWHERE_WORDS = 3  # words of the summary the description uses, at least


def restated_anywhere(
    coverage: Coverage,
    lexicon: Lexicon,
    snippet_ids: Sequence[str],
    content: list[str],
    check: Check,
) -> tuple[str, Judgement] | None:
    """The snippet, among all, whose summary a description asking its name retells when the
    ranker put it nowhere near the top ("could we take an existing model and train it a bit
    more on our own crop advice notes? what's that called": the fine-tuning summary tells of
    training an existing model further, its example questions name the term). Its summary
    must hold ``ANYWHERE_LEAD`` times the share of any other's and ``ANYWHERE_WORDS`` of the
    question's words, its check explain the question, and without the talk that check
    leaves out, the summary hold ``ANYWHERE_SHARE`` of the rest."""
    shares = sorted(
        ((coverage.summary_share(content, sid, lexicon), sid) for sid in snippet_ids),
        key=lambda found: (-found[0], found[1]),
    )
    if not shares or shares[0][0] < ANYWHERE_MIN:
        return None
    if len(shares) > 1 and shares[0][0] < ANYWHERE_LEAD * shares[1][0]:
        return None
    best = shares[0][1]
    if coverage.summary_words(content, best) < ANYWHERE_WORDS:
        return None  # one or two words in common ("exist", "predicts") tell no account
    verdict = check(content, (best,))
    if not (verdict.explained and verdict.solid):
        return None
    if coverage.summary_share(content, best, lexicon, talk=verdict.talk) < ANYWHERE_SHARE:
        return None
    return best, verdict
