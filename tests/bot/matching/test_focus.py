"""Which part of a message to score (bot/matching/focus.py)."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import load_knowledge
from bot.matching.focus import (
    asked_sentences,
    asking_sentence,
    defining_clause,
    direct,
    first_defining,
    quoted_questions,
    with_quoted_term,
)
from bot.matching.matcher import Hit
from bot.settings import bundled_knowledge_dir


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("how much text fits? finance wants to paste a report", ["how much text fits"]),
        ("long day. what is rag? asking for the wiki", ["what is rag"]),
        ("what is rag?", []),  # one sentence: nothing to ask alone
        ("what is rag", []),
        ("context. more context. still more. and more. what is rag?", []),  # a post
        ("is it down? or slow? either way", ["is it down", "or slow"]),
        # a bracketed aside does not make a message a post
        (
            "Ana (radiology) here. (Sorry.) Vendors pitch it daily. How does rag work?",
            ["How does rag work"],
        ),
        # an emoji ends a sentence as a mark does
        ("they billed us per token 😬 what is a token exactly", ["what is a token exactly"]),
        # a topic named before a dash heads the sentence that asks about it
        ("vaes — what are they? design made some blobs", ["vaes — what are they"]),
        ("long day - what are they? design made some blobs", ["long day - what are they"]),
        ("the intro was long and slow - what are they? design", ["what are they"]),
        # chat drops the mark: a sentence that opens with a word that asks
        ("sre lead here. how do agents call tools", ["how do agents call tools"]),
        ("sre lead here. agents call tools", []),
        # "what's" opens a request as "whats" does (round 42: it did not)
        ("sre lead here. what's a token", ["what's a token"]),
        ("sre lead here. what\u2019s a token", ["what\u2019s a token"]),
    ],
)
def test_the_sentences_that_ask(message: str, asked: list[str]) -> None:
    assert [part.strip() for part in asked_sentences(message)] == asked


@pytest.mark.parametrize(
    ("question", "phrasing"),
    [
        # Round 53: scored alone, each puts a snippet first by the phrasing of its example
        # questions only (hallucination's)
        (
            "could we train our model a bit more on old service reports? what's that called",
            "what's that called",
        ),
        (
            "it cited a regulation number that doesn't exist. why does it do that",
            "why does it do that",
        ),
        ("is chat gpt a language model or a product? which is it?", "which is it?"),
        (
            "we train it more on our notes so it writes like us. what do you call that",
            "what do you call that",
        ),
    ],
)
def test_a_sentence_of_phrasing_alone_never_stands_for_the_question(
    question: str, phrasing: str
) -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    analyse = kb.index.tokens
    alone = kb.index.search(analyse(phrasing), 3)
    top = Hit(id=alone[0].id, score=1.0)  # lower than it scores alone
    assert asking_sentence(kb, question, analyse, top, 3) != alone


def test_the_clause_that_asks_a_definition_is_scored_alone() -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    analyse = kb.index.tokens
    question = "what is a deepfake and should hr be worried about them in video interviews"
    whole = kb.index.search(analyse(question), 3)
    found = defining_clause(kb, question, analyse, whole[0], 3)
    assert found is not None
    hits, tokens = found
    assert tokens == ["what", "is", "a", "deepfake"]
    assert hits[0].id == whole[0].id and hits[0].score > whole[0].score


def test_and_between_nouns_ends_no_clause() -> None:
    # Round 32: "the risks and challenges of generative ai" is one clause; cut at "and",
    # "what are the main risks" alone named the LLM risks snippet.
    kb = load_knowledge(bundled_knowledge_dir())
    question = "what are the main risks and challenges of generative ai? asking for the board"
    found = first_defining(kb, question, kb.index.tokens, 3)
    assert found is not None
    assert "challenge" in found[1] and "generative" in found[1]
    assert found[0][0].id == "genai-challenges"
    clause = first_defining(kb, "what is a gan and should we care", kb.index.tokens, 3)
    assert clause is not None and "care" not in clause[1]  # "and should ..." opens a clause


@pytest.mark.parametrize(
    "question",
    [
        "what is a deepfake",  # one clause: nothing to score alone
        "should hr be worried about deepfakes, and in video interviews",  # asks no definition
    ],
)
def test_no_defining_clause(question: str) -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    whole = kb.index.search(kb.index.tokens(question), 3)
    assert defining_clause(kb, question, kb.index.tokens, whole[0], 3) is None


@pytest.mark.parametrize(
    ("message", "sentence", "asked"),
    [
        (
            "we're told it's 'agentic'. what does that term mean",
            "what does that term mean",
            "what does agentic mean",
        ),
        ('the deck says "RLHF". what is that acronym', "what is that acronym", "what is RLHF"),
        # a bare "that" after "what is" or "what does ... mean"
        (
            "she said 'mixture of experts'. what is that?",
            "what is that?",
            "what is mixture of experts?",
        ),
        ("the doc says 'RAG'. what does it mean", "what does it mean", "what does RAG mean"),
        # Round 33: "actually" between, and "one" of a quoted phrase or acronym
        (
            "the team keeps saying 'LLM'. what does it actually mean?",
            "what does it actually mean?",
            "what does LLM actually mean?",
        ),
        (
            "the memo says 'large language model'. what actually is one, in plain words?",
            "what actually is one, in plain words?",
            "what actually is large language model, in plain words?",
        ),
        ("the memo says 'RAG'. what is one of its risks", "what is one of its risks", None),
        # Round 37: "it" as "one"
        (
            "everyone keeps saying 'generative AI'. What actually is it, in simple terms?",
            "What actually is it, in simple terms?",
            "What actually is generative AI, in simple terms?",
        ),
        ("the deck says 'RAG'. what is it for", "what is it for", None),
        ("my kid wrote 'hallucinate'. what is it?", "what is it?", None),
        ("my kid wrote 'hallucinate'. what is one?", "what is one?", None),
        # ... but not for a lone English word, which the sentence before may give a sense
        ("the lease says 'alignment'. what is that?", "what is that?", None),
        ("we said 'agentic ai'. what is that for", "what is that for", None),  # not "what is that"
        # nothing quoted before it: unchanged
        ("no quotes here. what does that term mean", "what does that term mean", None),
    ],
)
def test_that_term_is_the_term_quoted_before_it(
    message: str, sentence: str, asked: str | None
) -> None:
    assert with_quoted_term(message, sentence) == (asked or sentence)


def test_a_quoted_question_is_asked_alone() -> None:
    message = 'the cfo asked me "so what is chatgpt exactly" in the lift and i froze'
    assert quoted_questions(message) == ["so what is chatgpt exactly"]
    # a quoted term, or a quote that asks nothing, is no question
    assert quoted_questions("the deck says 'agentic ai' everywhere") == []
    assert quoted_questions('she said "we ship friday regardless" again') == []


@pytest.mark.parametrize(
    ("clause", "asked"),
    [
        ("my year 9s asked what machine learning is", "what is machine learning"),
        ("my aunt keeps asking me what ChatGPT is", "what is ChatGPT"),
        ("nobody knows what RAG means", "what does RAG mean"),
        ("my boss asked what llm stands for", "what does llm stand for"),
        # where it was asked, and a stressed verb
        (
            "the partner asked me over coffee what a large language model actually is",
            "what is a large language model",
        ),
        # round 35: a term asked in plain words is asked what it is
        ("generative ai in plain english please", "what is generative ai"),
        ("tool use in llms explained pls", "what is tool use in llms"),
        ("rag for dummies", "what is rag"),
        ("explained in plain english", "explained in plain english"),  # no term before
        # Round 41: the same question asked through a noun, and a "please" after it
        (
            "can someone give me a plain explanation of what a large language model is",
            "what is a large language model",
        ),
        ("quick rundown of what rag is please", "what is rag"),
        ("an overview of the budget", "an overview of the budget"),  # no question reported
        # a clause that reports no question, or asks directly, is unchanged
        ("what is rag", "what is rag"),
        ("i asked for a summary", "i asked for a summary"),
    ],
)
def test_a_reported_question_is_put_as_asked(clause: str, asked: str) -> None:
    assert direct(clause) == asked


@pytest.mark.parametrize(
    ("message", "sentence", "asked"),
    [
        # Round 40: a coined name of the knowledge quoted alone is what a bare "that" asks of
        (
            "the rep says the new assistant is 'agentic'. what does that actually mean?",
            "what does that actually mean?",
            "what does agentic actually mean?",
        ),
        # ... not an English word, however rare or inflected (the sentence before may give
        # it its sense)
        ("the psychiatrist said 'hallucinating'. what does that mean", "what does that mean", None),
        ("the lease says 'alignment'. what is that?", "what is that?", None),
    ],
)
def test_a_bare_that_points_at_a_coined_name_quoted_alone(
    message: str, sentence: str, asked: str | None
) -> None:
    coined = {"agentic"}.__contains__
    assert with_quoted_term(message, sentence, coined) == (asked or sentence)


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        # Round 44 (read set 128): the quoted name asked of by its last word ...
        ("what is an agent exactly?", "what is an ai agent exactly?"),
        ("whats a agents", "whats a ai agent"),
        # ... or, of two, by its first ("'prompt payment' ... what's a prompt?")
        ("what's an ai?", "what's an ai agent?"),
        # a word the quote does not end with, or no asking of what it is
        ("what is a model?", None),
        ("how do agents work?", None),
    ],
)
def test_a_quoted_name_asked_of_by_one_of_its_ends(sentence: str, asked: str | None) -> None:
    message = f"the vendor wants an 'ai agent' for bookings. {sentence}"
    assert with_quoted_term(message, sentence) == (asked or sentence)


@pytest.mark.parametrize("adverb", ["actually", "really", "exactly"])
def test_what_is_it_with_an_adverb_points_at_the_quote(adverb: str) -> None:
    # Round 44 (read set 127): "... 'ask chat gpt' ... what is it actually, a search engine?"
    sentence = f"what is it {adverb}, some kind of search engine?"
    message = f'the buyers keep saying "just ask chat gpt" for everything. {sentence}'
    assert with_quoted_term(message, sentence) == (
        f"what is just ask chat gpt {adverb}, some kind of search engine?"
    )
