"""Build the bolt app: listeners and middleware wired to injected collaborators."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.convert import PICK_ACTION, RELATED_ACTION, SHORTCUT_CALLBACK
from adapters.slack.dedup import SeenEvents
from adapters.slack.deliver import with_rate_limit_retries
from adapters.slack.feedback import FEEDBACK_ACTION, FeedbackHandlers
from adapters.slack.handlers import SlackHandlers
from adapters.slack.settings import SlackSettings
from bot.errors import ConfigError
from bot.runtime.service import AnswerService

COMMAND = "/explain"
Middleware = Callable[..., Awaitable[BoltResponse | None]]
Listener = Callable[..., Awaitable[None]]
Answering = Callable[[], contextlib.AbstractContextManager[None]]


def create_app(
    service: AnswerService,
    *,
    settings: SlackSettings,
    client: AsyncWebClient | None = None,
    seen: SeenEvents | None = None,
    logger: logging.Logger | None = None,
    answering: Answering = contextlib.nullcontext,
) -> AsyncApp:
    """Create the Slack app.

    Args:
        service: answers questions.
        settings: tokens and options; the signing secret is required unless in Socket Mode.
        client: the Web API client (default: one for ``settings.bot_token`` and
            ``settings.api_base_url``).
        seen: memory of handled event ids (default: a new one).
        logger: where the app logs (default: ``explainbot.slack``).
        answering: wraps each listener run, so that shutdown waits for answers in flight
            (``Lifecycle.answering``; default: no tracking).
    """
    if not settings.socket_mode and not settings.signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET is not set: HTTP mode needs it")
    log = logger or logging.getLogger("explainbot.slack")
    app = AsyncApp(
        name="explainbot",
        # Bolt reads SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET itself when given None: pass the
        # validated values (an injected client carries its own token).
        token=None if client is not None else settings.bot_token,
        client=client,
        signing_secret=settings.signing_secret or "",
        logger=log,
    )
    if client is None and settings.api_base_url:
        # Bolt builds its own client (with its user agent) but takes no base URL.
        app.client.base_url = settings.api_base_url
    with_rate_limit_retries(app.client)
    app.middleware(skip_redeliveries(seen if seen is not None else SeenEvents(), log))
    app.error(unreadable_payload(log))
    handlers = SlackHandlers(service, settings, logger=log)
    feedback = FeedbackHandlers(service, logger=log)
    app.command(COMMAND)(tracked(handlers.command, answering, log))
    app.event("app_mention")(tracked(handlers.mention, answering, log))
    app.event("message")(tracked(handlers.direct_message, answering, log))
    app.message_shortcut(SHORTCUT_CALLBACK)(tracked(handlers.shortcut, answering, log))
    app.action(_action(RELATED_ACTION))(tracked(handlers.related, answering, log))
    app.action(_action(PICK_ACTION))(tracked(handlers.pick, answering, log))
    app.action(_action(FEEDBACK_ACTION))(tracked(feedback.vote, answering, log))
    return app


def _action(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"^{prefix}(_\d+)?$")


def tracked(listener: Listener, answering: Answering, log: logging.Logger) -> Listener:
    """``listener`` run inside ``answering()``; what it raises is logged here.

    Bolt runs listeners as tasks after the ack, so only a wrapper around the whole listener
    sees an answer through to its delivery. Bolt injects arguments by the names it reads
    through ``functools.wraps``, so the wrapper takes exactly the listener's arguments.
    Nothing reaches bolt's error handler from a listener: that handler only sees bolt's own
    failures to read a payload (see :func:`unreadable_payload`).
    """

    @functools.wraps(listener)
    async def run(**kwargs: Any) -> None:
        with answering():
            try:
                await listener(**kwargs)
            except Exception:  # a bug of ours: the traceback, never the request body
                log.exception("the %s listener failed", listener.__name__)

    return run


def unreadable_payload(log: logging.Logger) -> Callable[..., Awaitable[BoltResponse]]:
    """Bolt's error handler: a signed payload whose shape bolt's middleware cannot read.

    One WARNING line naming the error type, and a 400 (bolt's default logs a traceback
    and answers 500).
    """

    async def on_error(error: Exception) -> BoltResponse:
        log.warning("refused a request (400): bolt cannot read it (%s)", type(error).__name__)
        return BoltResponse(status=400, body={"error": "unreadable payload"})

    return on_error


def skip_redeliveries(seen: SeenEvents, log: logging.Logger) -> Middleware:
    """Middleware that acknowledges, but does not handle, an event already handled.

    Events are known by ``event_id`` (in the database shared by the replicas when there is one).
    A redelivery (``x-slack-retry-num`` above 0; bolt maps Socket Mode's ``retry_attempt`` onto
    the same header) of an event no replica handled is answered: Slack retries exactly when
    the first delivery may have been lost.
    """

    async def middleware(
        request: AsyncBoltRequest, body: dict[str, Any], next: Callable[[], Awaitable[None]]
    ) -> BoltResponse | None:
        if body.get("type") == "event_callback":
            retry = (request.headers.get("x-slack-retry-num") or ["0"])[0].strip()
            event_id = str(body.get("event_id", ""))
            # A shared store is a network round trip: keep it off the event loop.
            if event_id and not await asyncio.to_thread(seen.first_time, event_id):
                log.info("ignoring duplicate event %s (retry %s)", event_id, retry or "0")
                return BoltResponse(status=200, body="")
            if retry not in {"", "0"}:
                log.info("handling retry %s of event %s, not seen before", retry, event_id)
        await next()
        return None

    return middleware
