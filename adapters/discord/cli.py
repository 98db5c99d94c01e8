"""``explainbot serve discord`` and ``explainbot discord sync``; discord.py imported lazily."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    serve_subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: Sequence[argparse.ArgumentParser],
) -> None:
    serve = serve_subparsers.add_parser(
        "discord",
        parents=list(parents),
        help="run the Discord bot (needs DISCORD_TOKEN)",
        description="Run the Discord bot. Needs DISCORD_TOKEN; DISCORD_API_BASE_URL and "
        "DISCORD_GATEWAY_URL optionally point it at a proxy. Reloads the knowledge on change, "
        "records questions (EXPLAINBOT_DB) and stops cleanly on SIGTERM; see .env.example.",
    )
    serve.set_defaults(func=serve_command)
    discord_parser = subparsers.add_parser("discord", help="Discord administration")
    actions = discord_parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    sync = actions.add_parser(
        "sync",
        help="register /explain and 'Explain this' with Discord",
        description="Register the commands globally (may take a while to appear everywhere) "
        "or, with --guild, in one server at once.",
    )
    sync.add_argument("--guild", type=_snowflake, metavar="ID", help="server (guild) id")
    sync.set_defaults(func=sync_command)


def serve_command(args: argparse.Namespace) -> int:
    import asyncio

    from adapters.discord.run import prepare, run
    from adapters.discord.settings import SECRET_VARS
    from bot.settings import Settings, read_environ

    environ = read_environ(SECRET_VARS)  # secret files read once, before any setting
    _configure_logging(Settings.from_env(environ), environ)
    serving = prepare(environ, knowledge=args.knowledge)
    return asyncio.run(run(serving))


def sync_command(args: argparse.Namespace) -> int:
    import asyncio

    from adapters.discord.client import create_bot
    from adapters.discord.serve import sync_commands
    from adapters.discord.settings import SECRET_VARS, DiscordSettings
    from bot.knowledge.base import build_knowledge
    from bot.matching.engine import Engine
    from bot.runtime.service import AnswerService
    from bot.settings import Settings, read_environ

    environ = read_environ(SECRET_VARS)
    settings = DiscordSettings.from_env(environ)
    _configure_logging(Settings.from_env(environ), environ)
    # Registering commands needs none of the knowledge: an empty engine will do.
    service = AnswerService(Engine(build_knowledge(())))

    async def main() -> list[str]:
        return await sync_commands(
            create_bot(service, settings=settings), settings, guild_id=args.guild
        )

    names = asyncio.run(main())
    where = f"guild {args.guild}" if args.guild else "globally"
    print(f"registered {len(names)} command(s) {where}: {', '.join(names)}")
    return 0


def _snowflake(raw: str) -> int:
    if not raw.isdigit():
        raise argparse.ArgumentTypeError(f"not a Discord id: {raw!r}")
    return int(raw)


class _NoVoiceWarnings(logging.Filter):
    """The bot never joins voice: discord.py's warnings about missing voice libraries are noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


def _configure_logging(settings: Settings, environ: Mapping[str, str]) -> None:
    root = logging.getLogger()
    if root.handlers:
        return  # the host (a test runner, an embedding program) configured logging already
    from adapters.discord.redact import PATTERNS
    from bot.runtime.logs import secrets_from_env, setup_logging

    # DISCORD_TOKEN is masked with every other *_TOKEN variable's value.
    handler = setup_logging(
        json_format=settings.log_json,
        level=settings.log_level,
        secrets=secrets_from_env(environ),
        patterns=PATTERNS,
    )
    handler.addFilter(_NoVoiceWarnings())
    # discord.py's INFO lines ("logging in using static token", sessions) add nothing here.
    logging.getLogger("discord").setLevel(logging.WARNING)
