"""One walk over a Markdown tree for every chat dialect: what the platforms share.

Chat dialects of Markdown lay out blocks, lists, quotes, nested spans and links the
same way and differ only in their syntax. :class:`MarkupWriter` owns the walk and the rules
(blank lines between blocks, list item indentation, nested spans of one kind flattened, a
link's whole-label formatting moved outside it, cuts that never split a link or a span);
each adapter subclasses it with its syntax only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from bot.presentation import splitting
from bot.presentation.markdown import (
    Block,
    BlockQuote,
    BulletList,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    Paragraph,
    Strikethrough,
    Strong,
    Text,
    ThematicBreak,
    close_blocks,
    plain_text,
)

ELLIPSIS = "…"
RULE = "\u2015" * 3  # chat dialects have no horizontal rule


class MarkupWriter:
    """Renders a tree in one dialect; subclasses give the syntax.

    Attributes:
        marks: the delimiter of each span kind (:class:`Strong`, :class:`Emphasis`,
            :class:`Strikethrough`).
        bullet: what starts a bullet list item.
    """

    marks: ClassVar[Mapping[type, str]] = {}
    bullet = "- "

    def render(self, document: Document) -> str:
        """The whole tree as text in this dialect."""
        out: list[str] = []
        previous: Block | None = None
        for block in document.children:
            if previous is not None:
                out.append("\n" if close_blocks(previous, block) else "\n\n")
            out.append(self.block(block))
            previous = block
        return "".join(out)

    def split(self, document: Document, limit: int) -> list[str]:
        """The tree in pieces of at most ``limit`` characters each.

        Cuts between blocks first, then between list items or code lines, then between
        words; never inside a link or a formatting span (a span cut in two is closed and
        reopened), and a code block cut in two is closed and reopened as well.
        """
        pieces = splitting.split(document, lambda piece: len(self.render(piece)) <= limit)
        # Only a piece the splitter could not cut at all (a limit below the markup) is cut.
        return [text[:limit] for text in (self.render(piece) for piece in pieces) if text]

    def fit(self, document: Document, limit: int) -> str:
        """The first ``limit`` characters' worth of the tree, ending with "…" when cut there."""
        whole = self.render(document)
        if len(whole) <= limit:
            return whole
        if limit <= len(ELLIPSIS):
            return ELLIPSIS[:limit]
        first = self.split(document, limit - len(ELLIPSIS))
        return (first[0] if first else "") + ELLIPSIS

    # The syntax: what a subclass gives.

    def text(self, text: str) -> str:
        """Plain text, escaped so that it shows as written."""
        raise NotImplementedError

    def code(self, text: str) -> str:
        """An inline code span (``text`` is not empty)."""
        raise NotImplementedError

    def code_block(self, block: CodeBlock) -> str:
        raise NotImplementedError

    def link(self, url: str, label: str) -> str:
        """A link; ``label`` is plain text (escape it), possibly empty."""
        raise NotImplementedError

    def line(self, text: str) -> str:
        """A paragraph's rendered text: where a dialect escapes what starts a line."""
        return text

    # The walk.

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return self.line(self.inlines(block.children, frozenset()))
        if isinstance(block, Heading):  # a bold line: chat messages have no headings
            return self.line(self.inlines((Strong(children=block.children),), frozenset()))
        if isinstance(block, CodeBlock):
            return self.code_block(block)
        if isinstance(block, BlockQuote):
            inner = self.render(Document(children=block.children))
            return "\n".join(("> " + line) if line else ">" for line in inner.split("\n"))
        if isinstance(block, BulletList | OrderedList):
            lines: list[str] = []
            for n, item in enumerate(block.items):
                marker = self.bullet if isinstance(block, BulletList) else f"{block.start + n}. "
                body = "\n".join(self.block(b) for b in item.children).split("\n")
                lines.append(marker + body[0])
                lines += [("  " + line) if line else line for line in body[1:]]
            return "\n".join(lines)
        assert isinstance(block, ThematicBreak)
        return RULE

    def inlines(self, nodes: tuple[Inline, ...], active: frozenset[type]) -> str:
        return "".join(self.inline(node, active) for node in nodes)

    def inline(self, node: Inline, active: frozenset[type]) -> str:
        if isinstance(node, Text):
            return self.text(node.text)
        if isinstance(node, Code):
            return self.code(node.text) if node.text.strip() else ""
        if isinstance(node, LineBreak):
            return "\n"
        if isinstance(node, Link):
            return self._link(node, active)
        kind = type(node)
        inner = self.inlines(node.children, active | {kind})
        if kind in active or not inner.strip():
            return inner  # *a *b* c* would close early: nested spans of one kind are flattened
        return self.marks[kind] + inner + self.marks[kind]

    def _link(self, link: Link, active: frozenset[type]) -> str:
        """A link with its whole label's formatting moved outside (labels show plain)."""
        children = link.children
        opened: list[str] = []
        while len(children) == 1 and isinstance(children[0], Strong | Emphasis | Strikethrough):
            span = children[0]
            if type(span) not in active:
                opened.append(self.marks[type(span)])
                active = active | {type(span)}
            children = span.children
        label = " ".join(plain_text(children).split())
        return "".join(opened) + self.link(link.url, label) + "".join(reversed(opened))
