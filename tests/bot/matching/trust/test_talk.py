"""Talk around the term (:mod:`bot.matching.trust.talk`), seen through the context grammar."""

from __future__ import annotations

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.context import context
from bot.matching.trust.talk import figure, owned, said, speaker

# A toy classification, as the judge would give it for a glossary that names these terms.
_TERMS = {"tokens", "rag", "gan", "tune", "fine", "embeddings", "vs"}
_EVERYDAY = {
    "short", "version", "para", "board", "memo", "yrs", "tickets", "coming", "audience",
    "exec", "technical", "non", "car", "tires", "physics", "hearing", "mine", "failing",
    "demoing", "quick", "deck", "keeps", "ran", "room", "confused", "left",
}  # fmt: skip
_UNKNOWN = {"standups", "offsite", "onboarding"}  # words the knowledge never uses, not English
_DOMAIN = {"model", "data", "review"}  # words of the field the knowledge uses


def kind(token: str) -> str:
    if token in _TERMS:
        return "term" if token != "vs" else ""
    if token in _EVERYDAY:
        return "everyday"
    return "domain" if token in _UNKNOWN | _DOMAIN else ""


def unknown(token: str) -> bool:
    return token in _UNKNOWN


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("what is rag, the short version", {"short", "version"}),  # the form of the answer
        ("need a para on rag", {"para"}),
        ("a two para summary of rag", {"para"}),  # round 38: counted pieces
        ("could we fine tune on 3 yrs of tickets", {"yrs"}),  # a quantity of the asker's
        ("a summary of rag for the board memo", {"memo"}),  # what the answer is for
        ("explain rag vs gan for a non technical exec audience", {"audience", "exec"}),
        ("what is rag, we keep hearing it in standups", {"hearing", "standups"}),
        ("what is rag? mine keeps failing", {"mine", "failing"}),  # a sentence of its own
        ("a few lines on embeddings for my onboarding deck", {"deck", "onboarding"}),
        # A sentence of someone's doings beside the one naming the term, even with a word
        # the knowledge uses ("review").
        ("the review ran long and the room left confused. what is rag", {"review", "room"}),
    ],
)
def test_talk_around_the_term(lexicon: Lexicon, question: str, words: set[str]) -> None:
    found = context(question, kind, lexicon, unknown)
    assert words <= set(found.around), found
    assert found.attached == ()


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("is gan 5 coming out", "coming"),  # a version after a name, not a count
        ("explain tokens for car tires", "tires"),  # no people: another sense
        ("what are tokens, in physics", "physics"),  # a phrase narrowing the term
        ("what is rag, the offsite one", "offsite"),  # nobody does anything in the clause
        ("what is rag. the offsite one", "offsite"),  # nor in the sentence
        ("what is rag. what is the review", "review"),  # a sentence that asks
    ],
)
def test_not_talk(lexicon: Lexicon, question: str, word: str) -> None:
    assert word not in context(question, kind, lexicon, unknown).around


def test_clauses_of_talk_need_to_know_what_the_knowledge_uses(lexicon: Lexicon) -> None:
    # Without the knowledge's words, a clause of the asker's doings is not set aside whole.
    question = "what is rag, we keep hearing it in standups"
    assert "standups" not in context(question, kind, lexicon).around


@pytest.mark.parametrize(
    ("token", "is_figure"),
    [
        ("9s", True),  # "year 9s"
        ("2018", True),
        ("128k", True),
        ("7b", True),
        ("40gb", True),  # round 39: a size on disk
        ("500mb", True),
        ("q3", True),
        ("fy25", True),
        ("3rd", False),  # which floor, not when or how much
        ("4o", False),  # a model's name ("gpt 4o")
        ("h100", False),
        ("gpt", False),
    ],
)
def test_figures_say_when_or_how_much(token: str, is_figure: bool) -> None:
    assert figure(token) is is_figure


