"""Where a word stands around the term (bot/matching/trust/around.py)."""

from __future__ import annotations

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.around import around_term, identity, set_aside, setting, subject_asked

# kinds as the judge gives them: "cases" a word of the field apart from the term, "weights
# open" one compound of the field, "freight" and "gym" everyday.
_SETTING_KINDS = {
    "llm": "term", "weights": "term", "cases": "domain", "open": "domain", "freight": "everyday",
    "desk": "plain", "gym": "everyday", "explained": "", "report": "everyday", "car": "everyday",
    "adoption": "term", "bakery": "everyday", "transformer": "term", "substation": "everyday",
}  # fmt: skip


@pytest.mark.parametrize(
    ("tokens", "at", "is_setting"),
    [
        (["llm", "use", "cases", "for", "a", "freight", "desk"], 5, True),
        (["llm", "use", "cases", "for", "a", "freight", "desk"], 6, True),
        (["llm", "explained", "for", "a", "report"], 4, True),
        # the phrase hangs on the term itself: another sense
        (["llm", "for", "a", "freight", "desk"], 3, False),
        # "open" is part of the term's compound, no word apart from it
        (["the", "free", "weights", "open", "at", "the", "gym"], 6, False),
        # the phrase does not end the clause: a word of the field follows
        (["llm", "use", "cases", "for", "a", "car", "llm"], 5, False),
        # "for" after a picturing verb: whom the picture is of; "in" keeps the sense
        (["what", "does", "adoption", "look", "like", "for", "a", "bakery"], 7, True),
        (["what", "does", "a", "transformer", "look", "like", "in", "a", "substation"], 8, False),
    ],
)
def test_a_setting_after_an_aspect_of_the_term(
    tokens: list[str], at: int, is_setting: bool
) -> None:
    kinds = [_SETTING_KINDS.get(t, "") for t in tokens]
    assert setting(tokens, kinds, at) is is_setting


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("give me genai use cases beyond chatbots pls", ["chatbots", "pls"]),
        ("what can gen-ai do besides chatbots? marketing wants ideas", ["chatbots"]),
        ("llm uses other than writing emails, for the team", ["writing", "emails"]),
        ("what is a chatbot", []),
        # what was asked before, not now
        ("following on from the gan thing, whats a vae", ["the", "gan", "thing"]),
        # Round 54: the sense set aside after a comma; a word asked before it stays
        ("reinforcement learning in general, not the rlhf chatbot stuff", ["rlhf", "chatbot"]),
        ("explain ai agents, not the travel agent kind", ["travel"]),
        ("not the rlhf stuff, reinforcement learning", []),  # nothing asked before it
        ("what is rlhf, not the game stuff", ["game"]),
        # any determiner, or "those" and "these", opens the sense set aside
        ("computer vision, not your chatbot stuff", ["chatbot"]),
        ("computer vision, not those chatbot things", ["chatbot"]),
    ],
)
def test_what_a_question_sets_aside(question: str, words: list[str]) -> None:
    assert set_aside(question) == words


@pytest.mark.parametrize(
    ("text", "at", "is_identity"),
    [
        ("explain rag like im a backend dev", 6, True),
        ("explain rag as if i were a chef", 7, True),
        ("like im a nurse who uses rag", 3, True),
        ("like im a nurse who uses rag at work", 7, False),  # after "who": what they do
        # who the asker is, outside the form of an explanation for someone, may tell the sense
        ("im a structural engineer , how deep is a foundation", 3, False),
        ("as a video editor , what can genai do", 3, False),
        ("i am a nurse , what is a temperature", 3, False),
        ("explain rag like i am a plumber", 6, True),
    ],
)
def test_whom_to_explain_to_as_if(text: str, at: int, is_identity: bool) -> None:
    tokens = text.split()
    kinds = ["term" if t in {"rag", "genai"} else "" for t in tokens]
    assert identity(tokens, kinds, at) is is_identity


def test_an_occasion_someone_owns_is_where_the_term_came_up() -> None:
    tokens = ["i", "saw", "fine", "tuning", "in", "a", "vendor", "deck"]
    kinds = ["", "everyday", "term", "term", "", "", "plain", "everyday"]
    assert around_term(tokens, kinds, 7, Lexicon())
    # without the lexicon to tell a noun of people, the compound is not read as one
    assert not around_term(tokens, kinds, 7)
    # "a gift deck": no one owns it
    tokens[6] = "gift"
    assert not around_term(tokens, kinds, 7, Lexicon())


def test_an_occasion_the_term_is_about_is_where_it_came_up() -> None:
    # "it's in the architecture diagram": the term names what the diagram shows
    tokens = ["its", "in", "the", "architecture", "diagram", "most", "llms", "use"]
    kinds = ["", "", "", "term", "everyday", "", "domain", ""]
    assert around_term(tokens, kinds, 4, Lexicon())
    # a diagram qualified by the term, not where it came up ("an architecture diagram tool")
    assert not around_term(["an", "architecture", "diagram"], ["", "term", "everyday"], 2)


@pytest.mark.parametrize(
    "text",
    [
        # round 35: a word of time or of how often before the event
        "genai tools to show at the morning huddle",
        "rag came up in the weekly sync",
        "explain agents for the monday huddle",
    ],
)
def test_an_event_named_with_its_time_is_where_the_term_came_up(text: str) -> None:
    tokens = text.split()
    kinds = ["term" if t in {"genai", "rag", "agents"} else "" for t in tokens]
    kinds[-1] = "everyday"
    assert around_term(tokens, kinds, len(tokens) - 1, Lexicon())


def test_what_the_asker_asks_the_tool_about() -> None:
    tokens = ["i", "ask", "the", "same", "question", "about", "panel", "warranties"]
    kinds = ["", "", "", "", "", "", "everyday", "everyday"]
    assert subject_asked(tokens, kinds, 6)
    assert subject_asked(tokens, kinds, 7)
    # a phrase holding the term is what is asked ("questions about cooking temperatures")
    tokens = ["questions", "about", "cooking", "temperatures"]
    assert not subject_asked(tokens, ["", "", "everyday", "term"], 2)
    # "about" after no word of asking
    assert not subject_asked(["talk", "about", "warranties"], ["", "", "everyday"], 2)
