"""Issue 9, round 37: a question telling a snippet's term in the words of its one-line
summary, clear of the runner-up and with nothing salient unexplained, gets the same
discount as one naming the term; "what actually is it?" asks the term quoted before it, and
"what does that even mean?" the term named before it; a word in front of a term defined
makes another term; "it" that a term acts on may be an everyday thing. On the bundled
knowledge.

Questions written for these tests (none is taken from a question set). The answered ones
were did-you-means before the rule; the others guard its edge.
"""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.models import Status

ANSWERED = [
    # the RLHF summary: tuning that makes chatbots helpful, polite and safe
    (
        "how do they get these models to be polite and safe? someone said people score the replies",
        "rlhf",
    ),
    ("how do they make the model polite and safe, is it people ranking its answers?", "rlhf"),
    # "in the chatgpt sense" says which sense; it is no word of another term
    ("what are tokens in the chatgpt sense?", "tokens"),
    # ... and "it" is the model when no thing of the asker's is named
    ("our assistant writes like a robot, can we fine tune it on our emails", "fine-tuning"),
    # the RAG summary: looks up documents and answers from them. Until this round a test in
    # test_engine_listeners.py kept it a did-you-mean, not having asked the name
    (
        "the support bot should look up the relevant documents first and hand them to the "
        "model so it answers from them.",
        "rag",
    ),
    # "it" stands for the phrase quoted before it, so the asker's job is not asked about
    (
        "I run the props store and the planners keep saying 'generative AI' in meetings. What "
        "actually is it, in simple terms?",
        "what-is-genai",
    ),
    (
        "I look after the hives, not a tech person. Our beekeeping club newsletter keeps going "
        "on about generative AI. What does that even mean?",
        "what-is-genai",
    ),
    (
        "I run the pottery kiln room. The guild magazine keeps going on about large language "
        "models. What exactly are they?",
        "what-is-llm",
    ),
]

NOT_ANSWERED = [
    # "it" that the term acts on stands for the thing named before, when nothing else of the
    # field is named: another sense of the term
    "my guitar sounds off, how do i fine tune it",
    "the van route is too long, how do we fine tune it",
    # a short definition question whose term has a word in front that no name or example
    # question of the snippet holds ("step"): another term, as "vision transformer" is
    "what is a step-up transformer",
    "what's a step down transformer for",
    # ... and a quoted phrase of another trade stays what is asked
    "I run the paint shop and the foreman keeps saying 'two-pack lacquer'. what actually is it?",
    # the talk left out, one word of its own is left ("issues"): a stray word, no description
    "parking permit for the hospital car park, who issues them?",
    # everyday look-alikes of the same shape share no summary words
    "how do they make the self checkout machines polite and safe, i heard humans test them?",
    "how do they make the kids' toys safe, do humans check each one",
]

CASES = [*ANSWERED, *((question, None) for question in NOT_ANSWERED)]


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_what_is_answered(engine: Engine, question: str, expected: str | None) -> None:
    found = engine.answer(question)
    answered = found.ids if found.status is Status.ANSWER else ()
    assert answered == ((expected,) if expected else ()), (found.status, found.missing)
