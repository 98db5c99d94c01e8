"""Run the Slack app: Socket Mode, or HTTP on aiohttp (never bolt's development server)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from adapters.slack.app import create_app
from adapters.slack.redact import SecretFilter
from adapters.slack.settings import SlackSettings
from bot.errors import ConfigError
from bot.service import AnswerService

EVENTS_PATH = "/slack/events"
_log = logging.getLogger("explainbot.slack")


def build_web_app(app: AsyncApp, path: str = EVENTS_PATH) -> web.Application:
    """An aiohttp application that hands Slack's POSTs on ``path`` to bolt."""

    async def events(request: web.Request) -> web.Response:
        bolt_response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    web_app = web.Application()
    web_app.router.add_post(path, events)
    return web_app


@contextlib.asynccontextmanager
async def http_server(
    app: AsyncApp, *, host: str, port: int, path: str = EVENTS_PATH
) -> AsyncIterator[tuple[str, int]]:
    """Serve ``app`` over HTTP while the context is open; yields the bound (host, port)."""
    runner = web.AppRunner(build_web_app(app, path), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
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
    service: AnswerService, settings: SlackSettings, *, host: str, port: int,
    stop: asyncio.Event,
) -> None:  # fmt: skip
    """Run until ``stop`` is set."""
    app = create_app(service, settings=settings)
    await check_tokens(app, settings)
    if settings.app_token is not None:
        async with socket_mode(app, app_token=settings.app_token):
            _log.info("explainbot is connected to Slack in Socket Mode")
            await stop.wait()
    else:
        async with http_server(app, host=host, port=port) as (bound_host, bound_port):
            _log.info("explainbot listens on http://%s:%s%s", bound_host, bound_port, EVENTS_PATH)
            await stop.wait()


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


def run(service: AnswerService, settings: SlackSettings, *, host: str, port: int) -> int:
    """Configure logging, then serve until SIGINT or SIGTERM."""
    _configure_logging()

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):  # not on Windows
                loop.add_signal_handler(sig, stop.set)
        await serve(service, settings, host=host, port=port, stop=stop)

    asyncio.run(main())
    return 0


def _configure_logging() -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for handler in logging.getLogger().handlers:
        handler.addFilter(SecretFilter())
