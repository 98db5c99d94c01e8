"""The per-user limit: the excess gets a polite slow-down that only the asker sees."""

from __future__ import annotations

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.presentation.sentences import SLOW_DOWN
from bot.runtime.ratelimit import RateLimit, RateLimiter
from bot.runtime.service import AnswerService

ASKER = "U2147483697"  # the user of the recorded payloads
OTHER = "U0OTHER0001"


def _service(slack):
    limiter = RateLimiter(RateLimit(max_questions=2, per_seconds=60))
    return AnswerService(Engine(build_knowledge(slack.SNIPPETS)), limiter=limiter)


def _first_sentence(posted):
    return SLOW_DOWN.split(".")[0] in posted["text"]


def test_third_question_in_a_minute_is_slowed_down_privately(slack):
    async def scenario(kit):
        for n in range(3):
            await kit.command("what is an llm")
            await kit.hooks.wait(n + 1)
        first, second, third = kit.hooks.posts.items
        assert [p["response_type"] for p in (first, second)] == ["in_channel", "in_channel"]
        assert first["blocks"][0]["type"] == "header" and not _first_sentence(first)
        assert third["response_type"] == "ephemeral"
        assert _first_sentence(third)
        assert all(b["type"] != "header" for b in third["blocks"])
        assert all(b.get("block_id") != "feedback" for b in third["blocks"])
        # Someone else in the channel is not slowed down by it.
        await kit.command("what is an llm", user_id=OTHER)
        (*_, other) = await kit.hooks.wait(4)
        assert other["response_type"] == "in_channel" and not _first_sentence(other)

    slack.run_http(scenario, _service(slack))


def test_a_throttled_mention_is_answered_only_to_the_asker(slack):
    async def scenario(kit):
        for n in range(2):
            await kit.command("what is genai")
            await kit.hooks.wait(n + 1)
        event = slack.payload("app_mention")
        assert event["event"]["user"] == ASKER
        await kit.event(event)
        (private,) = await kit.api.wait("chat.postEphemeral")
        assert private.params["user"] == ASKER
        assert _first_sentence(private.params)
        assert private.params["thread_ts"] == event["event"]["ts"]
        assert not kit.api.called("chat.postMessage")

    slack.run_http(scenario, _service(slack))


def test_a_throttled_user_is_told_once_then_mentions_are_silent_commands_still_answered(slack):
    """The service's "tell once per window" (Reply.notify), as Discord follows it too."""

    async def scenario(kit):
        for n in range(2):
            await kit.command("what is genai")
            await kit.hooks.wait(n + 1)
        for n, ts in enumerate(("1715000100.000001", "1715000200.000002")):
            event = slack.payload("app_mention")
            event["event_id"] = f"Ev0SILENT{n}"
            event["event"].update(ts=ts, event_ts=ts)
            await kit.event(event)
        (told,) = await kit.api.wait("chat.postEphemeral")
        assert _first_sentence(told.params) and told.params["thread_ts"] == "1715000100.000001"
        # A command cannot stay silent: it is answered (privately) and shows the second mention
        # was handled, not merely slow.
        await kit.command("what is genai")
        (*_, slowed) = await kit.hooks.wait(3)
        assert slowed["response_type"] == "ephemeral" and _first_sentence(slowed)
        assert len(kit.api.called("chat.postEphemeral")) == 1
        assert not kit.api.called("chat.postMessage")

    slack.run_http(scenario, _service(slack))
