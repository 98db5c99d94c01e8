"""Mentions, threads and DMs: real replies, no pings, bots ignored, no Message Content intent."""

from __future__ import annotations

import asyncio
from typing import Any

GAN_TITLE = "Generative adversarial network (GAN)"


def test_identifies_without_the_message_content_intent(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            intents = h.fake.identify["intents"]
            assert not intents & kit.message_content
            for needed in (1 << 0, 1 << 9, 1 << 12):  # guilds, guild messages, DM messages
                assert intents & needed
            assert h.fake.identify["token"] == kit.token

    asyncio.run(scenario())


def test_mention_gets_a_reply_that_pings_nobody(discord_bot: Any, kit: Any) -> None:
    hostile = f"<@!{kit.bot_id}> @everyone @here <@123> <@&456> what is a gan"

    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            message = h.guild_message(hostile, mention_everyone=True)
            await h.fake.message_create(message)
            sent = await h.expect("POST", rf"/channels/{kit.channel_id}/messages")
            body = sent.body
            assert str(body["message_reference"]["message_id"]) == message["id"]
            assert body["allowed_mentions"]["parse"] == []
            assert not body["allowed_mentions"].get("replied_user")
            assert not body["allowed_mentions"].get("users")
            assert not body["allowed_mentions"].get("roles")
            assert body["embeds"][0]["title"] == GAN_TITLE

    asyncio.run(scenario())


def test_mention_in_a_thread_replies_in_that_thread(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            message = h.guild_message(f"<@{kit.bot_id}> what is a gan", channel=kit.thread_id)
            await h.fake.message_create(message)
            sent = await h.expect("POST", rf"/channels/{kit.thread_id}/messages")
            assert str(sent.body["message_reference"]["message_id"]) == message["id"]
            assert sent.body["embeds"][0]["title"] == GAN_TITLE

    asyncio.run(scenario())


def test_only_mentions_and_humans_are_answered(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            ignored = [
                h.guild_message("what is a gan", mention=False),
                h.guild_message(f"<@{kit.bot_id}> what is a gan", author=kit.users["other_bot"]),
                h.guild_message(f"<@{kit.bot_id}> what is a gan", author=kit.users["bot"]),
                h.dm("what is a gan") | {"author": kit.users["other_bot"]},
            ]
            for message in ignored:
                await h.fake.message_create(message)
            # Events are handled in order: once the last one is answered, the others were seen.
            last = h.guild_message(f"<@{kit.bot_id}> what is a gan")
            await h.fake.message_create(last)
            sent = await h.expect("POST", r"/channels/\d+/messages")
            assert str(sent.body["message_reference"]["message_id"]) == last["id"]
            assert h.fake.count("POST", r"/channels/\d+/messages") == 1

    asyncio.run(scenario())


def test_direct_message_is_answered(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            message = h.dm("what is a gan")
            await h.fake.message_create(message)
            sent = await h.expect("POST", rf"/channels/{kit.dm_channel_id}/messages")
            assert sent.body["embeds"][0]["title"] == GAN_TITLE
            assert str(sent.body["message_reference"]["message_id"]) == message["id"]
            assert sent.body["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_bare_mention_lists_topics_and_unknown_gets_fallback(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            await h.fake.message_create(h.guild_message(f"<@{kit.bot_id}>"))
            topics = await h.expect("POST", r"/channels/\d+/messages")
            assert all(s.title in topics.body["embeds"][0]["description"] for s in kit.snippets)

            await h.fake.message_create(h.guild_message(f"<@{kit.bot_id}> " + "zq" * 3000))
            fallback = await h.expect("POST", r"/channels/\d+/messages")
            assert fallback.body["content"]
            assert fallback.body["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_token_never_reaches_the_logs(discord_bot: Any, kit: Any, caplog: Any) -> None:
    caplog.set_level("DEBUG")

    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            await h.fake.message_create(h.dm("what is a gan"))
            await h.expect("POST", r"/channels/\d+/messages")

    asyncio.run(scenario())
    assert "IDENTIFY" in caplog.text  # discord.py did log at debug level
    assert kit.token not in caplog.text
