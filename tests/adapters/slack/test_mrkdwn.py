"""Markdown trees to mrkdwn, escaping, ping neutralisation and splitting."""

from __future__ import annotations

import re

import pytest

from adapters.slack.mrkdwn import escape, neutralise, render, split, to_mrkdwn
from bot.presentation.markdown import parse

J = "\u2060"  # the word joiner that makes @here inert


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("**bold** and __bold__", "*bold* and *bold*"),
        ("*italics* and _italics_", "_italics_ and _italics_"),
        ("**bold with *italics* inside**", "*bold with _italics_ inside*"),
        ("~~gone~~", "~gone~"),
        (
            "[the paper](https://arxiv.org/abs/1706.03762)",
            "<https://arxiv.org/abs/1706.03762|the paper>",
        ),
        (
            "[wiki](https://en.wikipedia.org/wiki/GPT_(model))",
            "<https://en.wikipedia.org/wiki/GPT_(model)|wiki>",
        ),
        ("[q](https://x.test/?a=1&b=2)", "<https://x.test/?a=1&amp;b=2|q>"),
        ("[pipe](https://x.test/a|b)", "<https://x.test/a%7Cb|pipe>"),
        ("[evil](javascript:alert)", "evil"),
        ("`a < b && c`", "`a &lt; b &amp;&amp; c`"),
        ("`**not bold**`", "`**not bold**`"),
        ("x & y < z > w", "x &amp; y &lt; z &gt; w"),
        ("- one\n- two\n* three\n+ four", "• one\n• two\n• three\n• four"),
        ("- outer\n  - inner", "• outer\n  • inner"),
        ("1. first\n2. second", "1. first\n2. second"),
        ("# Heading", "*Heading*"),
        ("> quoted", "> quoted"),
        ("a soft\nwrapped line\n\nnext paragraph", "a soft wrapped line\n\nnext paragraph"),
        ("- item that\n  continues", "• item that continues"),
        ("line with break  \nnext", "line with break\nnext"),
        (
            "```python\nif a < b:\n    print('**x**')\n```",
            "```\nif a &lt; b:\n    print('**x**')\n```",
        ),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("snake_case_name", "snake_case_name"),
        # Regex-era bugs: a bold label stayed literal, and bold inside italics interleaved.
        ("[**x**](https://a.b)", "*<https://a.b|x>*"),
        ("**[x](https://a.b)**", "*<https://a.b|x>*"),
        ("[***x***](https://a.b)", "_*<https://a.b|x>*_"),
        ("***both***", "_*both*_"),
        ("**bold _and italic_**", "*bold _and italic_*"),
        ("**outer **inner** outer**", "*outer inner outer*"),
        ("<https://auto.test/x>", "<https://auto.test/x|https://auto.test/x>"),
        ("# Title\ntext under it", "*Title*\ntext under it"),
        ("1. a\n2. b\n\n   continued", "1. a\n2. b\n  continued"),
        ("1) a\n   > quoted", "1. a\n  > quoted"),
    ],
)
def test_to_mrkdwn(markdown, expected):
    assert to_mrkdwn(markdown) == expected


def test_private_use_characters_pass_through_unchanged():
    # The regex converter used them as placeholders and had to strip them from the input.
    assert to_mrkdwn("\ue0000\ue001 `code`") == "\ue0000\ue001 `code`"


def test_text_is_escaped_exactly_once():
    assert to_mrkdwn("**a & b** [x & y](https://q.test/?a=1&b=2) &lt;") == (
        "*a &amp; b* <https://q.test/?a=1&amp;b=2|x &amp; y> &lt;"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<!channel>", f"@{J}channel"),
        ("<!here|here>", f"@{J}here"),
        ("<!everyone>", f"@{J}everyone"),
        ("<!subteam^S0D3V|@devs>", f"@{J}devs"),
        ("<!subteam^S0D3V>", f"@{J}subteam"),
        ("<@U0EVE>", f"@{J}U0EVE"),
        ("<@U0EVE|eve>", f"@{J}eve"),
        ("<#C123|general>", "#general"),
        ("hey @here and @Channel", f"hey @{J}here and @{J}Channel"),
        ("mail ann@example.com", "mail ann@example.com"),
        ("mail ops@here.example", "mail ops@here.example"),
    ],
)
def test_neutralise(raw, expected):
    assert neutralise(raw) == expected


def test_escape_leaves_no_mention_syntax():
    hostile = "<!channel> <@U1> <https://evil.test|click> & <b>"
    escaped = escape(hostile)
    assert "<" not in escaped and ">" not in escaped
    assert "&lt;https://evil.test|click&gt; &amp; &lt;b&gt;" in escaped


def test_converted_markdown_cannot_ping():
    converted = to_mrkdwn("Hi <!here> [x](https://a.test) **<@U1>** `<!channel>`")
    assert not re.search(r"<[!@#]", converted)


def _split(markdown: str, limit: int = 3000) -> list[str]:
    return split(parse(markdown), limit)


def test_short_text_is_one_chunk():
    assert _split("hello") == ["hello"]
    assert _split("") == []


def test_split_prefers_paragraphs_and_respects_the_limit():
    paragraphs = ["word " * 100 for _ in range(20)]  # ~500 chars each
    text = "\n\n".join(p.strip() for p in paragraphs)
    chunks = _split(text, 3000)
    assert all(len(c) <= 3000 for c in chunks)
    assert len(chunks) == 4
    assert " ".join(" ".join(chunks).split()) == " ".join(text.split())


def test_split_never_cuts_a_link_or_an_entity():
    unit = "a & b [a link text](https://example.test/page) "
    chunks = _split(unit * 200, 300)
    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk) <= 300
        assert chunk.count("<") == chunk.count(">") == chunk.count("|")
        assert not re.search(r"&[a-z]*$", chunk)
        assert not re.match(r"^[a-z]*;", chunk)
    assert " ".join(" ".join(chunks).split()) == render(parse(unit * 200))


def test_split_closes_and_reopens_a_formatting_span():
    chunks = _split("**" + "bold words " * 100 + "[and a link](https://a.test/x)**", 300)
    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk) <= 300
        assert chunk.startswith("*") and chunk.endswith("*") and chunk.count("*") == 2
    assert chunks[-1].endswith("<https://a.test/x|and a link>*")


def test_split_at_the_limit_never_cuts_inside_a_link():
    # Every limit around the link's position: the regex era cut "<url|label>" at some of them.
    markdown = "Read " + "more " * 50 + "[the **paper**](https://arxiv.org/abs/1706.03762) now."
    for limit in range(250, 320):
        for chunk in _split(markdown, limit):
            assert len(chunk) <= limit
            assert chunk.count("<") == chunk.count(">"), (limit, chunk)


def test_split_cuts_lists_between_items_and_keeps_numbering():
    markdown = "\n".join(f"{n}. item number {n} " + "x" * 40 for n in range(1, 61))
    chunks = _split(markdown, 500)
    assert len(chunks) > 1
    numbers = [int(line.split(".")[0]) for c in chunks for line in c.split("\n")]
    assert numbers == list(range(1, 61))
    assert all(len(c) <= 500 for c in chunks)


def test_split_without_spaces_hard_cuts():
    chunks = _split("x" * 7000, 3000)
    assert [len(c) for c in chunks] == [3000, 3000, 1000]


def test_split_reopens_a_code_fence():
    text = "```\n" + "\n".join(f"line {n}" for n in range(800)) + "\n```"
    chunks = _split(text, 3000)
    assert len(chunks) > 1
    assert all(c.count("```") == 2 for c in chunks)
    assert all(len(c) <= 3000 for c in chunks)
