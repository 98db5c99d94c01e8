"""A thing of the asker's asked whether it is one of the term (bot/matching/trust/instance.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.grammar import runs
from bot.matching.trust.instance import instances, pointed_back

TERMS = {"chatbot", "llm", "chatgpt", "ai", "agent"}


def kind(token: str) -> str:
    if token in TERMS:
        return "term"
    return "everyday" if len(token) > 3 else ""


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        # Round 45: the thing between the determiner and "a"/"an" before the closing term
        ("is the widget on our billing site a chatbot?", ("widget", "billing", "site")),
        ("is the old phone menu thing a kind of chatbot", ("phone", "menu", "thing")),
        ("is our new scheduler an ai agent", ("scheduler",)),
        # the thing is itself a term, no "a"/"an", or no term closing it: nothing
        ("is chatgpt an llm", ()),
        ("is the chatgpt app an llm", ()),
        ("is the help widget chatgpt", ()),
        ("is the widget on our site broken", ()),
        # Round 50: two things set side by side, neither held up to the other
        ("is a knowledge graph the same as a chatbot", ()),
        ("is a rules engine really better than an ai agent", ()),
        ("is a rules engine different from an ai agent", ()),
    ],
)
def test_the_thing_held_up_to_the_term(question: str, thing: tuple[str, ...]) -> None:
    assert instances(runs(question), kind) == thing


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        # Round 54 (read sets 119 and 120): what the message described, pointed back at and
        # asked whether it is what the term means, the field named with it
        (
            "a tool that checks the calendar by itself. is that what people mean by an ai agent?",
            ("tool", "that", "checks", "calendar", "itself"),
        ),
        (
            "the little bubble on our site. is that a chatbot in the ai sense?",
            ("little", "bubble", "site"),
        ),
        # no field named, or no asking after what the term means, or one sentence: nothing
        ("a tool that checks the calendar. is that what people mean by an agent?", ()),
        ("the grey box on the pole is humming. is that an ai agent?", ()),
        ("is that what people mean by an ai agent?", ()),
    ],
)
def test_a_described_thing_pointed_back_at(question: str, thing: tuple[str, ...]) -> None:
    assert pointed_back(runs(question), kind) == thing
