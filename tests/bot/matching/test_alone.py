"""Whether one sentence of a message may be answered alone (bot/matching/alone.py)."""

from __future__ import annotations

import pytest

from bot.matching.alone import (
    asks_of_before,
    asks_of_phrase,
    likens_to_before,
    names_kind,
    refers_back,
    stands_alone,
    unplaced,
)
from bot.matching.normalize import words


def _verb(word: str) -> bool:
    return word in {"mentions", "said", "takes", "supports", "site"}


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        ("are these all llms?", True),
        ("so what are they", True),
        # the sentence names its own subject first, or "these" names a kind of tool
        ("gans, what are they?", False),
        ("why do these things make stuff up", False),
        # Round 37: the kind within two words
        ("how do those image generators work", False),
    ],
)
def test_a_sentence_pointing_back(sentence: str, back: bool) -> None:
    assert refers_back(words(sentence)) is back


def test_another_sentence_may_give_the_term_its_sense() -> None:
    message = "she is pitching to a literary agent. how do you find an agent?"
    part = "how do you find an agent"
    assert unplaced(message, part, ("literary", "pitching"), _verb)
    assert not stands_alone(message, part, ("literary", "pitching"), _verb)
    # a verb before the term tells what was done; a word explained is no other sense
    message = "the call mentions foundation models. what is a foundation model?"
    part = "what is a foundation model"
    assert not unplaced(message, part, ("mentions",), _verb)
    assert stands_alone(message, part, (), _verb)
    # the qualifying pair inside the sentence asked is that sentence's own business
    # the same word, derived: "autocue prompts ... the prompter speed"
    message = "the autocue prompts scroll too fast. how do i change the prompter speed?"
    part = "how do i change the prompter speed"
    assert unplaced(message, part, ("autocue", "scroll"), _verb)
    # how many is no sense: "per million tokens. what's a token"
    message = "the page says $5 per million tokens. what's a token exactly?"
    assert not unplaced(message, "what's a token exactly", ("million",), _verb)
    # nor is a figure (round 31)
    message = "our plan is billed per 1M tokens. what counts as a token?"
    assert not unplaced(message, "what counts as a token", ("1m",), _verb)
    asked = "what is a literary agent"
    assert not unplaced(f"{asked}?", asked, ("literary",), _verb)
    # Round 34: the subject of a verb acting on the term, unless it is the asker's own
    message = "the vending machine takes tokens. where do i buy tokens?"
    assert unplaced(message, "where do i buy tokens", ("vending", "machine"), _verb)
    message = "our platform supports agents. what is an agent?"
    assert not unplaced(message, "what is an agent", ("platform",), _verb)
    # a noun that may be a verb, inside a noun phrase, is no verb acting on the term
    message = "the shop site search fails. how does search by meaning work?"
    assert not unplaced(message, "how does search by meaning work", ("shop",), _verb)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("is that hallucinating?", True),
        ("Was this a hallucination", True),
        ("isn't it just autocomplete?", True),
        # the pronoun is not the subject asked of, or the sentence is too short to ask
        ("what is that called", False),
        ("is it", False),
        ("is rag worth it", False),
    ],
)
def test_a_sentence_asking_of_what_was_told_before(sentence: str, expected: bool) -> None:
    assert asks_of_before(sentence) is expected


def test_a_sentence_asking_how_the_phrase_before_works() -> None:
    # Round 33: alone, "it" of "how does it work" would be the deepfakes' or nothing.
    message = (
        "voice biometrics for caller authentication - how does it work, can deepfakes fool it?"
    )
    assert asks_of_phrase(message, "how does it work, can deepfakes fool it?")
    assert not asks_of_phrase("what are deepfakes? how do they work", "how do they work")


def test_a_demonstrative_naming_its_kind_asks_of_the_kind() -> None:
    # Round 37: "those image generators" names what is asked; "those" alone points back
    assert names_kind("how do those image generators actually work?")
    assert not names_kind("how do those actually work?")
    assert not names_kind("how does it work")
    message = "marketing made the poster in Midjourney. how do those image generators work?"
    part = "how do those image generators work?"
    assert asks_of_phrase(message, part)
    # alone it asks what it asks only where the rest names something of the field
    assert stands_alone(message, part, (), _verb, field_before=True)
    assert not stands_alone(message, part, (), _verb, field_before=False)


@pytest.mark.parametrize(
    ("message", "subject", "qualifies"),
    [
        # Round 40: people said to be the term do not give it a sense ...
        (
            "every vendor is 'built on a foundation model'. what does built on a foundation "
            "model mean",
            "vendor",
            False,
        ),
        # ... a thing said to be it does, and so does anything acting on it
        ("the arcade is 'tokens only'. what does tokens only mean", "arcade", True),
        ("the vendor takes tokens. what are tokens", "vendor", True),
    ],
)
def test_who_is_said_to_be_the_term(message: str, subject: str, qualifies: bool) -> None:
    part = message.split(". ", 1)[1]
    verb = {"is", "takes"}.__contains__
    people = {"vendor"}.__contains__
    assert unplaced(message, part, (subject,), verb, person=people) is qualifies


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("is that like the context window?", True),
        ("is it kind of like a foundation model?", True),
        ("is that the same as embeddings?", True),
        ("is that hallucination?", False),
        ("is that the context window?", False),
        ("what is it like to use", False),
        # Round 47 (read set 150): the subject left out
        ("same thing as the context window?", True),
        ("similar to rag, or not?", True),
        ("the same as a token?", True),
        ("samey answers, why?", False),
        # a likening word that takes nothing: a filler or a determiner
        ("like, why does it make things up?", False),
        ("the same bot makes things up, why?", False),
    ],
)
def test_a_sentence_likening_what_came_before_to_a_term(part: str, expected: bool) -> None:
    assert likens_to_before(part) is expected
