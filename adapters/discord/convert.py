"""The two conversions: Discord input -> :class:`Question`, :class:`Reply` -> embed + buttons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from adapters.discord.components import SnippetButton, snippet_custom_id
from adapters.discord.feedback import feedback_buttons
from adapters.discord.text import (
    BUTTONS_PER_ROW,
    CONTENT_MAX,
    ELLIPSIS,
    EMBED_DESCRIPTION_MAX,
    EMBED_FOOTER_MAX,
    EMBED_TITLE_MAX,
    EMBED_TOTAL_MAX,
    clip,
    fit,
)
from bot.models import Answer, ChannelKind, Question, Reply, Snippet, Status, Suggestion
from bot.presentation import markdown as md

PLATFORM = "discord"
COLOUR = discord.Colour(0x5865F2)
MAX_RELATED = 10  # two rows of 5; feedback buttons get the last row (Discord allows 5)
TOPICS_TITLE = "Topics I can explain"
TOPICS_HINT = "Use `/explain` with a topic, or mention me with a question."
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
        text=text,
        platform=PLATFORM,
        user_id=str(interaction.user.id),
        channel_kind=channel_kind(interaction.channel, in_guild=interaction.guild_id is not None),
    )


def question_from_message(message: discord.Message, bot_id: int) -> Question:
    """A question from a message that mentions the bot or a DM; the bot's mention removed."""
    text = re.sub(rf"<@!?{bot_id}>", " ", message.content)
    return Question(
        text=" ".join(text.split()),
        platform=PLATFORM,
        user_id=str(message.author.id),
        channel_kind=channel_kind(message.channel, in_guild=message.guild is not None),
    )


def render_reply(reply: Reply) -> Rendered:
    """The Discord message for a service reply (confident, did-you-mean, topics or fallback)."""
    answer = reply.answer
    if reply.throttled:
        return Rendered(content=clip(answer.message, CONTENT_MAX), ephemeral=True)
    if answer.status is Status.ANSWER and answer.snippets:
        view = answer_view(answer.related, reply.question_id)
        return Rendered(embed=answer_embed(answer), view=view)
    if answer.topics:
        return Rendered(embed=topics_embed(answer.topics), ephemeral=True)
    if answer.status is Status.SUGGEST and answer.suggestions:
        return Rendered(
            content=clip(answer.message or "Did you mean one of these?", CONTENT_MAX),
            view=suggestion_view(answer.suggestions),
            ephemeral=True,
        )
    return Rendered(content=clip(answer.message or "Sorry, I can't help with that.", CONTENT_MAX),
                    ephemeral=True)  # fmt: skip


def answer_embed(answer: Answer) -> discord.Embed:
    """Title, body as the description, sources in the footer; within every embed limit."""
    snippets = answer.snippets
    title = clip(answer.title or snippets[0].title, EMBED_TITLE_MAX)
    footer = clip(_sources_line(snippets), EMBED_FOOTER_MAX)
    if len(snippets) == 1:
        body = md.parse(snippets[0].body)
    else:  # a composed comparison: each body under its own bold title
        body = md.titled((s.title, md.parse(s.body)) for s in snippets)
    room = min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - len(title) - len(footer))
    embed = discord.Embed(title=title, description=fit(body, room), colour=COLOUR)
    url = next((src.url for s in snippets for src in s.sources if src.url), "")
    if url:
        embed.url = url
    if footer:
        embed.set_footer(text=footer)
    return embed


def topics_embed(topics: Sequence[Suggestion]) -> discord.Embed:
    """Every topic as one line, cut with a count of the rest if they do not all fit."""
    room = EMBED_DESCRIPTION_MAX - len(TOPICS_HINT) - 2
    lines: list[str] = []
    used = 0
    for i, topic in enumerate(topics):
        line = clip(f"**{topic.title}**: {topic.summary}", 200)
        rest = f"{ELLIPSIS} and {len(topics) - i} more"
        if used + len(line) + 1 + len(rest) + 1 > room:
            lines.append(rest)
            break
        lines.append(line)
        used += len(line) + 1
    lines += ["", TOPICS_HINT]
    embed = discord.Embed(title=TOPICS_TITLE, description="\n".join(lines), colour=COLOUR)
    embed.set_footer(text=f"{len(topics)} topics")
    return embed


def answer_view(related: Sequence[Snippet], question_id: int | None) -> discord.ui.View | None:
    """Related-topic buttons, and Helpful / Not helpful when the question was recorded."""
    view = related_view(related)
    if question_id is None:
        return view
    view = view or discord.ui.View(timeout=None)
    for button in feedback_buttons(question_id):
        view.add_item(button)
    return view


def related_view(related: Sequence[Snippet]) -> discord.ui.View | None:
    buttons = [(s.id, s.title) for s in related[:MAX_RELATED]]
    return _button_view(buttons, discord.ButtonStyle.secondary)


def suggestion_view(suggestions: Sequence[Suggestion]) -> discord.ui.View | None:
    buttons = [(s.id, s.title) for s in suggestions[:3]]
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


def _sources_line(snippets: Sequence[Snippet]) -> str:
    titles = list(dict.fromkeys(src.title for s in snippets for src in s.sources if src.title))
    if not titles:
        return ""
    return ("Source: " if len(titles) == 1 else "Sources: ") + " · ".join(titles)
