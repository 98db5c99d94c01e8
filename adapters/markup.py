"""Chat text as the adapters hand it to the engine, whichever platform it was typed on.

For question sets written as people type in chat (``<@U0123ABCD> what is rag``): each
platform's wire syntax is resolved the way its adapter does before the engine sees it.
"""

from __future__ import annotations

from adapters.discord.markup import clean as discord_clean
from adapters.slack.markup import clean as slack_clean


def as_asked(text: str) -> str:
    """``text`` with Slack's and Discord's message markup resolved (each only touches its own)."""
    return discord_clean(slack_clean(text))
