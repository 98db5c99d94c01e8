"""Issue 9, round 29: who listens, who asks and what the answer is for, on the bundled
knowledge; and what a snippet's summary and a question asking a name say.

Questions written for these tests (none is taken from a question set); each was answered
wrongly or declined before the rule it tests.
"""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.models import Status


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a phrase of "for" that a clause of "who" follows names a person: "agent" there
        # is no AI agent, "used" no use of LLMs
        ("what is an llm in simple words, for a booking agent who's new here", "what-is-llm"),
        (
            "what is an llm in simple words for a new colleague who has never used one",
            "what-is-llm",
        ),
        # an opening that only says who asks: the assistant there is no chatbot
        (
            "Councillor's assistant here. I have to explain gen ai for the memo, what is it?",
            "what-is-genai",
        ),
        # the answer's length and the piece of work it is for
        ("I need to explain gen AI in a single sentence, what is it?", "what-is-genai"),
        ("I need to explain gen AI for a briefing note, what is it?", "what-is-genai"),
    ],
)
def test_whom_and_what_for_is_not_the_topic(engine: Engine, question: str, expected: str) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWER, (answer.status, answer.missing)
    assert answer.ids == (expected,)


def test_a_story_before_the_word_of_difference_is_no_side(engine: Engine) -> None:
    answer = engine.answer(
        "I'm the night-shift accountant and in every meeting people say AI, ML and deep "
        "learning like they're the same thing. Are they? What's the difference between the three?"
    )
    assert answer.ids == ("ai-ml-dl",), (answer.status, answer.missing)


def test_a_word_of_the_summary_is_explained(engine: Engine) -> None:
    # hallucination's summary: "a fluent, confident answer ... that is false or invented"
    answer = engine.answer("is it a hallucination when the answer sounds fluent but is invented")
    assert answer.status is Status.ANSWER and answer.ids == ("hallucination",), answer.missing


def test_a_question_asking_the_name_of_what_it_describes_may_be_answered(engine: Engine) -> None:
    answer = engine.answer(
        "the support bot should look up the relevant documents first and hand them to the "
        "model so it answers from them. what is that technique called?"
    )
    assert answer.status is Status.ANSWER and answer.ids == ("rag",), answer.missing
    # without asking its name, the same description stays a did-you-mean
    described = engine.answer(
        "the support bot should look up the relevant documents first and hand them to the "
        "model so it answers from them."
    )
    assert described.status is not Status.ANSWER


def test_an_invoice_is_a_bill(engine: Engine) -> None:
    answer = engine.answer("why does the openai invoice count tokens")
    assert answer.status is Status.ANSWER and answer.ids == ("tokens",), answer.missing


def test_how_the_asker_sees_a_name_is_no_topic(engine: Engine) -> None:
    answer = engine.answer("is a chatbot just a posh name for a FAQ page")
    assert answer.status is Status.ANSWER and answer.ids == ("chatbots",), answer.missing


@pytest.mark.parametrize(
    "question",
    [
        "how much text can an llm take into account at once",  # an idiom: no account
        "is there a cap on how much text chatgpt can read",  # a cap is a limit
        "is there a maximum amount of text claude can take in one message?",  # how much
    ],
)
def test_everyday_words_for_a_limit(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWER and answer.ids == ("context-window",), answer.missing


def test_a_q_and_a_bot_is_what_a_comparison_is_for(engine: Engine) -> None:
    answer = engine.answer(
        "rag vs fine tuning for a Q&A bot over our warehouse safety manual, which one when"
    )
    assert answer.ids == ("rag-vs-fine-tuning",), (answer.status, answer.missing)


def test_which_of_the_askers_documents_is_talk(engine: Engine) -> None:
    answer = engine.answer(
        "could the assistant look up our HSE documents first and then answer from them? "
        "what's that approach called?"
    )
    assert answer.status is Status.ANSWER and answer.ids == ("rag",), answer.missing
    # the asker's own kind of the term itself may be another sense of it
    assert engine.answer("my auth token expired, how do i refresh it").status is not Status.ANSWER


def test_a_setting_as_the_playground_shows_it(engine: Engine) -> None:
    # the temperature snippet tells that playgrounds show its settings as sliders
    answer = engine.answer("what does the top-p slider in the openai playground change")
    assert answer.status is Status.ANSWER and answer.ids == ("temperature",), answer.missing


def test_a_long_name_the_synonyms_fold_names_the_term(engine: Engine) -> None:
    # "reinforcement learning from human feedback" is rlhf: the occasion is talk around it
    answer = engine.answer(
        "reinforcement learning from human feedback explained for a workshop slide"
    )
    assert answer.status is Status.ANSWER and answer.ids == ("rlhf",), answer.missing
    # a typo fixed into a name is no name typed ("mixtral" read as "mistral")
    assert engine.answer("what is mixture of experts, mixtral keeps coming up").status is not (
        Status.ANSWER
    )


def test_it_points_at_the_term_named_before(engine: Engine) -> None:
    answer = engine.answer(
        "The ops director wants a short explanation of retrieval augmented generation for the "
        "quarterly review. What is it, in plain words?"
    )
    assert answer.status is Status.ANSWER and answer.ids == ("rag",), answer.missing


def test_a_question_its_snippet_barely_explains_is_not_answered(engine: Engine) -> None:
    # "sample" is a word of another snippet (top-p sampling), so nothing reads as missing,
    # but the LLM-size snippet explains little of the question
    assert engine.answer("how big does the sample need to be?").status is not Status.ANSWER
