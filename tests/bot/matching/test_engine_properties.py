"""Property: no string makes the engine raise, and every answer is well formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import Snippet, Status

ENGINE = Engine(
    build_knowledge(
        [
            Snippet(
                id="llm",
                title="LLM",
                summary="s",
                questions=("what is an llm", "llm", "large language model"),
                body="b",
                aliases=("llm",),
            ),
            Snippet(
                id="gan",
                title="GAN",
                summary="s",
                questions=("what is a gan", "gans", "gan or vae"),
                body="b",
            ),
            Snippet(
                id="llm-vs-gan",
                title="LLM vs GAN",
                summary="s",
                questions=("llm vs gan", "difference between llm and gan", "compare llm and gan"),
                body="b",
            ),
        ],
        {"large language model": ["llm"], "": ["x"], "gan": [""]},
    )
)

# Text built from the pieces that stress the pipeline: markup, comparison words, look-alikes.
PIECES = st.sampled_from(
    ["<@U1>", "<#C1|x>", "<", ">", "|", "vs", "or", "and", "between", "difference", "compare",
     "llm", "gan", "\u0261\u0430n", "\u200b", " ", "\ufb01", "\u00df", "\u0130",
     "\U0001f916", "\x00", "help", "s", "ies"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gets_a_well_formed_answer(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES | st.text(max_size=3), max_size=12).map(" ".join))
def test_stressing_pieces_get_a_well_formed_answer(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.integers(min_value=-1, max_value=30))
def test_suggest_never_raises(prefix: str, limit: int) -> None:
    found = ENGINE.suggest(prefix, limit)
    assert len(found) <= max(limit, 0)


def check(text: str) -> None:
    answer = ENGINE.answer(text)
    assert answer.status in set(Status)
    assert 0.0 <= answer.score <= 100.0
    assert len(answer.suggestions) <= 3
    if answer.status is Status.ANSWER:
        assert 1 <= len(answer.snippets) <= 2
    else:
        assert answer.snippets == ()
