"""What the asker has the tool do (:mod:`bot.matching.trust.task`): talk, never a sense."""

from __future__ import annotations

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.context import context
from bot.matching.trust.task import task_words

_TOPICAL = {"llm": "term", "ai": "", "gen": "term", "model": "domain"}
_EVERYDAY = {"draft", "visa", "guidance", "restaurant", "recs", "guests", "contracts", "trust"}


def kind(token: str) -> str:
    if token in _TOPICAL:
        return _TOPICAL[token]
    return "everyday" if token in _EVERYDAY else ""


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        ("before i let an llm draft visa guidance", ["draft", "visa", "guidance"]),
        (
            "i use the ai to draft restaurant recs for guests but the answers are meh",
            ["draft", "restaurant", "recs", "guests"],  # up to the conjunction
        ),
        ("im using an ai to help draft visa guidance", ["draft", "visa", "guidance"]),
        ("we use the llm for visa guidance", ["visa", "guidance"]),
        ("can i use an llm to draft contracts", []),  # a yes/no question asks about the task
        ("how do i use an llm to draft contracts", []),  # so does a wh-question
        ("let me draft visa guidance", []),  # a person, not a tool
        ("i used to draft visa guidance", []),  # no tool at all
        ("we let an llm, then draft visa guidance", []),  # another clause
    ],
)
def test_the_task_of_a_tool(sentence: str, task: list[str]) -> None:
    tokens = sentence.replace(",", " ,").split()
    assert task_words(tokens, [kind(t) for t in tokens]) == task


def test_the_task_is_no_sense_of_the_term() -> None:
    # "draft visa guidance" right after the term would read as words qualifying it (a kind
    # of llm); done by the tool, it is what the asker does with it.
    found = context(
        "before i let an llm draft visa guidance, why cant i fully trust it",
        kind,
        Lexicon(),
        lambda token: token in _EVERYDAY,
    )
    assert found.task == ("draft", "visa", "guidance")
