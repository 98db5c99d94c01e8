"""British spellings as American ones before stemming (bot/matching/spelling.py)."""

from __future__ import annotations

import pytest

from adapters.markup import as_asked
from bot.matching.engine import Engine
from bot.matching.spelling import american
from bot.matching.trust.vocabulary import Stems
from bot.models import Status


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("summarising", "summarizing"),
        ("organisation", "organization"),
        ("organisers", "organizers"),
        ("analysed", "analyzed"),
        ("colour", "color"),
        ("behaviours", "behaviors"),
        ("favourite", "favorite"),
        ("centre", "center"),
        ("catalogue", "catalog"),
        ("licence", "license"),
    ],
)
def test_british_spellings_are_spelt_the_american_way(british: str, us: str) -> None:
    assert american(british) == us


# Short words whose rewriting would meet another word ("four" as "for"), and words with no
# such ending, stay as they are.
@pytest.mark.parametrize(
    "word", ["four", "hour", "your", "tour", "rise", "noise", "metre", "basis"]
)
def test_other_words_stay(word: str) -> None:
    assert american(word) == word


def test_both_spellings_share_a_stem() -> None:
    stems = Stems()
    assert stems("summarising") == stems("summarizing")
    assert stems("tokenisation") == stems("tokenization")
    assert stems("four") != stems("for")


def test_a_question_in_the_other_spelling_is_explained(engine: Engine) -> None:
    # The knowledge writes "summarization": in British spelling the word was left
    # unexplained before round 39 (a did-you-mean).
    question = "can genai help organisations with summarisation of reports"
    found = engine.answer(as_asked(question))
    assert found.status is Status.ANSWER
    assert found.ids == ("genai-applications",)
