"""Which two things a question compares (bot/matching/compare.py)."""

from __future__ import annotations

import pytest

from bot.matching.compare import parse_comparison


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # Round 54: what the choice is for, after the second term, is no part of that side
        (
            "knowledge graph or vector database for our search",
            (("knowledge", "graph"), ("vector", "database")),
        ),
        ("diffusion or gan for generating illustrations", (("diffusion",), ("gan",))),
        ("gan or vae for making test images", (("gan",), ("vae",))),
        # the sides stay short: a choice of doings is no comparison
        ("should i walk or take the bus to the office", None),
    ],
)
def test_a_choice_between_two_terms_and_what_it_is_for(
    text: str, sides: tuple[tuple[str, ...], tuple[str, ...]] | None
) -> None:
    assert parse_comparison(text.split()) == sides
