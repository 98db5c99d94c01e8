"""Which part of a question to decide on (bot/matching/refocus.py), on the bundled knowledge."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.refocus import without_listeners
from bot.settings import bundled_knowledge_dir


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(bundled_knowledge_dir())


def test_a_snippet_named_only_by_the_listeners_steps_back(kb: KnowledgeBase) -> None:
    question = "retrieval augmented generation, explain it to a chatbot designer at a bank"
    tokens = kb.index.tokens(question)
    hits = kb.index.search(tokens, 3)
    assert hits[0].id == "chatbots"  # "chatbot" of the listeners outweighs the topic
    focused, rest = without_listeners(
        kb,
        question,
        hits=hits,
        tokens=tokens,
        analyse=kb.index.tokens,
        person={"designer"}.__contains__,
    )
    assert focused[0].id == "rag"
    assert "chatbot" not in rest
    # no noun of people in the phrase: nothing steps back
    same, _ = without_listeners(
        kb,
        "rag, explain it to a chatbot",
        hits=hits,
        tokens=tokens,
        analyse=kb.index.tokens,
        person={"designer"}.__contains__,
    )
    assert same == hits


def test_an_opening_that_says_who_asks_steps_back(kb: KnowledgeBase) -> None:
    question = "Councillor's assistant here. I have to explain gen ai for the memo, what is it?"
    tokens = kb.index.tokens(question)
    hits = kb.index.search(tokens, 3)
    assert hits[0].id == "chatbots"  # the assistant of who asks outweighs the topic
    focused, rest = without_listeners(
        kb,
        question,
        hits=hits,
        tokens=tokens,
        analyse=kb.index.tokens,
        person={"councillor", "councillors"}.__contains__,
    )
    assert focused[0].id == "what-is-genai"
    assert "assistant" not in rest
