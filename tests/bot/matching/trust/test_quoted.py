"""Quoted everyday phrases are examples mentioned (bot/matching/trust/quoted.py)."""

from __future__ import annotations

from bot.matching.trust.quoted import examples, messages, searched

EVERYDAY = {"leaky", "faucet", "dripping", "tap", "cat"}


def _kind(token: str) -> str:
    return "everyday" if token in EVERYDAY else "domain"


def _is_word(token: str) -> bool:
    return token != "qwzx"


def test_quoted_everyday_phrases_are_examples() -> None:
    question = "how does search find 'leaky faucet' when the ticket says \u201cdripping tap\u201d"
    assert examples(question, _kind, _is_word) == ("leaky", "faucet", "dripping", "tap")


def test_a_single_word_a_field_word_or_an_unknown_word_is_no_example() -> None:
    assert examples("what is 'cat'", _kind, _is_word) == ()  # may be the term asked about
    assert examples("is 'vibe coding' prompt engineering", _kind, _is_word) == ()
    assert examples("what does 'leaky qwzx' mean", _kind, _is_word) == ()


def _searched_kind(token: str) -> str:
    return "term" if token in {"vector", "search", "attention"} else "everyday"


def test_what_a_search_takes_or_gives_is_an_example() -> None:
    question = "typing 'longcase won't strike' finds the old ticket 'grandfather clock chime'"
    assert searched(question, _searched_kind) == (
        "longcase",
        "wont",
        "strike",
        "grandfather",
        "clock",
        "chime",
    )


def test_a_phrase_joined_to_a_searched_one_is_an_example_too() -> None:
    question = "how does it know that 'hyd leak' and 'fluid weeping' mean the same"
    assert searched(question, _searched_kind) == ("hyd", "leak", "fluid", "weeping")


def test_a_quoted_phrase_no_search_takes_or_one_naming_a_term_is_no_example() -> None:
    assert searched("is 'mixture of experts' why models are fast", _searched_kind) == ()
    assert searched("searching 'vector search' finds nothing", _searched_kind) == ()
    assert searched("typing 'hi' finds nothing", _searched_kind) == ()  # one word


def test_a_failure_message_a_tool_shows_is_the_matter() -> None:
    assert messages("the widget says 'session expired' after a minute") == {"session", "expired"}
    assert messages("gpu shows 'cuda out of memory'") == {"cuda", "out", "of", "memory"}
    # Not shown by a tool, or no failure in it.
    assert messages("what does 'session expired' mean") == frozenset()
    assert messages("the bot says 'have a nice day'") == frozenset()


def test_a_quote_past_the_sixtieth_word_is_read_beside_its_own_words() -> None:
    # ``words`` keeps a question's first 60 words; the words before a quote must not be cut.
    story = " ".join(["the", "ticket", "queue", "was", "long"] * 13)  # 65 words
    assert messages(f"{story} and the widget says 'session expired'") == {"session", "expired"}
    assert searched(f"{story}; typing 'reset password' does nothing", _searched_kind) == (
        "reset",
        "password",
    )


def test_every_phrase_of_a_joined_chain_is_an_example() -> None:
    question = "'hyd leak' and 'fluid weeping' and 'seal seep' and 'oil drip' mean the same"
    assert searched(question, _searched_kind) == (
        "hyd",
        "leak",
        "fluid",
        "weeping",
        "seal",
        "seep",
        "oil",
        "drip",
    )
