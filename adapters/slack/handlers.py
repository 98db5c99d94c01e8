"""The bolt listeners: acknowledge, ask the answer service, deliver the rendered reply.

Every listener that Slack waits on calls ``ack()`` before anything else; events are
acknowledged by bolt itself before the listener runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blocks as bk
from adapters.slack.convert import (
    SlackMessage,
    answer_message,
    command_question,
    event_question,
    shortcut_question,
    strip_mention,
    to_message,
)
from adapters.slack.settings import SlackSettings
from bot.models import Question
from bot.service import AnswerService

_OOPS = "Sorry, something went wrong while answering. Please try again in a moment."
_INVITE = "I can't post in this channel. Invite me with `/invite @explainbot` to answer here."
# No link previews: a source link would otherwise unfurl under every answer.
_QUIET: dict[str, Any] = {"unfurl_links": False, "unfurl_media": False}


class SlackHandlers:
    """Listener callbacks; bolt injects their arguments by parameter name."""

    def __init__(
        self, service: AnswerService, settings: SlackSettings, *, logger: logging.Logger
    ) -> None:
        self._service = service
        self._settings = settings
        self._log = logger

    async def command(self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        """``/explain [question]``."""
        await ack()
        message = await self._reply(command_question(command), "command")
        response_type = self._settings.response_type if message.public else "ephemeral"
        await respond(
            text=message.text, blocks=message.blocks, response_type=response_type, **_QUIET
        )

    async def mention(
        self, event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        """``@explainbot question`` in a channel or thread: answered in the thread."""
        channel = str(event.get("channel", ""))
        if _from_bot(event) or channel.startswith("D"):  # DMs arrive as message events
            return
        text = strip_mention(str(event.get("text", "")), context.bot_user_id)
        root = event.get("thread_ts")
        if not text and root:
            text = await self._thread_root(client, channel, str(root), context.bot_user_id)
        message = await self._reply(event_question(event, text), "mention")
        thread_ts = str(root or event.get("ts"))
        if message.public:
            await _post(client, message, channel=channel, thread_ts=thread_ts)
        else:
            user = str(event.get("user", ""))
            await _post_private(client, message, channel=channel, user=user, thread_ts=thread_ts)

    async def direct_message(
        self, event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        """A message in the bot's DM; other message events (edits, bots, channels) are ignored."""
        if event.get("channel_type") != "im" or _from_bot(event):
            return
        text = strip_mention(str(event.get("text", "")), context.bot_user_id)
        message = await self._reply(event_question(event, text), "dm")
        thread_ts = event.get("thread_ts")
        await _post(client, message, channel=str(event["channel"]), thread_ts=thread_ts)

    async def shortcut(
        self,
        ack: AsyncAck,
        shortcut: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
        respond: AsyncRespond,
    ) -> None:
        """The "Explain this" message shortcut: answered in that message's thread."""
        await ack()
        target: Mapping[str, Any] = shortcut.get("message") or {}
        channel = str(shortcut.get("channel", {}).get("id", ""))
        user = str(shortcut.get("user", {}).get("id", ""))
        thread_ts = str(target.get("thread_ts") or target.get("ts") or shortcut.get("message_ts"))
        text = strip_mention(str(target.get("text", "")), context.bot_user_id)
        message = await self._reply(shortcut_question(shortcut, text), "shortcut")
        try:
            if message.public:
                await _post(client, message, channel=channel, thread_ts=thread_ts)
            else:
                await _post_private(
                    client, message, channel=channel, user=user, thread_ts=thread_ts
                )
        except SlackApiError as exc:  # typically not_in_channel: tell the asker privately
            self._log.warning("shortcut answer not posted: %s", exc.response.get("error"))
            blocks = [*message.blocks[: bk.MAX_BLOCKS - 1], bk.context(_INVITE)]
            note = SlackMessage(text=message.text, blocks=blocks, public=False)
            await _respond(respond, note, response_type="ephemeral")

    async def related(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond,
    ) -> None:
        """A related-snippet button: the snippet goes where the answer was."""
        await ack()
        message = await self._explain(str(action.get("value", "")))
        container = body.get("container", {})
        thread_ts = body.get("message", {}).get("thread_ts") or container.get("thread_ts")
        if container.get("is_ephemeral") or not message.public:
            await _respond(respond, message, response_type="ephemeral", replace_original=False)
        elif thread_ts:  # response_url cannot reach a thread reliably; the bot is there anyway
            channel = body.get("channel", {}).get("id") or container.get("channel_id")
            await _post(client, message, channel=str(channel), thread_ts=str(thread_ts))
        else:
            await _respond(respond, message, response_type="in_channel", replace_original=False)

    async def pick(self, ack: AsyncAck, action: dict[str, Any], respond: AsyncRespond) -> None:
        """A did-you-mean button: the chosen answer replaces the question."""
        await ack()
        message = await self._explain(str(action.get("value", "")))
        await _respond(respond, message, replace_original=True)

    async def _reply(self, question: Question, surface: str) -> SlackMessage:
        """Answer and render in a worker thread: the event loop keeps acknowledging others."""
        try:
            # The service logs each question itself.
            return await asyncio.to_thread(lambda: to_message(self._service.ask(question)))
        except Exception:  # the asker gets a polite line, never silence or a traceback
            self._log.exception("answering a %s failed", surface)
            return SlackMessage(text=_OOPS, blocks=bk.sections(_OOPS), public=False)

    async def _explain(self, snippet_id: str) -> SlackMessage:
        return await asyncio.to_thread(lambda: answer_message(self._service.explain(snippet_id)))

    async def _thread_root(
        self, client: AsyncWebClient, channel: str, thread_ts: str, bot_user_id: str | None
    ) -> str:
        """The text of a thread's first message ("" if it cannot be read)."""
        try:
            page = await client.conversations_replies(channel=channel, ts=thread_ts, limit=1)
        except SlackApiError as exc:  # e.g. missing_scope in a private channel
            self._log.warning("cannot read thread root: %s", exc.response.get("error"))
            return ""
        messages = page.get("messages") or [{}]
        return strip_mention(str(messages[0].get("text", "")), bot_user_id)


def _from_bot(event: Mapping[str, Any]) -> bool:
    # Subtypes are edits, deletions, joins, bot posts...: never questions.
    return bool(event.get("bot_id") or event.get("subtype"))


async def _post(
    client: AsyncWebClient, message: SlackMessage, *, channel: str, thread_ts: Any
) -> None:
    await client.chat_postMessage(
        channel=channel, thread_ts=thread_ts or None, **message.payload(), **_QUIET
    )


async def _post_private(
    client: AsyncWebClient, message: SlackMessage, *, channel: str, user: str, thread_ts: str
) -> None:
    await client.chat_postEphemeral(
        channel=channel, user=user, thread_ts=thread_ts, **message.payload()
    )


async def _respond(
    respond: AsyncRespond,
    message: SlackMessage,
    *,
    response_type: str | None = None,
    replace_original: bool | None = None,
) -> None:
    await respond(
        text=message.text,
        blocks=message.blocks,
        response_type=response_type,
        replace_original=replace_original,
        **_QUIET,
    )
