"""A question that describes a term and asks its name ("what's the word for the setup where
one network makes fake pictures and another tries to catch them"), which the ranker's example
questions do not place: the snippet whose own text explains clearly most of the description.

Only for a question that names no snippet and that would be declined otherwise; the snippet
must be among the ranker's first few, lead every other candidate by a clear share of the
question's weight, and pass the question's full check (:class:`bot.matching.trust.judge.Judge`).
A comparison snippet never answers a description: a description is of one thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.matcher import Hit
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.judge import Judgement

MIN_SHARE = 0.30  # of the question's weight that the snippet's text explains
MIN_LEAD = 0.08  # over the next candidate's share
FIRST_HITS = 4  # the snippet is among the ranker's first this many


def described(
    content: Sequence[str],
    hits: Sequence[Hit],
    *,
    coverage: Coverage,
    lexicon: Lexicon,
    compared: frozenset[str],
    check: Callable[[Sequence[str], Sequence[str]], Judgement],
) -> Hit | None:
    """The hit whose snippet a description question (its analysed ``content``) describes, of
    ``hits`` (the ranker's candidates, best first), or None when none clearly does."""
    shares = sorted(
        (
            (coverage.judge(content, [h.id], lexicon).share, i)
            for i, h in enumerate(hits)
            if h.id not in compared
        ),
        reverse=True,
    )
    if not shares:
        return None
    best, at = shares[0]
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    if best < MIN_SHARE or best - runner_up < MIN_LEAD or at >= FIRST_HITS:
        return None
    found = check(content, [hits[at].id])
    ok = found.explained and found.solid and not found.sense
    return hits[at] if ok else None
