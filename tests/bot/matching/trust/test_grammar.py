"""The question's sentences as typed (:func:`bot.matching.trust.grammar.split_sentences`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.grammar import (
    QUOTED,
    asked,
    clauses,
    describing,
    join_terms,
    pointed_at,
    pointed_phrase_end,
    runs,
    split_sentences,
)


@pytest.mark.parametrize(
    ("question", "sentences"),
    [
        (
            "onboarding tmrw: is deep learning ml? ok",
            ["onboarding tmrw", " is deep learning ml", " ok"],
        ),
        ("am i booked for 6:30 pm at noon's", ["am i booked for 6:30 pm at noon's"]),
        ("ratio 16:9 - fine. thanks", ["ratio 16:9", "fine", "thanks"]),
        # a colon inside quotes ends no sentence
        (
            "do i write 'Attn:' or spell out 'Attention:' on the line?",
            ["do i write 'Attn:' or spell out 'Attention:' on the line"],
        ),
    ],
)
def test_sentences_split_at_strong_breaks_but_not_inside_a_time(
    question: str, sentences: list[str]
) -> None:
    assert split_sentences(question) == sentences


def test_a_term_typed_as_two_or_three_words_is_joined() -> None:
    names = {"fine tuning", "retrieval augmented generation"}

    def kind(token: str) -> str:
        return "term" if token in names else "domain"

    tokens = ["how", "does", "retrieval", "augmented", "generation", "work"]
    kinds = ["", "", "domain", "domain", "domain", ""]
    join_terms(tokens, kinds, kind)
    assert kinds == ["", "", "term", "term", "term", ""]
    tokens, kinds = ["fine", "tuning", "costs"], ["domain", "plain", "domain"]
    join_terms(tokens, kinds, kind)
    assert kinds == ["term", "term", "domain"]
    # words that name nothing together stay as they are
    tokens, kinds = ["augmented", "reality", "glasses"], ["domain", "domain", "domain"]
    join_terms(tokens, kinds, kind)
    assert kinds == ["domain", "domain", "domain"]


def test_every_time_opens_a_clause_of_when() -> None:
    tokens = ["why", "does", "it", "change", "every", "time", "i", "ask", "about", "fees"]
    assert clauses(tokens) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert clauses(["every", "model", "has", "limits"]) == [0, 0, 0, 0]  # a determiner


@pytest.mark.parametrize(
    ("tokens", "at", "expected"),
    [
        (["whats", "an", "epoch", "when", "youre", "training"], 2, True),
        (["so", "um", "what", "is", "a", "checkpoint"], 5, True),
        # no asking word before it, or only a preposition's phrase
        (["for", "a", "slide", "tomorrow", "morning"], 2, False),
        # the first word of a clause after a comma asks nothing
        (["should", "we", "fine", "tune", ",", "deadline", "is", "friday"], 5, False),
    ],
)
def test_what_a_clause_asks_about(tokens: list[str], at: int, expected: bool) -> None:
    assert asked(tokens, at) is expected


def test_a_comma_grouping_thousands_breaks_nothing() -> None:
    assert runs("our own 4,000 past rulings, so") == [
        ["our", "own", "4", "000", "past", "rulings", ",", "so"]
    ]
    assert runs("tokens, 2 of them") == [["tokens", ",", "2", "of", "them"]]


def test_an_emoji_between_words_ends_a_run() -> None:
    assert runs("agentic ai explained pls \U0001f64f our rep saw it") == [
        ["agentic", "ai", "explained", "pls"],
        ["our", "rep", "saw", "it"],
    ]
    assert runs("what is rag \U0001f914") == [["what", "is", "rag"]]
    # an emoji of several code points (a person, a joiner, a sign, a variation selector)
    assert runs("hr here \U0001f64b\u200d\u2640\ufe0f what is rag") == [
        ["hr", "here"],
        ["what", "is", "rag"],
    ]


@pytest.mark.parametrize(
    ("message", "pointed"),
    [
        # Round 33: a bare noun phrase, then "how does it work"
        ("voice biometrics for caller authentication - how does it work?", True),
        ("fingerprint scanners for the door. how do they work", True),
        # a clause with a speaker, or an opener, is no bare phrase
        ("we use rag for our docs. how does it work", False),
        ("when the bot answers - how does it work", False),
        # "what is that" after a statement points at what was quoted, not the sentence
        ("a vendor keeps pitching 'conversational ai'. what is that", False),
        # Round 51: "what is it", "what's that" ask of the phrase too
        ("gradient descent - what is it in machine learning", True),
        ("mixture of experts — what is it and is that why llms are fast", True),
        ("feature stores - what's that", True),
        # ... but not when "that" points at a noun after it
        ("thats wild. what is that method called", False),
        ("guessing the next word - what's that method called", False),
        ("feature stores - what's that in ml", True),
    ],
)
def test_a_phrase_the_next_sentence_asks_how_works(message: str, pointed: bool) -> None:
    first, second = runs(message)[:2]
    assert pointed_at(first, second) is pointed


@pytest.mark.parametrize(
    ("message", "comma"),
    [
        # Round 45: the phrase before a comma that "how does it ..." asks about
        ("gradient descent, how does it actually find the weights", 2),
        ("rag, how does it work", 1),
        # a speaker, no pronoun pointing back, or no comma: none
        ("we tried it, how does it work", 0),
        ("quick one, how do i write a prompt", 0),
        ("how does gradient descent work", 0),
    ],
)
def test_a_phrase_before_a_comma_the_rest_asks_how_works(message: str, comma: int) -> None:
    assert pointed_phrase_end(runs(message)[0]) == comma


def test_a_clause_describing_a_kind_of_thing() -> None:
    # Round 33: "a setup where ..." describes what the question asks the name of.
    tokens = runs("someone suggested a setup where the ai first looks up the guide")[0]
    clause = clauses(tokens)
    assert describing(tokens, clause, tokens.index("looks"))
    assert not describing(tokens, clause, tokens.index("suggested"))
    other = runs("we met where the river bends")[0]
    assert not describing(other, clauses(other), other.index("river"))


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("typing 'boiler won't start' finds nothing", ["boiler won't start"]),
        # Capitals too: an apostrophe between letters neither opens nor closes a quote.
        ("typing 'BOILER WON'T START' finds nothing", ["BOILER WON'T START"]),
        ("the screen says 'Can'T Connect'", ["Can'T Connect"]),
        ("it's 'agentic', isn't it", ["agentic"]),
    ],
)
def test_an_apostrophe_inside_a_word_stays_in_the_quote(question: str, quoted: list[str]) -> None:
    assert QUOTED.findall(question) == quoted
