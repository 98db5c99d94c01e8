"""Persistent buttons: the state lives in the ``custom_id``, so they work after a restart."""

from __future__ import annotations

import logging
import re
from typing import Any, Self

import discord
from discord.ext import commands

from adapters.discord.text import BUTTON_LABEL_MAX, CUSTOM_ID_MAX, clip, one_line
from bot.presentation import sentences as say

log = logging.getLogger(__name__)

SNIPPET_PREFIX = "explainbot:snippet:"
COG_NAME = "Explain"
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
RESTARTING = say.RESTARTING


def snippet_custom_id(snippet_id: str) -> str | None:
    """The custom_id of a button showing ``snippet_id``; None if it would be too long."""
    custom_id = SNIPPET_PREFIX + snippet_id
    ok = len(custom_id) <= CUSTOM_ID_MAX and re.fullmatch(_ID, snippet_id)
    return custom_id if ok else None


class SnippetButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.escape(SNIPPET_PREFIX) + f"(?P<id>{_ID})",
):
    """A button that shows one snippet (a did-you-mean choice or a related topic)."""

    def __init__(
        self,
        snippet_id: str,
        *,
        label: str,
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
        row: int | None = None,
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(one_line(label) or snippet_id, BUTTON_LABEL_MAX),
                style=style,
                custom_id=SNIPPET_PREFIX + snippet_id,
                row=row,
            )
        )
        self.snippet_id = snippet_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        label = getattr(item, "label", None) or match["id"]
        return cls(match["id"], label=label)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await call_cog(interaction, "show_snippet", self.snippet_id)


async def call_cog(interaction: discord.Interaction[Any], method: str, *args: object) -> None:
    """Hand a button click to the cog's ``method``, or say politely that the bot is restarting.

    Looked up at click time: the cog owns the service and may be reloaded.
    """
    client = interaction.client
    cog = client.get_cog(COG_NAME) if isinstance(client, commands.Bot) else None
    handler = getattr(cog, method, None)
    if handler is None:
        log.warning("button clicked while the %s cog is not loaded", COG_NAME)
        await interaction.response.send_message(
            RESTARTING, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )
        return
    await handler(interaction, *args)
