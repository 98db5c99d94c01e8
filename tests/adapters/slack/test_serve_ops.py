"""``serve()``: the Slack adapter in the run loop, with Ops: hot reload, admin channel, health,
metrics, clean stop.

These drive the real serving path (the coroutine ``explainbot serve slack`` runs) in-process,
with a real knowledge watcher on a temporary copy of bundled snippets.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sqlite3
from urllib.parse import urlsplit

import aiohttp
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.runtime.ratelimit import RateLimit

IDS = ("what-is-llm", "what-is-genai", "transformer")
ADMIN = "C0ADMIN0001"
NEW_TERM = {
    "id": "embeddings",
    "title": "Embeddings",
    "summary": "Lists of numbers that place similar meanings close together.",
    "questions": ["what are embeddings", "what is an embedding", "explain embeddings"],
    "aliases": ["embeddings", "embedding"],
    "body": "An **embedding** turns text into a list of numbers; similar texts land nearby.",
}
# Invalid: no body, and too few questions (on line 4).
BROKEN = "id: embeddings\ntitle: Embeddings\nsummary: Numbers for meaning.\nquestions: [a]\n"


async def _ask(kit, text):
    count = len(kit.hooks.posts.items)
    assert (await kit.command(text))[0] == 200
    return (await kit.hooks.wait(count + 1))[count]


async def _ask_until(kit, text, check, timeout=5.0):
    """Ask again and again until the answer passes ``check`` (the watcher works meanwhile)."""
    async with asyncio.timeout(timeout):
        while not check(posted := await _ask(kit, text)):
            await asyncio.sleep(0.1)
    return posted


def _says(text):
    return lambda posted: text in json.dumps(posted["blocks"])


def test_edit_break_and_fix_knowledge_while_serving(slack, tmp_path):
    directory = tmp_path / "knowledge"
    snippets = slack.copy_snippets(directory, IDS)
    llm = snippets["what-is-llm"]
    ops = slack.make_ops(
        tmp_path,
        Engine(load_knowledge(directory)),
        knowledge_dir=directory,
        admin_channel=ADMIN,
        rate_limit=RateLimit(max_questions=0),  # _ask_until asks often
    )

    async def scenario(kit):
        before = await _ask(kit, "what is an llm")
        assert before["blocks"][0]["text"]["text"] == llm["title"]

        # 1. An edit saved the way editors do it (temporary file, rename) is answered.
        marker = "Edited while serving: an LLM predicts the next token."
        slack.write_atomically(
            directory / "what-is-llm.yaml", yaml.safe_dump(llm | {"body": marker})
        )
        edited = await _ask_until(kit, "what is an llm", _says(marker))
        assert edited["blocks"][0]["text"]["text"] == llm["title"]

        # 2. An invalid file is refused whole; the admin channel hears about it once.
        slack.write_atomically(directory / "embeddings.yaml", BROKEN)
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["channel"] == ADMIN
        assert re.search(r"embeddings\.yaml:4: questions", post.params["text"])
        assert re.search(r"embeddings\.yaml:\d+: body", post.params["text"])
        assert _says(marker)(await _ask(kit, "what is an llm"))  # last good knowledge answers
        assert ops.reloader is not None and ops.reloader.status.last_error
        refused_at = ops.reloader.status.last_error_at
        slack.write_atomically(directory / "embeddings.yaml", BROKEN)  # saved again, unchanged
        await slack.wait_until(lambda: ops.reloader.status.last_error_at != refused_at)

        # 3. The fix is picked up like any good save.
        slack.write_atomically(directory / "embeddings.yaml", yaml.safe_dump(NEW_TERM))
        fixed = await _ask_until(
            kit, "what are embeddings", lambda p: p["blocks"][0]["text"].get("text") == "Embeddings"
        )
        assert _says("list of numbers")(fixed)
        assert ops.reloader.status.last_error is None
        assert len(kit.api.called("chat.postMessage")) == 1  # the repeat was not posted

    slack.run_served(scenario, ops)


async def _get(kit, path):
    async with kit.session.get(kit.extra["health"] + path) as resp:
        return resp.status, await resp.text()


def _questions(metrics_text, outcome):
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            labels = sample.labels
            if sample.name == "explainbot_questions_total" and labels == {
                "platform": "slack",
                "outcome": outcome,
            }:
                return sample.value
    return 0.0


def test_health_and_metrics_while_serving(slack, tmp_path):
    ops = slack.make_ops(tmp_path)

    async def scenario(kit):
        status, text = await _get(kit, "/healthz")
        assert status == 200
        body = json.loads(text)
        assert body["platform"] == "slack" and body["connected"] is True
        assert body["snippets"] == len(slack.SNIPPETS) and body["last_reload_error"] is None
        before = _questions((await _get(kit, "/metrics"))[1], "answer")
        posted = await _ask(kit, "what is an llm")
        assert posted["blocks"][0]["type"] == "header"
        assert _questions((await _get(kit, "/metrics"))[1], "answer") == before + 1

    slack.run_served(scenario, ops)


@pytest.mark.parametrize("how", ["request", "SIGTERM"])
def test_stop_waits_for_the_answer_in_flight_then_closes_everything(slack, tmp_path, how):
    ops = slack.make_ops(tmp_path)

    async def scenario(kit):
        stop, task = kit.extra["stop"], kit.extra["task"]
        kit.hooks.gate = asyncio.Event()  # the answer's delivery hangs until the gate opens
        await kit.command("what is an llm")
        await kit.hooks.wait()
        assert ops.lifecycle.in_flight == 1
        if how == "SIGTERM":  # the run loop's own handler, as in a container
            # Without the handler SIGTERM would end the test run itself.
            assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
            os.kill(os.getpid(), signal.SIGTERM)
        else:
            stop()
        # New requests are refused at once; shutdown then waits for the answer in flight.
        async with asyncio.timeout(slack.WAIT):
            while await _accepts(kit.events_url):
                await asyncio.sleep(0.02)
        assert not task.done() and ops.lifecycle.in_flight == 1
        status, text = await _get(kit, "/healthz")
        assert status == 503 and json.loads(text)["connected"] is False
        kit.hooks.gate.set()
        await asyncio.wait_for(task, slack.WAIT)
        assert ops.lifecycle.in_flight == 0
        with pytest.raises(aiohttp.ClientConnectionError):
            await _get(kit, "/healthz")  # the health server is down too

    slack.run_served(scenario, ops, signals=how == "SIGTERM")
    # The answer was recorded before the database was closed.
    with sqlite3.connect(tmp_path / "explainbot.db") as conn:
        assert conn.execute("SELECT outcome FROM questions").fetchall() == [("answer",)]


async def _accepts(url):
    """Whether a new TCP connection to ``url``'s port is accepted."""
    parts = urlsplit(url)
    try:
        _, writer = await asyncio.open_connection(parts.hostname, parts.port)
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True
