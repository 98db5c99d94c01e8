"""``explainbot serve discord`` with what runs around the bot (see :class:`bot.runtime.ops.Ops`).

Hot reload, the question log, the rate limit, health and metrics, reload problems posted to the
admin channel, and a clean stop on SIGTERM: in-flight answers finish, then the bot disconnects,
the watcher and health server stop and the database is closed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import discord

from adapters.discord.client import ExplainBot, create_bot
from adapters.discord.convert import PLATFORM
from adapters.discord.serve import REJECTED, login
from adapters.discord.settings import TOKEN_VAR, DiscordSettings
from bot.errors import ConfigError
from bot.models import Problem
from bot.runtime.lifecycle import idle, idle_wanted, missing_settings
from bot.runtime.ops import ADMIN_CHANNEL_ENV, Ops
from bot.runtime.reload import ProblemsCallback, format_problems

log = logging.getLogger(__name__)

NONE = discord.AllowedMentions.none()
_AUTH_FAILED = 4004  # gateway close code for a refused token


@dataclass(frozen=True, slots=True, kw_only=True)
class Serving:
    """A serve command ready to run.

    Attributes:
        ops: hot reload, question log, limits, health; its ``service`` answers.
        bot: the client, or None when the token is missing and idling was asked for.
        missing: the unset variables that make it idle.
        admin_channel: the Discord channel id refused knowledge changes are posted to.
    """

    ops: Ops
    bot: ExplainBot | None
    missing: tuple[str, ...] = ()
    admin_channel: int | None = None


def prepare(
    environ: Mapping[str, str],
    *,
    knowledge: str | Path | None = None,
    guild_ready_timeout: float = 2.0,
) -> Serving:
    """Read every setting and load the knowledge; nothing is started yet.

    Raises:
        ConfigError: a setting is missing or malformed (the message names it).
        KnowledgeError: the knowledge directory does not validate.
    """
    missing = missing_settings([TOKEN_VAR], environ)
    # Without idling, a missing token is one clear line before anything slow happens.
    settings = None if missing and idle_wanted(environ) else DiscordSettings.from_env(environ)
    ops = Ops.from_env(PLATFORM, environ, knowledge=knowledge)
    ops_settings = ops.settings
    admin = admin_channel_id(ops_settings.admin_channel)
    if settings is None:
        return Serving(ops=ops, bot=None, missing=tuple(missing))
    bot = create_bot(
        ops.service,
        settings=settings,
        guild_ready_timeout=guild_ready_timeout,
        answering=ops.lifecycle.answering,
        slow_down_window=ops_settings.rate_limit.per_seconds,
    )
    return Serving(ops=ops, bot=bot, admin_channel=admin)


async def run(serving: Serving, *, signals: bool = True) -> int:
    """Serve until SIGTERM/SIGINT (or ``ops.lifecycle.request_stop()``); the exit status.

    Args:
        serving: from :func:`prepare`.
        signals: install SIGTERM/SIGINT handlers (only possible in the main thread).

    Raises:
        ConfigError: Discord refused the token or cannot be reached.
    """
    ops, bot = serving.ops, serving.bot
    if bot is None:
        await ops.start(connected=lambda: False, signals=signals)
        return await idle(PLATFORM, serving.missing, lifecycle=ops.lifecycle)
    async with bot:
        await login(bot, bot.settings)  # a refused token stops here, before anything started
        try:
            await ops.start(
                connected=lambda: bot.is_ready() and not bot.is_closed(),
                on_problems=admin_poster(bot, serving.admin_channel),
                close_client=bot.close,
                signals=signals,
            )
            log.info("logged in to Discord as %s", bot.user)
            settings = bot.settings
            if settings.sharded:
                log.info(
                    "running shards %s of %s",
                    ",".join(map(str, settings.shard_ids)) if settings.shard_ids else "all",
                    settings.shard_count or "Discord's recommended count",
                )
            await _connected_until_stopped(bot, ops)
        finally:
            await ops.stop()
    return 0


async def _connected_until_stopped(bot: ExplainBot, ops: Ops) -> None:
    connection = asyncio.create_task(bot.connect(reconnect=True), name="explainbot-discord")
    stop = asyncio.create_task(ops.wait_for_stop(), name="explainbot-stop")
    try:
        await asyncio.wait({connection, stop}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stop.cancel()
    await ops.stop()  # in-flight answers finish first; then the bot closes and connect returns
    try:
        await connection
    except discord.ConnectionClosed as exc:
        if exc.code == _AUTH_FAILED:
            raise ConfigError(REJECTED) from None
        raise


def admin_channel_id(raw: str | None) -> int | None:
    """The admin channel as a Discord channel id; None (with a warning) if it is not one.

    The variable may be shared with the Slack service in one ``.env``: a Slack channel id
    must not stop the Discord bot, so it only turns the Discord admin reports off.
    """
    if raw is None:
        return None
    if not raw.isdigit():
        log.warning(
            "%s=%r is not a Discord channel id (Developer Mode, then right-click the channel, "
            "Copy Channel ID); refused knowledge changes are only logged",
            ADMIN_CHANNEL_ENV,
            raw,
        )
        return None
    return int(raw)


def admin_text(problems: tuple[Problem, ...]) -> str:
    """The problems as a code block (file names keep their underscores), under 2,000 chars."""
    return "```\n" + format_problems(problems).replace("```", "'''") + "\n```"


def admin_poster(bot: discord.Client, channel_id: int | None) -> ProblemsCallback | None:
    """Posts refused-change problems to ``channel_id``, pinging nobody; None without one."""
    if channel_id is None:
        return None

    async def post(problems: tuple[Problem, ...]) -> None:
        # A partial channel needs no fetch (nor the channel in the cache) to send.
        channel = bot.get_partial_messageable(channel_id)
        await channel.send(admin_text(problems), allowed_mentions=NONE)

    return post
