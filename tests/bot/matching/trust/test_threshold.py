"""The answer threshold fitted on held-out example questions of the knowledge base."""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.matching.matchconfig import MatchConfig
from bot.matching.trust.threshold import MIN_FOUND, fit_answer_threshold, held_out
from bot.models import Snippet
from bot.settings import match_config

TOPICS = ("weather", "music", "alarm", "recipe", "flight", "balance", "timer", "joke")


def snip(topic: str, n: int) -> Snippet:
    phrasings = (
        "what about the {t}", "tell me the {t} now", "i need my {t}", "{t} please",
        "can you check {t}", "show {t} for today", "how is the {t}", "{t} update",
        "give me {t} info", "{t} status right now", "open {t}", "what is my {t} like",
    )  # fmt: skip
    questions = tuple(p.format(t=topic) for p in phrasings[:n])
    return Snippet(id=topic, title=topic.capitalize(), summary="s", questions=questions, body="b")


def test_held_out_keeps_every_snippet_answerable() -> None:
    snippets = [snip(t, 10) for t in TOPICS] + [snip("tiny", 2)]
    kept, held = held_out(snippets, samples=40)
    assert {sid for sid, _ in held} == set(TOPICS)  # the two-question snippet keeps both
    for before, after in zip(snippets, kept, strict=True):
        assert len(after.questions) >= min(len(before.questions), 2)
        gone = [q for sid, q in held if sid == before.id]
        assert len(gone) <= max(1, len(before.questions) // 5)
        assert set(after.questions) | set(gone) == set(before.questions)


def test_the_fit_never_raises_the_threshold_nor_falls_below_the_floor() -> None:
    snippets = [snip(t, 12) for t in TOPICS * 1] + [snip(f"{t}x", 12) for t in TOPICS]
    fitted = fit_answer_threshold(
        snippets, {}, configured=35.0, floor=25.0, min_margin=3.0, typo_cutoff=84.0
    )
    assert 25.0 <= fitted <= 35.0
    few = fit_answer_threshold(
        snippets[:2], {}, configured=35.0, floor=25.0, min_margin=3.0, typo_cutoff=84.0
    )
    assert few == 35.0  # fewer than MIN_FOUND held-out questions: the configured one
    assert MIN_FOUND > 2 * 2


def test_an_admin_threshold_is_used_as_set() -> None:
    kb = build_knowledge([snip(t, 12) for t in TOPICS])
    assert match_config({"EXPLAINBOT_ANSWER_THRESHOLD": "40"}).fit_threshold is False
    assert match_config({}).fit_threshold is True
    fixed = Engine(kb, config=replace(MatchConfig(), answer_threshold=40.0, fit_threshold=False))
    assert fixed.answer_threshold() == 40.0
