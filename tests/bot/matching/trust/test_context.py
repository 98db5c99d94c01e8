"""Everyday words beside the term: attached to it (another sense) or talk around it."""

from __future__ import annotations

import pytest

from bot.matching.trust.context import Context, context

# A toy classification, as the judge would give it for a glossary that names these terms.
_TERMS = {"tokens", "token", "diffusion", "tune", "transformers", "gan", "embeddings", "rag"}
_EVERYDAY = {
    "guitar", "chemistry", "board", "movie", "boss", "nod", "lunch", "podcast", "heard",
    "subway", "body", "estate", "electrical", "quick", "sorry", "dumb",
}  # fmt: skip
_DOMAIN = {"game", "model", "learning"}


def kind(token: str) -> str:
    if token in _TERMS:
        return "term"
    if token in _EVERYDAY:
        return "everyday"
    return "domain" if token in _DOMAIN else ""


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("how do i fine tune my guitar, asking for a friend", "guitar"),
        ("my kid asked, what is diffusion in chemistry", "chemistry"),
        ("tokens, like the ones in a board game", "board"),
        ("best transformers movie to watch tonight", "movie"),
        ("what is gan in the board game go", "board"),
        ("what is a transformers, the electrical kind", "electrical"),
        ("how do i lower my body tokens", "body"),
    ],
)
def test_a_word_that_qualifies_the_term_is_attached(question: str, word: str) -> None:
    assert word in context(question, kind).attached


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("my boss talks about embeddings and i nod along", ("nod",)),
        ("quick question before lunch, what is rag", ("quick", "lunch")),
        ("what exactly is a gan, heard it on a podcast", ("heard", "podcast")),
        ("sorry if this is dumb but what is rag", ("sorry", "dumb")),
    ],
)
def test_talk_in_another_clause_is_around_the_term(question: str, words: tuple[str]) -> None:
    found = context(question, kind)
    assert found.attached == ()
    assert set(words) <= set(found.around)
    assert found.named


def test_a_preposition_after_the_term_qualifies_it_only_in_a_question_about_it() -> None:
    # "tokens in meetings" here is where someone heard the word, not a sense of it.
    assert context("i keep hearing the word tokens in chemistry", kind).attached == ()
    assert context("what are tokens in chemistry", kind).attached == ("chemistry",)


def test_words_beside_another_topic_word_are_not_around() -> None:
    # "quantum machine learning": the plain word qualifies a word of the field.
    assert context("what is dumb model", kind) == Context(attached=(), around=(), named=False)
