"""Hostile and broken HTTP bodies: a 4xx and one short WARNING line, never a 500 or a traceback.

Nothing from a request that is not correctly signed reaches the log, at any level.
"""

from __future__ import annotations

import logging

import pytest

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
MARKER = "SECRETISH-BODY-MARKER"

MALFORMED = {
    "not json": (b"{not json " + MARKER.encode(), JSON),
    "json array": (b"[1,2]", JSON),
    "json null": (b"null", JSON),
    "json string": (b'"' + MARKER.encode() + b'"', JSON),
    "payload not json": (b"payload=%7Bnot+json+" + MARKER.encode(), FORM),
    "payload a json array": (b"payload=%5B1%2C2%5D", FORM),
    "form field without a value": (b"command=%2Fexplain&" + MARKER.encode(), FORM),
    "percent-encoded non-utf-8": (b"text=%FF%FE" + MARKER.encode(), FORM),
    "raw non-utf-8 form": (b"text=\xff\xfe" + MARKER.encode(), FORM),
    "raw non-utf-8 json": (b'{"type": "\xff' + MARKER.encode() + b'"}', JSON),
}


def _loud(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("case", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_body_gets_400_and_one_warning(slack, caplog, case, signed):
    body, content_type = case
    caplog.set_level(logging.DEBUG)

    async def scenario(kit):
        caplog.clear()
        secret = slack.SECRET if signed else "0" * 32
        status, _ = await kit.post(body, content_type, secret=secret)
        assert status == 400
        (warning,) = _loud(caplog)
        assert warning.levelname == "WARNING"
        assert warning.exc_info is None and "Traceback" not in caplog.text
        assert MARKER not in caplog.text
        assert kit.api.calls.items == [] and kit.hooks.posts.items == []
        # The server is still fine: the next good request is answered.
        assert (await kit.command("what is an llm"))[0] == 200
        await kit.hooks.wait()

    slack.run_http(scenario)


def test_a_badly_signed_request_is_refused_without_copying_it_into_the_log(slack, caplog):
    caplog.set_level(logging.DEBUG)
    big = ("text=" + MARKER + "x" * 900_000).encode()

    async def scenario(kit):
        caplog.clear()
        status, _ = await kit.post(big, FORM, secret="0" * 32)
        assert status == 401
        (warning,) = _loud(caplog)
        assert "signature" in warning.getMessage()
        assert MARKER not in caplog.text
        assert len(caplog.text) < 2_000
        caplog.clear()
        no_headers = kit.session.post(kit.events_url, data=big, headers={"Content-Type": FORM})
        async with no_headers as resp:
            assert resp.status == 401
        assert MARKER not in caplog.text and len(_loud(caplog)) == 1

    slack.run_http(scenario)


@pytest.mark.parametrize("timestamp", ["soon", "", "1e9"])
def test_a_timestamp_that_is_not_a_number_is_a_401(slack, caplog, timestamp):
    async def scenario(kit):
        caplog.clear()
        body = b"command=%2Fexplain&text=llm"
        headers = {"X-Slack-Request-Timestamp": timestamp}
        status, _ = await kit.post(body, FORM, headers=headers)
        assert status == 401
        assert "Traceback" not in caplog.text

    slack.run_http(scenario)


ODD_SHAPES = {
    "authorizations a string": {"type": "event_callback", "authorizations": "x", "event": {}},
    "event a string": {"type": "event_callback", "event_id": "Ev1", "event": "x"},
    "event a list": {"type": "event_callback", "event_id": "Ev2", "event": [1]},
    "team a number": {"type": "block_actions", "team": 5, "actions": "x"},
    "enterprise a list": {"type": "event_callback", "enterprise": [1], "event": {}},
}


@pytest.mark.parametrize("body", ODD_SHAPES.values(), ids=ODD_SHAPES.keys())
def test_a_signed_object_of_an_odd_shape_is_never_a_500(slack, caplog, body):
    async def scenario(kit):
        caplog.clear()
        status, _ = await kit.event(body)
        assert 200 <= status < 500
        assert "Traceback" not in caplog.text
        assert all(r.exc_info is None for r in caplog.records)

    slack.run_http(scenario)


def test_a_body_over_the_size_limit_is_a_413_without_a_traceback(slack, caplog):
    caplog.set_level(logging.DEBUG)

    async def scenario(kit):
        caplog.clear()
        huge = ("text=" + MARKER + "x" * 2_000_000).encode()
        status, _ = await kit.post(huge, FORM)
        assert status == 413
        assert "Traceback" not in caplog.text and MARKER not in caplog.text
        assert len(_loud(caplog)) == 1

    slack.run_http(scenario)
