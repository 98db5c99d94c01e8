"""The two conversions: Discord input -> :class:`Question`, :class:`Reply` -> embed + buttons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from adapters.discord.components import SnippetButton, snippet_custom_id
from adapters.discord.feedback import feedback_buttons
from adapters.discord.markup import clean
from adapters.discord.text import (
    BUTTONS_PER_ROW,
    CONTENT_MAX,
    EMBED_DESCRIPTION_MAX,
    EMBED_FOOTER_MAX,
    EMBED_TITLE_MAX,
    EMBED_TOTAL_MAX,
    clip,
    fit,
)
from adapters.discord.text import render as render_markdown
from bot.models import ChannelKind, Question, Reply, Source
from bot.presentation import documents
from bot.presentation import sentences as say
from bot.presentation.present import present
from bot.presentation.view import Choice, View, ViewKind

PLATFORM = "discord"
COLOUR = discord.Colour(0x5865F2)
MAX_RELATED = 10  # two rows of 5; feedback buttons get the last row (Discord allows 5)
_THREADS = frozenset(
    {discord.ChannelType.public_thread, discord.ChannelType.private_thread,
     discord.ChannelType.news_thread}
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Rendered:
    """A message ready to send: text and/or one embed, optional buttons, and its visibility."""

    content: str | None = None
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None
    ephemeral: bool = False


def channel_kind(channel: object, *, in_guild: bool) -> ChannelKind:
    if not in_guild:
        return ChannelKind.DM
    if getattr(channel, "type", None) in _THREADS:
        return ChannelKind.THREAD
    return ChannelKind.CHANNEL


def question_from_interaction(interaction: discord.Interaction[Any], text: str) -> Question:
    """A question typed into ``/explain`` or taken from a message by the context menu."""
    return Question(
        text=clean(text),
        platform=PLATFORM,
        user_id=str(interaction.user.id),
        channel_kind=channel_kind(interaction.channel, in_guild=interaction.guild_id is not None),
    )


def question_from_message(message: discord.Message, bot_id: int) -> Question:
    """A question from a message that mentions the bot or a DM; the bot's mention removed."""
    text = re.sub(rf"<@!?{bot_id}>", " ", message.content)
    return Question(
        text=clean(text),
        platform=PLATFORM,
        user_id=str(message.author.id),
        channel_kind=channel_kind(message.channel, in_guild=message.guild is not None),
    )


def render_reply(reply: Reply) -> Rendered:
    """The Discord message for a service reply."""
    return render(present(reply))


def render(view: View) -> Rendered:
    """The Discord message for a neutral view; who may see it is the view's decision."""
    private = not view.public
    if view.kind is ViewKind.ANSWER:
        buttons = answer_view(view.choices, view.feedback_id)
        return Rendered(embed=answer_embed(view), view=buttons, ephemeral=private)
    if view.kind is ViewKind.TOPICS:
        return Rendered(embed=topics_embed(view), ephemeral=private)
    if view.kind is ViewKind.DID_YOU_MEAN:
        text = f"{render_markdown(documents.did_you_mean_body(view))}\n-# {view.footer}"
        return Rendered(
            content=clip(text, CONTENT_MAX), view=suggestion_view(view.choices), ephemeral=private
        )
    text = f"{view.text}\n-# {view.footer}" if view.footer else view.text
    return Rendered(content=clip(text, CONTENT_MAX), ephemeral=private)


def answer_embed(view: View) -> discord.Embed:
    """Title, body as the description, sources in the footer; within every embed limit."""
    title = clip(view.title, EMBED_TITLE_MAX)
    footer = clip(_sources_line(view.sources), EMBED_FOOTER_MAX)
    body = documents.answer_body(view)
    room = min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - len(title) - len(footer))
    embed = discord.Embed(title=title, description=fit(body, room), colour=COLOUR)
    url = next((src.url for src in view.sources if src.url), "")
    if url:
        embed.url = url
    if footer:
        embed.set_footer(text=footer)
    return embed


def topics_embed(view: View) -> discord.Embed:
    """Every topic as one line, cut with a count of the rest if they do not all fit."""
    topics = view.topics
    room = EMBED_DESCRIPTION_MAX - len(view.footer) - 2
    lines: list[str] = []
    used = 0
    for i, topic in enumerate(topics):
        line = clip(f"**{topic.label}**: {topic.summary}", 200)
        rest = say.and_more(len(topics) - i)
        if used + len(line) + 1 + len(rest) + 1 > room:
            lines.append(rest)
            break
        lines.append(line)
        used += len(line) + 1
    lines += ["", view.footer]
    embed = discord.Embed(title=view.title, description="\n".join(lines), colour=COLOUR)
    embed.set_footer(text=say.topics_count(len(topics)))
    return embed


def answer_view(related: Sequence[Choice], question_id: int | None) -> discord.ui.View | None:
    """Related-topic buttons, and Helpful / Not helpful when the question was recorded."""
    view = related_view(related)
    if question_id is None:
        return view
    view = view or discord.ui.View(timeout=None)
    for button in feedback_buttons(question_id):
        view.add_item(button)
    return view


def related_view(related: Sequence[Choice]) -> discord.ui.View | None:
    buttons = [(c.id, c.label) for c in related[:MAX_RELATED]]
    return _button_view(buttons, discord.ButtonStyle.secondary)


def suggestion_view(suggestions: Sequence[Choice]) -> discord.ui.View | None:
    buttons = [(c.id, c.label) for c in suggestions]
    return _button_view(buttons, discord.ButtonStyle.primary)


def _button_view(
    buttons: Sequence[tuple[str, str]], style: discord.ButtonStyle
) -> discord.ui.View | None:
    usable = [(sid, label) for sid, label in buttons if snippet_custom_id(sid)]
    if not usable:
        return None
    view = discord.ui.View(timeout=None)
    for i, (sid, label) in enumerate(usable):
        view.add_item(SnippetButton(sid, label=label, style=style, row=i // BUTTONS_PER_ROW))
    return view


def _sources_line(sources: Sequence[Source]) -> str:
    titles = list(dict.fromkeys(src.title for src in sources if src.title))
    if not titles:
        return ""
    return f"{say.sources_label(len(titles))}: " + " · ".join(titles)
