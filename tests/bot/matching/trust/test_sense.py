"""Which sense a term of one English word has: things around it tell, trades may only ask."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.sense import (
    common_noun,
    lone_word,
    of_the_ones,
    pronoun_referents,
    thing,
    trades_ask,
    unsupported,
)

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


def test_a_lone_term_is_an_english_word_of_its_own(lexicon: Lexicon) -> None:
    tokens, kinds = ["a", "transformer", "blew"], ["", "term", "everyday"]
    assert lone_word(tokens, kinds, 1, lexicon)
    # a word of a term of several words ("context window") is not alone
    assert not lone_word(["context", "window"], ["term", "term"], 0, lexicon)
    # a coined word is no English word ("llms")
    assert not lone_word(["llms"], ["term"], 0, lexicon)


def test_only_a_lone_term_with_nothing_else_of_the_field_is_unsupported(lexicon: Lexicon) -> None:
    street = [(["a", "transformer", "blew", "on", "our", "street"], ["", "term", "", "", "", ""])]
    assert unsupported(street, lexicon, "a transformer blew on our street")
    # another word of the field beside it supports the sense the knowledge means
    model = [(["transformer", "model", "street"], ["term", "domain", ""])]
    assert not unsupported(model, lexicon, "transformer model street")
    # typed in capitals, a term is an abbreviation ("RAG"), not the English word
    rag = [(["what", "is", "rag"], ["", "", "term"])]
    assert unsupported(rag, lexicon, "what is rag")
    assert not unsupported(rag, lexicon, "what is RAG")
    # "ai" before it, too short a word for the grammar's kinds, puts it in the field
    agents = [(["what", "are", "ai", "agents"], ["", "", "", "term"])]
    assert not unsupported(agents, lexicon, "what are ai agents")
    # ... and "in ai" after it (round 39)
    temp = [(["what", "is", "temperature", "in", "ai"], ["", "", "term", "", ""])]
    assert not unsupported(temp, lexicon, "what is temperature in ai")


def test_things_the_knowledge_never_uses_are_not_people_or_occasions(lexicon: Lexicon) -> None:
    unknown = {"garage", "street", "aunt", "meeting", "tomorrow"}.__contains__
    assert thing("garage", lexicon, unknown)
    assert thing("street", lexicon, unknown)
    assert not thing("aunt", lexicon, unknown)  # a person
    assert not thing("meeting", lexicon, unknown)  # an occasion a term comes up at
    assert not thing("tomorrow", lexicon, unknown)  # when
    assert not thing("model", lexicon, unknown)  # the knowledge uses it


def test_a_trade_asks_only_when_no_term_has_a_sense_it_could_mean(lexicon: Lexicon) -> None:
    genai = [(["as", "a", "video", "editor", "generative", "ai"], ["", "", "", "", "term", ""])]
    assert trades_ask(genai, lexicon)
    electrician = [(["as", "an", "electrician", "a", "transformer"], ["", "", "", "", "term"])]
    assert not trades_ask(electrician, lexicon)


def test_a_common_noun_names_a_thing(lexicon: Lexicon) -> None:
    assert common_noun("kitchen", lexicon) and common_noun("behaviour", lexicon)
    # people, a meeting, a time, and a word English does not know are no things
    for word in ("aunt", "meeting", "tomorrow", "qwertyuiop"):
        assert not common_noun(word, lexicon), word


@pytest.mark.parametrize(
    ("kinds", "word", "of_ones"),
    [
        # round 35: the term named again by "the ones", with what tells its sense
        ("tokens/term ,/ the/ ones/ for/ the/ car/plain wash/everyday", "wash", True),
        (
            "agents/term explained/ ,/ the/ ones/ that/ book/plain our/ flights/everyday",
            "flights",
            True,
        ),
        # no comma before, or a word of the field between
        ("the/ ones/ for/ the/ car/plain wash/everyday", "wash", False),
        ("tokens/term ,/ the/ ones/ chatgpt/term counts/everyday", "counts", False),
    ],
)
def test_a_phrase_naming_the_term_again_by_the_ones(
    marked: Marked, kinds: str, word: str, of_ones: bool
) -> None:
    tokens, marks = marked(kinds)
    assert of_the_ones(tokens, marks, tokens.index(word)) is of_ones


def test_a_term_acting_on_it_acts_on_the_things_named_before(lexicon: Lexicon) -> None:
    unknown = {"guitar", "van", "route"}.__contains__
    guitar = [
        (
            ["my", "guitar", "sounds", "off", ",", "how", "do", "i", "fine", "tune", "it"],
            ["", "everyday", "plain", "", "", "", "", "", "domain", "term", ""],
        )
    ]
    assert pronoun_referents(guitar, lexicon, unknown) == ["guitar"]
    # another word of the field may be what "it" is ("we have a model, how do we fine tune it")
    model = [
        (
            ["the", "guitar", "model", ",", "how", "do", "we", "fine", "tune", "it"],
            ["", "everyday", "domain", "", "", "", "", "domain", "term", ""],
        )
    ]
    assert pronoun_referents(model, lexicon, unknown) == []
    # the term acting on nothing named by a pronoun: nothing is referred to
    tune = [(["fine", "tune", "the", "van", "route"], ["domain", "term", "", "everyday", ""])]
    assert pronoun_referents(tune, lexicon, unknown) == []
