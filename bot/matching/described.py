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

MIN_SHARE = 0.30  # of the question's weight the snippet's own text explains, talk counted
MIN_LEAD = 0.08  # over the next candidate's share
FIRST_HITS = 4  # the snippet is among the ranker's first this many
CLEAR_LEAD = 0.25  # a lead this clear stands in for a solid check


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
    # The snippet's own text must explain the description best of all candidates, and most
    # of it, the asker's talk counted ... (ties keep the ranker's order)
    ranked = sorted(
        (
            (coverage.judge(content, [hit.id], lexicon).share, at, hit)
            for at, hit in enumerate(hits)
            if hit.id not in compared
        ),
        key=lambda scored: -scored[0],
    )
    if not ranked:
        return None
    share, at, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if share < MIN_SHARE or share - runner_up < MIN_LEAD or at >= FIRST_HITS:
        return None
    # ... and pass the question's full check, with no other sense.
    found = check(content, [best.id])
    # A snippet that leads by far may leave a heavier word unexplained than a solid answer
    # would, as long as the full check still passes: any such word, though the case in mind
    # is one its body alone tells, half explained ("turning a sentence into numbers").
    solid = found.solid or share - runner_up >= CLEAR_LEAD
    ok = found.explained and solid and not found.sense
    return best if ok else None
