"""Issue 9, round 28: reported questions, what a question sets aside or disowns, where and
for what it is asked, and small talk, on the bundled knowledge.

Questions written for these tests (none is taken from a question set). Each case names the
rule it guards.
"""

from __future__ import annotations

import pytest

from adapters.markup import as_asked
from bot.matching.engine import Engine
from bot.models import Reason, Status

ANSWERED = [
    # a question reported in one clause is scored as asked ("what is an llm"); the clause
    # may say where it was asked and stress its verb
    ("the vicar asked me what an LLM is", "what-is-llm"),
    (
        "my landlord asked me over dinner what a large language model actually is and I "
        "blanked. Can you give me a simple explanation I can repeat?",
        "what-is-llm",
    ),
    # "apart from", "aside from" set a phrase aside; "via", "overall", "incl" phrase it
    ("what can rag do apart from the chat stuff", "rag"),
    ("what is generative ai good for aside from chatbots", "genai-applications"),
    ("alignment via human feedback, explain", "rlhf"),
    ("what are the risks of llms overall", "llm-challenges"),
    ("examples of genai tools incl video ones", "genai-examples"),
    # a piece of writing the answer is for; an occasion over coffee
    ("diffusion models in a few lines for a sidebar", "diffusion"),
    ("my aunt asked about chatbots over coffee, what are they", "chatbots"),
    # the sense a question disowns
    ("what's a transformer in ai, not the substation kind", "transformer"),
    ("explain transformers in ai (not the power grid type)", "transformer"),
    # another sentence naming the term after a verb says what was done, not which sense
    (
        "The grant call mentions foundation models for chemistry. What is a foundation model "
        "in general?",
        "foundation-models",
    ),
    # a question asking the name of what it describes: the asker's world around is talk
    (
        "finance asks: can an llm answer from our own expense policy pages by looking them up "
        "first? what's that technique called",
        "rag",
    ),
    # asking what people mean by a term, or for a simple way to explain it: its definition
    ("what do people mean by rag", "rag"),
    ("is there a simple way to explain an llm", "what-is-llm"),
    # a verb of saying after a habit tells what someone did, never the sense of a lone term
    ("our producer keeps mentioning transformers. what are they", "transformer"),
    # set against fine-tuning, "retrieval" is rag
    ("should we fine tune a model on our wiki or just use retrieval?", "rag-vs-fine-tuning"),
    # how many tokens a model can take asks its context window, not what a token is
    ("how many tokens can gemini take in a single prompt", "context-window"),
    ("is there a limit to how many tokens the model will accept at once", "context-window"),
    # putting something in front of people deploys it
    ("what are the risks of putting an llm in front of our shoppers", "llm-challenges"),
    # a kind of bot is what is asked about, not the bot addressed
    ("what is a faq bot", "chatbots"),
    # quoted everyday words are examples mentioned, not what is asked about
    ("how do embeddings know 'happy dog' and 'cheerful puppy' are close", "embeddings"),
    # asking why is no definition, however few its words: the body may explain the subject
    ("why do chatbots hallucinate", "hallucination"),
]

NOT_ANSWERED = [
    # Round 33: what "how does it work" asks about is the phrase before it, not the
    # deepfakes named after
    "face recognition for the staff entrance - how does it work and can deepfakes fool it?",
    "fingerprint scanners for the warehouse door - how do they work and can deepfakes fool them?",
    # a thing of the disowned sense's world, asked about, is still another sense
    "how does a substation transformer work",
    "what is the transformer at the substation for",
    # another sentence gives the term another sense the knowledge does not cover: the asked
    # sentence alone would lose it
    "my cousin is pitching her novel to a literary agent. how do you find an agent?",
    # a colon inside quotes ends no sentence: the sentence asked is the whole of it
    "should the memo say 'Attn:' or spell out 'Attention:' on the attention line?",
    # a thing the knowledge never speaks of beside a lone English term gives it its everyday
    # sense, however little else the question says
    "best temperature for the kitchen",
    "best temperature for the bathroom",
    # (with talk beside it, and a noun the knowledge uses elsewhere)
    "my class earns tokens for good behaviour, what can they trade tokens in for",
    # all the question weighs is talk: "how does that work" left alone names nothing
    "hierarchical clustering for grouping our library patrons by what they borrow — how does "
    "that work",
    "k-means clustering for sorting our gym members by when they visit — how does that work",
    # a side within a known side's topic, qualified by a rare word its snippet leaves
    # unexplained, is another thing compared
    "diffusion models vs autoregressive generators for images",
]

# A kind of bot asked about is no small talk with this one.
NOT_SMALL_TALK = ["what's a support bot", "what is a helpdesk bot"]

SMALL_TALK = [
    "thanks, that helped heaps",
    "what should I ask you?",
    "which topics do you know? like what should i ask",
]


@pytest.mark.parametrize(("question", "expected"), ANSWERED)
def test_these_are_answered(engine: Engine, question: str, expected: str) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is Status.ANSWER, answer
    assert answer.ids[0] == expected


@pytest.mark.parametrize("question", NOT_ANSWERED)
def test_these_are_not_answered(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).status is not Status.ANSWER


@pytest.mark.parametrize("question", SMALL_TALK)
def test_small_talk_gets_a_friendly_reply(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).reason is Reason.SMALLTALK


@pytest.mark.parametrize("question", NOT_SMALL_TALK)
def test_a_kind_of_bot_is_no_small_talk(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).reason is not Reason.SMALLTALK


def test_a_sentence_alone_offers_what_the_whole_message_did_not(engine: Engine) -> None:
    # Round 33: the story after the question dilutes it below any suggestion; the question
    # alone comes close enough for a did-you-mean, which beats "no match". (Round 39: "tried
    # to download one on ..." is answered now, the summary restated, so "i got one".)
    question = (
        "why are llm model files so huge? i got one on the depot laptop and it was like 40 GB"
    )
    found = engine.answer(as_asked(question))
    assert found.status is Status.SUGGEST
    assert "large-in-llm" in {s.id for s in found.suggestions}
    assert found.question == question
