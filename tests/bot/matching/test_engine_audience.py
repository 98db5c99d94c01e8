"""Issue 9, round 6: talk about the explanation's audience, size and occasion, what a
question sets aside, chat's "q", and a coined name that opens a question.

Questions written for these tests (none is taken from a question set).
"""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.matching.lexicon import Lexicon
from bot.matching.trust.clauses import asides, clauses
from bot.matching.trust.vocabulary import asks_a_question
from bot.models import Status


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("an llm, explained for a non technical crowd", "what-is-llm"),  # whom it is for
        ("gen ai use cases besides marketing", "genai-applications"),  # what it sets aside
        ("the gist of diffusion models in 3 sentences", "diffusion"),  # the answer's size
        ("quick q - what does rag mean", "rag"),  # chat's "q" is a question
        ("sft meaning for llms", "fine-tuning"),  # a coined name opening the question
        ("diffusion vs gans tradeoffs", "diffusion-vs-gan"),  # comparison phrasing
        ("what is a vae in plain english", "vae"),
        ("need to know what rlhf is for a demo tomorrow", "rlhf"),  # when it is needed
        ("practically speaking how does rag work", "rag"),
    ],
)
def test_talk_about_the_explanation_is_not_the_topic(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWER, (answer.status, answer.missing)
    assert answer.ids == (expected,)


@pytest.mark.parametrize(
    "question",
    [
        "explain alignment for my car tires",  # "for" after the term: another sense
        "temperature for the pool tomorrow",  # a word of time does not excuse "pool"
        "what a token is for the subway",  # no word of time: the phrase may be its sense
        "tokens i won at the arcade",  # a clause saying which tokens
        "q-learning explained",  # "q" before a word is part of a name
        "what is q learning",
        "sft in real estate listings",  # the coined name's snippet does not explain it all
    ],
)
def test_another_sense_is_still_not_answered(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status is not Status.ANSWER, answer.ids


def test_a_contact_clause_after_a_word_for_the_answer_is_an_aside() -> None:
    found = clauses("rag definition i can share with my team")
    assert found == [["rag", "definition"], ["i", "can", "share", "with", "my", "team"]]
    assert asides(found, lambda text: text.split()) == (
        ("i", "can", "share", "with", "my", "team"),
    )
    # After the term itself the clause says which thing is meant.
    assert clauses("rag i use for cleaning") == [["rag", "i", "use", "for", "cleaning"]]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("quick q: what is a gan", True),
        ("dumb q but what is rag", True),
        ("q", True),
        ("what is q-learning", False),
        ("q learning vs policy gradients", False),
    ],
)
def test_chat_q_stands_alone(question: str, asks: bool) -> None:
    assert asks_a_question(question) is asks


def test_a_rare_adverb_is_an_english_word_of_chat() -> None:
    lexicon = Lexicon()
    assert lexicon.is_word("conceptually")
    assert lexicon.salience("conceptually") < lexicon.salience("guitar")
    assert not lexicon.is_word("tiktoken")  # unknown: may be a name


def test_a_coined_name_later_in_the_question_does_not_pick_its_snippet(engine: Engine) -> None:
    # "gpt" names the LLM examples snippet, but the question asks about training data.
    answer = engine.answer("which data was gpt trained on")
    assert answer.status is not Status.ANSWER or answer.ids == ("training-data",)


def test_only_the_whole_idiom_under_the_hood_is_phrasing(engine: Engine) -> None:
    assert engine.answer("how do embeddings work under the hood").ids == ("embeddings",)
    assert engine.answer("how do i open the hood of my car").status is not Status.ANSWER
