"""Quoted everyday phrases are examples mentioned (bot/matching/trust/quoted.py)."""

from __future__ import annotations

from bot.matching.trust.quoted import examples

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
