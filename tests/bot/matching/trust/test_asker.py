"""Who asks and what they did (:mod:`bot.matching.trust.asker`), seen through the context
grammar."""

from __future__ import annotations

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.asker import done, introduction, subject_verb
from bot.matching.trust.context import context

_TERMS = {"rag"}
_EVERYDAY = {"memo", "confused"}


def kind(token: str) -> str:
    if token in _TERMS:
        return "term"
    return "everyday" if token in _EVERYDAY else ""


def unknown(token: str) -> bool:
    return False


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.mark.parametrize(
    ("tokens", "at", "did"),
    [
        (["my", "mom", "saw", "rag", "on", "the", "news"], 2, True),
        (["someone", "mentioned", "rag"], 1, True),
        ([",", "they", "showed", "rag"], 2, True),
        (["the", "electrician", "saw", "rag"], 2, False),  # a trade may give another sense
        (["my", "mom", "saw", "rag"], 1, False),  # the person, not what they did
        (["the", "rusty", "saw", "rag"], 2, False),  # nobody before it: a noun
        (["we", "trained", "rag"], 1, False),  # a word the knowledge uses is not set aside
        # Round 33: a conjunction opening the clause before its subject
        (["before", "the", "trustees", "approve", "rag"], 3, True),
        (["once", "we", "approve", "rag"], 2, True),
        (["the", "trustees", "who", "approve", "rag"], 3, False),  # not after its subject
    ],
)
def test_what_someone_did(lexicon: Lexicon, tokens: list[str], at: int, did: bool) -> None:
    kinds = ["" if t in {"my", "the", "someone", "they", "we", ","} else "everyday" for t in tokens]
    kinds[tokens.index("rag")] = "term"
    if "trained" in tokens:
        kinds[tokens.index("trained")] = "plain"
    assert subject_verb(tokens, kinds, at, lexicon) is did


def test_a_verb_of_saying_after_a_habit_is_done(lexicon: Lexicon) -> None:
    tokens = ["our", "producer", "keeps", "mentioning", "rag"]
    kinds = ["", "plain", "plain", "everyday", "term"]
    assert "mentioning" in done([(tokens, kinds)], lexicon)
    # no habit before it: a mention may be a thing ("the mentioning rag")
    assert "mentioning" not in done(
        [(["the", "mentioning", "rag"], ["", "everyday", "term"])], lexicon
    )


def test_what_someone_did_is_talk(lexicon: Lexicon) -> None:
    # Without the rule, "saw" before the term reads as a word qualifying it (a saw's rag).
    def kinds(token: str) -> str:
        return "everyday" if token in {"mom", "saw", "news"} else kind(token)

    found = context("my mom saw rag on the news. what is it", kinds, lexicon, unknown)
    assert "saw" not in found.attached
    assert "saw" in found.around


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("pharmacist here", 2),
        ("podcast producer here", 3),
        ("hr bp again", 3),
        ("editor in chief asking", 4),  # Round 33
        ("sales eng here , a prospect asked", 3),  # the first clause only
        ("here", 0),  # nobody named
        ("rag here", 0),  # the term is what the sentence names
        ("the memo , the deck and the whole team here", 0),  # no introduction first
        ("the new chatbot on the intranet is up here", 0),  # too long for a name
        # Round 38: nothing typed between the label and the question
        ("pharmacist here why does it make things up", 2),
        ("sous chef here lol why does it make things up", 4),
        ("pharmacist here and there", 0),  # no question opens after it
    ],
)
def test_who_asks(sentence: str, words: int) -> None:
    tokens = sentence.split()
    kinds = [
        kind(t) or ("everyday" if t.isalpha() and t not in {"here", "again"} else "")
        for t in tokens
    ]
    assert introduction(tokens, kinds) == words


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("volunteer coordinator", 2),  # a sentence of its own ("...: could a bot ...")
        ("the volunteer handbook", 0),  # no noun of people ends it
        ("volunteer coordinator , the handbook", 0),  # a clause goes on
        ("explain it for dummies", 0),  # a sentence that asks
        # Round 33: a group at work ending the label, or "asking" after it
        ("comms team", 2),
        ("the compliance desk", 3),
        ("css text alignment", 0),
    ],
)
def test_who_asks_without_here(lexicon: Lexicon, sentence: str, words: int) -> None:
    tokens = sentence.split()
    kinds = ["everyday" if t.isalpha() and t != "the" else "" for t in tokens]
    assert introduction(tokens, kinds, lexicon.names_person) == words
    assert introduction(tokens, kinds) == 0  # without telling people, only "here" shows it


def test_who_asks_is_kept_apart(lexicon: Lexicon) -> None:
    def kinds(token: str) -> str:
        return "everyday" if token == "pharmacist" else kind(token)

    found = context("pharmacist here. the memo confused rag", kinds, lexicon, unknown)
    assert found.asker == ("pharmacist",)


def test_a_noun_of_people_ending_the_opening_says_who_asks(lexicon: Lexicon) -> None:
    # Round 32: "designer" shares its stem with "prompt design", a name of the field; ending
    # the opening as a noun of people, it still says who asks.
    tokens = ["survey", "designer", "here"]
    kinds = ["plain", "term", ""]
    assert introduction(tokens, kinds, lexicon.names_person) == 3
    assert introduction(tokens, kinds) == 0  # without telling people, a term word is asked
    assert introduction(["tokens", "again"], ["term", ""], lexicon.names_person) == 0


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("im the fleet data analyst and people keep saying ai", 5),
        ("i am a librarian , what is rag", 4),
        ("im the gis analyst here and in a meeting", 5),  # "here" goes with it
        ("im the fleet data analyst", 5),
        ("im the data people use", 0),  # no noun of people ends a short phrase
        ("im not sure what rag is", 0),
        ("im a librarian who keeps hearing about rag", 0),  # a clause goes on about the person
        # Round 33: a greeting first; where they work after
        ("hi , im a case manager at the tribunal and our slides say ai", 9),
        ("im a librarian at the city library , what is rag", 7),
        ("im a librarian at the big old city library , what is rag", 0),  # too long
    ],
)
def test_a_self_introduction_says_who_asks(lexicon: Lexicon, sentence: str, words: int) -> None:
    # Round 32: "i'm the <a few words> <noun of people>", then a break or a conjunction.
    tokens = sentence.split()
    kinds = ["everyday" if t.isalpha() else "" for t in tokens]
    assert introduction(tokens, kinds, lexicon.names_person) == words
