"""Markdown trees to Slack mrkdwn, escaping, ping neutralisation and splitting.

Slack's mrkdwn is not Markdown: bold is ``*x*``, italics ``_x_``, links ``<url|text>``, and
``&``, ``<``, ``>`` must be escaped everywhere because ``<...>`` is how Slack spells links and
mentions (``<!here>``, ``<@U123>``). Every piece of text in a tree passes :func:`escape` once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import ClassVar

from bot.presentation.markdown import CodeBlock, Document, Emphasis, Strikethrough, Strong, parse
from bot.presentation.writer import MarkupWriter

# U+2060 WORD JOINER: invisible, and breaks "@here" into text Slack never treats as a mention.
_JOINER = "\u2060"
_MENTION = re.compile(r"<(?P<kind>[!@#])(?P<target>[^>|]*)(?:\|(?P<label>[^>]*))?>")
_BARE_BROADCAST = re.compile(r"(?<![\w.+-])@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)


def neutralise(text: str) -> str:
    """Rewrite mention tokens and bare ``@channel``/``@here``/``@everyone`` as inert text.

    ``<!here>`` becomes ``@here`` with a word joiner after the ``@``; ``<@U123|ann>`` becomes
    ``@ann``; ``<#C1|general>`` becomes ``#general``. Use for plain_text fields; mrkdwn
    fields take :func:`escape`, which calls this first.
    """

    def inert(match: re.Match[str]) -> str:
        kind, target, label = match.group("kind", "target", "label")
        name = label or target.split("^")[0]  # "<!subteam^S1>" without a label: "subteam"
        if kind == "#":
            return "#" + name.lstrip("#")
        return "@" + _JOINER + name.lstrip("@")

    return _BARE_BROADCAST.sub("@" + _JOINER, _MENTION.sub(inert, text))


def escape(text: str) -> str:
    """Make user or author text safe as mrkdwn: no pings, and ``&``, ``<``, ``>`` escaped."""
    return html.escape(neutralise(text), quote=False)


def to_mrkdwn(markdown: str) -> str:
    """Parse Markdown and render it as mrkdwn (for a short text such as a notice)."""
    return render(parse(markdown))


class Mrkdwn(MarkupWriter):
    """Slack's syntax for the shared walk (:class:`bot.presentation.writer.MarkupWriter`)."""

    marks: ClassVar[Mapping[type, str]] = {Strong: "*", Emphasis: "_", Strikethrough: "~"}
    bullet = "• "

    def text(self, text: str) -> str:
        return escape(text)

    def code(self, text: str) -> str:
        return "`" + html.escape(text, quote=False) + "`"

    def code_block(self, block: CodeBlock) -> str:
        # Slack decodes entities even inside code, so code is escaped but otherwise verbatim.
        return "```\n" + html.escape(block.text, quote=False) + "\n```"

    def link(self, url: str, label: str) -> str:
        target = html.escape(url.replace("|", "%7C"), quote=False)
        return f"<{target}|{escape(label)}>" if label else f"<{target}>"


def render(document: Document) -> str:
    """A Markdown tree as mrkdwn: text escaped once, pings made inert, nesting kept."""
    return Mrkdwn().render(document)


def split(document: Document, limit: int = 3000) -> list[str]:
    """Render ``document`` as mrkdwn pieces of at most ``limit`` characters, never cut inside
    a ``<url|label>`` or a formatting span (see :meth:`MarkupWriter.split`)."""
    return Mrkdwn().split(document, limit)
