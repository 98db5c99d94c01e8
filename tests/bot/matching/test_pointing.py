"""What a sentence's bare "it" points at (bot/matching/pointing.py), on the bundled knowledge."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.lexicon import Lexicon
from bot.matching.pointing import name_table, with_named_term
from bot.settings import bundled_knowledge_dir


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(bundled_knowledge_dir())


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        (
            "the board wants a one-line note on generative AI. What is it, in simple terms?",
            "What is it, in simple terms?",
            "What is generative ai, in simple terms?",
        ),
        # the last name named before it
        (
            "we use an LLM, not retrieval augmented generation. what is that?",
            "what is that?",
            "what is retrieval augmented generation?",
        ),
        # a name of one English word may mean something else there: "it" stays
        (
            "my landlord keeps talking about alignment. what is it?",
            "what is it?",
            "what is it?",
        ),
        # "rag" typed is no "retrieval augmented generation" folded
        ("i wiped it with a rag. what is it?", "what is it?", "what is it?"),
        # Round 37: "even" or "actually" between, and "they" after a plural name
        (
            "Our newsletter keeps going on about generative AI. What does that even mean?",
            "What does that even mean?",
            "What does generative ai even mean?",
        ),
        (
            "the memo mentions large language models. what actually is it?",
            "what actually is it?",
            "what actually is large language models?",
        ),
        (
            "we keep hearing about large language models. What exactly are they?",
            "What exactly are they?",
            "What exactly are large language models?",
        ),
        ("generative AI is hyped. what are they selling?", "what are they selling?", None),
        # Round 40: "behind it", "how does it work"; never a name the message sets aside
        (
            "our designer uses midjourney. what kind of model is behind it?",
            "what kind of model is behind it?",
            "what kind of model is behind midjourney?",
        ),
        (
            "the vendor keeps mentioning generative ai. how does it actually work?",
            "how does it actually work?",
            "how does generative ai actually work?",
        ),
        (
            "reinforcement learning (the game kind, not rlhf) how does it work",
            "how does it work",
            None,
        ),
        # Round 54: nor a name in a sense set aside after a comma, whatever determiner opens
        # it (as :func:`bot.matching.trust.around.disowned_sense` reads it): the name before
        (
            "computer vision, not the chatbot stuff. what is it?",
            "what is it?",
            "what is computer vision?",
        ),
        (
            "computer vision, not your chatbot stuff. what is it?",
            "what is it?",
            "what is computer vision?",
        ),
        (
            "computer vision, not those chatbot things. what is it?",
            "what is it?",
            "what is computer vision?",
        ),
        # ... a word of it with an apostrophe, as typed
        (
            "computer vision, not the chatbot's stuff. what is it?",
            "what is it?",
            "what is computer vision?",
        ),
        (
            "computer vision, not the chatbot\u2019s stuff. what is it?",
            "what is it?",
            "what is computer vision?",
        ),
        # Round 45: a short bare phrase ending in the name, all the message says before, is
        # what "that" stands for whole (the kind of llm asked about); not a statement's name
        (
            "mixture of experts llms - what does that mean",
            "what does that mean",
            "what does mixture of experts llms mean",
        ),
        # ... not past another sentence before it
        (
            "hi - mixture of experts llms - what does that mean",
            "what does that mean",
            "what does llms mean",
        ),
        (
            "we keep hearing about llms - what does that mean",
            "what does that mean",
            "what does llms mean",
        ),
        # Round 51: a short phrase asked right before is what "that" stands for, whatever was
        # named earlier
        (
            "our model does great on the training data but falls apart on new contracts. "
            "overfitting? what does that mean",
            "what does that mean",
            "what does overfitting mean",
        ),
        # ... a linking word of a name ("of") is no word of it
        (
            "our model keeps failing on new data. curse of dimensionality? what does that mean",
            "what does that mean",
            "what does curse of dimensionality mean",
        ),
        # ... unless it weighs two things, or shares a word with a name
        ("genai - buzzword or actual thing? what is it", "what is it", "what is genai"),
        (
            "training data is fine. llm training? what does that mean",
            "what does that mean",
            "what does llm training mean",
        ),
        # ... nor when it is only a reaction between the name and the question
        (
            "my manager wants us to look at fine tuning before the launch. ok. what does that mean",
            "what does that mean",
            "what does fine tuning mean",
        ),
        # nothing points back
        ("generative AI is everywhere. how do I start?", "how do I start?", "how do I start?"),
    ],
)
def test_it_stands_for_the_name_before_it(
    kb: KnowledgeBase, question: str, sentence: str, expected: str | None
) -> None:
    names = name_table(kb, Lexicon().is_word)
    assert with_named_term(question, sentence, lambda: names) == (expected or sentence)
