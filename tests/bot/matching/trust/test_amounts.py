"""The size and form of the answer, and what figures count (bot/matching/trust/amounts.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.amounts import counted


@pytest.mark.parametrize(
    ("tokens", "at", "is_counted"),
    [
        (["on", "our", "3", "years", "of", "dispatch", "notes"], 5, True),
        (["on", "our", "3", "years", "of", "dispatch", "notes"], 6, True),
        (["two", "years", "of", "our", "claims"], 4, True),
        # no figure before the unit; a word of the field is never the asker's material
        (["the", "history", "of", "dispatch", "notes"], 4, False),
        (["3", "kinds", "of", "diffusion"], 3, False),
    ],
)
def test_what_a_figure_counts_is_the_askers_material(
    tokens: list[str], at: int, is_counted: bool
) -> None:
    kinds = ["domain" if t == "diffusion" else "" for t in tokens]
    assert counted(tokens, kinds, at) is is_counted
