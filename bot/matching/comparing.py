"""The comparison path: "X vs Y (vs Z)" answered side by side, no side dropped silently."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import Side, plain
from bot.matching.matcher import Hit
from bot.matching.outcomes import Replies
from bot.matching.trust.judge import Judgement
from bot.models import Answer

Check = Callable[..., Judgement]  # Judge with the question's definition flag bound


def compare(
    replies: Replies, question: str, sides: Sequence[Side], hits: list[Hit], check: Check
) -> Answer | None:
    """The comparison snippet covering a pair, plus the other sides' snippets; None when the
    question is better answered as a plain one.

    A side no snippet explains is named in the reply ("I don't have an explanation for cnn").
    """
    kb, cfg = replies.kb, replies.config
    found: list[Hit] = []
    unknown: list[str] = []
    for side in sides:
        words = plain(side)
        hit = kb.index.search(side, 1, plain_only=True)
        verdict = check(words, (hit[0].id,) if hit else ())
        if verdict.empty:
            return None  # a side with nothing in it: "vs", "up or down"
        if hit and verdict.explained:
            found.append(hit[0])
        else:
            unknown.append(" ".join(words))
    if unknown:
        if not found:
            return None  # nothing known on either side: the plain path decides
        return replies.uncovered(question, unknown, [*found, *hits])
    if len({h.id for h in found}) < len(found):
        return None
    score = min(h.score for h in found)
    if score < cfg.suggest_threshold:
        return None
    top = hits[0] if hits else None
    ids = {h.id for h in found}
    if (
        len(found) == 2
        and top is not None
        and top.id not in ids
        and top.score > score
        and top.id not in set(kb.index.pairs.values())
    ):
        return None  # "what came first, llm or genai": a plain snippet fits better
    used = _cover_pairs(kb, [h.id for h in found])
    if len(used) == 1 or score >= cfg.answer_threshold:
        whole = max((h.score for h in hits if h.id == used[0]), default=0.0)
        composed = replies.answer(question, [kb.snippets[i] for i in used], max(score, whole))
        return replace(composed, confidence=score / 100.0)  # every side resolved this well
    # One side is unsure: offer the sides first.
    return replies.did_you_mean(question, [*found, *(h for h in hits if h.id not in ids)])


def _cover_pairs(kb: KnowledgeBase, ids: list[str]) -> list[str]:
    """The snippets answering a comparison of ``ids``: comparison snippets for pairs first."""
    left = list(ids)
    used: list[str] = []
    for a in ids:
        for b in ids:
            covering = kb.index.pairs.get(frozenset((a, b)))
            if a in left and b in left and a != b and covering is not None:
                used.append(covering)
                left = [i for i in left if i not in {a, b}]
    return used + left
