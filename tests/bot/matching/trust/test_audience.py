"""Whom an explanation is for (bot/matching/trust/audience.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.audience import for_someone, spoken_to


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "rag, explain it to a chatbot designer at a bank",
            ["a", "chatbot", "designer", "at", "a", "bank"],
        ),
        ("explain tokens to our nlp researchers, who are new", ["our", "nlp", "researchers"]),
        # no people in the phrase; "to" of an infinitive after no word of explaining
        ("explain rag to a new system", []),
        ("how do i get the chatbot designer to use rag", []),
        # a phrase of "for" that a clause of "who" follows names a person, and what it says
        (
            "rag in plain words, for a support agent who's never coded",
            ["a", "support", "agent", "whos", "never", "coded"],
        ),
        ("tools for a new agent", []),
        # an opening that only says who asks
        ("designer here. what is rag", ["designer"]),
        ("rag again. what is it", []),
        ("designer: what is rag", ["designer"]),  # a sentence of who asks, ending in a person
        ("rag: what is it", []),
        ("explain embeddings for dummies", []),  # one sentence, that asks
        ("please spell doctor", []),
    ],
)
def test_spoken_to_is_the_phrase_naming_the_listeners(question: str, words: list[str]) -> None:
    people = {"designer", "researchers", "dummies", "doctor"}
    assert spoken_to(question, people.__contains__) == words


Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Round 47 (read set 150): a phrase of "for" closing the request after a break
        (
            "gans/term simply/ pls/ ,/ for/ a/ glazier/domain not/ a/ developer/everyday",
            "glazier",
            True,
        ),
        ("rag/term please/ for/ a/ developer/everyday", "developer", True),
        # no break or word of asking before it; no person named; a term inside
        ("best/ llm/term for/ a/ developer/everyday", "developer", False),
        ("rag/term ,/ for/ a/ glazier/domain", "glazier", False),
        ("rag/term ,/ for/ a/ developer/everyday using/ llms/term", "developer", False),
        # Round 52 (read set 113): "who" after a noun says it names a person
        (
            "neural/term network/term please/ ,/ for/ a/ dispensary/everyday assistant/everyday"
            " whos/ never/ done/ any/ maths/everyday",
            "dispensary",
            True,
        ),
        ("rag/term ,/ for/ a/ dispensary/everyday assistant/everyday", "dispensary", False),
    ],
)
def test_a_phrase_for_someone_closing_the_request(
    marked: Marked, text: str, word: str, expected: bool
) -> None:
    tokens, kinds = marked(text)
    people = {"developer"}.__contains__
    assert for_someone(tokens, kinds, tokens.index(word), people) is expected
