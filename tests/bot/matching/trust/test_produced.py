"""What the assistant produced, in a story (:mod:`bot.matching.trust.produced`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.produced import made_up, produced

_KINDS = {
    "three": "", "journal": "everyday", "references": "plain", "on": "", "measles": "everyday",
    "outbreaks": "everyday", "water": "everyday", "quality": "plain", "regulation": "everyday",
    "number": "plain", "easa": "domain", "rule": "plain", "pushback": "everyday",
    "comms": "everyday", "printer": "everyday", "jam": "everyday", "code": "domain",
    "data": "domain", "whole": "domain", "boiler": "everyday", "manual": "plain",
    "staff": "plain", "handbook": "everyday", "rota": "domain", "airline": "everyday",
    "portal": "everyday", "passenger": "everyday", "quoted": "plain", "policy": "plain",
    "discount": "everyday", "guest": "everyday", "copilot": "domain", "building": "plain",
    "regs": "everyday", "clause": "everyday", "probate": "everyday", "letter": "plain",
    "letters": "plain", "compliance": "everyday", "officer": "everyday", "citation": "plain",
    "environment": "everyday", "agency": "everyday", "guidance": "everyday", "note": "plain",
    "case": "everyday", "citations": "plain",
}  # fmt: skip


def kind(token: str) -> str:
    return _KINDS.get(token, "")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "it gave me three journal references on measles outbreaks and none of them exist",
            ["journal", "references", "measles", "outbreaks"],
        ),
        (
            "chatgpt invented a water quality regulation number",
            ["water", "quality", "regulation", "number"],
        ),
        (
            "asked the chat thing for the easa rule on pushback comms",
            ["easa", "rule", "pushback", "comms"],
        ),
        # Round 43 (set 81): the assistant asked, by a name of its own, is the story's too
        ("asked copilot for the easa rule", ["copilot", "easa", "rule"]),
        # made by no assistant
        ("the printer showed a jam code", []),
        ("my manager gave me a jam code", []),
        # the assistant is no subject of the verb
        ("can you train a model on made up data", []),
        # Round 53 (read set 97): the verb's base form after "does"
        ("why does copilot make up case citations", ["copilot", "case", "citations"]),
        # Round 53 (read set 98): whom it gave it to and what, eleven words after the verb
        (
            "the assistant gave our compliance officer a citation to an environment agency "
            "guidance note",
            ["compliance", "officer", "citation", "environment", "agency", "guidance", "note"],
        ),
    ],
)
def test_what_the_assistant_made_or_was_asked_for(text: str, words: list[str]) -> None:
    assert produced(text.split(), kind) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Round 40: what the asker gave the assistant, up to where it went
        ("when i paste the whole boiler manual in it forgets", ["whole", "boiler", "manual"]),
        ("we uploaded our staff handbook to the assistant", ["staff", "handbook"]),
        # someone else pasting is no asker's material
        ("the intern pasted the rota", []),
        # Round 43 (read set 92): what of the material given it the assistant lost
        (
            "it forgets the start of the boiler manual when i paste it in",
            ["boiler", "manual"],
        ),
        # nothing given: what it forgets may be what is asked
        ("it forgets the start of the rota", []),
        # Round 46: what a tool turns into something else
        ("the search turns every probate letter into a list of numbers", ["probate", "letter"]),
        ("the search turns letters", []),  # nothing turned "into" anything
    ],
)
def test_what_the_asker_gave_the_assistant(text: str, words: list[str]) -> None:
    assert produced(text.split(), kind) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Round 41: where the assistant is parts it from its verb; the verb is the story's too
        (
            "the bot on the airline portal told a passenger the rule",
            ["airline", "portal", "passenger", "rule"],
        ),
        ("it quoted a policy number", ["quoted", "policy", "number"]),
        # a second verb shares the assistant as its subject
        (
            "the bot told a guest and invented a discount code",
            ["guest", "discount", "code"],
        ),
        # a place after no assistant, or a verb after a person's
        ("the manager on the airline portal told a passenger", []),
        ("my manager told a guest and invented a discount code", []),
    ],
)
def test_the_story_around_what_the_assistant_said(text: str, words: list[str]) -> None:
    assert produced(text.split(), kind) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Round 42: which assistant did it is the story's too (any would do the like)
        (
            "copilot just made up a building regs clause",
            ["copilot", "building", "regs", "clause"],
        ),
        # "it" names no assistant of its own
        ("it gave me a building regs clause", ["building", "regs", "clause"]),
    ],
)
def test_the_assistant_that_made_it_is_the_storys(text: str, words: list[str]) -> None:
    assert produced(text.split(), kind) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Round 44 (read set 127): where the question names its term, what the assistant was
        # asked about, given or lost is still the asker's ...
        ("i ask it the same thing about the staff handbook", ["staff", "handbook"]),
        ("asked the chat thing for the easa rule", ["easa", "rule"]),
        ("i pasted the whole boiler manual in", ["whole", "boiler", "manual"]),
        # ... what it made is not: it may be the term's description
        ("chatgpt invented a water quality regulation number", []),
        ("it gave me three journal references", []),
    ],
)
def test_only_what_it_was_asked_about_where_the_term_is_named(text: str, words: list[str]) -> None:
    assert produced(text.split(), kind, made=False) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Round 44 (read set 128): the asker unsaid, the giving verb opens the sentence
        ("pasted the whole boiler manual in", ["whole", "boiler", "manual"]),
        # an auxiliary between the assistant and what it lost
        (
            "i pasted it in and it had forgotten the start of the staff handbook",
            ["staff", "handbook"],
        ),
        # outside a why-question, what it made or was asked for does not count ...
        ("chatgpt invented a water quality regulation number", []),
        ("asked the chat thing for the easa rule", []),
        # ... nor does someone else's giving
        ("the intern pasted the rota", []),
    ],
)
def test_what_was_given_counts_in_any_question(text: str, words: list[str]) -> None:
    assert produced(text.split(), kind, asked=False) == words


def test_what_the_story_calls_made_up_is_the_assistants_invention() -> None:
    # Round 45 (read set 136): "made-up author, made-up journal", no maker before it (the
    # judge asks only in a story of what the assistant produced)
    tokens = ["made", "up", "author", ",", "made", "up", "journal", ",", "dead", "link"]
    assert made_up(tokens, lambda t: "everyday") == ["author", "journal"]
    assert made_up(["it", "made", "up", "a", "journal"], lambda t: "everyday") == []  # its own verb


def test_what_the_story_calls_fake_is_the_assistants_invention_too() -> None:
    # Round 47 (read set 150): "fake DOI and all", "a bogus case number"
    tokens = ["a", "source", ",", "fake", "isbn", "and", "all"]
    assert made_up(tokens, lambda t: "everyday") == ["isbn"]
    tokens = ["it", "gave", "a", "bogus", "case", "number"]
    assert made_up(tokens, lambda t: "everyday") == ["case", "number"]
