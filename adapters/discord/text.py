"""Discord's size limits, Markdown trees rendered as Discord Markdown, and clean cuts.

Discord renders its own Markdown dialect: ``**bold**``, ``*italics*``, ``~~strike~~``,
``[label](url)``, ``- `` and ``1. `` lists, ``> `` quotes and fenced code. Text from a tree is
escaped so that it shows as written. discord.py's ``escape_markdown`` is made for whole
messages (it treats the start of every fragment as the start of a line), so text fragments
are escaped here, character by character, and line starts where the block is laid out.
"""

from __future__ import annotations

import re

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

CONTENT_MAX = 2000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
BUTTON_LABEL_MAX = 80
BUTTONS_PER_ROW = 5
CUSTOM_ID_MAX = 100
CHOICE_NAME_MAX = 100
CHOICE_VALUE_MAX = 100
CHOICES_MAX = 25

# Markdown markers that must come in pairs; a cut inside one would leak formatting.
_PAIRED = ("**", "`")
_MARKS = {Strong: "**", Emphasis: "*", Strikethrough: "~~"}
_SPECIAL = re.compile(r"([\\*_~|`\[\]<>])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s|$)", re.MULTILINE)
_RULE = "\u2015" * 3  # Discord has no horizontal rule


def clip(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else cut cleanly and end with an ellipsis.

    The cut prefers a paragraph, line or word boundary near the end, and never leaves a
    ``**`` or a backtick open.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    cut = text[: limit - len(ELLIPSIS)]
    floor = int(len(cut) * 0.8)
    for sep in ("\n\n", "\n", " "):
        at = cut.rfind(sep)
        if at >= floor:
            cut = cut[:at]
            break
    for marker in _PAIRED:
        if cut.count(marker) % 2:
            cut = cut[: cut.rfind(marker)]
    return cut.rstrip() + ELLIPSIS


def one_line(text: str) -> str:
    """Collapse whitespace, newlines included (for labels and choice names)."""
    return " ".join(text.split())


def render(document: Document) -> str:
    """A Markdown tree as Discord Markdown, its text escaped to show as written."""
    out: list[str] = []
    previous: Block | None = None
    for block in document.children:
        if previous is not None:
            out.append("\n" if close_blocks(previous, block) else "\n\n")
        out.append(_block(block))
        previous = block
    return "".join(out)


def split(document: Document, limit: int) -> list[str]:
    """Render ``document`` in pieces of at most ``limit`` characters (e.g. ``CONTENT_MAX``).

    Cuts between blocks, then list items or code lines, then words; never inside a link or a
    formatting span (a span cut in two is closed and reopened).
    """
    pieces = splitting.split(document, lambda piece: len(render(piece)) <= limit)
    # Only a piece the splitter could not cut at all (a limit below the markup) is truncated.
    return [text[:limit] for text in (render(piece) for piece in pieces) if text]


def fit(document: Document, limit: int) -> str:
    """The first ``limit`` characters' worth of ``document``, ending with an ellipsis if cut.

    For one embed description (``EMBED_DESCRIPTION_MAX``): the cut falls where :func:`split`
    cuts, so no link or span is left open.
    """
    whole = render(document)
    if len(whole) <= limit:
        return whole
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    first = split(document, limit - len(ELLIPSIS))
    return (first[0] if first else "") + ELLIPSIS


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _escape_line_starts(_inlines(block.children, frozenset()))
    if isinstance(block, Heading):  # bold lines: embeds do not show Markdown headings
        return _escape_line_starts(_inlines((Strong(children=block.children),), frozenset()))
    if isinstance(block, CodeBlock):
        code = block.text.replace("```", "`\u200b``")  # a fence inside would end the block
        return f"```{block.language if block.language.isalnum() else ''}\n{code}\n```"
    if isinstance(block, BlockQuote):
        inner = render(Document(children=block.children))
        return "\n".join(("> " + line) if line else ">" for line in inner.split("\n"))
    if isinstance(block, BulletList | OrderedList):
        lines: list[str] = []
        for n, item in enumerate(block.items):
            marker = "- " if isinstance(block, BulletList) else f"{block.start + n}. "
            body = "\n".join(_block(b) for b in item.children).split("\n")
            lines.append(marker + body[0])
            lines += [("  " + line) if line else line for line in body[1:]]
        return "\n".join(lines)
    assert isinstance(block, ThematicBreak)
    return _RULE


def _escape_line_starts(text: str) -> str:
    """Escape what Discord would read as a list, quote or heading at the start of a line."""
    # "\\1." would show its backslash (a digit is no escape): the dot is escaped instead.
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _inlines(nodes: tuple[Inline, ...], active: frozenset[type]) -> str:
    return "".join(_inline(node, active) for node in nodes)


def _inline(node: Inline, active: frozenset[type]) -> str:
    if isinstance(node, Text):
        return _SPECIAL.sub(r"\\\1", node.text)
    if isinstance(node, Code):
        if not node.text.strip():
            return ""
        fence = "``" if "`" in node.text else "`"
        return f"{fence} {node.text} {fence}" if fence == "``" else f"`{node.text}`"
    if isinstance(node, LineBreak):
        return "\n"
    if isinstance(node, Link):
        return _link(node, active)
    kind = type(node)
    inner = _inlines(node.children, active | {kind})
    if kind in active or not inner.strip():
        return inner
    return _MARKS[kind] + inner + _MARKS[kind]


def _link(link: Link, active: frozenset[type]) -> str:
    """``[label](url)``, its label's formatting moved outside where the whole label has it."""
    children = link.children
    opened: list[str] = []
    while len(children) == 1 and isinstance(children[0], Strong | Emphasis | Strikethrough):
        span = children[0]
        if type(span) not in active:
            opened.append(_MARKS[type(span)])
            active = active | {type(span)}
        children = span.children
    # Parentheses would end the target early; encoded, they lead to the same page.
    url = link.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    label = _SPECIAL.sub(r"\\\1", " ".join(plain_text(children).split())) or url
    return "".join(opened) + f"[{label}]({url})" + "".join(reversed(opened))
