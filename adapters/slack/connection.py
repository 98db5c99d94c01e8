"""Slack connections: Socket Mode, or HTTP on aiohttp (never bolt's development server)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError

from adapters.slack.gate import RequestGate
from adapters.slack.settings import SlackSettings
from bot.errors import ConfigError

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


def socket_up(handler: AsyncSocketModeHandler) -> bool:
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
