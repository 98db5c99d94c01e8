"""Snippet Markdown to Slack mrkdwn, escaping, ping neutralisation and splitting.

Slack's mrkdwn is not Markdown: bold is ``*x*``, italics ``_x_``, links ``<url|text>``, and
``&``, ``<``, ``>`` must be escaped everywhere because ``<...>`` is how Slack spells links and
mentions (``<!here>``, ``<@U123>``). Everything a user could have typed passes :func:`escape`.
"""

from __future__ import annotations

import html
import re

# U+2060 WORD JOINER: invisible, and breaks "@here" into text Slack never treats as a mention.
_JOINER = "\u2060"
_MENTION = re.compile(r"<(?P<kind>[!@#])(?P<target>[^>|]*)(?:\|(?P<label>[^>]*))?>")
_BARE_BROADCAST = re.compile(r"(?<![\w.+-])@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
# Private-use characters mark protected spans while the rest is rewritten.
_OPEN, _CLOSE, _BOLD_MARK = "\ue000", "\ue001", "\ue002"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")

_FENCE = re.compile(r"^```[^\n`]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`([^`\n]+)`")
# One level of parentheses inside a URL, as in Wikipedia's ".../Transformer_(deep_learning)".
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*((?:[^()\s]|\([^()\s]*\))+)\s*\)")
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#{1,6}\s|>)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")


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
    """Convert the snippet Markdown subset to mrkdwn.

    Handles **bold**, *italics*/_italics_, ~~strike~~, [links](url), `code`, fenced code,
    "- " bullets (as "• "), numbered lists, headings (as bold lines) and paragraphs; soft
    line breaks inside a paragraph are joined, as Markdown renders them.
    """
    text = re.sub("[\ue000-\ue002]", "", markdown.replace("\r\n", "\n"))
    kept: list[str] = []

    def keep(rendered: str) -> str:
        kept.append(rendered)
        return f"{_OPEN}{len(kept) - 1}{_CLOSE}"

    text = _FENCE.sub(lambda m: "\n" + keep("```\n" + _code(m.group(1)) + "```") + "\n", text)
    text = _unwrap(text)
    text = _CODE.sub(lambda m: keep("`" + _code(m.group(1)) + "`"), text)
    text = _LINK.sub(lambda m: keep(_link(m.group(1), m.group(2))), text)
    text = "\n".join(_line(line) for line in escape(text).split("\n"))
    text = _STRIKE.sub(r"~\1~", text)
    # Bold goes through a marker so that the italics rule cannot see its asterisks.
    text = _BOLD.sub(lambda m: _BOLD_MARK + (m.group(1) or m.group(2)) + _BOLD_MARK, text)
    text = _ITALIC.sub(r"_\1_", text).replace(_BOLD_MARK, "*")
    text = re.sub(r"[ \t]+\n", "\n", text)  # Markdown's two-space hard breaks
    while _PLACEHOLDER.search(text):  # kept spans may contain other kept spans (a link's code)
        text = _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _code(code: str) -> str:
    # Slack decodes entities even inside code, so code is escaped but otherwise kept verbatim.
    return html.escape(code, quote=False)


def _link(label: str, url: str) -> str:
    if not _SAFE_URL.match(url):
        return escape(label)  # javascript:, relative or Slack-special targets: text only
    safe_url = html.escape(url.replace("|", "%7C"), quote=False)
    return f"<{safe_url}|{escape(label)}>"


def _line(line: str) -> str:
    heading = _HEADING.match(line)
    if heading:
        return f"**{heading.group(1)}**"
    if line.startswith("&gt; ") or line == "&gt;":
        return ">" + line[4:]  # a Markdown quote is a mrkdwn quote
    return _BULLET.sub(lambda m: m.group(1) + "• ", line)


def _unwrap(text: str) -> str:
    """Join soft-wrapped lines of a paragraph or list item (Slack treats newlines as breaks)."""
    out: list[str] = []
    for line in text.split("\n"):
        joinable = (
            out
            and out[-1].strip()
            and line.strip()
            and not _BLOCK_START.match(line)
            and not _PLACEHOLDER.fullmatch(line.strip())
            and not _PLACEHOLDER.fullmatch(out[-1].strip())
            and not out[-1].endswith("  ")
        )
        if joinable:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def split(text: str, limit: int = 3000) -> list[str]:
    """Split mrkdwn into chunks of at most ``limit`` characters.

    Cuts at a paragraph break, else a line break, else a space, never inside a ``<...>``
    link or an ``&...;`` entity; a code fence cut in two is closed and reopened.
    """
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut(rest, limit - 4)  # room to close a code fence
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        if head.count("```") % 2:
            head, rest = head + "\n```", "```\n" + rest
        chunks.append(head)
    if rest:
        chunks.append(rest)
    return chunks


def _cut(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for separator, floor in (("\n\n", limit // 2), ("\n", limit // 2), (" ", 1)):
        pos = window.rfind(separator)
        while pos >= floor and not _safe(window[:pos]):
            pos = window.rfind(separator, 0, pos)
        if pos >= floor:
            return pos
    pos = limit
    while pos > 0 and not _safe(window[:pos]):
        pos -= 1
    return pos or limit  # one link longer than a section: nothing better than a hard cut


def _safe(head: str) -> bool:
    inside_link = head.rfind("<") > head.rfind(">")
    inside_entity = re.search(r"&[#a-z0-9]{0,6}$", head) is not None
    return not inside_link and not inside_entity
