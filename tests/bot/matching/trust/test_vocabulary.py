"""Closed vocabularies of the trust check (bot/matching/trust/vocabulary.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.vocabulary import idiom_words


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("how does rag work under the hood", {"hood"}),
        ("did llms kick it off", {"kick"}),
        ("who kicked things off, gans or vaes", {"kicked"}),
        ("or did llms kick the whole thing off", {"kick"}),
        ("how does bias creep into llms", {"creep"}),
        # not the whole idiom: the words may be what is asked about
        ("how do i open the hood of my car", set()),
        ("kick scooter for the office", set()),
    ],
)
def test_idioms_are_found_whole(question: str, words: set[str]) -> None:
    assert idiom_words(question) == words
