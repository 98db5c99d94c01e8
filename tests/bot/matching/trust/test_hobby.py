"""Model trains, the hobby (bot/matching/trust/hobby.py)."""

from __future__ import annotations

import pytest

from adapters.markup import as_asked
from bot.matching.engine import Engine
from bot.matching.trust.hobby import model_hobby
from bot.models import Status


@pytest.mark.parametrize(
    "question",
    [
        "where can i get a model train set for my son",
        "my son's model trains need a new transformer, anyone know a shop near the depot",
        "does anyone here collect model trains?",
        "what gauge are most model trains?",
        "the model railway club meets on thursdays",
        "my kid wants model trains for christmas",
    ],
)
def test_the_hobby(question: str) -> None:
    assert model_hobby(question)


@pytest.mark.parametrize(
    "question",
    [
        "does the model train on our chats?",
        "the model trains on public web text, right?",
        "what data is the model trained on",
        "how long does the model train for?",
        "how do i train a model on our data",
    ],
)
def test_the_field(question: str) -> None:
    assert not model_hobby(question)


@pytest.mark.parametrize(
    "question",
    [
        # Round 39: both answered before (training data, transformer)
        "where can i get a model train set for my son",
        "what gauge are most model trains?",
        "my daughter's model trains need a new transformer, is there a hobby shop nearby",
    ],
)
def test_the_hobby_is_not_answered(engine: Engine, question: str) -> None:
    assert engine.answer(as_asked(question)).status is not Status.ANSWER
