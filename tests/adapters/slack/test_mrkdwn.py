"""Markdown to mrkdwn, escaping, ping neutralisation and splitting."""

from __future__ import annotations

import re

import pytest

from adapters.slack.mrkdwn import escape, neutralise, split, to_mrkdwn

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
    ],
)
def test_to_mrkdwn(markdown, expected):
    assert to_mrkdwn(markdown) == expected


def test_private_use_characters_in_input_cannot_forge_placeholders():
    assert to_mrkdwn("\ue0000\ue001 `code`") == "0 `code`"


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


def test_short_text_is_one_chunk():
    assert split("hello") == ["hello"]
    assert split("") == []


def test_split_prefers_paragraphs_and_respects_the_limit():
    paragraphs = ["word " * 100 for _ in range(20)]  # ~500 chars each
    text = "\n\n".join(p.strip() for p in paragraphs)
    chunks = split(text, 3000)
    assert all(len(c) <= 3000 for c in chunks)
    assert len(chunks) == 4
    assert " ".join(" ".join(chunks).split()) == " ".join(text.split())


def test_split_never_cuts_a_link_or_an_entity():
    unit = "a &amp; b <https://example.test/page|a link text> "
    chunks = split(unit * 200, 300)
    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk) <= 300
        assert chunk.count("<") == chunk.count(">")
        assert not re.search(r"&[a-z]*$", chunk)
        assert not re.match(r"^[a-z]*;", chunk)


def test_split_without_spaces_hard_cuts():
    chunks = split("x" * 7000, 3000)
    assert [len(c) for c in chunks] == [2996, 2996, 1008]


def test_split_reopens_a_code_fence():
    text = "```\n" + "\n".join(f"line {n}" for n in range(800)) + "\n```"
    chunks = split(text, 3000)
    assert len(chunks) > 1
    assert all(c.count("```") == 2 for c in chunks)
    assert all(len(c) <= 3000 for c in chunks)