@pytest.mark.parametrize(
    ("tokens", "at", "speaks"),
    [
        (["the", "vendor", "deck", "says", "rag"], 1, True),
        (["the", "vendor", "deck", "says", "rag"], 2, True),
        (["gartner", "keeps", "saying", "rag"], 0, True),
        (["my", "boss", "mentioned", "rag"], 1, True),
        (["a", "prospect", "asked", "if", "rag"], 1, True),  # asking is saying too
        (["explain", "the", "deck", "says", "rag"], 2, False),  # the clause opens elsewhere
        (["the", "deck", "is", "on", "rag"], 1, False),  # no verb of saying
        # Round 33: a clause of its own after "and", "but" or "so"
        (["so", "our", "vendor", "claims", "rag"], 2, True),
        (["and", "the", "deck", "says", "rag"], 2, True),
        # Round 39: bragging, insisting, muttering and their kin say it too
        (["the", "sales", "rep", "bragged", "about", "rag"], 2, True),
        (["engineering", "insists", "rag"], 0, True),
        (["my", "boss", "reckons", "rag"], 1, True),
    ],
)
def test_who_or_what_speaks_of_the_term(tokens: list[str], at: int, speaks: bool) -> None:
    kinds = [
        ""
        if t in {"a", "the", "my", "our", "explain", "is", "on", "if", "so", "and", "about"}
        else "everyday"
        for t in tokens
    ]
    kinds[-1] = "term"
    assert speaker(tokens, kinds, at) is speaks


@pytest.mark.parametrize(
    ("tokens", "at", "says"),
    [
        (["my", "boss", "mentioned", "rag"], 2, True),
        # Round 53: people spoken of as a pronoun, a habit between
        (["why", "do", "ppl", "always", "mention", "rag"], 4, True),
        (["someone", "mentioned", "rag"], 1, True),
        (["how", "do", "i", "write", "a", "prompt"], 3, False),  # the asker's own writing
    ],
)
def test_the_verb_of_saying_after_who_speaks(tokens: list[str], at: int, says: bool) -> None:
    kinds = ["" if t in {"why", "do", "a", "how", "my"} else "everyday" for t in tokens]
    kinds[-1] = "term"
    assert said(tokens, kinds, at) is says


@pytest.mark.parametrize(
    ("field", "speaks"),
    [
        (True, True),  # round 35: "the search supplier keeps saying": what it supplies
        (False, False),  # a lone English term: "the transformer supplier" tells its sense
    ],
)
def test_a_word_of_the_field_in_the_speakers_phrase(field: bool, speaks: bool) -> None:
    tokens = ["the", "search", "supplier", "keeps", "saying", "vector", "search"]
    kinds = ["", "term", "everyday", "plain", "plain", "term", "term"]
    assert speaker(tokens, kinds, 2, field=field) is speaks


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the start of my shift handover notes when i paste", ["shift", "handover", "notes"]),
        ("look things up in our own vaccination protocols first", ["vaccination", "protocols"]),
        ("look up our sop docs", ["sop", "docs"]),
        # the subject or object of a verb may be what is asked about
        ("how much my inbox holds", []),
        ("how do i word my request", []),
        # where a tool runs is what a how-to asks about
        ("how do i install it on my mac", []),
    ],
)
def test_the_askers_own_things(text: str, words: list[str]) -> None:
    kinds = {"shift": "everyday", "handover": "domain", "notes": "everyday", "sop": "domain"}
    kinds |= {"docs": "domain", "vaccination": "everyday", "protocols": "everyday"}
    kinds |= {"inbox": "everyday", "request": "plain", "mac": "everyday"}
    assert owned(text.split(), lambda t: kinds.get(t, "")) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # round 40: right after a named term, a phrase whose head is the asker's own tool of
        # the field is what the tool serves
        ("rag or fine tuning for our formulary lookup bot", ["formulary", "lookup"]),
        ("embeddings for our parts catalogue search", ["parts", "catalogue"]),
        # ... else it may give the term another sense
        ("the context window of my car", []),
        ("what temperature for our cold room", []),
    ],
)
def test_the_askers_own_things_after_a_named_term(text: str, words: list[str]) -> None:
    kinds = {"rag": "term", "tuning": "term", "formulary": "domain", "lookup": "domain"}
    kinds |= {"embeddings": "term", "parts": "everyday", "catalogue": "everyday"}
    kinds |= {"search": "domain", "window": "term", "car": "everyday", "temperature": "term"}
    kinds |= {"cold": "plain", "room": "everyday"}
    field = {"search"}.__contains__
    found = owned(text.split(), lambda t: kinds.get(t, ""), named=True, field=field)
    assert found == words
