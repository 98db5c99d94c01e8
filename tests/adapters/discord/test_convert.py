"""Answer -> embed + buttons within every Discord limit; clean truncation."""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from adapters.discord.convert import answer_embed, render_reply, topics_embed
from adapters.discord.text import clip
from bot.models import Answer, Reply, Snippet, Source, Status, Suggestion
from bot.presentation.present import present_answer, topics
from bot.presentation.sentences import SLOW_DOWN


def big(sid: str, title: str, body_chars: int, **kw: Any) -> Snippet:
    paragraph = "A **bold** claim, a `code` span and *italics*, repeated for size.\n\n"
    body = (paragraph * (body_chars // len(paragraph) + 1))[:body_chars]
    return Snippet(id=sid, title=title, summary="s", questions=("a", "b", "c"), body=body, **kw)


def test_clip_cuts_at_a_boundary_and_keeps_markdown_closed() -> None:
    text = "word " * 50 + "**bold text that runs past the limit**"
    out = clip(text, 240)
    assert len(out) <= 240
    assert out.endswith("…")
    assert out.count("**") % 2 == 0
    assert not out[:-1].endswith(" ")
    assert clip("short", 10) == "short"
    assert clip("abc" * 10, 1) == "…"


def test_oversized_body_is_truncated_within_embed_limits() -> None:
    s = big("x", "T" * 300, 9000, sources=(Source(title="S" * 3000),))
    embed = answer_embed(present_answer(Answer(question="q", status=Status.ANSWER, snippets=(s,))))
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= 4096
    assert (embed.description or "").endswith("…")
    assert len(embed.footer.text or "") <= 2048
    assert len(embed) <= 6000
    assert (embed.description or "").count("`") % 2 == 0


def test_composed_comparison_shows_both_bodies_and_all_sources() -> None:
    a = big("a", "Alpha", 3500, sources=(Source(title="Book A", url="https://a.example"),))
    b = big("b", "Beta", 3500, sources=(Source(title="Book B"), Source(title="Book A")))
    answer = Answer(question="a vs b", status=Status.ANSWER, snippets=(a, b))
    embed = answer_embed(present_answer(answer))
    assert embed.title == "Alpha vs Beta"
    assert (embed.description or "").startswith("**Alpha**\n")
    assert len(embed.description or "") <= 4096 and len(embed) <= 6000
    assert embed.footer.text == "Sources: Book A · Book B"
    assert embed.url == "https://a.example"


def test_related_buttons_are_rows_of_five_with_short_labels() -> None:
    async def scenario() -> None:
        main = big("main", "Main", 100)
        related = tuple(big(f"r-{i}", f"Related {i} " + "long " * 30, 10) for i in range(12))
        answer = Answer(question="q", status=Status.ANSWER, snippets=(main,), related=related)
        view = render_reply(Reply(answer=answer)).view
        assert view is not None
        rows = view.to_components()
        assert all(len(row["components"]) <= 5 for row in rows)
        buttons = [c for row in rows for c in row["components"]]
        assert 5 < len(buttons) <= 10
        assert all(len(b["label"]) <= 80 for b in buttons)
        assert all(len(b["custom_id"]) <= 100 for b in buttons)

    asyncio.run(scenario())


def test_suggestions_offer_at_most_three_buttons() -> None:
    async def scenario() -> None:
        suggestions = tuple(
            Suggestion(id=f"s-{i}", title=f"S {i}", summary="", score=60.0) for i in range(5)
        )
        answer = Answer(question="q", status=Status.SUGGEST, suggestions=suggestions)
        rendered = render_reply(Reply(answer=answer))
        assert rendered.ephemeral
        assert rendered.view is not None
        assert len(rendered.view.children) == 3

    asyncio.run(scenario())


def test_throttled_reply_is_the_slow_down_note_privately() -> None:
    answer = Answer(question="q", status=Status.NONE)
    rendered = render_reply(Reply(answer=answer, throttled=True))
    assert rendered.content == SLOW_DOWN
    assert rendered.ephemeral and rendered.embed is None


def test_topics_embed_with_one_topic() -> None:
    embed = topics_embed(
        topics((Suggestion(id="a", title="Alpha", summary="First.", score=100.0),))
    )
    assert isinstance(embed, discord.Embed)
    assert "**Alpha**: First." in (embed.description or "")
