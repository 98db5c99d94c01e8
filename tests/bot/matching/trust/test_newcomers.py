"""A training term given to people new at work (bot/matching/trust/newcomers.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.newcomers import trained_newcomers

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Round 47 (read set 106): people new at work are trained, not a model
        ("pretraining/term for/ new/ volunteers/everyday", "volunteers", True),
        ("the/ training/term for/ new/ drivers/everyday", "drivers", True),
        # not called new, no training term, or no "for"
        ("pretraining/term for/ beginners/everyday", "beginners", False),
        ("rag/term for/ new/ staff/everyday", "staff", False),
        ("pretraining/term new/ staff/everyday", "staff", False),
    ],
)
def test_a_training_term_for_people_new_at_work(
    marked: Marked, text: str, word: str, expected: bool
) -> None:
    tokens, kinds = marked(text)
    assert trained_newcomers(tokens, kinds, tokens.index(word)) is expected
