"""Failing Web API calls, a failing response_url, payloads missing fields, Slack's escaping.

Each failure is one WARNING line (never an ERROR or a traceback) and, where Slack allows it, a
private note to the asker; nothing is silently dropped.
"""

from __future__ import annotations

import json
import logging
import urllib.parse

import pytest

API_ERRORS = ("channel_not_found", "not_in_channel", "restricted_action", "user_not_in_channel")
ASKER = "U2147483697"
CHANNEL = "C2147483705"


def _mention(slack, text="<@UBOT> what is an llm", *, event_id="Ev0FAIL0001", **event):
    body = slack.payload("app_mention")
    body["event_id"] = event_id
    body["event"].update(text=text, **event)
    return body


def _dm(slack, text="what is an llm", *, event_id="Ev0FAILDM01", **event):
    body = slack.payload("message_im")
    body["event_id"] = event_id
    body["event"].update(text=text, **event)
    return body


def _quiet(caplog):
    """No ERROR, no traceback; the WARNING lines."""
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert all(r.exc_info is None for r in caplog.records) and "Traceback" not in caplog.text
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


@pytest.mark.parametrize("error", API_ERRORS)
def test_a_mention_the_bot_cannot_answer_publicly_is_answered_privately(slack, caplog, error):
    async def scenario(kit):
        kit.api.errors["chat.postMessage"] = error
        await kit.event(_mention(slack))
        (note,) = await kit.api.wait("chat.postEphemeral")
        assert note.params["user"] == ASKER and note.params["channel"] == CHANNEL
        assert note.params["thread_ts"] == "1715000000.000200"
        assert note.params["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        assert note.params["blocks"][-1]["type"] == "context"  # why it is private

    slack.run_http(scenario)
    assert any(error in line for line in _quiet(caplog))


@pytest.mark.parametrize("error", API_ERRORS)
def test_when_no_channel_post_works_the_asker_gets_a_dm(slack, caplog, error):
    async def scenario(kit):
        kit.api.errors["chat.postMessage"] = error
        kit.api.errors["chat.postEphemeral"] = error
        await kit.event(_mention(slack))
        await kit.api.wait("chat.postEphemeral")
        posts = await kit.api.wait("chat.postMessage", 2)
        assert posts[-1].params["channel"] == ASKER  # the app's DM with the asker

    slack.run_http(scenario)
    warnings = _quiet(caplog)
    assert len([w for w in warnings if error in w]) == 3
    assert any("could not answer" in w for w in warnings)


def test_a_private_reply_to_a_user_not_in_the_channel_goes_to_their_dm(slack, caplog):
    async def scenario(kit):
        kit.api.errors["chat.postEphemeral"] = "user_not_in_channel"
        await kit.event(_mention(slack))
        await kit.api.wait("chat.postEphemeral")
        (dm,) = await kit.api.wait("chat.postMessage")
        assert dm.params["channel"] == ASKER
        assert dm.params["text"].startswith("Did you mean")

    slack.run_http(scenario, slack.make_service(slack.ALWAYS_SUGGEST))
    assert any("user_not_in_channel" in w for w in _quiet(caplog))


def test_a_dm_answer_that_fails_is_logged_not_raised(slack, caplog):
    async def scenario(kit):
        kit.api.errors["chat.postMessage"] = "channel_not_found"
        kit.api.errors["chat.postEphemeral"] = "channel_not_found"
        await kit.event(_dm(slack))
        await kit.api.wait("chat.postEphemeral")
        dm, by_user = await kit.api.wait("chat.postMessage", 2)
        assert (dm.params["channel"], by_user.params["channel"]) == ("D0123ABCD", ASKER)

    slack.run_http(scenario)
    assert any("channel_not_found" in w for w in _quiet(caplog))


def test_rate_limited_calls_are_retried(slack, caplog):
    async def scenario(kit):
        kit.api.rate_limited["chat.postMessage"] = 1
        await kit.event(_mention(slack))
        first, second = await kit.api.wait("chat.postMessage", 2)
        assert first.params == second.params
        assert second.params["blocks"][0]["text"]["text"] == "Large language model (LLM)"

    slack.run_http(scenario)
    _quiet(caplog)


@pytest.mark.parametrize("status", [404, 500])
def test_a_failed_response_url_falls_back_to_an_ephemeral_message(slack, caplog, status):
    async def scenario(kit):
        kit.hooks.status = status
        await kit.command("what is an llm")
        await kit.hooks.wait()
        (note,) = await kit.api.wait("chat.postEphemeral")
        assert note.params["channel"] == CHANNEL and note.params["user"] == ASKER
        assert note.params["blocks"][0]["text"]["text"] == "Large language model (LLM)"

    slack.run_http(scenario)
    assert any(f"HTTP {status}" in w for w in _quiet(caplog))


def test_a_command_without_response_url_is_answered_ephemerally(slack, caplog):
    async def scenario(kit):
        data = slack.payload("slash_command") | {"text": "what is an llm"}
        del data["response_url"]
        form = urllib.parse.urlencode(data).encode()
        assert (await kit.post(form, "application/x-www-form-urlencoded"))[0] == 200
        (note,) = await kit.api.wait("chat.postEphemeral")
        assert note.params["channel"] == CHANNEL and note.params["user"] == ASKER

    slack.run_http(scenario)
    _quiet(caplog)


def test_a_command_without_response_url_or_channel_gets_a_polite_ack(slack, caplog):
    async def scenario(kit):
        data = slack.payload("slash_command") | {"text": "what is an llm"}
        del data["response_url"], data["channel_id"]
        form = urllib.parse.urlencode(data).encode()
        status, text = await kit.post(form, "application/x-www-form-urlencoded")
        assert status == 200 and "could not" in text
        assert kit.hooks.posts.items == []

    slack.run_http(scenario)
    assert len(_quiet(caplog)) == 1


def test_a_dm_event_without_a_channel_is_answered_in_the_users_dm(slack, caplog):
    async def scenario(kit):
        body = _dm(slack)
        del body["event"]["channel"]
        assert (await kit.event(body))[0] == 200
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["channel"] == body["event"]["user"]

    slack.run_http(scenario)
    _quiet(caplog)


def test_a_mention_without_a_channel_is_answered_in_the_users_dm(slack, caplog):
    async def scenario(kit):
        body = _mention(slack)
        del body["event"]["channel"]
        assert (await kit.event(body))[0] == 200
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["channel"] == ASKER

    slack.run_http(scenario)
    _quiet(caplog)


def test_a_button_click_without_response_url_or_channel_is_answered_privately(slack, caplog):
    async def scenario(kit):
        body = slack.payload("block_actions")
        del body["response_url"], body["channel"]
        del body["container"]["channel_id"]
        assert (await kit.interaction(body))[0] == 200
        (dm,) = await kit.api.wait("chat.postMessage")
        assert dm.params["channel"] == ASKER
        assert dm.params["blocks"][0]["text"]["text"] == "Generative AI"

    slack.run_http(scenario)
    _quiet(caplog)


def test_a_shortcut_without_a_channel_answers_through_its_response_url(slack, caplog):
    async def scenario(kit):
        body = slack.payload("message_action")
        body["response_url"] = kit.hooks.url("shortcut")
        del body["channel"]
        assert (await kit.interaction(body))[0] == 200
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral"
        assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"

    slack.run_http(scenario)
    _quiet(caplog)


def test_text_slack_escaped_is_not_escaped_twice(slack):
    async def scenario(kit):
        await kit.command("is a &lt; b &amp;&amp; c &gt; d?")
        (posted,) = await kit.hooks.wait()
        shown = json.dumps(posted["blocks"])
        assert "a &lt; b &amp;&amp; c &gt; d?" in shown
        assert "&amp;lt;" not in shown and "&amp;amp;" not in shown

    slack.run_http(scenario, slack.make_service(slack.NEVER_MATCH))


def test_the_engine_gets_the_text_the_user_typed(slack):
    asked = []

    class Listening(type(slack.make_service())):
        def ask(self, question):
            asked.append(question.text)
            return super().ask(question)

    service = Listening(slack.make_service().engine)

    async def scenario(kit):
        await kit.command("llm &amp; genai &lt;3")
        await kit.hooks.wait()
        await kit.event(_mention(slack, "<@UBOT> rag &gt; llm?"))
        await kit.api.calls.wait_for(lambda calls: any(c.method.startswith("chat.") for c in calls))

    slack.run_http(scenario, service)
    assert asked == ["llm & genai <3", "rag > llm?"]


ODD_TEXT = {"lone surrogate": "what is an llm \ud800", "nul": "what is\x00 an llm"}


@pytest.mark.parametrize("text", ODD_TEXT.values(), ids=ODD_TEXT.keys())
def test_a_question_with_a_lone_surrogate_or_nul_is_answered(slack, caplog, text):
    caplog.set_level(logging.DEBUG)

    async def scenario(kit):
        # JSON may carry a lone surrogate as an escape; a form carries a NUL as %00.
        await kit.event(_mention(slack, "<@UBOT> " + text))
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        await kit.command(text.replace("\ud800", ""))
        (posted,) = await kit.hooks.wait()
        assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"

    slack.run_http(scenario)
    _quiet(caplog)


def test_a_button_whose_answer_fails_gets_an_apology_not_silence(slack, caplog):
    class Broken(type(slack.make_service())):
        def explain(self, snippet_id):
            raise RuntimeError("index on fire")

    service = Broken(slack.make_service().engine)

    async def scenario(kit):
        body = slack.payload("block_actions")
        body["response_url"] = kit.hooks.url("click")
        assert (await kit.interaction(body))[0] == 200
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral" and "went wrong" in posted["text"]

    slack.run_http(scenario, service)
    (error,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "showing snippet 'genai' failed" in error.getMessage()
