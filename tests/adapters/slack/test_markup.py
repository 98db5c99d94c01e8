"""Slack's message markup resolved before the engine sees a question."""

from __future__ import annotations

import pytest

from adapters.slack.markup import clean, strip_mention
from bot.matching.normalize import words


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<@U0123ABCD> what is an llm", "what is an llm"),
        ("<@U0123ABCD|sam> llm", "llm"),
        ("<#C123|general> llm", "general llm"),
        ("see <https://example.com/x|the docs> on llm", "see the docs on llm"),
        ("<https://example.com/a-b> llm", "llm"),
        ("<mailto:a@b.c|mail me> llm", "mail me llm"),
        ("<!here> <!channel> llm", "llm"),
        ("<!subteam^S123|@team> llm", "llm"),
        ("is a &lt;b&gt; tag &amp; llm", "is a <b> tag & llm"),
        ("a &lt;@U1&gt; typed by hand", "a <@U1> typed by hand"),  # escaped: not a mention
        ("plain   text", "plain text"),
    ],
)
def test_markup_is_resolved_to_what_was_typed(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_the_bots_own_mention_goes_and_the_rest_reaches_the_engine_as_words() -> None:
    text = strip_mention("<@UBOT1> hey <@U0123ABCD>, what is <#C1|rag>?", "UBOT1")
    assert words(clean(text)) == ["hey", "what", "is", "rag"]
    assert strip_mention("  <@UBOT1>  ", None) == "<@UBOT1>"
