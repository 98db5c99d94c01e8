"""``serve discord`` end to end: hot reload, admin reports, health, metrics, SIGTERM, idling.

Runs the functions ``explainbot serve discord`` runs (:func:`prepare`, then :func:`run`) in the
test's event loop, against the fake Discord on 127.0.0.1, on a copy of a few bundled snippets.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from adapters.cli.main import main
from adapters.discord.run import Serving, prepare, run
from bot.errors import ConfigError
from bot.runtime.notices import admin_notices

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
COPIED = ("gan", "vae", "transformer")
GAN_QUESTION = "what is a gan?"
ADMIN_CHANNEL = "1300000000000000099"
MARKER = "Edited while the bot was running."
MOE = """\
id: mixture-of-experts
title: Mixture of experts (MoE)
summary: A model split into expert sub-networks, only a few of which run for each input.
aliases: [moe, mixture of experts]
questions:
  - what is a mixture of experts
  - what is moe
  - how does mixture of experts work
body: |
  A **mixture of experts** routes each input to a few specialised sub-networks.
"""
BROKEN_MOE = MOE.replace("  - what is moe\n  - how does mixture of experts work\n", "")


def save(path: Path, text: str) -> None:
    """As many editors save: write a temporary file, then rename it over the real one."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def copy_knowledge(dest: Path) -> None:
    dest.mkdir()
    for sid in COPIED:
        data = yaml.safe_load((KNOWLEDGE / f"{sid}.yaml").read_text(encoding="utf-8"))
        data["related"] = [r for r in data.get("related") or [] if r in COPIED]
        save(dest / f"{sid}.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


# discord.py identifies each shard after the first 5 s after the one before
# (``Client.before_identify_hook``), so a bot of two shards is ready after 5 s at the
# earliest: readiness gets a budget past that, every other wait 5 s.
READY_SECONDS = 15.0


async def until(
    check: Callable[[], Any],
    what: str,
    *,
    task: asyncio.Task[Any] | None = None,
    seconds: float = 5.0,
) -> Any:
    """Poll ``check`` (sync or async) every 50 ms for at most ``seconds``; its first truthy
    result."""
    for _ in range(round(seconds / 0.05)):
        if task is not None and task.done():
            task.result()
            raise AssertionError(f"serve stopped while waiting for {what}")
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {seconds:g} s: {what}")


async def get(url: str) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        if response.content_type == "application/json":
            return response.status, await response.json()
        return response.status, await response.text()


def health_server(serving: Serving) -> Any:
    """The health server once it listens (its port is known only then)."""
    server = serving.ops.health
    return server if server is not None and server.port else None


def sigterm() -> None:
    # Without the serve command's handler SIGTERM would end the test run itself.
    assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
    os.kill(os.getpid(), signal.SIGTERM)


@pytest.fixture
def env(tmp_path: Path, discord_globals: None, kit: Any) -> dict[str, str]:
    copy_knowledge(tmp_path / "knowledge")
    return {
        "DISCORD_TOKEN": kit.token,
        "EXPLAINBOT_DB": str(tmp_path / "data" / "explainbot.db"),
        "EXPLAINBOT_HEALTH_PORT": "0",  # any free port on 127.0.0.1
        "EXPLAINBOT_ADMIN_CHANNEL": ADMIN_CHANNEL,
    }


@asynccontextmanager
async def serving_discord(
    kit: Any, env: dict[str, str], knowledge: Path
) -> AsyncIterator[tuple[Serving, Any, str]]:
    """``serve discord`` running against a fresh fake: (serving, harness, health base URL)."""
    fake = kit.fake()
    await fake.start()
    env = env | {"DISCORD_API_BASE_URL": fake.api_url, "DISCORD_GATEWAY_URL": fake.gateway_url}
    serving = prepare(env, knowledge=knowledge, guild_ready_timeout=0.01)
    task = asyncio.create_task(run(serving))
    h = kit.harness(fake=fake, bot=serving.bot, task=task, service=serving.ops.service)
    try:
        health = await until(lambda: health_server(serving), "the health server", task=task)
        base = f"http://127.0.0.1:{health.port}"
        await until(serving.bot.is_ready, "the bot is ready", task=task, seconds=READY_SECONDS)
        yield serving, h, base
    finally:
        fake.release.set()
        serving.ops.lifecycle.request_stop()
        await asyncio.wait({task}, timeout=kit.wait)
        await fake.close()
    assert task.result() == 0
    assert not fake.unexpected, fake.unexpected


async def explain(h: Any, text: str) -> dict[str, Any]:
    callback = await h.interact(h.slash(text))
    data: dict[str, Any] = callback.body["data"]
    return data


def description(data: dict[str, Any]) -> str:
    return str((data.get("embeds") or [{}])[0].get("description", ""))


def title(data: dict[str, Any]) -> str:
    return str((data.get("embeds") or [{}])[0].get("title", ""))


def test_health_and_metrics_while_connected(kit: Any, env: dict[str, str], tmp_path: Path) -> None:
    async def scenario() -> None:
        async with serving_discord(kit, env, tmp_path / "knowledge") as (_, h, base):
            status, body = await get(base + "/healthz")
            assert status == 200
            assert body["platform"] == "discord"
            assert body["connected"] is True
            assert body["snippets"] == len(COPIED)
            assert body["last_reload_error"] is None

            assert "gan" in title(await explain(h, GAN_QUESTION)).lower()
            status, text = await get(base + "/metrics")
            assert status == 200
            samples = {
                (s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(text)
                for s in family.samples
            }
            key = ("explainbot_questions_total", (("outcome", "answer"), ("platform", "discord")))
            assert samples[key] == 1.0

    asyncio.run(scenario())


def test_hot_reload_through_the_discord_serving_path(
    kit: Any, env: dict[str, str], tmp_path: Path
) -> None:
    knowledge = tmp_path / "knowledge"
    env = env | {"EXPLAINBOT_RATE_LIMIT": "0"}  # the test asks repeatedly while it waits
    admin = rf"/channels/{ADMIN_CHANNEL}/messages"

    async def answer_with(h: Any, question: str, check: Callable[[dict[str, Any]], bool]) -> Any:
        async def attempt() -> dict[str, Any] | None:
            data = await explain(h, question)
            return data if check(data) else None

        return await until(attempt, f"an answer to {question!r} that passes the check")

    async def scenario() -> None:
        async with serving_discord(kit, env, knowledge) as (serving, h, base):
            before = await explain(h, GAN_QUESTION)
            assert title(before) and MARKER not in description(before)

            gan = yaml.safe_load((knowledge / "gan.yaml").read_text(encoding="utf-8"))
            gan["body"] = MARKER + "\n\n" + gan["body"]
            save(knowledge / "gan.yaml", yaml.safe_dump(gan, sort_keys=False))
            await answer_with(h, GAN_QUESTION, lambda d: MARKER in description(d))

            save(knowledge / "mixture-of-experts.yaml", BROKEN_MOE)
            report = await h.expect("POST", admin)
            assert "mixture-of-experts.yaml:5: questions" in report.body["content"]
            assert report.body["content"].startswith("```")
            assert report.body["allowed_mentions"]["parse"] == []
            # The last good knowledge still answers, and health says what was refused.
            assert MARKER in description(await explain(h, GAN_QUESTION))
            status, body = await get(base + "/healthz")
            assert status == 200
            assert "mixture-of-experts.yaml:5" in body["last_reload_error"]

            first_refusal = serving.ops.reloader.status.last_error_at
            save(knowledge / "mixture-of-experts.yaml", BROKEN_MOE + "# still broken\n")
            await until(
                lambda: serving.ops.reloader.status.last_error_at != first_refusal,
                "the same problems refused again",
            )
            save(knowledge / "mixture-of-experts.yaml", MOE)
            moe = await answer_with(
                h, "what is moe", lambda d: title(d) == "Mixture of experts (MoE)"
            )
            assert "mixture of experts" in description(moe)
            # Reloads run one after the other: the second refusal was fully handled by now.
            assert h.fake.count("POST", admin) == 1
            assert (await get(base + "/healthz"))[1]["last_reload_error"] is None

            os.remove(knowledge / "mixture-of-experts.yaml")
            await answer_with(h, "what is moe", lambda d: title(d) != "Mixture of experts (MoE)")
            assert (await get(base + "/healthz"))[1]["snippets"] == len(COPIED)

    asyncio.run(scenario())


def test_sigterm_lets_an_answer_in_flight_finish_then_closes(
    kit: Any, env: dict[str, str], tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with serving_discord(kit, env, tmp_path / "knowledge") as (serving, h, base):
            ops, task = serving.ops, h.task
            h.fake.hold = re.compile(r"/interactions/\d+/[^/]+/callback")
            await h.fake.interaction_create(h.slash(GAN_QUESTION))
            await h.expect("POST", r"/interactions/\d+/[^/]+/callback")  # sent, not yet answered
            assert ops.lifecycle.in_flight == 1

            sigterm()
            await asyncio.sleep(0.2)  # ample time to (wrongly) close under the answer
            assert not task.done() and not serving.bot.is_closed()
            assert ops.lifecycle.in_flight == 1

            h.fake.release.set()
            assert await asyncio.wait_for(asyncio.shield(task), kit.wait) == 0
            assert serving.bot.is_closed()
            assert ops.lifecycle.in_flight == 0
            with pytest.raises(aiohttp.ClientConnectionError):
                await get(base + "/healthz")

    asyncio.run(scenario())
    with sqlite3.connect(env["EXPLAINBOT_DB"]) as conn:  # closed cleanly, everything written
        rows = conn.execute("SELECT platform, outcome, snippet_id FROM questions").fetchall()
    assert rows == [("discord", "answer", "gan")]


def test_idles_without_a_token_when_asked_and_exits_0_on_sigterm(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "moe.yaml").write_text(MOE.replace("mixture-of-experts", "moe", 1))
    env = {
        "EXPLAINBOT_IDLE_WITHOUT_TOKEN": "1",
        "EXPLAINBOT_DB": str(tmp_path / "explainbot.db"),
        "EXPLAINBOT_HEALTH_PORT": "0",
    }

    async def scenario() -> int:
        serving = prepare(env, knowledge=tmp_path / "knowledge")
        assert serving.bot is None and serving.missing == ("DISCORD_TOKEN",)
        task = asyncio.create_task(run(serving))
        health = await until(lambda: health_server(serving), "the health server", task=task)
        status, body = await get(f"http://127.0.0.1:{health.port}/healthz")
        assert status == 503
        assert body["platform"] == "discord" and body["connected"] is False
        sigterm()
        return await asyncio.wait_for(task, 5.0)

    assert asyncio.run(scenario()) == 0


def test_missing_token_without_idling_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    with pytest.raises(ConfigError, match="DISCORD_TOKEN is not set"):
        prepare({"EXPLAINBOT_DB": str(tmp_path / "db")}, knowledge=KNOWLEDGE)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("EXPLAINBOT_IDLE_WITHOUT_TOKEN", raising=False)
    assert main(["serve", "discord"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("explainbot: DISCORD_TOKEN is not set")


def test_a_slack_admin_channel_only_turns_discord_reports_off(
    kit: Any, env: dict[str, str], tmp_path: Path, caplog: Any
) -> None:
    serving = prepare(
        env | {"EXPLAINBOT_ADMIN_CHANNEL": "C0123ABCD"}, knowledge=tmp_path / "knowledge"
    )
    assert serving.bot is not None and serving.adapter is not None
    assert admin_notices(serving.adapter, "C0123ABCD") is None
    assert "not a Discord channel id" in caplog.text
    assert serving.adapter.notice_channel(ADMIN_CHANNEL) == ADMIN_CHANNEL
    assert admin_notices(serving.adapter, ADMIN_CHANNEL) is not None


def test_a_process_runs_only_its_shards(kit: Any, env: dict[str, str], tmp_path: Path) -> None:
    """DISCORD_SHARD_COUNT=4, DISCORD_SHARD_IDS=1,3: two gateway connections, identified as
    shards 1 and 3 of 4, ready and answering; /healthz healthy once both are ready."""
    env = env | {"DISCORD_SHARD_COUNT": "4", "DISCORD_SHARD_IDS": "1,3"}

    async def scenario() -> None:
        async with serving_discord(kit, env, tmp_path / "knowledge") as (serving, h, base):
            assert sorted(i["shard"] for i in h.fake.identifies) == [[1, 4], [3, 4]]
            assert serving.bot.shard_count == 4 and sorted(serving.bot.shards) == [1, 3]
            status, body = await get(base + "/healthz")
            assert status == 200 and body["connected"] is True
            assert "gan" in title(await explain(h, GAN_QUESTION)).lower()

    asyncio.run(scenario())


def test_without_shard_settings_one_unsharded_connection(
    kit: Any, env: dict[str, str], tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with serving_discord(kit, env, tmp_path / "knowledge") as (serving, h, _):
            (identify,) = h.fake.identifies
            assert "shard" not in identify or identify["shard"] == [0, 1]
            assert not hasattr(serving.bot, "shards")

    asyncio.run(scenario())
