"""``explainbot serve discord``: the Discord adapter in the run loop (:mod:`bot.runtime.run`).

Hot reload, the question log, the rate limit, health and metrics, reload problems posted to the
admin channel, and a clean stop on SIGTERM: in-flight answers finish, then the bot disconnects,
the watcher and health server stop and the database is closed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from adapters.discord.adapter import DiscordAdapter
from adapters.discord.client import ExplainBot, create_bot
from adapters.discord.convert import PLATFORM
from adapters.discord.settings import TOKEN_VAR, DiscordSettings
from bot.runtime.ops import Ops
from bot.runtime.run import run as run_loop
from bot.settings import Settings, missing


@dataclass(frozen=True, slots=True, kw_only=True)
class Serving:
    """A serve command ready to run.

    Attributes:
        ops: hot reload, question log, limits, health; its ``service`` answers.
        adapter: the bot's connection, or None when the token is missing and idling was
            asked for.
        missing: the unset variables that make it idle.
    """

    ops: Ops
    adapter: DiscordAdapter | None
    missing: tuple[str, ...] = ()

    @property
    def bot(self) -> ExplainBot | None:
        return None if self.adapter is None else self.adapter.bot


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
    common = Settings.from_env(environ, knowledge=knowledge)
    absent = missing(environ, [TOKEN_VAR])
    # Without idling, a missing token is one clear line before anything slow happens.
    idle = absent and common.idle_without_token
    settings = None if idle else DiscordSettings.from_env(environ)
    ops = Ops.from_settings(PLATFORM, common)
    if settings is None:
        return Serving(ops=ops, adapter=None, missing=tuple(absent))
    bot = create_bot(
        ops.service,
        settings=settings,
        guild_ready_timeout=guild_ready_timeout,
        answering=ops.lifecycle.answering,
    )
    return Serving(ops=ops, adapter=DiscordAdapter(bot))


async def run(serving: Serving, *, signals: bool = True) -> int:
    """Serve until SIGTERM/SIGINT (or ``ops.lifecycle.request_stop()``); the exit status.

    Raises:
        ConfigError: Discord refused the token or cannot be reached.
    """
    return await run_loop(serving.ops, serving.adapter, missing=serving.missing, signals=signals)
