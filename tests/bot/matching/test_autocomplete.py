"""Autocomplete while typing: one keystroke at a time, on the bundled knowledge."""

from __future__ import annotations

import pytest

from bot.matching.autocomplete import Completer
from bot.matching.engine import Engine
from bot.matching.normalize import words
from bot.models import Snippet

# What someone types, keystroke by keystroke, and what must lead or be among the top 3.
TYPING = ("g", "ge", "gen", "gene", "tra", "trans", "llm v", "chat", "multi")
FIRST = {
    "tra": "transformer",
    "trans": "transformer",
    "llm v": "llm-vs-genai",
    "multi": "multimodal",
}
TOP3 = {"gen": "what-is-genai", "gene": "what-is-genai", "chat": "chatgpt", "g": "gan"}


def _keystrokes(text: str) -> list[str]:
    return [text[:i] for i in range(1, len(text) + 1)]


def _name_words(s: Snippet) -> set[str]:
    return {w for name in (s.title, *s.aliases, s.id.replace("-", " ")) for w in words(name)}


@pytest.mark.parametrize("typed", TYPING)
def test_each_keystroke_lists_topics_starting_with_the_last_word(
    engine: Engine, typed: str
) -> None:
    snippets = engine.knowledge.snippets
    for partial in _keystrokes(typed):
        found = engine.suggest(partial, 25)
        assert 0 < len(found) <= 25, partial
        typed_words = words(partial)
        if len(typed_words) > 1 or partial.endswith(" "):
            continue  # complete words narrow first: test_earlier_words_narrow_the_list
        last = typed_words[-1]
        named = [s for s in snippets.values() if any(w.startswith(last) for w in _name_words(s))]
        # Whatever names start with the prefix fill the top 3 before anything else.
        top = [snippets[s.id] for s in found[:3]]
        expected = min(3, len(named))
        assert sum(any(w.startswith(last) for w in _name_words(s)) for s in top) >= expected, (
            partial,
            [s.id for s in found[:3]],
        )
    found_ids = [s.id for s in engine.suggest(typed, 25)]
    if typed in FIRST:
        assert found_ids[0] == FIRST[typed], found_ids[:3]
    if typed in TOP3:
        assert TOP3[typed] in found_ids[:3], found_ids[:3]


def test_earlier_words_narrow_the_list(engine: Engine) -> None:
    assert engine.suggest("llm v", 3)[0].id == "llm-vs-genai"
    assert engine.suggest("llm ", 1)[0].id == "what-is-llm"
    for partial in ("llm v", "llm vs", "llm vs ", "llm vs g", "llm vs gen"):
        top = engine.suggest(partial, 3)
        assert top[0].id == "llm-vs-genai", partial
    assert engine.suggest("gan vs", 3)[0].id == "gan-vs-vae"
    # The prefix alone ranks "what is an llm" first; the comparison only wins with "v".
    assert engine.suggest("llm", 1)[0].id == "what-is-llm"


def test_the_list_is_never_empty_and_at_most_the_limit(engine: Engine) -> None:
    total = len(engine.knowledge.snippets)
    for typed in ("", " ", "x", "zzzz", "kubernetes", "?", "what is ", "l"):
        found = engine.suggest(typed, 25)
        assert 0 < len(found) <= min(25, total), typed
        assert len({s.id for s in found}) == len(found), typed
    assert engine.suggest("g", 2) == engine.suggest("g", 25)[:2]
    assert engine.suggest("g", 0) == ()


def test_a_typo_in_the_prefix_still_finds_the_topic(engine: Engine) -> None:
    assert "transformer" in [s.id for s in engine.suggest("transfromer", 5)]


def test_completer_prefers_name_words_over_question_words() -> None:
    snippets = (
        Snippet(
            id="alpha", title="Alpha", summary="s", questions=("what is tokenization",), body="b"
        ),
        Snippet(id="tokens", title="Tokens", summary="s", questions=("what is a token",), body="b"),
    )
    completer = Completer.build(snippets)
    assert completer.rank("tok", 5) == ["tokens", "alpha"]
    assert completer.rank("what is ", 5) == []  # nothing typed narrows yet
