"""How a question opens ("how does", "why do", "what is"), and what that settles: a close call
between two snippets that explain it alike goes to the one whose own example questions open
the same way ("how does midjourney actually make a picture": diffusion's examples ask how
image generators work, genai-examples' ask what the tools are)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.base import KnowledgeBase
from bot.matching.matcher import Hit
from bot.matching.normalize import words
from bot.matching.trust.talk import AUXILIARIES

# The words that open a question, and the auxiliaries folded into one ("how do" = "how does").
OPENERS = frozenset({"how", "why", "what", "whats", "when", "where", "which", "who", "can"})
FOLDED = {"do": "does", "did": "does", "are": "is", "was": "is", "were": "is", "s": "is"}
HOW_MUCH = frozenset({"many", "much", "long", "often", "far", "big", "old", "come", "about"})
FRAME_SHARE = 0.2  # of its example questions the best must open so, the runner-up none


def frame(text: str) -> tuple[str, str] | None:
    """The first asking word of ``text`` and the word after it, auxiliaries folded; None
    when no word asks."""
    typed = words(text)
    for at, word in enumerate(typed[:-1]):
        if word in OPENERS:
            after = typed[at + 1]
            if word == "how" and after not in AUXILIARIES and after not in HOW_MUCH:
                return ("how", "does")  # "asked how midjourney works": how it does
            return ("what", "is") if word == "whats" else (word, FOLDED.get(after, after))
    return None


def _share(kb: KnowledgeBase, snippet_id: str, opening: tuple[str, str]) -> float:
    questions = kb.snippets[snippet_id].questions
    if not questions:
        return 0.0
    return sum(frame(q) == opening for q in questions) / len(questions)


def frames_better(kb: KnowledgeBase, question: str, hits: Sequence[Hit]) -> bool:
    """A close call the question's opening settles: at least ``FRAME_SHARE`` of the best
    snippet's example questions open as the question does, none of the runner-up's."""
    opening = frame(question)
    if opening is None or len(hits) < 2:
        return False
    best, runner_up = _share(kb, hits[0].id, opening), _share(kb, hits[1].id, opening)
    return best >= FRAME_SHARE and runner_up == 0.0
