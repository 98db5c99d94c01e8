"""The term a question asks about when English does not know it
(bot/matching/trust/passing.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.passing import asked_terms


def knows(token: str) -> bool:
    """English as far as these tests go: the jargon and product names are unknown."""
    return token not in {"backpropagation", "bm25", "qwen", "deepseek", "pgvector"}


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        # Round 50: after "how does", "explain", "what's"; opening before "in", "explained"
        ("how does backpropagation work in a neural network", ["backpropagation"]),
        ("can someone explain backpropagation, the training math", ["backpropagation"]),
        ("backpropagation in a neural network, how does it work", ["backpropagation"]),
        ("backpropagation explained pls", ["backpropagation"]),
        ("backpropagation, how does it work", ["backpropagation"]),
        ("what's bm25 and is it still used", ["bm25"]),
        ("what is the bm25 formula", ["bm25"]),
        # set against something: "is X better than"
        ("is bm25 better than embeddings for search", ["bm25"]),
        # held up to a term, not asked about: nothing
        ("is qwen open weights?", []),
        ("deepseek - is that an open weights model", []),
        ("deepseek, is that an open weights model", []),
        ("qwen, is it open weights?", []),
        ("deepseek is great, is it an llm", []),
        # known words, or not where the question asks: nothing
        ("how does a neural network work", []),
        ("our team uses pgvector, what are embeddings", []),
    ],
)
def test_the_unknown_term_a_question_asks_about(question: str, terms: list[str]) -> None:
    assert asked_terms(question, knows) == terms
