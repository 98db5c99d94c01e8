"""Which messages ask only whom to turn to."""

from __future__ import annotations

import pytest

from bot.matching.whom import asks_only_whom


@pytest.mark.parametrize(
    "question",
    [
        "we need a temp for the box office over christmas, who do i ask",
        "cold store 2 temperature reading -14, should be -18 \N{FREEZING FACE} who do I call?",
        "the transformer on the pole outside the depot blew last night — who do we call, the DNO?",
        "who do we call out",
        "The transformer is humming. Who do we call?",
        "the temp alarm went off and who do we call",
        "who should I talk to about the prompt payment discount",
        "my 2FA token stopped working, who do i need to ask for a new one",
    ],
)
def test_a_question_of_whom_to_turn_to_alone(question: str) -> None:
    assert asks_only_whom(question)


@pytest.mark.parametrize(
    "question",
    [
        "what is rag and who do i ask about it",  # a term is asked too
        "do we have a chatgpt enterprise licence here and who do I ask for a seat?",
        "explain tokens, who do i ask for api credits",
        # Round 53, after the review: a question after "and", or one ended by "?" before
        "who do I email to get access to copilot and what is copilot",
        "meaning of rag? who do i ask",
        # what is asked may follow a joining or polite word
        "so what is rag? who do i ask",
        "ok what are embeddings, who do i talk to",
        "please explain rag, who do i ask",
        "who do i call about the chatbot, also whats a chatbot",
        "who makes chatgpt",  # a fact, not whom to turn to
        "who do you think invented the transformer",
        "who decides the temperature setting",
        "what does temperature do",
    ],
)
def test_other_questions_or_another_question_besides(question: str) -> None:
    assert not asks_only_whom(question)
