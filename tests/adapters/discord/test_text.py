"""Markdown trees rendered as Discord Markdown, split and fitted to Discord's limits."""

from __future__ import annotations

import re

import pytest

from adapters.discord.text import ELLIPSIS, EMBED_DESCRIPTION_MAX, fit, render, split
from bot.presentation.markdown import parse


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**bold** and __bold__", "**bold** and **bold**"),
        ("*it* and _it_", "*it* and *it*"),
        ("***both***", "***both***"),
        ("[**x**](https://a.b)", "**[x](https://a.b)**"),
        ("[wiki](https://en.wikipedia.org/wiki/GPT_(model))",
         "[wiki](https://en.wikipedia.org/wiki/GPT_%28model%29)"),
        ("[evil](javascript:alert)", "evil"),
        ("snake_case 2 * 3 <@123> ~x~ a|b", "snake\\_case 2 \\* 3 \\<@123\\> \\~x\\~ a\\|b"),
        ("\\- not a list\n\n\\# not a heading\n\n1\\. not a number",
         "\\- not a list\n\n\\# not a heading\n\n1\\. not a number"),
        ("- a\n  - b\n\n3. x\n4. y", "- a\n  - b\n\n3. x\n4. y"),
        ("# Title\ntext", "**Title**\ntext"),
        ("```py\nx = 1\n```", "```py\nx = 1\n```"),
        ("> quoted", "> quoted"),
        ("`a*b`", "`a*b`"),
    ],
)  # fmt: skip
def test_render(markdown: str, expected: str) -> None:
    assert render(parse(markdown)) == expected


def test_fit_keeps_short_bodies_and_cuts_long_ones_at_a_clean_place() -> None:
    short = parse("**One** body.")
    assert fit(short, EMBED_DESCRIPTION_MAX) == "**One** body."
    long = parse("**" + ("bold words " * 600).strip() + "**\n\nlast paragraph")
    cut = fit(long, EMBED_DESCRIPTION_MAX)
    assert len(cut) <= EMBED_DESCRIPTION_MAX and cut.endswith("**" + ELLIPSIS)
    assert cut.count("**") == 2


def test_fit_never_cuts_inside_a_link() -> None:
    markdown = "Read " + "more " * 50 + "[the **paper**](https://arxiv.org/abs/1706.03762) now."
    for limit in range(250, 320):
        cut = fit(parse(markdown), limit)
        assert len(cut) <= limit
        assert cut.count("[") == cut.count("]") and cut.count("(") == cut.count(")"), cut


def test_split_respects_the_message_limit() -> None:
    markdown = "\n\n".join(f"Paragraph {n} " + "word " * 150 for n in range(9))
    chunks = split(parse(markdown), 2000)
    assert len(chunks) > 1 and all(len(c) <= 2000 for c in chunks)
    assert " ".join(" ".join(chunks).split()) == " ".join(markdown.split())
    assert not any(re.search(r"\*\*\s*$", c) for c in chunks)
