"""Block Kit builders that respect Slack's size limits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from adapters.slack import mrkdwn
from bot.presentation import sentences as say
from bot.presentation.markdown import Document, parse

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_BUTTON = 75
MAX_BUTTONS = 5
MAX_FALLBACK = 3000


def clip(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters, marking the cut with an ellipsis.

    ``text`` may be mrkdwn: the cut moves back before a ``<url|label>`` or an ``&amp;``-style
    entity that it would otherwise split.
    """
    if len(text) <= limit:
        return text
    cut = limit - 1
    opened, entity = text.rfind("<", 0, cut), text.rfind("&", 0, cut)
    if opened > text.rfind(">", 0, cut):
        cut = opened
    if entity > text.rfind(";", 0, cut) and cut - entity <= 8:
        cut = min(cut, entity)
    return text[:cut].rstrip() + "…"


def header(title: str) -> Block:
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": clip(mrkdwn.neutralise(title), MAX_HEADER)},
    }


def sections(body: Document | str) -> list[Block]:
    """One or more mrkdwn sections for Markdown (a tree, or a string to parse).

    Cut where :func:`mrkdwn.split` cuts: between blocks, then words, never inside a link.
    """
    document = parse(body) if isinstance(body, str) else body
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": chunk}}
        for chunk in mrkdwn.split(document, MAX_SECTION)
    ]


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, MAX_SECTION)}]}


def buttons(block_id: str, action: str, choices: Iterable[tuple[str, str]]) -> Block | None:
    """An actions block of buttons; ``choices`` are (label, value) pairs.

    Each button gets its own ``action_id`` (``{action}_{n}``) because Slack rejects duplicate
    action ids inside one block; handlers match the prefix.
    """
    elements = [
        {
            "type": "button",
            "action_id": f"{action}_{n}",
            "text": {"type": "plain_text", "text": clip(mrkdwn.neutralise(label), MAX_BUTTON)},
            "value": value,
        }
        for n, (label, value) in enumerate(list(choices)[:MAX_BUTTONS])
    ]
    return {"type": "actions", "block_id": block_id, "elements": elements} if elements else None


def fit(head: Sequence[Block], body: Sequence[Block], tail: Sequence[Block | None]) -> list[Block]:
    """Assemble blocks, dropping body sections beyond Slack's 50-block limit (with a note)."""
    kept_tail = [b for b in tail if b is not None]
    room = MAX_BLOCKS - len(head) - len(kept_tail)
    if len(body) > room:
        body = [*body[: room - 1], context(f"_{say.CUT_SHORT}_")]
    return [*head, *body, *kept_tail]
