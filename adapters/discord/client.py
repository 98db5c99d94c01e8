"""Building the bot: intents, no pings, the cog and persistent buttons, API endpoints."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from adapters.discord.cog import Answering, ExplainCog
from adapters.discord.components import SnippetButton
from adapters.discord.feedback import FeedbackButton
from adapters.discord.respond import apologise
from adapters.discord.settings import DiscordSettings
from bot.runtime.service import AnswerService

log = logging.getLogger(__name__)


def bot_intents() -> discord.Intents:
    """Default intents without the privileged Message Content one: Discord still delivers the
    text of DMs and of messages that mention the bot, which is all the bot reads."""
    intents = discord.Intents.default()
    intents.message_content = False
    return intents


def apply_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py's REST client and gateway at the configured URLs (proxies, tests).

    discord.py reads both from class attributes, so this must run before login/connect.
    """
    if settings.api_base_url:
        discord.http.Route.BASE = settings.api_base_url
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


class ExplainTree(app_commands.CommandTree[Any]):
    """A command tree that answers politely when a command fails before our handlers run."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        if interaction.type is discord.InteractionType.autocomplete:
            # An autocomplete can only be answered with choices: a message would be refused,
            # and no answer at all shows "loading options failed".
            log.warning("autocomplete failed: %s", error)
            await no_choices(interaction)
            return
        log.error("app command failed: %s", error, exc_info=error)
        await apologise(interaction)


async def no_choices(interaction: discord.Interaction[Any]) -> None:
    """Answer an autocomplete interaction with an empty list; never raises."""
    if interaction.response.is_done():
        return
    try:
        await interaction.response.autocomplete([])
    except discord.HTTPException as exc:
        log.warning("could not answer autocomplete %s: %s", interaction.id, exc)


def guard_parsers(parsers: dict[str, Callable[[Any], None]]) -> None:
    """Make each gateway event parser skip an event it cannot read, in place.

    discord.py's gateway calls the connection state's parser for every DISPATCH; one that
    raises (an ``INTERACTION_CREATE`` without ``token``, a field of an unexpected shape) ends
    ``Client.connect`` and with it the process. Guarded, the event is logged in one line and
    skipped, and the connection stays up.
    """
    for event, parse in list(parsers.items()):
        parsers[event] = _guarded(event, parse)


def _guarded(event: str, parse: Callable[[Any], None]) -> Callable[[Any], None]:
    def guarded(data: Any) -> None:
        try:
            parse(data)
        except Exception as exc:
            # The error type and the field at fault, never the payload (user text, tokens).
            detail = type(exc).__name__
            if isinstance(exc, KeyError):
                detail += f" {exc}"
            log.warning("skipped a %s gateway event that could not be read (%s)", event, detail)

    return guarded


class ExplainBot(commands.Bot):
    """The Discord client; everything it answers with comes from the injected service.

    ``answering`` is handed to :class:`ExplainCog`.
    """

    def __init__(
        self,
        service: AnswerService,
        *,
        settings: DiscordSettings,
        guild_ready_timeout: float = 2.0,
        answering: Answering = nullcontext,
        **options: Any,
    ) -> None:
        super().__init__(
            # No prefix commands exist; when_mentioned avoids discord.py's intent warning.
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=ExplainTree,
            guild_ready_timeout=guild_ready_timeout,
            **options,
        )
        self.service = service
        self.settings = settings
        self._answering = answering
        # The gateway reads this dict at each (re)connect: guarded once, guarded for good.
        guard_parsers(self._connection.parsers)

    async def setup_hook(self) -> None:
        cog = ExplainCog(
            self,
            self.service,
            defer_after=self.settings.defer_after,
            answering=self._answering,
        )
        await self.add_cog(cog)
        # Buttons on old messages keep working: their custom_id carries the snippet id or the
        # question id and vote.
        self.add_dynamic_items(SnippetButton, FeedbackButton)

    async def on_message(self, message: discord.Message, /) -> None:
        """Mentions are answered by the cog's listener; there are no prefix commands."""


class ShardedExplainBot(ExplainBot, commands.AutoShardedBot):
    """The same bot on discord.py's ``AutoShardedClient``: one gateway connection per shard,
    all shards (or ``shard_ids``) in this process. Large bots split their shards over several
    processes, each with the same ``shard_count`` and its own ``shard_ids``."""


def create_bot(
    service: AnswerService,
    *,
    settings: DiscordSettings,
    guild_ready_timeout: float = 2.0,
    answering: Answering = nullcontext,
) -> ExplainBot:
    """The bot, not yet logged in (sharded when the settings ask for it)."""
    if settings.sharded:
        ids = list(settings.shard_ids) if settings.shard_ids is not None else None
        return ShardedExplainBot(
            service,
            settings=settings,
            guild_ready_timeout=guild_ready_timeout,
            answering=answering,
            shard_count=settings.shard_count,
            shard_ids=ids,
        )
    return ExplainBot(
        service,
        settings=settings,
        guild_ready_timeout=guild_ready_timeout,
        answering=answering,
    )
