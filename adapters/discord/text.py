"""Discord's size limits, Markdown trees rendered as Discord Markdown, and clean cuts.

Discord renders its own Markdown dialect: ``**bold**``, ``*italics*``, ``~~strike~~``,
``[label](url)``, ``- `` and ``1. `` lists, ``> `` quotes and fenced code. Text from a tree is
escaped so that it shows as written. discord.py's ``escape_markdown`` is made for whole
messages (it treats the start of every fragment as the start of a line), so text fragments
are escaped here, character by character, and line starts where the block is laid out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from bot.presentation.markdown import CodeBlock, Document, Emphasis, Strikethrough, Strong
from bot.presentation.writer import ELLIPSIS, MarkupWriter

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
_SPECIAL = re.compile(r"([\\*_~|`\[\]<>])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s|$)", re.MULTILINE)


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


class DiscordMarkdown(MarkupWriter):
    """Discord's syntax for the shared walk (:class:`bot.presentation.writer.MarkupWriter`)."""

    marks: ClassVar[Mapping[type, str]] = {Strong: "**", Emphasis: "*", Strikethrough: "~~"}
    bullet = "- "

    def text(self, text: str) -> str:
        return _SPECIAL.sub(r"\\\1", text)

    def code(self, text: str) -> str:
        return f"`` {text} ``" if "`" in text else f"`{text}`"

    def code_block(self, block: CodeBlock) -> str:
        code = block.text.replace("```", "`\u200b``")  # a fence inside would end the block
        return f"```{block.language if block.language.isalnum() else ''}\n{code}\n```"

    def link(self, url: str, label: str) -> str:
        # Parentheses would end the target early; encoded, they lead to the same page.
        target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        return f"[{self.text(label) or target}]({target})"

    def line(self, text: str) -> str:
        """Escape what Discord would read as a list, quote or heading at the start of a line."""
        # "\\1." would show its backslash (a digit is no escape): the dot is escaped instead.
        return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def render(document: Document) -> str:
    """A Markdown tree as Discord Markdown, its text escaped to show as written."""
    return DiscordMarkdown().render(document)


def split(document: Document, limit: int) -> list[str]:
    """Render ``document`` in pieces of at most ``limit`` characters (e.g. ``CONTENT_MAX``),
    never cut inside a link or a formatting span (see :meth:`MarkupWriter.split`)."""
    return DiscordMarkdown().split(document, limit)


def fit(document: Document, limit: int) -> str:
    """The first ``limit`` characters' worth of ``document``, ending with "…" if cut (for one
    embed description, ``EMBED_DESCRIPTION_MAX``): no link or span is left open."""
    return DiscordMarkdown().fit(document, limit)
