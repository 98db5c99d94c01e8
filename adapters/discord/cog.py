"""The Discord surface: ``/explain``, its autocomplete, "Explain this", mentions and DMs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from adapters.discord.components import COG_NAME
from adapters.discord.convert import (
    question_from_interaction,
    question_from_message,
    render_reply,
)
from adapters.discord.respond import NONE, answer_interaction, message_kwargs
from adapters.discord.text import (
    CHOICE_NAME_MAX,
    CHOICE_VALUE_MAX,
    CHOICES_MAX,
    clip,
    one_line,
)
from bot.models import ChannelKind, Question, Reply
from bot.presentation import sentences as say
from bot.runtime.service import AnswerService

log = logging.getLogger(__name__)

MENU_NAME = "Explain this"
TOPIC_MAX = 200  # longer than any useful topic; keeps a pasted essay out of the matcher
NO_TEXT = say.NO_TEXT
_ANSWERED_TYPES = frozenset({discord.MessageType.default, discord.MessageType.reply})


Answering = Callable[[], AbstractContextManager[object]]


class ExplainCog(commands.Cog, name=COG_NAME):
    """Explains AI terms from the answer service.

    Args:
        bot: the client the commands are added to.
        service: answers, records and rate-limits questions.
        defer_after: seconds an interaction answer may take before it is deferred.
        answering: wraps each "answer and send" (``Lifecycle.answering``: shutdown waits).
    """

    def __init__(
        self,
        bot: commands.Bot,
        service: AnswerService,
        *,
        defer_after: float = 1.5,
        answering: Answering = nullcontext,
    ) -> None:
        self.bot = bot
        self.service = service
        self.defer_after = defer_after
        self.answering = answering
        # Context menus cannot live inside a cog class body; registered in cog_load.
        self.menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.explain_message)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name="explain", description="Explain an AI term in plain words")
    @app_commands.describe(topic="A term or question, e.g. 'llm vs genai'; 'topics' lists all")
    async def explain(
        self,
        interaction: discord.Interaction[Any],
        topic: app_commands.Range[str, 0, TOPIC_MAX] = "",
    ) -> None:
        question = question_from_interaction(interaction, topic)
        with self.answering():
            await answer_interaction(
                interaction, lambda: self.service.ask(question), defer_after=self.defer_after
            )

    @explain.autocomplete("topic")
    async def topic_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            found = self.service.suggest(current[:TOPIC_MAX], CHOICES_MAX)
        except Exception:
            # Autocomplete cannot show an error; an empty list beats "loading options failed".
            log.exception("autocomplete failed")
            return []
        choices: dict[str, app_commands.Choice[str]] = {}
        for s in found[:CHOICES_MAX]:
            value = clip(one_line(s.title), CHOICE_VALUE_MAX)
            name = clip(one_line(f"{s.title}: {s.summary}"), CHOICE_NAME_MAX)
            choices.setdefault(value, app_commands.Choice(name=name, value=value))
        return list(choices.values())

    async def explain_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """The "Explain this" message command: the message's text is the question."""
        text = message.content or next(
            (e.description or e.title or "" for e in message.embeds if e.description or e.title),
            "",
        )
        if not text.strip():
            await interaction.response.send_message(NO_TEXT, ephemeral=True, allowed_mentions=NONE)
            return
        question = question_from_interaction(interaction, text)
        with self.answering():
            await answer_interaction(
                interaction, lambda: self.service.ask(question), defer_after=self.defer_after
            )

    async def show_snippet(self, interaction: discord.Interaction[Any], snippet_id: str) -> None:
        """A did-you-mean or related button: a private message is replaced in place, a
        public one is left alone and the snippet is shown privately to whoever clicked."""
        message = interaction.message
        private = message is not None and message.flags.ephemeral

        def reply() -> Reply:
            if not private:  # a related topic under a public answer
                return Reply(answer=self.service.explain(snippet_id))
            # A did-you-mean choice: recorded, so the report can learn the wording it fixed.
            kind = ChannelKind.DM if interaction.guild_id is None else ChannelKind.CHANNEL
            answer = self.service.pick(
                snippet_id, platform="discord", user_id=str(interaction.user.id), channel_kind=kind
            )
            return Reply(answer=answer)

        with self.answering():
            await answer_interaction(
                interaction,
                reply,
                defer_after=self.defer_after,
                update=private,
                ephemeral=not private,
            )

    async def record_feedback(
        self, interaction: discord.Interaction[Any], question_id: int, helpful: bool
    ) -> None:
        """A Helpful / Not helpful click: record it and thank the clicker privately; the shared
        answer stays as it is (other readers may vote differently)."""
        with self.answering():
            # Only queues the vote (never raises, never blocks): no thread needed.
            self.service.feedback(
                question_id=question_id, user_id=str(interaction.user.id), helpful=helpful
            )
            await interaction.response.send_message(
                say.FEEDBACK_THANKS, ephemeral=True, allowed_mentions=NONE
            )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer DMs and messages that mention the bot, as a reply; ignore bots."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return
        if message.type not in _ANSWERED_TYPES:
            return
        if message.guild is not None and not any(u.id == me.id for u in message.mentions):
            return
        question = question_from_message(message, me.id)
        with self.answering():
            await self._answer_message(message, question)

    async def _answer_message(self, message: discord.Message, question: Question) -> None:
        try:
            reply = await asyncio.to_thread(self.service.ask, question)
            if not reply.notify:
                # Already told to slow down in this window: silence beats a flooded channel.
                log.debug("ignoring a throttled mention (message %s)", message.id)
                return
            rendered = render_reply(reply)
            await message.reply(**message_kwargs(rendered), mention_author=False)
        except Exception:
            log.exception("failed to answer message %s", message.id)
            try:
                await message.reply(
                    say.SOMETHING_WENT_WRONG,
                    mention_author=False,
                    allowed_mentions=NONE,
                )
            except discord.HTTPException:
                log.exception("could not apologise for message %s", message.id)
