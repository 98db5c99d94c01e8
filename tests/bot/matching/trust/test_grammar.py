"""The question's sentences as typed (:func:`bot.matching.trust.grammar.split_sentences`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.grammar import split_sentences


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        (
            "onboarding tmrw: is deep learning ml? ok",
            ["onboarding tmrw", " is deep learning ml", " ok"],
        ),
        ("am i booked for 6:30 pm at noon's", ["am i booked for 6:30 pm at noon's"]),
        ("ratio 16:9 - fine. thanks", ["ratio 16:9", "fine", "thanks"]),
    ],
)
def test_sentences_split_at_strong_breaks_but_not_inside_a_time(
    question: str, sentences: list[str]
) -> None:
    assert split_sentences(question) == sentences
