"""Per-user rate limit: a private "slow down" for commands; one reply, then quiet, for mentions."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.presentation.sentences import SLOW_DOWN
from bot.runtime.ratelimit import RateLimit, RateLimiter
from bot.runtime.service import AnswerService


def limited_service(kit: Any, per_minute: int = 2) -> AnswerService:
    limiter = RateLimiter(RateLimit(max_questions=per_minute, per_seconds=60.0))
    return AnswerService(Engine(build_knowledge(kit.snippets)), limiter=limiter)


def test_third_command_in_a_minute_gets_a_private_slow_down(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(limited_service(kit)) as h:
            for _ in range(2):
                answered = await h.interact(h.slash("what is a gan"))
                assert answered.body["data"]["embeds"]
                assert not (answered.body["data"].get("flags") or 0) & kit.ephemeral
            for _ in range(2):  # every interaction must be answered: each gets the note
                slowed = await h.interact(h.slash("what is a gan"))
                data = slowed.body["data"]
                assert slowed.body["type"] == 4
                assert data["flags"] & kit.ephemeral
                assert data["content"] == SLOW_DOWN
                assert not data.get("embeds") and not data.get("components")
                assert data["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_mentions_over_the_limit_get_one_slow_down_then_silence(discord_bot: Any, kit: Any) -> None:
    mention = f"<@{kit.bot_id}> what is a gan"
    bob = {**kit.users["user"], "id": "1400000000000000077", "username": "bob"}

    async def scenario() -> None:
        async with discord_bot(limited_service(kit)) as h:
            for _ in range(2):
                await h.fake.message_create(h.guild_message(mention))
                answered = await h.expect("POST", rf"/channels/{kit.channel_id}/messages")
                assert answered.body["embeds"]

            third = h.guild_message(mention)
            await h.fake.message_create(third)
            slowed = await h.expect("POST", rf"/channels/{kit.channel_id}/messages")
            assert slowed.body["content"] == SLOW_DOWN
            assert str(slowed.body["message_reference"]["message_id"]) == third["id"]
            assert slowed.body["allowed_mentions"]["parse"] == []
            assert not slowed.body["allowed_mentions"].get("replied_user")

            await h.fake.message_create(h.guild_message(mention))  # ignored: already told
            # Another user is still answered; events are handled in order, so once bob's
            # answer is out the fourth mention was seen and left unanswered.
            bobs = h.guild_message(mention, author=bob)
            await h.fake.message_create(bobs)
            answered = await h.expect("POST", rf"/channels/{kit.channel_id}/messages")
            assert str(answered.body["message_reference"]["message_id"]) == bobs["id"]
            assert answered.body["embeds"]

            # Slash commands of the throttled user are still answered, privately.
            slowed_command = await h.interact(h.slash("what is a gan"))
            assert slowed_command.body["data"]["flags"] & kit.ephemeral
            assert h.fake.count("POST", r"/channels/\d+/messages") == 4

    asyncio.run(scenario())
