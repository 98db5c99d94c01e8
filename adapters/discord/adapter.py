"""The Discord side of the adapter contract (:class:`bot.runtime.adapter.Adapter`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import discord

from adapters.discord.client import ExplainBot
from adapters.discord.convert import PLATFORM, Rendered, render
from adapters.discord.serve import REJECTED, login
from bot.errors import ConfigError
from bot.presentation.view import View
from bot.runtime.notices import fit_lines

log = logging.getLogger(__name__)

NONE = discord.AllowedMentions.none()
# Discord takes 2,000 characters a message; the code block's fences need the rest.
NOTICE_MAX = 1_900
_AUTH_FAILED = 4004  # gateway close code for a refused token


def notice_content(text: str) -> str:
    """``text`` fitted to one Discord message as a code block (file names keep underscores)."""
    return "```\n" + fit_lines(text.replace("```", "'''"), NOTICE_MAX) + "\n```"


class DiscordAdapter:
    """The bot's gateway connection (sharded or not) and REST client.

    Args:
        bot: the client, not yet logged in.
    """

    platform = PLATFORM

    def __init__(self, bot: ExplainBot) -> None:
        self.bot = bot
        self._stack = contextlib.AsyncExitStack()
        self._connection: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Log in (a refused token stops here) and connect to the gateway in a task."""
        bot = self.bot
        await self._stack.enter_async_context(bot)  # closes the bot when the stack closes
        await login(bot, bot.settings)
        log.info("logged in to Discord as %s", bot.user)
        settings = bot.settings
        if settings.sharded:
            log.info(
                "running shards %s of %s",
                ",".join(map(str, settings.shard_ids)) if settings.shard_ids else "all",
                settings.shard_count or "Discord's recommended count",
            )
        self._connection = asyncio.create_task(
            bot.connect(reconnect=True), name="explainbot-discord"
        )

    async def wait_closed(self) -> None:
        if self._connection is None:
            return
        try:
            await self._connection
        except discord.ConnectionClosed as exc:
            if exc.code == _AUTH_FAILED:
                raise ConfigError(REJECTED) from None
            raise

    def connected(self) -> bool:
        return self.bot.is_ready() and not self.bot.is_closed()

    async def stop(self) -> None:
        """Nothing yet: answers in flight are delivered over this same client."""

    async def close(self) -> None:
        """Close the gateway and the REST client; ``connect`` then returns."""
        await self._stack.aclose()

    def notice_channel(self, raw: str) -> str | None:
        """A Discord channel id, or None with a warning: the variable may be shared with the
        Slack service in one ``.env``, and a Slack channel id must not stop the Discord bot."""
        if raw.isdigit():
            return raw
        log.warning(
            "EXPLAINBOT_ADMIN_CHANNEL=%r is not a Discord channel id (Developer Mode, then "
            "right-click the channel, Copy Channel ID); refused knowledge changes are only logged",
            raw,
        )
        return None

    def render(self, view: View) -> Rendered:
        """An embed (or text) with buttons: :func:`adapters.discord.convert.render`."""
        return render(view)

    async def post_notice(self, channel: str, text: str) -> None:
        # A partial channel needs no fetch (nor the channel in the cache) to send.
        messageable = self.bot.get_partial_messageable(int(channel))
        await messageable.send(notice_content(text), allowed_mentions=NONE)
