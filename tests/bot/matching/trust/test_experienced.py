"""A person hallucinating (:mod:`bot.matching.trust.experienced`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.experienced import person_hallucinating


def _names_person(word: str) -> bool:
    return word in {"grandad", "caller"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 42 (read sets 41, 116): the medical sense, nothing of the field beside it
        ("a caller says she's been hallucinating since changing medication", True),
        ("my grandad has started hallucinating at night", True),
        ("can lack of sleep make you hallucinate", True),
        ("is it normal to have a hallucination when falling asleep", True),
        ("does chatgpt have hallucinations", False),  # the field named
        # the field named: a model hallucinates
        ("my manager says chatgpt hallucinates, what does that mean", False),
        ("people keep saying the model is hallucinating", False),
        # no person doing it
        ("what is a hallucination", False),
        ("why does it hallucinate so confidently", False),
        ("i asked it for sources and it hallucinated three papers", False),
    ],
)
def test_a_person_hallucinating(question: str, expected: bool) -> None:
    assert person_hallucinating(question, _names_person) is expected
