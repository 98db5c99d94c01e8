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
        # a phrase of "for" that a clause of "who" follows names a person, and what it says
        (
            "rag in plain words, for a support agent who's never coded",
            ["a", "support", "agent", "whos", "never", "coded"],
        ),
        ("tools for a new agent", []),
        # an opening that only says who asks
        ("designer here. what is rag", ["designer"]),
        ("rag again. what is it", []),
        ("designer: what is rag", ["designer"]),  # a sentence of who asks, ending in a person
        ("rag: what is it", []),
        ("explain embeddings for dummies", []),  # one sentence, that asks
        ("please spell doctor", []),
    ],
)
def test_spoken_to_is_the_phrase_naming_the_listeners(question: str, words: list[str]) -> None:
    people = {"designer", "researchers", "dummies", "doctor"}
    assert spoken_to(question, people.__contains__) == words
