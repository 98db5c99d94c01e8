"""Mentions, direct messages and the message shortcut over signed HTTP requests."""

from __future__ import annotations

import json


def _mention(slack, text, *, event_id="Ev0MENTION01", ts="1715000000.000200", thread_ts=None):
    body = slack.payload("app_mention")
    body["event_id"] = event_id
    body["event"].update(text=text, ts=ts, event_ts=ts)
    if thread_ts:
        body["event"]["thread_ts"] = thread_ts
    return body


def _dm(slack, text, *, event_id="Ev0DM0000001", ts="1715000100.000300", **extra):
    body = slack.payload("message_im")
    body["event_id"] = event_id
    body["event"].update(text=text, ts=ts, event_ts=ts, **extra)
    return body


def _assert_quiet(params):
    # Slack must not turn anything in our text into links or mentions.
    assert params["parse"] == "none"
    assert params["link_names"] is False


def test_mention_in_channel_answers_in_a_thread_on_that_message(slack):
    async def scenario(kit):
        status, _ = await kit.event(_mention(slack, "<@UBOT> what is an llm"))
        assert status == 200
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.authorization == f"Bearer {slack.BOT_TOKEN}"
        assert post.params["channel"] == "C2147483705"
        assert post.params["thread_ts"] == "1715000000.000200"
        assert post.params["text"].startswith("Large language model (LLM)")
        assert post.params["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        _assert_quiet(post.params)

    slack.run_http(scenario)


def test_mention_inside_a_thread_answers_in_that_thread(slack):
    async def scenario(kit):
        await kit.event(_mention(slack, "what is genai <@UBOT>", thread_ts="1714999000.000100"))
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["thread_ts"] == "1714999000.000100"
        assert post.params["blocks"][0]["text"]["text"] == "Generative AI"

    slack.run_http(scenario)


def test_bare_mention_in_a_thread_explains_the_first_message(slack):
    async def scenario(kit):
        kit.api.thread = [
            {
                "type": "message",
                "user": "U0GRACE01",
                "text": "what is rag",
                "ts": "1714999000.000100",
            }
        ]
        await kit.event(_mention(slack, "<@UBOT>", thread_ts="1714999000.000100"))
        (post,) = await kit.api.wait("chat.postMessage")
        (replies,) = kit.api.called("conversations.replies")
        assert replies.params["channel"] == "C2147483705"
        assert replies.params["ts"] == "1714999000.000100"
        assert replies.params["limit"] == "1"
        assert post.params["thread_ts"] == "1714999000.000100"
        assert post.params["blocks"][0]["text"]["text"] == "Retrieval-augmented generation"

    slack.run_http(scenario)


def test_unsure_mention_asks_did_you_mean_only_to_the_asker_in_the_thread(slack):
    async def scenario(kit):
        await kit.event(_mention(slack, "<@UBOT> what is an llm", thread_ts="1714999000.000100"))
        (post,) = await kit.api.wait("chat.postEphemeral")
        assert post.params["user"] == "U2147483697"
        assert post.params["channel"] == "C2147483705"
        assert post.params["thread_ts"] == "1714999000.000100"
        assert post.params["text"].startswith("Did you mean")
        assert not kit.api.called("chat.postMessage")

    slack.run_http(scenario, slack.make_service(slack.ALWAYS_SUGGEST))


def test_direct_message_is_answered_in_the_dm(slack):
    async def scenario(kit):
        await kit.event(_dm(slack, "what is an llm"))
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["channel"] == "D0123ABCD"
        assert "thread_ts" not in post.params
        assert post.params["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        _assert_quiet(post.params)

    slack.run_http(scenario)


def test_bot_messages_edits_and_own_messages_are_ignored(slack):
    async def scenario(kit):
        edited = _dm(slack, "what is an llm", event_id="Ev1", subtype="message_changed")
        from_bot = _dm(slack, "what is an llm", event_id="Ev2", bot_id="B0OTHER")
        own = _dm(slack, "what is an llm", event_id="Ev3", user=slack.BOT_USER)
        channel_msg = _dm(slack, "what is an llm", event_id="Ev4", channel_type="channel")
        for body in (edited, from_bot, own, channel_msg):
            assert (await kit.event(body))[0] == 200
        await kit.event(_dm(slack, "what is genai", event_id="Ev5", ts="1715000999.000001"))
        posts = await kit.api.wait("chat.postMessage")
        assert [p.params["blocks"][0]["text"]["text"] for p in posts] == ["Generative AI"]

    slack.run_http(scenario)


def test_shortcut_answers_in_the_thread_of_the_message(slack):
    async def scenario(kit):
        top = slack.payload("message_action")
        in_thread = slack.payload("message_action")
        in_thread["message"].update(text="what is genai", thread_ts="1714000000.000001")
        for body in (top, in_thread):
            body["response_url"] = kit.hooks.url("shortcut")
            status, text = await kit.interaction(body)
            assert (status, text) == (200, "")
        posts = await kit.api.wait("chat.postMessage", 2)
        threads = sorted(
            (p.params["thread_ts"], p.params["blocks"][0]["text"]["text"]) for p in posts
        )
        assert threads == [
            ("1714000000.000001", "Generative AI"),
            ("1715000150.000400", "Large language model (LLM)"),
        ]
        assert {p.params["channel"] for p in posts} == {"C2147483705"}

    slack.run_http(scenario)


def test_shortcut_where_the_bot_is_not_a_member_answers_privately(slack):
    async def scenario(kit):
        kit.api.errors["chat.postMessage"] = "not_in_channel"
        body = slack.payload("message_action")
        body["response_url"] = kit.hooks.url("shortcut")
        await kit.interaction(body)
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral"
        assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        assert "/invite @explainbot" in json.dumps(posted["blocks"][-1])

    slack.run_http(scenario)


def test_url_verification_answers_the_challenge(slack):
    async def scenario(kit):
        status, text = await kit.event(
            {"type": "url_verification", "token": "x", "challenge": "c-123"}
        )
        assert status == 200
        assert json.loads(text) == {"challenge": "c-123"}

    slack.run_http(scenario)
