"""Snippet Markdown parsed into our tree, and the tree cut into pieces that fit."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.presentation.markdown import (
    BlockQuote,
    BulletList,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    ListItem,
    OrderedList,
    Paragraph,
    Strikethrough,
    Strong,
    Text,
    parse,
    plain_text,
    titled,
)
from bot.presentation.splitting import split

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"


def para(*children):
    return Paragraph(children=tuple(children))


def test_inline_formatting_nests() -> None:
    assert parse("[**x**](https://a.b)").children == (
        para(Link(url="https://a.b", children=(Strong(children=(Text(text="x"),)),))),
    )
    assert parse("***both***").children == (
        para(Emphasis(children=(Strong(children=(Text(text="both"),)),))),
    )
    assert parse("~~gone~~ `c`").children == (
        para(Strikethrough(children=(Text(text="gone"),)), Text(text=" "), Code(text="c")),
    )


def test_blocks() -> None:
    doc = parse("# T\nsoft\nwrap  \nhard\n\n- a\n\n3. b\n\n> q\n\n```py\nx < 1\n```")
    assert doc.children == (
        Heading(level=1, children=(Text(text="T"),)),
        para(Text(text="soft wrap"), LineBreak(), Text(text="hard")),
        BulletList(items=(ListItem(children=(para(Text(text="a")),)),)),
        OrderedList(items=(ListItem(children=(para(Text(text="b")),)),), start=3),
        BlockQuote(children=(para(Text(text="q")),)),
        CodeBlock(text="x < 1", language="py"),
    )


def test_unsafe_links_keep_only_their_label_and_html_stays_text() -> None:
    doc = parse("[a](javascript:alert(1)) [b](/relative) <b>x</b> <!here>")
    assert doc.children == (para(Text(text="a b <b>x</b> <!here>")),)
    assert parse("<https://a.test>").children == (
        para(Link(url="https://a.test", children=(Text(text="https://a.test"),))),
    )


def test_every_bundled_body_parses_to_the_same_text() -> None:
    for path in sorted(KNOWLEDGE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "body" not in data:
            continue
        doc = parse(data["body"])
        assert doc.children, path.name
        words = " ".join(_text(doc).split())
        assert "**" not in words, path.name  # every bold span was understood


def _text(doc: Document) -> str:
    out = []
    for block in doc.children:
        if isinstance(block, Paragraph | Heading):
            out.append(plain_text(block.children))
        elif isinstance(block, BulletList | OrderedList):
            out += [_text(Document(children=item.children)) for item in block.items]
    return " ".join(out)


def test_titled_puts_each_body_under_its_title() -> None:
    doc = titled([("One", parse("a")), ("Two", parse("b"))])
    assert [type(b).__name__ for b in doc.children] == ["Heading", "Paragraph"] * 2


def _size(doc: Document) -> int:
    return len(_text(doc)) + 4 * len(doc.children)


def test_split_closes_spans_in_each_piece_and_loses_no_word() -> None:
    doc = parse("**" + " ".join(f"w{n}" for n in range(200)) + "** tail")
    pieces = split(doc, lambda d: _size(d) <= 100)
    assert len(pieces) > 1 and all(_size(p) <= 100 for p in pieces)
    for piece in pieces[:-1]:
        (block,) = piece.children
        assert isinstance(block, Paragraph) and isinstance(block.children[0], Strong)
    assert " ".join(_text(p) for p in pieces).split() == _text(doc).split()


def test_split_keeps_blocks_whole_when_they_fit() -> None:
    doc = parse("\n\n".join("p" * 30 for _ in range(6)))
    pieces = split(doc, lambda d: _size(d) <= 70)
    assert [len(p.children) for p in pieces] == [2, 2, 2]


def test_split_cuts_a_list_item_and_a_link_is_never_cut() -> None:
    doc = parse("- " + "word " * 40 + "[a link](https://a.test) end")
    pieces = split(doc, lambda d: _size(d) <= 60)
    links = [
        n
        for p in pieces
        for item in p.children[0].items  # type: ignore[union-attr]
        for n in item.children[0].children  # type: ignore[union-attr]
        if isinstance(n, Link)
    ]
    assert links == [Link(url="https://a.test", children=(Text(text="a link"),))]


def test_split_returns_an_uncuttable_piece_whole() -> None:
    doc = parse("---")
    assert split(doc, lambda d: False) == [doc]
