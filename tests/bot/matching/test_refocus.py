"""Which part of a question to decide on (bot/matching/refocus.py), on the bundled knowledge."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.refocus import _asked_of_another, asks_of_quote, without_listeners
from bot.settings import bundled_knowledge_dir


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(bundled_knowledge_dir())


@pytest.mark.parametrize(
    ("question", "people", "before", "after", "left_out"),
    [
        # "chatbot" of the listeners outweighs the topic
        (
            "retrieval augmented generation, explain it to a chatbot designer at a bank",
            {"designer"},
            "chatbots",
            "rag",
            "chatbot",
        ),
        # the assistant of who asks outweighs the topic
        (
            "Councillor's assistant here. I have to explain gen ai for the memo, what is it?",
            {"councillor", "councillors"},
            "chatbots",
            "what-is-genai",
            "assistant",
        ),
        # round 31: the question proper, analysed anew, opens with a request ("can you
        # explain"), no words to match
        (
            "I'm a nurse - can you explain generative ai simply",
            {"nurse"},
            "genai-applications",
            "what-is-genai",
            "nurse",
        ),
    ],
)
def test_a_snippet_named_only_by_who_listens_or_asks_steps_back(
    kb: KnowledgeBase,
    question: str,
    *,
    people: set[str],
    before: str,
    after: str,
    left_out: str,
) -> None:
    tokens = kb.index.tokens(question)
    hits = kb.index.search(tokens, 3)
    assert hits[0].id == before
    focused, rest = without_listeners(
        kb, question, hits=hits, tokens=tokens, analyse=kb.index.tokens, person=people.__contains__
    )
    assert focused[0].id == after
    assert left_out not in rest


def test_without_people_in_the_phrase_nothing_steps_back(kb: KnowledgeBase) -> None:
    question = "rag, explain it to a chatbot"
    tokens = kb.index.tokens("retrieval augmented generation, explain it to a chatbot designer")
    hits = kb.index.search(tokens, 3)
    same, _ = without_listeners(
        kb, question, hits=hits, tokens=tokens, analyse=kb.index.tokens, person=set().__contains__
    )
    assert same == hits


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        (
            'someone keeps saying "llm" and I nodded along but honestly what is it?',
            "honestly what is it",
        ),
        ("vendor proposal mentions 'embeddings'. plain english pls", "plain english pls"),
        ("my boss says 'rag' a lot, what does that mean", " what does that mean"),
        # the close asks something of its own
        ("someone keeps saying 'llm' pricing went up, how much do we pay", ""),
        ("what is 'rag'", ""),
    ],
)
def test_a_close_that_only_points_backasks_of_quote(question: str, ask: str) -> None:
    assert asks_of_quote(question) == ask


@pytest.mark.parametrize(
    ("question", "asked_of_another"),
    [
        # Round 51: the question put names ChatGPT; the quote is the nephew's
        ('is chatgpt the actual ai or just the app? my nephew says it runs on "GPT"', True),
        # the question put holds the quote itself
        ('is chatgpt the same as "GPT"?', False),
        # the question put names nothing
        ('someone keeps saying "GPT", what is it?', False),
    ],
)
def test_a_question_put_of_another_named_term(
    kb: KnowledgeBase, question: str, *, asked_of_another: bool
) -> None:
    hits = kb.index.search(kb.index.tokens(question), 5)
    assert "llm-examples" in {h.id for h in hits}
    found = _asked_of_another(kb, question, "llm-examples", hits, kb.index.tokens)
    assert found is asked_of_another
