"""Request signatures, and Slack's redeliveries of events."""

from __future__ import annotations

import json
import logging
import time
import urllib.parse

import pytest


def _command_body(slack, kit, text="what is an llm"):
    data = slack.payload("slash_command") | {"text": text, "response_url": kit.hooks.url("cmd")}
    return urllib.parse.urlencode(data).encode()


FORGERIES = {
    "wrong secret": {"secret": "0" * 32},
    "body altered after signing": {"sign_body": b"text=something+else"},
    "timestamp 6 minutes old": {"timestamp": int(time.time()) - 360},
    "timestamp 6 minutes ahead": {"timestamp": int(time.time()) + 360},
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
def test_forged_requests_get_401_and_trigger_nothing(slack, forgery):
    async def scenario(kit):
        body = _command_body(slack, kit)
        status, _ = await kit.post(body, "application/x-www-form-urlencoded", **forgery)
        assert status == 401
        # Verification runs before authorization, so not even auth.test was called.
        assert kit.api.calls.items == []
        assert kit.hooks.posts.items == []
        # The same request, correctly signed, is answered exactly once.
        assert (await kit.post(body, "application/x-www-form-urlencoded"))[0] == 200
        posts = await kit.hooks.wait()
        assert len(posts) == 1

    slack.run_http(scenario)


def test_unsigned_request_gets_401(slack):
    async def scenario(kit):
        async with kit.session.post(kit.events_url, data=_command_body(slack, kit)) as resp:
            assert resp.status == 401
        assert kit.api.calls.items == []

    slack.run_http(scenario)


def _mention(slack, event_id, ts):
    body = slack.payload("app_mention")
    body["event_id"] = event_id
    body["event"].update(ts=ts, event_ts=ts)
    return body


def test_a_retry_of_an_event_never_seen_is_answered(slack, caplog):
    # The first delivery may have reached a process that stopped before answering.
    caplog.set_level(logging.INFO, logger="explainbot.slack")

    async def scenario(kit):
        retried = _mention(slack, "Ev0RETRY", "1715000001.000001")
        headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        status, _ = await kit.event(retried, headers=headers)
        assert status == 200
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["thread_ts"] == "1715000001.000001"
        # Slack's next retry of the same event is acknowledged, not answered again.
        headers["X-Slack-Retry-Num"] = "2"
        assert (await kit.event(retried, headers=headers))[0] == 200
        await kit.event(_mention(slack, "Ev0FRESH", "1715000002.000002"))
        posts = await kit.api.wait("chat.postMessage", 2)
        assert [p.params["thread_ts"] for p in posts] == ["1715000001.000001", "1715000002.000002"]

    slack.run_http(scenario)
    assert "handling retry 1 of event Ev0RETRY, not seen before" in caplog.text
    assert "ignoring duplicate event Ev0RETRY (retry 2)" in caplog.text


def test_a_retry_of_an_answered_event_is_acknowledged_but_not_answered(slack):
    async def scenario(kit):
        first = _mention(slack, "Ev0SEEN", "1715000006.000006")
        await kit.event(first)
        await kit.api.wait("chat.postMessage")
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        assert (await kit.event(first, headers=retry))[0] == 200
        await kit.event(_mention(slack, "Ev0NEXT", "1715000007.000007"))
        posts = await kit.api.wait("chat.postMessage", 2)
        assert [p.params["thread_ts"] for p in posts] == ["1715000006.000006", "1715000007.000007"]

    slack.run_http(scenario)


def test_first_delivery_with_retry_num_zero_is_answered(slack):
    async def scenario(kit):
        await kit.event(
            _mention(slack, "Ev0ZERO", "1715000003.000003"), headers={"X-Slack-Retry-Num": "0"}
        )
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["thread_ts"] == "1715000003.000003"

    slack.run_http(scenario)


def test_a_repeated_event_id_is_answered_once(slack, caplog):
    caplog.set_level(logging.INFO, logger="explainbot.slack")

    async def scenario(kit):
        first = _mention(slack, "Ev0TWICE", "1715000004.000004")
        await kit.event(first)
        await kit.api.wait("chat.postMessage")
        assert (await kit.event(json.loads(json.dumps(first))))[0] == 200
        await kit.event(_mention(slack, "Ev0AFTER", "1715000005.000005"))
        posts = await kit.api.wait("chat.postMessage", 2)
        assert [p.params["thread_ts"] for p in posts] == ["1715000004.000004", "1715000005.000005"]

    slack.run_http(scenario)
    assert "ignoring duplicate event Ev0TWICE" in caplog.text
