"""Delivering a rendered message, with every Web API or response_url failure handled.

Each failure is one WARNING line naming the call and Slack's error code; the message then goes
to the next place only the asker sees: the interaction's ``response_url``, an ephemeral
message in the channel, and last the app's direct message with the asker. Slack's HTTP 429 is
retried by the client itself (see :func:`with_rate_limit_retries`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as bk
from adapters.slack.convert import SlackMessage
from adapters.slack.response_url import via_response_url
from bot.presentation import sentences as say
from bot.runtime.logs import user_ref

# No link previews: a source link would otherwise unfurl under every answer.
QUIET: dict[str, Any] = {"unfurl_links": False, "unfurl_media": False}
_INVITE = say.cannot_post_here("`/invite @explainbot`")
_NOTES = {
    "not_in_channel": _INVITE,
    "channel_not_found": _INVITE,
    "restricted_action": say.POSTING_RESTRICTED,
}
RATE_LIMIT_RETRIES = 2


def with_rate_limit_retries(client: AsyncWebClient) -> None:
    """Let ``client`` wait out HTTP 429 (Retry-After) and try again, up to twice per call."""
    if not any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)
        )


def with_note(message: SlackMessage, note: str) -> SlackMessage:
    """``message`` for the asker alone, with ``note`` saying why under it."""
    blocks = [*message.blocks[: bk.MAX_BLOCKS - 1], bk.context(note)]
    return SlackMessage(text=message.text, blocks=blocks, public=False)


class Delivery:
    """Posts messages for the listeners of one app."""

    def __init__(self, client: AsyncWebClient, *, logger: logging.Logger) -> None:
        self._client = client
        self._log = logger

    async def post(
        self,
        message: SlackMessage,
        *,
        channel: str,
        user: str,
        thread_ts: str | None = None,
        public: bool | None = None,
        respond: AsyncRespond | None = None,
    ) -> None:
        """Post in ``channel`` (a thread when ``thread_ts``) if public, else privately.

        ``public`` defaults to the message's own; a public post that fails goes privately to
        ``user`` with a note saying why.
        """
        if not (message.public if public is None else public):
            await self.private(
                message, channel=channel, user=user, thread_ts=thread_ts, respond=respond
            )
            return
        if channel:
            call = self._client.chat_postMessage(
                channel=channel, thread_ts=thread_ts or None, **message.payload(), **QUIET
            )
            error = await self._call("chat.postMessage", call)
            if error is None:
                return
            message = with_note(message, _NOTES.get(error, say.COULD_NOT_POST))
        await self.private(
            message, channel=channel, user=user, thread_ts=thread_ts, respond=respond
        )

    async def private(
        self,
        message: SlackMessage,
        *,
        channel: str,
        user: str,
        thread_ts: str | None = None,
        respond: AsyncRespond | None = None,
    ) -> None:
        """``message`` where only ``user`` sees it, trying each place in turn."""
        private_via_url = respond is not None and await self.via_response_url(
            respond, message, "ephemeral", False
        )
        if private_via_url:
            return
        if channel and user:
            call = self._client.chat_postEphemeral(
                channel=channel, user=user, thread_ts=thread_ts or None, **message.payload()
            )
            if await self._call("chat.postEphemeral", call) is None:
                return
        if user:  # a user id as the channel: the app's direct message with them
            call = self._client.chat_postMessage(channel=user, **message.payload(), **QUIET)
            if await self._call("chat.postMessage", call) is None:
                return
        self._log.warning("could not answer %s anywhere; the answer is dropped", user_ref(user))

    async def respond(
        self,
        respond: AsyncRespond | None,
        message: SlackMessage,
        *,
        channel: str,
        user: str,
        response_type: str | None = None,
        replace_original: bool | None = None,
    ) -> None:
        """Through the interaction's ``response_url``; if that fails, privately."""
        if respond is None:
            self._log.warning("a request without response_url: answering privately")
        elif await self.via_response_url(respond, message, response_type, replace_original):
            return
        await self.private(message, channel=channel, user=user)

    async def via_response_url(
        self,
        respond: AsyncRespond,
        message: SlackMessage,
        response_type: str | None,
        replace_original: bool | None,
    ) -> bool:
        return await via_response_url(
            respond,
            self._log,
            text=message.text,
            blocks=message.blocks,
            response_type=response_type,
            replace_original=replace_original,
            **QUIET,
        )

    async def _call(self, method: str, call: Awaitable[object]) -> str | None:
        """None if the call worked, else Slack's error code (logged)."""
        try:
            await call
        except SlackApiError as exc:
            error = str(exc.response.get("error") or exc.response.status_code)
            self._log.warning("%s failed: %s", method, error)
            return error
        except (aiohttp.ClientError, TimeoutError) as exc:
            self._log.warning("%s failed: %s", method, type(exc).__name__)
            return type(exc).__name__
        return None
