"""The Slack side of the adapter contract (:class:`bot.runtime.adapter.Adapter`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from slack_bolt.async_app import AsyncApp

from adapters.slack.admin import notice_text
from adapters.slack.connection import (
    EVENTS_PATH,
    check_tokens,
    http_server,
    socket_mode,
    socket_up,
)
from adapters.slack.convert import SlackMessage, render
from adapters.slack.settings import SlackSettings
from bot.presentation.view import View

PLATFORM = "slack"
_log = logging.getLogger("explainbot.slack")


class SlackAdapter:
    """The bolt app served in Socket Mode (``SLACK_APP_TOKEN`` set) or over HTTP.

    Args:
        app: the bolt app, its listeners wired to the answer service.
        settings: tokens and the mode.
        host: HTTP mode: the address to bind.
        port: HTTP mode: the port (0: any free one).
    """

    platform = PLATFORM

    def __init__(self, app: AsyncApp, settings: SlackSettings, *, host: str, port: int) -> None:
        self._app = app
        self._settings = settings
        self._host = host
        self._port = port
        self._stack = contextlib.AsyncExitStack()
        self._up: Callable[[], bool] = lambda: False
        self._stopped = asyncio.Event()

    async def start(self) -> None:
        await check_tokens(self._app, self._settings)
        app_token = self._settings.app_token
        if app_token is not None:
            handler = await self._stack.enter_async_context(
                socket_mode(self._app, app_token=app_token)
            )
            self._up = lambda: socket_up(handler)
            _log.info("explainbot is connected to Slack in Socket Mode")
            return
        secret = self._settings.signing_secret or ""  # create_app refused HTTP mode without one
        host, port = await self._stack.enter_async_context(
            http_server(self._app, signing_secret=secret, host=self._host, port=self._port)
        )
        self._up = lambda: True  # listening: what "connected" means in HTTP mode
        _log.info("explainbot listens on http://%s:%s%s", host, port, EVENTS_PATH)

    async def wait_closed(self) -> None:
        # Neither the HTTP server nor Socket Mode (which reconnects itself) ends on its own.
        await self._stopped.wait()

    def connected(self) -> bool:
        return not self._stopped.is_set() and self._up()

    async def stop(self) -> None:
        """Stop listening: new requests are refused, while the Web API client and
        ``response_url`` still deliver the answers in flight."""
        self._stopped.set()
        await self._stack.aclose()

    async def close(self) -> None:
        """Nothing left: slack_sdk's client opens a session per call."""
        await self.stop()

    def notice_channel(self, raw: str) -> str | None:
        return raw

    def render(self, view: View) -> SlackMessage:
        """Block Kit blocks and a fallback text: :func:`adapters.slack.convert.render`."""
        return render(view)

    async def post_notice(self, channel: str, text: str) -> None:
        await self._app.client.chat_postMessage(
            channel=channel,
            text=notice_text(text),
            parse="none",
            link_names=False,
            unfurl_links=False,
        )
