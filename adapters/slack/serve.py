"""``explainbot serve slack``: the Slack adapter in the run loop (:mod:`bot.runtime.run`)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from adapters.slack.adapter import SlackAdapter
from adapters.slack.app import create_app
from adapters.slack.dedup import SeenEvents
from adapters.slack.redact import PATTERNS
from adapters.slack.settings import SlackSettings
from bot.runtime.logs import secrets_from_env, setup_logging
from bot.runtime.ops import Ops
from bot.runtime.run import run as run_loop
from bot.settings import Settings


def slack_adapter(ops: Ops, settings: SlackSettings, *, host: str, port: int) -> SlackAdapter:
    """The bolt app wired to ``ops`` (answers, shared event ids, in-flight tracking)."""
    app = create_app(
        ops.service,
        settings=settings,
        seen=SeenEvents(shared=ops.shared),
        answering=ops.lifecycle.answering,
    )
    return SlackAdapter(app, settings, host=host, port=port)


async def serve(
    ops: Ops,
    settings: SlackSettings | None,
    *,
    host: str,
    port: int,
    missing: Sequence[str] = (),
    signals: bool = True,
) -> int:
    """Serve Slack until stopped (SIGTERM/SIGINT, or ``ops.lifecycle.request_stop()``).

    With ``settings`` None (the token is absent and ``EXPLAINBOT_IDLE_WITHOUT_TOKEN`` is set)
    it idles without connecting, reported unhealthy, until stopped.

    Raises:
        ConfigError: a token is rejected, Slack cannot be reached, or a port cannot be bound.
    """
    adapter = None if settings is None else slack_adapter(ops, settings, host=host, port=port)
    return await run_loop(ops, adapter, missing=missing, signals=signals)


def run(
    ops: Ops,
    settings: SlackSettings | None,
    *,
    host: str,
    port: int,
    missing: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
) -> int:
    """Configure logging, then serve until SIGINT or SIGTERM; the exit status.

    ``environ`` (the one the settings were read from) tells logging which values to mask.
    """
    _configure_logging(ops.settings, {} if environ is None else environ)
    return asyncio.run(serve(ops, settings, host=host, port=port, missing=missing))


def _configure_logging(settings: Settings, environ: Mapping[str, str]) -> None:
    # Slack's token and id shapes, and the verification token slash-command bodies carry.
    setup_logging(
        json_format=settings.log_json,
        level=settings.log_level,
        secrets=secrets_from_env(environ),
        patterns=PATTERNS,
    )
