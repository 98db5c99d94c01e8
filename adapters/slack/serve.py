"""Run the Slack app: Socket Mode, or HTTP on aiohttp (never bolt's development server)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError

from adapters.slack.admin import admin_poster
from adapters.slack.app import create_app
from adapters.slack.dedup import SeenEvents
from adapters.slack.gate import RequestGate
from adapters.slack.redact import PATTERNS
from adapters.slack.settings import SlackSettings
from bot.errors import ConfigError
from bot.runtime.lifecycle import idle
from bot.runtime.logs import setup_logging
from bot.runtime.ops import Ops

EVENTS_PATH = "/slack/events"
_log = logging.getLogger("explainbot.slack")


def build_web_app(app: AsyncApp, gate: RequestGate, path: str = EVENTS_PATH) -> web.Application:
    """An aiohttp application that hands Slack's POSTs on ``path`` to bolt, through ``gate``."""

    async def events(request: web.Request) -> web.Response:
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            _log.warning("refused a request (413): body over aiohttp's size limit")
            raise
        text, refusal = gate.check(raw, request.headers)
        if refusal is not None:
            return web.json_response({"error": refusal.reason}, status=refusal.status)
        try:
            bolt_request = AsyncBoltRequest(
                body=text,
                query=request.query_string,
                headers=dict(request.headers),
            )
        except Exception as exc:  # signed, but bolt cannot read its shape (type, never content)
            _log.warning("refused a request (400): bolt cannot read it (%s)", type(exc).__name__)
            return web.json_response({"error": "unreadable payload"}, status=400)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    web_app = web.Application()
    web_app.router.add_post(path, events)
    return web_app


@contextlib.asynccontextmanager
async def http_server(
    app: AsyncApp, *, signing_secret: str, host: str, port: int, path: str = EVENTS_PATH
) -> AsyncIterator[tuple[str, int]]:
    """Serve ``app`` over HTTP while the context is open; yields the bound (host, port)."""
    gate = RequestGate(signing_secret, logger=_log)
    runner = web.AppRunner(build_web_app(app, gate, path), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as exc:
            raise ConfigError(f"--port: cannot listen on {host}:{port}: {exc}") from None
        bound = runner.addresses[0]
        yield str(bound[0]), int(bound[1])
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def socket_mode(app: AsyncApp, *, app_token: str) -> AsyncIterator[AsyncSocketModeHandler]:
    """Keep a Socket Mode connection open while the context is open."""
    handler = AsyncSocketModeHandler(app, app_token=app_token)
    try:
        await handler.connect_async()  # type: ignore[no-untyped-call]
        yield handler
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]


async def serve(
    ops: Ops, settings: SlackSettings, *, host: str, port: int, stop: asyncio.Event
) -> None:
    """Serve until ``stop`` is set, then stop ``ops`` (in-flight answers finish first).

    ``ops`` starts once the connection is up: hot reload of the knowledge directory, the health
    server, and (with ``EXPLAINBOT_ADMIN_CHANNEL``) reload problems posted to the admin channel.

    Raises:
        ConfigError: a token is rejected, Slack cannot be reached, or a port cannot be bound.
    """
    try:
        app = create_app(
            ops.service,
            settings=settings,
            seen=SeenEvents(shared=ops.shared),
            answering=ops.lifecycle.answering,
        )
        await check_tokens(app, settings)
        on_problems = admin_poster(app.client, ops.settings.admin_channel)
        if settings.app_token is not None:
            async with socket_mode(app, app_token=settings.app_token) as handler:
                await ops.start(
                    connected=lambda: _socket_up(handler), on_problems=on_problems, signals=False
                )
                _log.info("explainbot is connected to Slack in Socket Mode")
                await stop.wait()
        else:
            listening = asyncio.Event()  # what /healthz reports as "connected" in HTTP mode
            secret = settings.signing_secret or ""  # create_app refused HTTP mode without one
            async with http_server(app, signing_secret=secret, host=host, port=port) as (
                bound_host,
                bound_port,
            ):
                listening.set()
                await ops.start(connected=listening.is_set, on_problems=on_problems, signals=False)
                _log.info(
                    "explainbot listens on http://%s:%s%s", bound_host, bound_port, EVENTS_PATH
                )
                await stop.wait()
                listening.clear()
    finally:
        await ops.stop()


def _socket_up(handler: AsyncSocketModeHandler) -> bool:
    session = handler.client.current_session
    return session is not None and not session.closed


async def check_tokens(app: AsyncApp, settings: SlackSettings) -> None:
    """Fail fast, in one line, when Slack rejects a token or cannot be reached.

    Raises:
        ConfigError: naming the variable at fault.
    """
    checks: list[tuple[str, Callable[[], Awaitable[object]]]] = [
        ("SLACK_BOT_TOKEN", app.client.auth_test)
    ]
    if settings.app_token is not None:
        app_token = settings.app_token
        checks.append(
            ("SLACK_APP_TOKEN", lambda: app.client.apps_connections_open(app_token=app_token))
        )
    for name, call in checks:
        try:
            await call()
        except SlackApiError as exc:
            raise ConfigError(
                f"{name} was rejected by Slack: {exc.response.get('error')}"
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            base = settings.api_base_url or "https://slack.com/api/"
            raise ConfigError(f"cannot reach the Slack API at {base}: {exc}") from None


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

    With ``settings`` None (the token is absent and ``EXPLAINBOT_IDLE_WITHOUT_TOKEN`` is set)
    it idles without connecting, reported unhealthy, until stopped, and returns 0. ``environ``
    (default ``os.environ``) tells logging which secret values to mask.
    """
    _configure_logging(os.environ if environ is None else environ)

    async def main() -> int:
        if settings is None:
            await ops.start(connected=lambda: False, signals=True)
            return await idle("slack", missing, lifecycle=ops.lifecycle)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # not on Windows
                loop.add_signal_handler(sig, _stopper(stop, sig))
        await serve(ops, settings, host=host, port=port, stop=stop)
        return 0

    return asyncio.run(main())


def _stopper(stop: asyncio.Event, sig: signal.Signals) -> Callable[[], None]:
    def request() -> None:
        _log.info("stopping (%s): finishing the answers in flight", sig.name)
        stop.set()

    return request


def _configure_logging(environ: Mapping[str, str]) -> None:
    # Slack's token and id shapes, and the verification token slash-command bodies carry.
    setup_logging(environ, patterns=PATTERNS)
