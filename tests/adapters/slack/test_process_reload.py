"""Hot reload as deployed: ``explainbot serve slack`` as a real process, its knowledge directory
replaced the ways deploy tools replace it, broken saves, and what leaks into alerts.

Each test starts one process against the loopback mock Web API, with the admin channel set, and
waits on ``/healthz`` (bounded) for the reload. The time from the end of each change to the new
knowledge being served is printed (``pytest -s`` shows it); bench/reload_swaps.py measures the
same without pytest.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

STARTUP = 30.0  # a process imports, loads and listens within this on a busy box
RELOAD_BOUND = 2.0  # the bound from the end of a change to the new knowledge served
ADMIN = "C0ADMIN0001"
FAKE_SECRET = "FAKE_SECRET_TOKEN=sk-live-0123456789abcdefghijklmnopqrstuvwxyz"
SECRET_TAIL = "0123456789abcdefghij"  # a part no excerpt may reach

TERMS = {
    "alpha": ("Alpha particles", "what is an alpha particle", "explain alpha particles"),
    "beta": ("Beta decay", "what is beta decay", "explain beta decay"),
    "gamma": ("Gamma rays", "what are gamma rays", "explain gamma rays"),
}


def snippet(sid: str, body: str, related: tuple[str, ...] = ()) -> str:
    title, q1, q2 = TERMS[sid]
    text = (
        f"id: {sid}\ntitle: {title}\nsummary: {title} explained in one short plain sentence.\n"
        f"questions:\n  - {q1}\n  - {q2}\n  - {sid} meaning\nbody: |\n  {body}\n"
    )
    return text + (f"related: [{', '.join(related)}]\n" if related else "")


def write_tree(directory: Path, version: str) -> None:
    directory.mkdir(parents=True)
    for sid in TERMS:
        (directory / f"{sid}.yaml").write_text(snippet(sid, f"{sid} {version}."), encoding="utf-8")


# -- the three ways deploys replace a directory --------------------------------------------


def configmap_layout(mount: Path, version: str) -> None:
    """What the kubelet writes for a ConfigMap volume: files behind a ``..data`` symlink."""
    mount.mkdir()
    stamp = f"..{version}"
    write_tree(mount / stamp, version)
    (mount / "..data").symlink_to(stamp)
    for sid in TERMS:
        (mount / f"{sid}.yaml").symlink_to(f"..data/{sid}.yaml")


def configmap_update(mount: Path, version: str) -> None:
    """The kubelet's atomic update: new timestamped dir, ``..data`` swapped by rename, old dir
    removed. The user-visible ``*.yaml`` symlinks never change."""
    old = os.readlink(mount / "..data")
    stamp = f"..{version}"
    write_tree(mount / stamp, version)
    (mount / "..data_tmp").symlink_to(stamp)
    os.replace(mount / "..data_tmp", mount / "..data")
    shutil.rmtree(mount / old)


def recreate(directory: Path, version: str) -> None:
    """``rm -rf knowledge && cp -r new knowledge``."""
    shutil.rmtree(directory)
    write_tree(directory, version)


def rename_in(directory: Path, version: str) -> None:
    """``mv knowledge knowledge.old && mv knowledge.new knowledge`` (git checkout, rsync)."""
    staged, old = (directory.with_name(directory.name + suffix) for suffix in (".new", ".old"))
    write_tree(staged, version)
    shutil.rmtree(old, ignore_errors=True)
    directory.rename(old)
    staged.rename(directory)


# -- the process ------------------------------------------------------------------------------


@dataclass
class Served:
    proc: asyncio.subprocess.Process
    session: aiohttp.ClientSession
    health: str
    kit: Any
    log: Path

    async def healthz(self) -> dict[str, Any]:
        async with self.session.get(self.health + "/healthz") as resp:
            body: dict[str, Any] = await resp.json()
            return body

    async def metrics(self) -> str:
        async with self.session.get(self.health + "/metrics") as resp:
            return await resp.text()

    async def until(
        self, check: Callable[[dict[str, Any]], bool], what: str, bound: float = 10.0
    ) -> float:
        """Seconds until ``/healthz`` passes ``check``; fails after ``bound`` seconds."""
        start = time.monotonic()
        while not check(await self.healthz()):
            assert self.proc.returncode is None, "the server exited"
            if time.monotonic() - start > bound:
                raise AssertionError(f"not within {bound} s: {what}")
            await asyncio.sleep(0.02)
        return time.monotonic() - start

    async def answer(self, question: str) -> str:
        """The text of the answer to ``/explain question``."""
        posts = self.kit.hooks.posts.items
        count = len(posts)
        assert (await self.kit.command(question))[0] == 200
        await self.kit.hooks.wait(count + 1)
        return json.dumps(posts[count]["blocks"])

    def admin_posts(self) -> list[str]:
        return [
            str(c.params["text"])
            for c in self.kit.api.called("chat.postMessage")
            if c.params.get("channel") == ADMIN
        ]


@asynccontextmanager
async def served(slack: Any, tmp_path: Path, knowledge: Path) -> AsyncIterator[Served]:
    async with slack.fake_slack() as fake:
        api, hooks, session = fake.api, fake.hooks, fake.session
        port, health_port = slack.free_port(), slack.free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "EXPLAINBOT_"))}
        env.pop("WATCHFILES_FORCE_POLLING", None)  # native events: the case that went deaf
        env |= {
            "SLACK_BOT_TOKEN": slack.BOT_TOKEN,
            "SLACK_SIGNING_SECRET": slack.SECRET,
            "SLACK_API_BASE_URL": fake.api_base,
            "EXPLAINBOT_DB": str(tmp_path / "explainbot.db"),
            "EXPLAINBOT_HEALTH_PORT": str(health_port),
            "EXPLAINBOT_ADMIN_CHANNEL": ADMIN,
            "EXPLAINBOT_RATE_LIMIT": "0",
            "EXPLAINBOT_LOG_FORMAT": "json",
        }
        log = tmp_path / "stderr.log"
        with log.open("wb") as err:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "adapters.cli.main", "serve", "slack",
                "--port", str(port), "--knowledge", str(knowledge),
                env=env, cwd=slack.ROOT, stdout=asyncio.subprocess.DEVNULL, stderr=err,
            )  # fmt: skip
        kit = slack.Kit(f"http://127.0.0.1:{port}/slack/events", api, hooks, session)
        server = Served(proc, session, f"http://127.0.0.1:{health_port}", kit, log)
        try:
            async with asyncio.timeout(STARTUP):
                while True:
                    assert proc.returncode is None, log.read_text()[-2000:]
                    try:
                        if (await server.healthz())["connected"]:
                            break
                    except aiohttp.ClientConnectionError:
                        pass
                    await asyncio.sleep(0.05)
            yield server
        finally:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(proc.wait(), 10.0)
                except TimeoutError:
                    proc.kill()
                    await proc.wait()


def _loaded_since(before: str) -> Callable[[dict[str, Any]], bool]:
    return lambda body: body["knowledge_loaded_at"] != before


@pytest.mark.parametrize(
    ("how", "layout", "change"),
    [
        ("delete and recreate", write_tree, recreate),
        ("replace by rename", write_tree, rename_in),
        ("ConfigMap ..data swap", configmap_layout, configmap_update),
    ],
)
def test_a_replaced_directory_is_reloaded_and_watched_again(slack, tmp_path, how, layout, change):
    knowledge = tmp_path / "knowledge"
    layout(knowledge, "v1")

    async def main() -> None:
        async with served(slack, tmp_path, knowledge) as bot:
            assert "alpha v1." in await bot.answer("what is an alpha particle")
            for version in ("v2", "v3"):  # the second change proves the watch was re-armed
                before = (await bot.healthz())["knowledge_loaded_at"]
                change(knowledge, version)
                took = await bot.until(_loaded_since(before), f"{how} {version}", RELOAD_BOUND)
                print(f"\n{how} ({version}): served {took:.2f} s after the change")
                assert f"alpha {version}." in await bot.answer("what is an alpha particle")
            body = await bot.healthz()
            assert body["last_reload_error"] is None and body["watch_mode"] == "events"
            assert body["watcher_stale"] is False and body["knowledge_checked_at"]
            metrics = await bot.metrics()
            assert 'explainbot_knowledge_watch_mode{mode="events"} 1.0' in metrics
            assert "explainbot_knowledge_last_checked_timestamp_seconds " in metrics
            if layout is write_tree:  # the directory itself was replaced twice: armed anew
                arms = re.compile(r"^explainbot_knowledge_watch_arms ([3-9]|\d\d)", re.M)
                async with asyncio.timeout(5):  # re-armed at the next wake-up (a tick at most)
                    while not arms.search(await bot.metrics()):
                        await asyncio.sleep(0.05)
            assert bot.admin_posts() == []

    asyncio.run(main())


def test_half_written_save_raises_no_false_alert(slack, tmp_path):
    knowledge = tmp_path / "knowledge"
    write_tree(knowledge, "v1")
    text = snippet("beta", "beta saved slowly.")
    cut = text.index("questions:")  # what is on disk first lacks questions and body

    async def main() -> None:
        async with served(slack, tmp_path, knowledge) as bot:
            before = (await bot.healthz())["knowledge_loaded_at"]
            with (knowledge / "beta.yaml").open("w", encoding="utf-8") as f:
                f.write(text[:cut])
                f.flush()
                await asyncio.sleep(0.2)  # a slow writer (network share, big file)
                f.write(text[cut:])
            await bot.until(_loaded_since(before), "the completed save", RELOAD_BOUND + 1)
            assert "beta saved slowly." in await bot.answer("what is beta decay")
            body = await bot.healthz()
            assert body["last_reload_error"] is None
            assert bot.admin_posts() == []
            assert "refused" not in bot.log.read_text()

    asyncio.run(main())


def test_leaks_symlinks_and_syntax_errors_are_reported_briefly_and_cause_first(slack, tmp_path):
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "alpha.yaml").write_text(snippet("alpha", "alpha one.", ("beta",)))
    (knowledge / "beta.yaml").write_text(snippet("beta", "beta one."))
    (knowledge / "gamma.yaml").write_text(snippet("gamma", "gamma one.", ("beta",)))
    outside = tmp_path / "outside.txt"
    outside.write_text(FAKE_SECRET + "\n", encoding="utf-8")

    async def refused(bot: Served, name: str) -> dict[str, Any]:
        def seen(body: dict[str, Any]) -> bool:
            return name in (body["last_reload_error"] or "")

        await bot.until(seen, f"{name} refused")
        return await bot.healthz()

    async def main() -> None:
        async with served(slack, tmp_path, knowledge) as bot:
            # 1. A symlink to a file outside the directory is refused without quoting it.
            (knowledge / "delta.yaml").symlink_to(outside)
            body = await refused(bot, "delta.yaml")
            assert "outside the knowledge directory" in body["last_reload_error"]
            (knowledge / "delta.yaml").unlink()
            await bot.until(lambda b: b["last_reload_error"] is None, "recovered")

            # 2. A secret pasted into a snippet file: at most a short excerpt is quoted.
            (knowledge / "delta.yaml").write_text(FAKE_SECRET + "\n", encoding="utf-8")
            body = await refused(bot, "delta.yaml")
            (knowledge / "delta.yaml").unlink()
            await bot.until(lambda b: b["last_reload_error"] is None, "recovered")

            # 3. A YAML syntax error in beta: its cause comes first, with no cascade of
            #    "no snippet has id 'beta'" from the files that relate to it.
            broken = snippet("beta", "beta two.").replace("title: Beta", "title: [Beta")
            (knowledge / "beta.yaml").write_text(broken)
            body = await refused(bot, "beta.yaml")
            first = body["last_reload_error"].splitlines()[0]
            assert "beta.yaml:" in first and ": yaml: " in first
            assert "no snippet has id" not in body["last_reload_error"]

            async with asyncio.timeout(5):
                while len(bot.admin_posts()) < 3:
                    await asyncio.sleep(0.02)
            posts = bot.admin_posts()
            assert "outside the knowledge directory" in posts[0]
            assert "beta.yaml:" in posts[2].splitlines()[1] and ": yaml: " in posts[2]
            assert "no snippet has id" not in posts[2]
            everything = "\n".join([*posts, json.dumps(body), bot.log.read_text()])
            assert SECRET_TAIL not in everything
            quoted = max(n for n in range(len(FAKE_SECRET) + 1) if FAKE_SECRET[:n] in everything)
            print(f"\nlongest quoted prefix of the secret line: {quoted} characters")
            assert quoted <= 30

    asyncio.run(main())
