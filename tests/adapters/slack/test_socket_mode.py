"""Socket Mode end to end: ``serve()`` connects to a loopback websocket that plays Slack."""

from __future__ import annotations

import asyncio

from adapters.slack.serve import serve
from adapters.slack.settings import SlackSettings


def test_socket_mode_acks_envelopes_and_answers(slack, tmp_path):
    async def main():
        api, hooks, sock = slack.MockSlackApi(), slack.ResponseUrls(), slack.SocketModeServer()
        async with (
            slack.serving(api.app) as api_url,
            slack.serving(hooks.app) as hooks_url,
            slack.serving(sock.app) as ws_base,
        ):
            hooks.base = hooks_url
            api.ws_url = ws_base.replace("http://", "ws://") + "/link"
            settings = SlackSettings(
                bot_token=slack.BOT_TOKEN, app_token=slack.APP_TOKEN, api_base_url=f"{api_url}/api/"
            )
            ops = slack.make_ops(tmp_path)
            server = asyncio.create_task(
                serve(ops, settings, host="127.0.0.1", port=0, signals=False)
            )
            try:
                await _converse(slack, api, hooks, sock)
                # /healthz reports the websocket session as the connection.
                await slack.wait_until(lambda: ops.health is not None and ops.health.port)
                assert ops.health is not None
                healthy, body = ops.health.report()
                assert healthy and body["connected"] is True
            finally:
                ops.lifecycle.request_stop()
                assert await asyncio.wait_for(server, slack.WAIT) == 0
            opens = api.called("apps.connections.open")
            assert opens and all(c.authorization == f"Bearer {slack.APP_TOKEN}" for c in opens)

    asyncio.run(main())


async def _converse(slack, api, hooks, sock):
    command = slack.payload("socket_slash_commands")
    command["payload"] = slack.payload("slash_command") | {"response_url": hooks.url("sock")}
    await sock.send(command)
    ack = await sock.wait_ack(command["envelope_id"])
    assert ack == {"envelope_id": command["envelope_id"]}
    (posted,) = await hooks.wait()
    assert posted["response_type"] == "in_channel"
    assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"

    first = _event(slack, "env-first", "Ev0SOCK1", "1715000010.000001", retry_attempt=0)
    unseen = _event(slack, "env-unseen", "Ev0SOCK2", "1715000020.000002", retry_attempt=1)
    again = _event(slack, "env-again", "Ev0SOCK1", "1715000010.000001", retry_attempt=0)
    retry = _event(slack, "env-retry", "Ev0SOCK1", "1715000010.000001", retry_attempt=1)
    last = _event(slack, "env-last", "Ev0SOCK3", "1715000030.000003", retry_attempt=0)
    await sock.send(first)
    await sock.wait_ack("env-first")
    await api.wait("chat.postMessage")
    for envelope in (unseen, again, retry, last):
        await sock.send(envelope)
        assert await sock.wait_ack(envelope["envelope_id"]) == {
            "envelope_id": envelope["envelope_id"]
        }
    # A retry of an event never seen is answered; repeats of an answered one are not.
    posts = await api.wait("chat.postMessage", 3)
    assert sorted(p.params["thread_ts"] for p in posts) == [
        "1715000010.000001",
        "1715000020.000002",
        "1715000030.000003",
    ]
    assert posts[0].params["blocks"][0]["text"]["text"] == "Large language model (LLM)"


def _event(slack, envelope_id, event_id, ts, *, retry_attempt):
    envelope = slack.payload("socket_events_api")
    body = slack.payload("app_mention")
    body["event_id"] = event_id
    body["event"].update(ts=ts, event_ts=ts)
    envelope.update(envelope_id=envelope_id, payload=body, retry_attempt=retry_attempt)
    if retry_attempt:
        envelope["retry_reason"] = "timeout"
    return envelope
