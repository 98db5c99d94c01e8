"""Markdown trees to Slack mrkdwn, escaping, ping neutralisation and splitting.

Slack's mrkdwn is not Markdown: bold is ``*x*``, italics ``_x_``, links ``<url|text>``, and
``&``, ``<``, ``>`` must be escaped everywhere because ``<...>`` is how Slack spells links and
mentions (``<!here>``, ``<@U123>``). Every piece of text in a tree passes :func:`escape` once.
"""

from __future__ import annotations

import html
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
    parse,
    plain_text,
)

# U+2060 WORD JOINER: invisible, and breaks "@here" into text Slack never treats as a mention.
_JOINER = "\u2060"
_MENTION = re.compile(r"<(?P<kind>[!@#])(?P<target>[^>|]*)(?:\|(?P<label>[^>]*))?>")
_BARE_BROADCAST = re.compile(r"(?<![\w.+-])@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_MARKS = {Strong: "*", Emphasis: "_", Strikethrough: "~"}
_RULE = "\u2015" * 3  # mrkdwn has no horizontal rule


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


def render(document: Document) -> str:
    """A Markdown tree as mrkdwn: text escaped once, pings made inert, nesting kept."""
    out: list[str] = []
    previous: Block | None = None
    for block in document.children:
        if previous is not None:
            out.append("\n" if close_blocks(previous, block) else "\n\n")
        out.append(_block(block))
        previous = block
    return "".join(out)


def split(document: Document, limit: int = 3000) -> list[str]:
    """Render ``document`` as mrkdwn pieces of at most ``limit`` characters.

    Cuts between blocks first, then between list items or code lines, then between words,
    never inside a ``<url|label>`` or a formatting span (a span cut in two is closed and
    reopened); a code block cut in two is closed and reopened as well.
    """
    pieces = splitting.split(document, lambda piece: len(render(piece)) <= limit)
    rendered = (render(piece) for piece in pieces)
    # Only a piece the splitter could not cut at all (a limit below the markup) is truncated.
    return [text[:limit] for text in rendered if text]


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _inlines(block.children, frozenset())
    if isinstance(block, Heading):
        return _inlines((Strong(children=block.children),), frozenset())
    if isinstance(block, CodeBlock):
        # Slack decodes entities even inside code, so code is escaped but otherwise verbatim.
        return "```\n" + html.escape(block.text, quote=False) + "\n```"
    if isinstance(block, BlockQuote):
        inner = render(Document(children=block.children))
        return "\n".join(("> " + line) if line else ">" for line in inner.split("\n"))
    if isinstance(block, BulletList | OrderedList):
        lines: list[str] = []
        for n, item in enumerate(block.items):
            marker = "• " if isinstance(block, BulletList) else f"{block.start + n}. "
            body = "\n".join(_block(b) for b in item.children).split("\n")
            lines.append(marker + body[0])
            lines += [("  " + line) if line else line for line in body[1:]]
        return "\n".join(lines)
    assert isinstance(block, ThematicBreak)
    return _RULE


def _inlines(nodes: tuple[Inline, ...], active: frozenset[type]) -> str:
    return "".join(_inline(node, active) for node in nodes)


def _inline(node: Inline, active: frozenset[type]) -> str:
    if isinstance(node, Text):
        return escape(node.text)
    if isinstance(node, Code):
        return "`" + html.escape(node.text, quote=False) + "`" if node.text.strip() else ""
    if isinstance(node, LineBreak):
        return "\n"
    if isinstance(node, Link):
        return _link(node, active)
    kind = type(node)
    inner = _inlines(node.children, active | {kind})
    if kind in active or not inner.strip():
        return inner  # *a *b* c* would close early in Slack: nested same spans are flattened
    return _MARKS[kind] + inner + _MARKS[kind]


def _link(link: Link, active: frozenset[type]) -> str:
    """``<url|label>``; a label's formatting moves outside, as Slack shows labels plain."""
    children = link.children
    marks = ""
    while len(children) == 1 and isinstance(children[0], Strong | Emphasis | Strikethrough):
        span = children[0]
        if type(span) not in active:
            marks += _MARKS[type(span)]
            active = active | {type(span)}
        children = span.children
    url = html.escape(link.url.replace("|", "%7C"), quote=False)
    label = escape(" ".join(plain_text(children).split()))
    inner = f"<{url}|{label}>" if label else f"<{url}>"
    return marks + inner + marks[::-1]
