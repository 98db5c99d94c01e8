"""Answering an interaction: in time, deferring first when the answer is slow, never silent."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import discord

from adapters.discord.convert import Rendered, render_reply
from bot.models import Reply
from bot.presentation import sentences as say

log = logging.getLogger(__name__)

NONE = discord.AllowedMentions.none()
LATE_LIMIT = 60.0  # seconds a deferred answer may take
SORRY = say.SOMETHING_WENT_WRONG


async def answer_interaction(
    interaction: discord.Interaction[Any],
    compute: Callable[[], Reply],
    *,
    defer_after: float,
    update: bool = False,
    ephemeral: bool = False,
) -> None:
    """Run ``compute`` in a worker thread and send its rendered reply.

    Args:
        interaction: the interaction to answer (exactly once).
        compute: the blocking call to the answer service.
        defer_after: seconds after Discord created the interaction (its snowflake time) by
            which it is deferred if the answer is not ready; a burst or a slow gateway may
            have used some of them before this runs.
        update: replace the message holding the clicked button (response type 7).
        ephemeral: force a private answer (otherwise the rendering decides).
    """
    thinking = False  # a deferred "thinking..." message stands until edited or deleted
    try:
        task = asyncio.ensure_future(asyncio.to_thread(compute))
        done, _ = await asyncio.wait({task}, timeout=time_left(interaction, defer_after))
        if task in done:
            await _send_now(interaction, _render(task.result(), ephemeral), update=update)
            return
        if update:
            await interaction.response.defer()
        else:
            await interaction.response.defer(thinking=True, ephemeral=ephemeral)
            thinking = True
        # A follow-up token lasts 15 minutes; give up long before, and say so.
        rendered = _render(await asyncio.wait_for(task, LATE_LIMIT), ephemeral)
        await _send_late(interaction, rendered, deferred_private=update or ephemeral)
    except Exception:
        log.exception("failed to answer interaction %s", interaction.id)
        if thinking:
            await settle(interaction)
        else:
            await apologise(interaction)


def time_left(interaction: discord.Interaction[Any], defer_after: float) -> float:
    """Seconds until ``defer_after`` after Discord created ``interaction`` (0 if past)."""
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    return max(0.0, defer_after - max(0.0, age))  # a clock behind Discord's: count from now


async def settle(interaction: discord.Interaction[Any]) -> None:
    """Turn a deferred "thinking..." message into the apology, or delete it; never raises."""
    try:
        await interaction.edit_original_response(
            content=SORRY, embed=None, view=None, allowed_mentions=NONE
        )
        return
    except Exception as exc:
        log.warning("could not edit the thinking message of %s: %s", interaction.id, exc)
    try:
        await interaction.delete_original_response()
    except Exception as exc:
        log.warning("could not delete the thinking message of %s: %s", interaction.id, exc)


async def apologise(interaction: discord.Interaction[Any]) -> None:
    """Send the polite ephemeral error, as a response or a follow-up; never raises."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(SORRY, ephemeral=True, allowed_mentions=NONE)
        else:
            await interaction.response.send_message(SORRY, ephemeral=True, allowed_mentions=NONE)
    except Exception:
        log.exception("could not even apologise for interaction %s", interaction.id)


def message_kwargs(rendered: Rendered) -> dict[str, Any]:
    """Keyword arguments for send/edit calls: no pings, whatever the text contains."""
    kwargs: dict[str, Any] = {"allowed_mentions": NONE}
    if rendered.content is not None:
        kwargs["content"] = rendered.content
    if rendered.embed is not None:
        kwargs["embed"] = rendered.embed
    if rendered.view is not None:
        kwargs["view"] = rendered.view
    return kwargs


def _render(reply: Reply, ephemeral: bool) -> Rendered:
    rendered = render_reply(reply)
    if ephemeral and not rendered.ephemeral:
        return Rendered(content=rendered.content, embed=rendered.embed, view=rendered.view,
                        ephemeral=True)  # fmt: skip
    return rendered


def _replacement(rendered: Rendered) -> dict[str, Any]:
    # An edit keeps what it is not given: clear the parts the new message lacks.
    return {"content": None, "embed": None, "view": None} | message_kwargs(rendered)


async def _send_now(
    interaction: discord.Interaction[Any], rendered: Rendered, *, update: bool
) -> None:
    if update:
        await interaction.response.edit_message(**_replacement(rendered))
    else:
        await interaction.response.send_message(
            **message_kwargs(rendered), ephemeral=rendered.ephemeral
        )


async def _send_late(
    interaction: discord.Interaction[Any], rendered: Rendered, *, deferred_private: bool
) -> None:
    if rendered.ephemeral and not deferred_private:
        # The public "thinking" message cannot turn private: remove it, answer privately.
        await interaction.delete_original_response()
        await interaction.followup.send(**message_kwargs(rendered), ephemeral=True)
        return
    await interaction.edit_original_response(**_replacement(rendered))
