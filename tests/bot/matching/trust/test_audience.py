"""Whom an explanation is for (bot/matching/trust/audience.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.audience import spoken_to


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "rag, explain it to a chatbot designer at a bank",
            ["a", "chatbot", "designer", "at", "a", "bank"],
        ),
        ("explain tokens to our nlp researchers, who are new", ["our", "nlp", "researchers"]),
        # no people in the phrase; "to" of an infinitive after no word of explaining
        ("explain rag to a new system", []),
        ("how do i get the chatbot designer to use rag", []),
    ],
)
def test_spoken_to_is_the_phrase_naming_the_listeners(question: str, words: list[str]) -> None:
    people = {"designer", "researchers"}
    assert spoken_to(question, people.__contains__) == words
