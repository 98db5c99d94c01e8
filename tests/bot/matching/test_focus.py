"""Which part of a message to score (bot/matching/focus.py)."""

from __future__ import annotations

import pytest

from bot.matching.focus import asked_sentences


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("how much text fits? finance wants to paste a report", ["how much text fits"]),
        ("long day. what is rag? asking for the wiki", ["what is rag"]),
        ("what is rag?", []),  # one sentence: nothing to ask alone
        ("what is rag", []),
        ("context. more context. still more. and more. what is rag?", []),  # a post
        ("is it down? or slow? either way", ["is it down", "or slow"]),
        # chat drops the mark: a sentence that opens with a word that asks
        ("sre lead here. how do agents call tools", ["how do agents call tools"]),
        ("sre lead here. agents call tools", []),
    ],
)
def test_the_sentences_that_ask(message: str, asked: list[str]) -> None:
    assert [part.strip() for part in asked_sentences(message)] == asked
