"""Words joined to a term by grammar (bot/matching/trust/attached.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.attached import ours


@pytest.mark.parametrize(
    ("tokens", "kinds", "at", "expected"),
    [
        # "our sop documents": which of the asker's documents
        (["look", "up", "our", "sop", "documents"], ["", "", "", "domain", "domain"], 3, True),
        # "our api token": the term itself, whose sense the word may change
        (["our", "api", "token", "expired"], ["", "domain", "term", "everyday"], 1, False),
        # no possessive: "the sop documents" may be what is asked about
        (["the", "sop", "documents"], ["", "domain", "domain"], 1, False),
    ],
)
def test_which_of_the_askers_things(
    tokens: list[str], kinds: list[str], at: int, expected: bool
) -> None:
    assert ours(tokens, kinds, at) is expected
