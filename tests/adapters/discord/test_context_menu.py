"""The "Explain this" message command."""

from __future__ import annotations

import asyncio
from typing import Any


def test_explain_this_answers_about_the_message(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            callback = await h.interact(h.context_menu("what is a gan"))
            assert callback.body["type"] == 4
            data = callback.body["data"]
            assert data["embeds"][0]["title"] == "Generative adversarial network (GAN)"
            assert data["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_explain_this_on_a_message_without_text(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            callback = await h.interact(h.context_menu(""))
            assert callback.body["data"]["flags"] & kit.ephemeral
            assert "no text" in callback.body["data"]["content"]

    asyncio.run(scenario())
