"""Helpful / Not helpful buttons: the question id and the vote live in the ``custom_id``.

As :class:`discord.ui.DynamicItem` they are matched by their ``custom_id`` pattern, so a click
on an answer sent before a restart still records its vote.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord

from adapters.discord.components import call_cog
from bot.presentation import sentences as say

FEEDBACK_PREFIX = "fb:"
FEEDBACK_ROW = 4  # the last of Discord's 5 rows; related-topic buttons use the first two


def feedback_custom_id(question_id: int, helpful: bool) -> str:
    """``fb:{question_id}:1`` for Helpful, ``fb:{question_id}:0`` for Not helpful."""
    return f"{FEEDBACK_PREFIX}{question_id}:{int(helpful)}"


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.escape(FEEDBACK_PREFIX) + r"(?P<qid>[0-9]{1,19}):(?P<vote>[01])",
):
    """One vote on one recorded question."""

    def __init__(self, question_id: int, helpful: bool, *, row: int | None = FEEDBACK_ROW) -> None:
        super().__init__(
            discord.ui.Button(
                label=say.HELPFUL if helpful else say.NOT_HELPFUL,
                style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.secondary,
                custom_id=feedback_custom_id(question_id, helpful),
                row=row,
            )
        )
        self.question_id = question_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        return cls(int(match["qid"]), match["vote"] == "1")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await call_cog(interaction, "record_feedback", self.question_id, self.helpful)


def feedback_buttons(question_id: int) -> tuple[FeedbackButton, FeedbackButton]:
    """Helpful then Not helpful, on their own row below any related-topic buttons."""
    return FeedbackButton(question_id, True), FeedbackButton(question_id, False)
