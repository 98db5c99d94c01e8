"""The kind of each word of a question (bot/matching/trust/kinds.py), on the bundled
knowledge."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.matching.trust.kinds import WordKinds


@pytest.fixture(scope="module")
def kinds(engine: Engine) -> WordKinds:
    kb = engine.knowledge
    judge = engine._judge(kb)
    return WordKinds(
        coverage=judge.coverage,
        lexicon=engine._lexicon,
        snippet_ids=("temperature",),
        content_words=kb.index.content_words,
        spoken=lambda word: word == "machine",
        idioms=frozenset({"hood"}),
    )


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("temperature", "term"),  # the judged snippet's name
        ("tokens", "domain"),  # another snippet's word
        ("machine", "domain"),  # a word of a folded name of several words
        ("kubernetes", "domain"),  # a word English does not know
        ("kitchen", "everyday"),  # English the knowledge never uses
        ("the", ""),  # phrasing
        ("hood", ""),  # an idiom's word
        ("thing", ""),  # chat glue
    ],
)
def test_the_kind_of_a_word(kinds: WordKinds, word: str, kind: str) -> None:
    assert kinds(word) == kind


def test_what_was_seen_and_what_the_knowledge_never_uses(kinds: WordKinds) -> None:
    assert kinds.seen("fridge") == ()  # not asked yet
    assert kinds.unknown("fridge")
    assert kinds.seen("fridge") == ["fridge"]
    assert not kinds.unknown("tokens")
