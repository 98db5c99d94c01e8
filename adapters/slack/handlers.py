"""The bolt listeners: acknowledge, ask the answer service, deliver the rendered reply.

Every listener that Slack waits on calls ``ack()`` before anything else; events are
acknowledged by bolt itself before the listener runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any, overload

import aiohttp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.convert import (
    SlackMessage,
    answer_message,
    command_question,
    event_question,
    question_text,
    render,
    shortcut_question,
    to_message,
)
from adapters.slack.deliver import Delivery
from adapters.slack.payload import action_place, object_field, text_field
from adapters.slack.settings import SlackSettings
from bot.models import ChannelKind, Question
from bot.presentation import present
from bot.presentation import sentences as say
from bot.runtime.service import AnswerService

# Answers computed at once in worker threads. More only fight the event loop for the GIL and
# slow every ack down (bench/slack_ack.py: p99 45-72 ms with 6, 32-45 ms with 2).
COMPUTE_SLOTS = 2


class SlackHandlers:
    """Listener callbacks; bolt injects their arguments by parameter name.

    Payload fields are read with ``.get``: one that is missing changes where the answer goes
    (the asker's direct message when there is no channel), never raises.
    """

    def __init__(
        self, service: AnswerService, settings: SlackSettings, *, logger: logging.Logger
    ) -> None:
        self._service = service
        self._computing = asyncio.Semaphore(COMPUTE_SLOTS)
        self._settings = settings
        self._log = logger

    async def command(
        self,
        ack: AsyncAck,
        command: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond | None,
    ) -> None:
        """``/explain [question]``."""
        channel, user = text_field(command, "channel_id"), text_field(command, "user_id")
        respond = _usable(respond)
        if respond is None and not (channel and user):
            self._log.warning("a command without response_url or channel: nowhere to answer")
            await ack(text=say.UNREADABLE)
            return
        await ack()
        message = await self._reply(command_question(command), "command")
        response_type = self._settings.response_type if message.public else "ephemeral"
        await self._deliver(client).respond(
            respond, message, channel=channel, user=user, response_type=response_type
        )

    async def mention(
        self, event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        """``@explainbot question`` in a channel or thread: answered in the thread."""
        channel = text_field(event, "channel")
        if _from_bot(event) or channel.startswith("D"):  # DMs arrive as message events
            return
        text = question_text(text_field(event, "text"), context.bot_user_id)
        root = text_field(event, "thread_ts")
        if not text and root and channel:
            text = await self._thread_root(client, channel, root, context.bot_user_id)
        message = await self._reply(event_question(event, text), "mention", may_stay_silent=True)
        if message is None:
            return
        await self._deliver(client).post(
            message,
            channel=channel,
            user=text_field(event, "user"),
            thread_ts=root or text_field(event, "ts") or None,
        )

    async def direct_message(
        self, event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        """A message in the bot's DM; other message events (edits, bots, channels) are ignored."""
        if event.get("channel_type") != "im" or _from_bot(event):
            return
        text = question_text(text_field(event, "text"), context.bot_user_id)
        message = await self._reply(event_question(event, text), "dm", may_stay_silent=True)
        if message is None:
            return
        await self._deliver(client).post(
            message,
            channel=text_field(event, "channel"),
            user=text_field(event, "user"),
            thread_ts=text_field(event, "thread_ts") or None,
            public=True,  # the conversation is already private
        )

    async def shortcut(
        self,
        ack: AsyncAck,
        shortcut: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
        respond: AsyncRespond | None,
    ) -> None:
        """The "Explain this" message shortcut: answered in that message's thread."""
        await ack()
        target = object_field(shortcut, "message")
        thread_ts = (
            text_field(target, "thread_ts")
            or text_field(target, "ts")
            or text_field(shortcut, "message_ts")
        )
        text = question_text(text_field(target, "text"), context.bot_user_id)
        message = await self._reply(shortcut_question(shortcut, text), "shortcut")
        await self._deliver(client).post(
            message,
            channel=text_field(object_field(shortcut, "channel"), "id"),
            user=text_field(object_field(shortcut, "user"), "id"),
            thread_ts=thread_ts or None,
            respond=_usable(respond),
        )

    async def related(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond | None,
    ) -> None:
        """A related-snippet button: the snippet goes where the answer was."""
        await ack()
        message = await self._explain(text_field(action, "value"))
        container = object_field(body, "container")
        thread_ts = text_field(object_field(body, "message"), "thread_ts") or text_field(
            container, "thread_ts"
        )
        channel, user = action_place(body)
        deliver, respond = self._deliver(client), _usable(respond)
        if container.get("is_ephemeral") or not message.public:
            await deliver.respond(
                respond, message, channel=channel, user=user,
                response_type="ephemeral", replace_original=False,
            )  # fmt: skip
        elif thread_ts:  # response_url cannot reach a thread reliably; the bot is there anyway
            await deliver.post(
                message, channel=channel, user=user, thread_ts=thread_ts, respond=respond
            )
        else:
            await deliver.respond(
                respond, message, channel=channel, user=user,
                response_type="in_channel", replace_original=False,
            )  # fmt: skip

    async def pick(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond | None,
    ) -> None:
        """A did-you-mean button: the chosen answer replaces the question (and the pick is
        recorded: the report mines it for example questions)."""
        await ack()
        channel, user = action_place(body)
        message = await self._explain(text_field(action, "value"), picked_by=user, channel=channel)
        await self._deliver(client).respond(
            _usable(respond), message, channel=channel, user=user, replace_original=True
        )

    @overload
    async def _reply(self, question: Question, surface: str) -> SlackMessage: ...

    @overload
    async def _reply(
        self, question: Question, surface: str, *, may_stay_silent: bool
    ) -> SlackMessage | None: ...

    async def _reply(
        self, question: Question, surface: str, *, may_stay_silent: bool = False
    ) -> SlackMessage | None:
        """Answer and render in a worker thread: the event loop keeps acknowledging others.

        None (with ``may_stay_silent``) when the service says to stay silent: a throttled
        user who was already told to slow down.
        """

        def compute() -> SlackMessage | None:
            reply = self._service.ask(question)  # the service logs each question itself
            if may_stay_silent and not reply.notify:
                return None
            return to_message(reply)

        try:
            async with self._computing:
                return await asyncio.to_thread(compute)
        except Exception:  # the asker gets a polite line, never silence or a traceback
            self._log.exception("answering a %s failed", surface)
            return _oops()

    async def _explain(
        self, snippet_id: str, *, picked_by: str | None = None, channel: str = ""
    ) -> SlackMessage:
        """The snippet's answer; with ``picked_by`` (a did-you-mean click) the pick is recorded."""

        def show() -> SlackMessage:
            if picked_by is None:
                return answer_message(self._service.explain(snippet_id))
            kind = ChannelKind.DM if channel.startswith("D") else ChannelKind.CHANNEL
            answer = self._service.pick(
                snippet_id, platform="slack", user_id=picked_by, channel_kind=kind
            )
            return answer_message(answer)

        try:
            async with self._computing:
                return await asyncio.to_thread(show)
        except Exception:
            self._log.exception("showing snippet %r failed", snippet_id[:100])
            return _oops()

    def _deliver(self, client: AsyncWebClient) -> Delivery:
        return Delivery(client, logger=self._log)

    async def _thread_root(
        self, client: AsyncWebClient, channel: str, thread_ts: str, bot_user_id: str | None
    ) -> str:
        """The text of a thread's first message ("" if it cannot be read)."""
        try:
            page = await client.conversations_replies(channel=channel, ts=thread_ts, limit=1)
        except SlackApiError as exc:  # e.g. missing_scope in a private channel
            self._log.warning("cannot read thread root: %s", exc.response.get("error"))
            return ""
        except (aiohttp.ClientError, TimeoutError) as exc:
            self._log.warning("cannot read thread root: %s", type(exc).__name__)
            return ""
        messages = page.get("messages") or [{}]
        first = messages[0] if isinstance(messages[0], dict) else {}
        return question_text(text_field(first, "text"), bot_user_id)


def _from_bot(event: Mapping[str, Any]) -> bool:
    # Subtypes are edits, deletions, joins, bot posts...: never questions.
    return bool(event.get("bot_id") or event.get("subtype"))


def _oops() -> SlackMessage:
    return render(present.error())


def _usable(respond: AsyncRespond | None) -> AsyncRespond | None:
    """``respond``, or None when the payload carried no ``response_url`` to answer through."""
    return respond if respond is not None and respond.response_url else None
