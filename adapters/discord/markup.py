"""Discord's wire syntax in message text, turned back into what the person typed.

Discord sends mentions as ``<@1>``, ``<@!1>`` (nickname), ``<@&1>`` (role), ``<#1>`` (channel),
custom emoji as ``<:name:1>`` / ``<a:name:1>`` and timestamps as ``<t:1700000000:R>``; the
engine must see plain words: an emoji keeps its name, everything else goes. Importing this
module does not import discord.py.
"""

from __future__ import annotations

import re

_EMOJI = re.compile(r"<a?:([A-Za-z0-9_~-]+):\d+>")
_TOKEN = re.compile(r"<(?:@[!&]?\d+|#\d+|t:-?\d+(?::[tTdDfFR])?|/[^<>:]+:\d+)>")


def clean(text: str) -> str:
    """Plain text from Discord message text (mentions, channels and timestamps removed)."""
    if "<" in text:
        text = _EMOJI.sub(r" \1 ", text)
        text = _TOKEN.sub(" ", text)
    return " ".join(text.split())
