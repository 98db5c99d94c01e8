"""Quoted everyday phrases beside a named term ("how does semantic search find 'leaky faucet'
when the ticket says 'dripping tap'"): examples mentioned, not what is asked about, nor
another sense of the term."""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.normalize import words
from bot.matching.trust.grammar import QUOTED

MIN_WORDS = 2  # a single quoted word may be the very term asked about ("what is 'agentic'")


def examples(
    question: str, kind: Callable[[str], str], is_word: Callable[[str], bool]
) -> tuple[str, ...]:
    """The words of the phrases ``question`` quotes whose every word is an everyday English
    word (``kind`` "everyday": one the knowledge never uses)."""
    quoted = [words(quote) for quote in QUOTED.findall(question)]
    return tuple(
        t
        for said in quoted
        if len(said) >= MIN_WORDS and all(kind(t) == "everyday" and is_word(t) for t in said)
        for t in said
    )
