"""Words joined to a term by grammar (bot/matching/trust/attached.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.attached import (
    for_a_product,
    modifies,
    names_a_system,
    ours,
    person,
    undergoes,
)

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.mark.parametrize(
    ("tokens", "kinds", "at", "expected"),
    [
        # "our sop documents": which of the asker's documents
        (["look", "up", "our", "sop", "documents"], ["", "", "", "domain", "domain"], 3, True),
        # "our api token": the term itself, whose sense the word may change
        (["our", "api", "token", "expired"], ["", "domain", "term", "everyday"], 1, False),
        # no possessive: "the sop documents" may be what is asked about
        (["the", "sop", "documents"], ["", "domain", "domain"], 1, False),
        # everyday words naming which of the asker's documents, "own" or not
        (["our", "port", "tariff", "docs"], ["", "everyday", "plain", "domain"], 1, True),
        (["our", "port", "tariff", "docs"], ["", "everyday", "plain", "domain"], 2, True),
        (["our", "own", "menu", "docs"], ["", "", "everyday", "domain"], 2, True),
        # the asker's thing is the term itself: may be its other sense
        (["my", "auth", "token"], ["", "everyday", "term"], 1, False),
        # a verb of the field after the asker's thing, its object after it: no noun
        (
            ["my", "bike", "needs", "some", "fine", "tuning"],
            ["", "everyday", "domain", "", "domain", "term"],
            1,
            False,
        ),
    ],
)
def test_which_of_the_askers_things(
    tokens: list[str], kinds: list[str], at: int, expected: bool
) -> None:
    assert ours(tokens, kinds, at) is expected


def _describes(word: str) -> bool:
    return word.isalpha()


@pytest.mark.parametrize(
    ("tokens", "at", "expected"),
    [
        # a noun before the term names another kind of it
        (["my", "body", "temperature"], 1, True),
        # how much of it, or which of its cases: no other sense
        (["a", "higher", "temperature"], 1, False),
        (["the", "known", "limitations"], 1, False),
        (["the", "main", "risks"], 1, False),
    ],
)
def test_a_word_before_the_term_that_names_a_kind(
    tokens: list[str], at: int, expected: bool
) -> None:
    kinds = ["", "everyday", "term"]
    assert modifies(tokens, kinds, at, _describes) is expected


@pytest.mark.parametrize(
    ("tokens", "kinds", "expected"),
    [
        (["witness", "is", "basically", "hallucinating"], ["everyday", "", "", "term"], True),
        (["grandad", "keeps", "hallucinating"], ["everyday", "", "term"], True),
        # a word of the field does it, or the term is no verb in -ing
        (["chatbot", "is", "hallucinating"], ["domain", "", "term"], False),
        (["witness", "is", "a", "hallucination"], ["everyday", "", "", "term"], False),
    ],
)
def test_whoever_is_doing_the_term(tokens: list[str], kinds: list[str], expected: bool) -> None:
    assert undergoes(tokens, kinds, 0) is expected


def test_a_role_in_a_group_at_work_names_a_person() -> None:
    # Round 33: "chair" alone is furniture first; after "board" it is who quoted the figure.
    lexicon = Lexicon()
    tokens = ["the", "board", "chair", "quoted", "rag"]
    kinds = ["", "everyday", "everyday", "everyday", "term"]
    assert person(tokens, kinds, 2, lexicon)
    assert not person(["the", "oak", "chair"], ["", "everyday", "everyday"], 2, lexicon)


@pytest.mark.parametrize(
    ("kinds", "word", "system"),
    [
        # round 35: which product employs the field's thing, named again after the verb
        (
            "the/ judgment/everyday search/term uses/ vector/term search/term",
            "judgment",
            True,
        ),
        # no verb of employing, or nothing of the field after it
        ("the/ judgment/everyday search/term is/ slow/everyday", "judgment", False),
        ("the/ judgment/everyday search/term uses/ keywords/everyday", "judgment", False),
    ],
)
def test_a_noun_naming_a_system_that_employs_the_term(
    marked: Marked, kinds: str, word: str, system: bool
) -> None:
    tokens, marks = marked(kinds)
    assert names_a_system(tokens, marks, tokens.index(word)) is system


@pytest.mark.parametrize(
    ("text", "at", "product"),
    [
        # Round 40: what the asker builds with the term
        ("multimodal ai for a kids picture book app", 4, True),
        ("embeddings for the recipe search tool", 3, True),
        # ... not a purpose without a product, nor a word before "for"
        ("temperature for a kids party", 3, False),
        ("kids multimodal ai for an app", 0, False),
    ],
)
def test_a_purpose_naming_a_product(text: str, at: int, product: bool) -> None:
    tokens = text.split()
    term = next(i for i, t in enumerate(tokens) if t in {"ai", "embeddings", "temperature"})
    assert for_a_product(tokens, term, at) is product
