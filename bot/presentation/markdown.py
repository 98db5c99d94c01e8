"""Snippet Markdown parsed by markdown-it-py into a small tree of our own.

This is the only module that imports ``markdown_it``; every adapter's
renderers walk the tree it returns. The tree holds what the knowledge uses (paragraphs,
headings, lists, code, quotes, emphasis, links, line breaks) and nothing platform-specific.
Raw HTML is not recognised (it stays text), soft line breaks become spaces as Markdown renders
them, and a link whose target is not ``http(s):`` or ``mailto:`` keeps only its label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

_SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Code:
    """Inline code."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Strikethrough:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A link to an ``http(s):`` or ``mailto:`` URL (others are dropped when parsing)."""

    url: str
    children: tuple[Inline, ...]


Span: TypeAlias = Strong | Emphasis | Strikethrough
Inline: TypeAlias = Text | Code | LineBreak | Strong | Emphasis | Strikethrough | Link


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    level: int
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeBlock:
    text: str
    language: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ThematicBreak:
    """A horizontal rule."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BlockQuote:
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ListItem:
    children: tuple[Block, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1


Block: TypeAlias = (
    Paragraph | Heading | CodeBlock | ThematicBreak | BlockQuote | BulletList | OrderedList
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    children: tuple[Block, ...] = ()


def parse(markdown: str) -> Document:
    """Parse CommonMark (plus ``~~strikethrough~~``) into a :class:`Document`."""
    # Imported here: the terminal's cold start pays for the parser only when it renders.
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

    md = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")
    # Every target is accepted while parsing, so that an unsafe link keeps its label as text
    # (markdown-it would leave the whole "[label](javascript:...)" source instead).
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    root = SyntaxTreeNode(md.parse(markdown.replace("\r\n", "\n")))
    return Document(children=_blocks(root.children))


def titled(parts: Iterable[tuple[str, Document]]) -> Document:
    """One document of several ``(title, body)`` parts, each under its title as a heading.

    For a composed answer (a comparison of two snippets): titles are plain text.
    """
    blocks: list[Block] = []
    for title, body in parts:
        blocks += [Heading(level=2, children=(Text(text=title),)), *body.children]
    return Document(children=tuple(blocks))


def close_blocks(first: Block, second: Block) -> bool:
    """Whether ``second`` follows ``first`` on the next line rather than after a blank one.

    Chat shows a heading close to its section, and lists that Markdown keeps apart only
    because their bullet characters differ (``-`` then ``*``) as one list.
    """
    return isinstance(first, Heading) or (
        isinstance(first, BulletList | OrderedList) and type(first) is type(second)
    )


def plain_text(inlines: Iterable[Inline]) -> str:
    """The text of inline content without its formatting (a line break becomes a space)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append(" ")
        else:
            out.append(plain_text(node.children))
    return "".join(out)


def merge_text(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring :class:`Text` nodes and drop empty ones."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(text=out[-1].text + node.text)
                continue
        out.append(node)
    return tuple(out)


def _blocks(nodes: Iterable[SyntaxTreeNode]) -> tuple[Block, ...]:
    out: list[Block] = []
    for node in nodes:
        block = _block(node)
        if block is not None:
            out.append(block)
    return tuple(out)


def _block(node: SyntaxTreeNode) -> Block | None:
    kind = node.type
    if kind == "paragraph":
        return Paragraph(children=_inline_of(node))
    if kind == "heading":
        return Heading(level=int(node.tag[1:]), children=_inline_of(node))
    if kind in ("fence", "code_block"):
        return CodeBlock(text=node.content.rstrip("\n"), language=node.info.strip())
    if kind == "hr":
        return ThematicBreak()
    if kind == "blockquote":
        return BlockQuote(children=_blocks(node.children))
    if kind in ("bullet_list", "ordered_list"):
        items = tuple(ListItem(children=_blocks(item.children)) for item in node.children)
        if kind == "bullet_list":
            return BulletList(items=items)
        return OrderedList(items=items, start=int(node.attrs.get("start", 1)))
    # Anything else the parser may grow (an extension's block): keep its text.
    text = node.content.strip()
    return Paragraph(children=(Text(text=text),)) if text else None


def _inline_of(node: SyntaxTreeNode) -> tuple[Inline, ...]:
    return merge_text(_inlines(child for inline in node.children for child in inline.children))


def _inlines(nodes: Iterable[SyntaxTreeNode]) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        kind = node.type
        if kind == "softbreak":
            out.append(Text(text=" "))
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind == "code_inline":
            out.append(Code(text=node.content))
        elif kind == "strong":
            out.append(Strong(children=merge_text(_inlines(node.children))))
        elif kind == "em":
            out.append(Emphasis(children=merge_text(_inlines(node.children))))
        elif kind == "s":
            out.append(Strikethrough(children=merge_text(_inlines(node.children))))
        elif kind in ("link", "image"):
            url = str(node.attrs.get("href" if kind == "link" else "src", ""))
            children = merge_text(_inlines(node.children))
            if kind == "image" and not children:
                children = (Text(text=str(node.attrs.get("alt", "")) or url),)
            if _SAFE_URL.match(url):
                out.append(Link(url=url, children=children or (Text(text=url),)))
            else:
                out.extend(children)
        else:  # "text", and any inline an extension may add: its text
            out.append(Text(text=node.content))
    return out
