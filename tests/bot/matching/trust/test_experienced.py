"""A person hallucinating (:mod:`bot.matching.trust.experienced`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.experienced import human_agent, person_hallucinating
from bot.matching.trust.grammar import runs


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
        ("i don't get hallucinations", False),  # not understood, not had
        # the field named: a model hallucinates
        ("my manager says chatgpt hallucinates, what does that mean", False),
        ("people keep saying the model is hallucinating", False),
        # no person doing it
        ("what is a hallucination", False),
        ("why does it hallucinate so confidently", False),
        ("i asked it for sources and it hallucinated three papers", False),
        # Round 44 (read set 129): the person is the subject of the verb before "and"
        ("the caller has a high temp and is hallucinating a bit", True),
        ("my grandad had a fall and was hallucinating", True),
        ("the fridge is old and is hallucinating", False),  # no person opens the clause
    ],
)
def test_a_person_hallucinating(question: str, expected: bool) -> None:
    assert person_hallucinating(runs(question), _names_person) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Round 42 (read sets 7, 15): a person at a help desk
        ("can i talk to a real support agent please", True),
        ("who's the on-call support agent tonight? got an escalation", True),
        # Round 45 (read set 137): which person is the agent on a case
        ("who's the agent on 24/0311? need to chase them", True),
        ("who is our agent at the insurer", True),
        ("who decides what the agent does next, the llm?", False),
        ("can i speak to a human agent instead of the bot", True),
        # an AI agent
        ("what is an ai agent", False),
        ("our support agent bot can now issue refunds by itself", False),
        ("can an agent book meetings for me on its own", False),
    ],
)
def test_a_human_agent(question: str, expected: bool) -> None:
    assert human_agent(runs(question)) is expected
