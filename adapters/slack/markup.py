"""Slack's wire syntax in message text, turned back into what the person typed.

Slack sends mentions, channel links and links as ``<...>`` tokens and escapes ``&``, ``<``
and ``>``; the engine must see plain words: a channel link keeps its name, a labelled link
its label, and mentions (``<@U1>``, ``<!here>``, ``<!subteam^S1|@team>``) go.
"""

from __future__ import annotations

import re

_LABELLED = re.compile(r"<(?:#C[A-Z0-9]+|https?://[^<>|]*|mailto:[^<>|]*)\|([^<>]*)>")
_TOKEN = re.compile(
    r"<(?:@[UWB][A-Z0-9]+(?:\|[^<>]*)?|![^<>]*|#C[A-Z0-9]+|https?://[^<>]*|mailto:[^<>]*)>"
)


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """Remove the bot's own ``<@U…>`` mention(s) from a message text."""
    if not bot_user_id:
        return text.strip()
    return re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text).strip()


def unescape(text: str) -> str:
    """Undo Slack's escaping of ``&``, ``<`` and ``>`` in user text (rendering escapes again)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clean(text: str) -> str:
    """Plain text from Slack message text: markup tokens resolved, then escaping undone.

    Markup first: after unescaping, a user's literal ``<@x>`` would look like a token.
    """
    if "<" in text:
        text = _LABELLED.sub(r" \1 ", text)
        text = _TOKEN.sub(" ", text)
    return " ".join(unescape(text).split())
