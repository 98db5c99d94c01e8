"""How a question opens, and the close calls that settles (bot/matching/frames.py)."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.frames import frame, frames_better
from bot.matching.matcher import Hit
from bot.settings import bundled_knowledge_dir


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("how does midjourney actually make a picture?", ("how", "does")),
        ("how do image generators work", ("how", "does")),  # auxiliaries folded
        ("our artist swears by it. why are diffusion models slow", ("why", "is")),
        ("whats a token", ("what", "is")),
        ("tokens explained", None),  # no word asks
        # round 39: a "how" asked inside a clause is how something does it
        ("our art teacher asked how midjourney works", ("how", "does")),
        ("how much does midjourney cost", ("how", "much")),
        ("how can i write a prompt", ("how", "can")),
    ],
)
def test_how_a_question_opens(text: str, opening: tuple[str, str] | None) -> None:
    assert frame(text) == opening


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(bundled_knowledge_dir())


def test_a_close_call_goes_to_the_snippet_whose_questions_open_alike(kb: KnowledgeBase) -> None:
    # round 35: diffusion's examples ask how image generators work; genai-examples' none
    hits = [Hit(id="diffusion", score=48.9), Hit(id="genai-examples", score=46.1)]
    assert frames_better(kb, "how does midjourney actually make a picture", hits)
    assert not frames_better(kb, "how does midjourney actually make a picture", hits[::-1])
    # an opening neither asks as: nothing settled
    assert not frames_better(kb, "midjourney pictures", hits)
