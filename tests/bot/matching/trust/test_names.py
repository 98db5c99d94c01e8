"""Snippet names and synonym phrases, looked up fast (bot/matching/trust/names.py)."""

from __future__ import annotations

from bot.knowledge.loader import load_knowledge
from bot.matching.trust.names import Names
from bot.settings import bundled_knowledge_dir


def _names() -> Names:
    kb = load_knowledge(bundled_knowledge_dir())
    return Names(tuple(kb.snippets.values()), kb.index)


def test_a_whole_name_of_several_words_is_found_in_a_run_of_words() -> None:
    names = _names()
    # "llm" is analysed as "large language model", the name of what-is-llm
    assert names.holds_name(["jailbreaking", "an", "large", "language", "model"])
    assert not names.holds_name(["jailbreaking", "an", "large", "model"])
    assert not names.holds_name(["asking", "for", "a", "slide", "deck"])


def test_where_whole_names_of_any_length_stand() -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    names = Names(tuple(kb.snippets.values()), kb.index)
    # "prompt" is a name of one word, "large language model" ("llm") one of three
    said = kb.index.content_words("a prompt for an llm")
    assert said == ["a", "prompt", "for", "an", "large", "language", "model"]
    assert names.name_positions(said) == {1, 4, 5, 6}
    assert names.name_positions(["asking", "for", "a", "slide", "deck"]) == set()


def test_the_synonym_phrases_a_word_belongs_to() -> None:
    names = _names()
    assert (("deep", "learning"), ("dl",)) in names.folded_with("deep")
    assert names.folded_with("pizza") == ()
