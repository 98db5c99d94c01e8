"""A choice asked between two things the snippet leaves unexplained
(:mod:`bot.matching.trust.choice`)."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.matching.trust.choice import unexplained_choice
from bot.models import Status


@pytest.mark.parametrize(
    ("question", "missing", "expected"),
    [
        ("which vector db should we pick, pinecone or weaviate?", ("pinecone", "weaviate"), True),
        ("pinecone vs the weaviate", ("pinecone", "weaviate"), True),  # an article between
        ("qdrants or milvus?", ("qdrant", "milvus"), True),  # plurals, analysed singular
        # one side explained: a comparison the snippet may answer in part
        ("is a vector db or pinecone better", ("pinecone", "weaviate"), False),
        # both unexplained, but not the options of one "or"
        ("pinecone and weaviate, or neither?", ("pinecone", "weaviate"), False),
        ("pinecone or weaviate", ("pinecone",), False),  # one word left unexplained
        # Round 34: asking what something is, too, asks more than the choice
        ("picking pinecone or weaviate, but what is a vector db", ("pinecone", "weaviate"), False),
    ],
)
def test_a_choice_between_unexplained_things(
    question: str, missing: tuple[str, ...], expected: bool
) -> None:
    assert unexplained_choice(question, missing) is expected


def test_a_choice_between_products_is_not_answered_by_what_they_are_for(engine: Engine) -> None:
    # Written for this test: the embeddings snippet explains what vector databases are for,
    # not which of two to pick (it was answered from it).
    found = engine.answer("which vector db should our team pick, qdrant or milvus?")
    assert found.status is Status.SUGGEST
    assert [s.id for s in found.suggestions] == ["embeddings"]
    # one side the snippet explains: still answered
    assert engine.answer("what is a vector db, and do we need one?").status is Status.ANSWER
