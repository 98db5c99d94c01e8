"""'Keep' as an aspect of the verb after it (bot/matching/trust/aspect.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.aspect import keeps_doing

PARTS = {
    "training": frozenset({"NOUN", "VERB"}),
    "using": frozenset({"NOUN", "VERB"}),
    "calling": frozenset({"NOUN", "VERB"}),
    "thing": frozenset({"NOUN"}),
    "morning": frozenset({"NOUN"}),
}


def parts(word: str) -> frozenset[str]:
    return PARTS.get(word, frozenset())


@pytest.mark.parametrize(
    ("words", "aspect"),
    [
        (["kept", "training", "example"], True),  # go on doing
        (["keep", "using", "phrase"], True),
        (["keep", "pretraining"], True),  # an -ing word English does not know may be a verb
        (["keep", "calling", "llm"], False),  # a habit of saying, read by the context check
        (["keep", "thing", "short"], False),  # "thing" is only a noun
        (["keep", "morning", "shift"], False),
        (["keep", "data", "private"], False),
        (["keep"], False),
    ],
)
def test_keep_before_an_ing_verb_is_its_aspect(words: list[str], aspect: bool) -> None:
    assert keeps_doing(words, 0, parts) is aspect
