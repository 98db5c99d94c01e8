"""Plain words beside a named term: the grammar helpers on their own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.beside import (
    acts_on,
    asked_subject,
    asks,
    generic_phrase,
    placed_on_term,
    subject,
)

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.mark.parametrize(
    ("question", "asking"),
    [
        ("what is rag", True),
        ("explain tokens in simple terms", True),
        ("can i use rag", True),
        ("rag for our docs?", True),
        ("my car needs a fine tune", False),
        ("the training schedule for a marathon", False),
    ],
)
def test_a_question_or_request_is_told_from_a_statement(question: str, asking: bool) -> None:
    assert asks(question, question.rstrip("?").split()) is asking


def test_a_verb_acts_on_the_term_only_without_a_preposition(lexicon: Lexicon) -> None:
    tokens = ["buy", "a", "used", "transformer"]
    assert acts_on(tokens, ["everyday", "", "", "term"], 0, lexicon)
    tokens = ["talking", "about", "embeddings"]
    assert not acts_on(tokens, ["everyday", "", "term"], 0, lexicon)
    # Round 36: "or" after it joins a noun to another ("the departures board or a pdf")
    tokens = ["board", "or", "a", "pdf"]
    assert not acts_on(tokens, ["everyday", "", "", "domain"], 0, lexicon)


def test_an_adjective_qualifying_a_phrasing_word_at_the_end_is_generic(lexicon: Lexicon) -> None:
    tokens = ["rag", "in", "simple", "terms"]
    assert generic_phrase(tokens, ["term", "", "plain", ""], 2, lexicon)
    tokens = ["tokens", "in", "a", "board", "game"]
    assert not generic_phrase(tokens, ["term", "", "", "everyday", ""], 3, lexicon)


@pytest.mark.parametrize(
    ("question", "word", "asked"),
    [
        ("what is a cnn in deep learning", "cnn", True),
        ("explain dropout in neural networks", "dropout", True),
        ("whats the context window", "context", True),
        ("my boss keeps talking about embeddings", "boss", False),
        ("what are the cons of rag", "cons", False),  # its object is the term
        ("what does my boss mean by rag", "boss", False),  # who says it, not what it is
    ],
)
def test_a_definition_asks_about_the_noun_right_after_it(
    question: str, word: str, asked: bool
) -> None:
    tokens = question.split()
    assert asked_subject(tokens, tokens.index(word)) is asked


@pytest.mark.parametrize(
    ("text", "word", "placed"),
    [
        # Round 47: a thing set on the term as a place
        ("how/ do/ i/ install/everyday python/plain on/ windows/term", "python", True),
        ("run/ a/ python/plain script/everyday on/ windows/term", "python", True),
        # a judgement or a topic of the term, or no preposition between
        ("the/ cons/everyday of/ rag/term", "cons", False),
        ("python/plain windows/term", "python", False),
    ],
)
def test_a_thing_placed_on_the_term(marked: Marked, text: str, word: str, placed: bool) -> None:
    tokens, kinds = marked(text)
    assert placed_on_term(tokens, kinds, tokens.index(word)) is placed


def test_a_noun_before_a_clause_of_its_own_is_no_subject(marked: Marked, lexicon: Lexicon) -> None:
    # Round 52 (read set 180): "notes" may be a verb, but "i" after it opens a clause
    tokens, kinds = marked(
        "why/ does/ the/ assistant/domain forget/domain the/ first/ half/plain of/ the/"
        " arrangement/everyday notes/everyday i/ pasted/domain in/"
    )
    assert not subject(tokens, kinds, tokens.index("arrangement"), lexicon)
    tokens, kinds = marked(
        "can/ a/ high/everyday fever/everyday cause/everyday hallucinations/term"
    )
    assert subject(tokens, kinds, tokens.index("fever"), lexicon)
    # "you" after a verb is its object, no subject of a clause of the asker's
    tokens, kinds = marked(
        "can/ a/ high/everyday fever/everyday give/everyday you/ hallucinations/term"
    )
    assert subject(tokens, kinds, tokens.index("fever"), lexicon)
