"""``explainbot serve slack`` as a real process: serves, logs JSON, stops on SIGTERM, idles.

The process talks only to the loopback mock Web API started here; each test starts one
process (about a second, most of it imports).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys

import aiohttp

STARTUP = 30.0  # upper bound for a process to import, load knowledge and listen on a busy box


def _environ(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "EXPLAINBOT_"))}
    return env | {
        "EXPLAINBOT_DB": str(tmp_path / "explainbot.db"),
        "EXPLAINBOT_LOG_FORMAT": "json",
        **extra,
    }


async def _start(slack, tmp_path, env, *args):
    directory = tmp_path / "knowledge"
    slack.copy_snippets(directory, ("what-is-llm", "what-is-genai"))
    log = (tmp_path / "stderr.log").open("wb")
    command = [sys.executable, "-m", "adapters.cli.main", "serve", "slack", *args]
    proc = await asyncio.create_subprocess_exec(
        *command, "--knowledge", str(directory),
        env=env, cwd=slack.ROOT, stdout=asyncio.subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    log.close()
    return proc


async def _health(session, port, proc):
    """(status, body) of the first /healthz that answers; fails if the process exits first."""
    async with asyncio.timeout(STARTUP):
        while True:
            assert proc.returncode is None, "the process exited early"
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    return resp.status, await resp.json()
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)


async def _stop(proc):
    try:
        proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(proc.wait(), 10.0)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


def _log_lines(tmp_path):
    text = (tmp_path / "stderr.log").read_text()
    return text, [json.loads(line) for line in text.splitlines()]  # every line is JSON


def test_serve_answers_then_stops_cleanly_on_sigterm(slack, tmp_path):
    async def main():
        async with slack.fake_slack() as fake:
            api, hooks, session = fake.api, fake.hooks, fake.session
            port, health_port = slack.free_port(), slack.free_port()
            env = _environ(
                tmp_path,
                SLACK_BOT_TOKEN=slack.BOT_TOKEN,
                SLACK_SIGNING_SECRET=slack.SECRET,
                SLACK_API_BASE_URL=fake.api_base,
                EXPLAINBOT_HEALTH_PORT=str(health_port),
            )
            proc = await _start(slack, tmp_path, env, "--port", str(port))
            try:
                status, body = await _health(session, health_port, proc)
                assert (status, body["platform"], body["connected"]) == (200, "slack", True)
                kit = slack.Kit(f"http://127.0.0.1:{port}/slack/events", api, hooks, session)
                await kit.command("what is an llm")
                (answer,) = await hooks.wait()
                assert any(b.get("block_id") == "feedback" for b in answer["blocks"])
            finally:
                code = await _stop(proc)
            assert code == 0

    asyncio.run(main())
    text, lines = _log_lines(tmp_path)
    messages = [line["message"] for line in lines]
    assert any(m.startswith("stopping (SIGTERM)") for m in messages)
    assert messages[-1] == "stopped"
    assert slack.BOT_TOKEN not in text and slack.SECRET not in text
    assert "U2147483697" not in text  # user ids are shortened in logs
    with sqlite3.connect(tmp_path / "explainbot.db") as conn:
        assert conn.execute("SELECT platform, outcome FROM questions").fetchall() == [
            ("slack", "answer")
        ]


def test_without_a_token_it_idles_unhealthy_until_sigterm(slack, tmp_path):
    async def main():
        health_port = slack.free_port()
        env = _environ(
            tmp_path, EXPLAINBOT_IDLE_WITHOUT_TOKEN="1", EXPLAINBOT_HEALTH_PORT=str(health_port)
        )
        proc = await _start(slack, tmp_path, env)
        async with aiohttp.ClientSession() as session:
            try:
                status, body = await _health(session, health_port, proc)
            finally:
                code = await _stop(proc)
        assert (status, body["platform"], body["connected"]) == (503, "slack", False)
        assert code == 0

    asyncio.run(main())
    _, lines = _log_lines(tmp_path)
    assert any("SLACK_BOT_TOKEN not set" in line["message"] for line in lines)


def test_tokens_from_secret_files(slack, tmp_path):
    """SLACK_BOT_TOKEN_FILE / SLACK_SIGNING_SECRET_FILE, as Docker or Kubernetes mount them."""
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "bot_token").write_text(slack.BOT_TOKEN + "\n")
    (secrets / "signing_secret").write_text(slack.SECRET + "\n")

    async def main():
        async with slack.fake_slack() as fake:
            api, hooks, session = fake.api, fake.hooks, fake.session
            port, health_port = slack.free_port(), slack.free_port()
            env = _environ(
                tmp_path,
                SLACK_BOT_TOKEN_FILE=str(secrets / "bot_token"),
                SLACK_SIGNING_SECRET_FILE=str(secrets / "signing_secret"),
                SLACK_API_BASE_URL=fake.api_base,
                EXPLAINBOT_HEALTH_PORT=str(health_port),
            )
            proc = await _start(slack, tmp_path, env, "--port", str(port))
            try:
                status, _ = await _health(session, health_port, proc)
                assert status == 200
                (auth,) = api.called("auth.test")
                assert auth.authorization == f"Bearer {slack.BOT_TOKEN}"
                kit = slack.Kit(f"http://127.0.0.1:{port}/slack/events", api, hooks, session)
                await kit.command("what is an llm")  # signed with the secret from the file
                await hooks.wait()
            finally:
                assert await _stop(proc) == 0

    asyncio.run(main())
    text, _ = _log_lines(tmp_path)
    assert slack.BOT_TOKEN not in text and slack.SECRET not in text


def test_a_missing_secret_file_stops_with_one_line(slack, tmp_path):
    missing = tmp_path / "nowhere" / "bot_token"
    env = _environ(tmp_path, SLACK_BOT_TOKEN_FILE=str(missing), SLACK_SIGNING_SECRET="abc123")

    async def main():
        proc = await _start(slack, tmp_path, env)
        assert await asyncio.wait_for(proc.wait(), STARTUP) == 1

    asyncio.run(main())
    assert (tmp_path / "stderr.log").read_text().splitlines() == [
        f"explainbot: SLACK_BOT_TOKEN_FILE: {missing} does not exist "
        "(is the secret mounted into the container?)"
    ]
