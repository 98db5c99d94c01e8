"""A thing asked about apart from the term (bot/matching/trust/apart.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.apart import defined_apart

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.mark.parametrize(
    ("first", "later", "apart"),
    [
        # asks what its words mean; the later sentence likens them to the term
        ("whats/ mixture/everyday of/ experts/everyday", "heard/ some/ llm/term uses/ it/", True),
        ("transfer/everyday learning/domain meaning/", "is/ that/ related/ to/ rag/term", True),
        # "that" as a degree points at nothing
        ("whats/ the/ catch/everyday", "is/ rag/term really/ that/ good/", False),
        # the first sentence names the term: it asks of the term
        ("what/ is/ rag/term", "is/ it/ new/everyday", False),
        # it asks nothing of its words
        ("mixture/everyday of/ experts/everyday", "heard/ some/ llm/term uses/ it/", False),
        # no term later
        ("whats/ mixture/everyday of/ experts/everyday", "heard/ some/ people/ use/ it/", False),
    ],
)
def test_a_sentence_asking_what_other_words_mean(
    marked: Marked, first: str, later: str, apart: bool
) -> None:
    assert defined_apart([marked(first), marked(later)], 0) is apart
