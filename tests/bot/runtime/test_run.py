"""The run loop: one order of start and shutdown, and one admin-notice decision, for any adapter.

The adapter here is a loopback stand-in for a platform (it records what the loop asks of it);
everything around it is real: the question log on SQLite, the knowledge watcher on a temporary
directory, the health server on 127.0.0.1 and a real SIGTERM. Both real adapters run through
the same loop in tests/adapters/{slack,discord}/test_serve_ops.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
from pathlib import Path

import aiohttp
import pytest

from bot.errors import ConfigError
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import Question, Snippet
from bot.presentation.view import View
from bot.runtime.adapter import Adapter
from bot.runtime.ops import Ops
from bot.runtime.run import run
from bot.settings import Settings

WAIT = 5.0
ALPHA = Snippet(
    id="alpha", title="Alpha", summary="A.", questions=("what is alpha", "b", "c"), body="A."
)


class Platform:
    """Records the loop's calls in order; ``end`` ends the connection as a platform would."""

    platform = "test"

    def __init__(self, *, refuse: bool = False, channel_ok: bool = True) -> None:
        self.calls: list[str] = []
        self.notices: list[tuple[str, str]] = []
        self.end: asyncio.Future[None] | None = None
        self._refuse = refuse
        self._channel_ok = channel_ok
        self._up = False

    async def start(self) -> None:
        self.calls.append("start")
        if self._refuse:
            raise ConfigError("TEST_TOKEN was rejected")
        self.end = asyncio.get_running_loop().create_future()
        self._up = True

    async def wait_closed(self) -> None:
        assert self.end is not None
        await self.end

    def connected(self) -> bool:
        return self._up

    async def stop(self) -> None:
        self.calls.append("stop")
        self._up = False

    async def close(self) -> None:
        self.calls.append("close")
        if self.end is not None and not self.end.done():
            self.end.set_result(None)

    def notice_channel(self, raw: str) -> str | None:
        return raw if self._channel_ok else None

    def render(self, view: View) -> str:
        return view.text

    async def post_notice(self, channel: str, text: str) -> None:
        self.notices.append((channel, text))


def _ops(tmp_path: Path, **settings: object) -> Ops:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir(exist_ok=True)
    config = Settings(
        knowledge_dir=knowledge,
        db_path=tmp_path / "q.db",
        health=("127.0.0.1", 0),
        **settings,  # type: ignore[arg-type]
    )
    return Ops("test", Engine(build_knowledge([ALPHA])), config)


async def _until(check: object) -> None:
    async with asyncio.timeout(WAIT):
        while not check():  # type: ignore[operator]
            await asyncio.sleep(0.01)


async def _health(ops: Ops) -> int:
    assert ops.health is not None and ops.health.port
    url = f"http://127.0.0.1:{ops.health.port}/healthz"
    async with aiohttp.ClientSession() as session, session.get(url) as resp:
        return resp.status


def test_every_adapter_implements_the_whole_contract() -> None:
    from adapters.discord.adapter import DiscordAdapter
    from adapters.slack.adapter import SlackAdapter

    contract = {name for name in vars(Adapter) if not name.startswith("_")}
    assert {"start", "stop", "connected", "post_notice", "render"} <= contract
    for implementation in (SlackAdapter, DiscordAdapter, Platform):
        missing = {name for name in contract if not hasattr(implementation, name)}
        assert not missing, f"{implementation.__name__} lacks {sorted(missing)}"


def test_sigterm_stops_intake_drains_the_answer_in_flight_then_disconnects(
    tmp_path: Path,
) -> None:
    ops = _ops(tmp_path)
    platform = Platform()
    release = asyncio.Event()

    async def answer() -> None:  # as an adapter's handler does: ask, then deliver
        with ops.lifecycle.answering():
            reply = ops.service.ask(Question(text="what is alpha", platform="test", user_id="U"))
            await release.wait()  # the delivery is slow
            platform.calls.append(f"delivered {reply.answer.ids[0]}")

    async def scenario() -> None:
        serving = asyncio.create_task(run(ops, platform))
        await _until(lambda: ops.health is not None and ops.health.port)
        assert await _health(ops) == 200
        in_flight = asyncio.create_task(answer())
        await _until(lambda: ops.lifecycle.in_flight == 1)

        # Without the loop's handler SIGTERM would end the test run itself.
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        os.kill(os.getpid(), signal.SIGTERM)
        await _until(lambda: "stop" in platform.calls)
        await asyncio.sleep(0.1)  # time enough to (wrongly) disconnect under the answer
        assert platform.calls == ["start", "stop"] and not serving.done()
        assert await _health(ops) == 503  # no longer taking questions

        release.set()
        assert await asyncio.wait_for(serving, WAIT) == 0
        await in_flight
        with pytest.raises(aiohttp.ClientConnectionError):
            await _health(ops)  # the health server stopped after the disconnect

    asyncio.run(scenario())
    assert platform.calls == ["start", "stop", "delivered alpha", "close"]
    with sqlite3.connect(tmp_path / "q.db") as conn:  # written, then closed cleanly
        assert conn.execute("SELECT outcome FROM questions").fetchall() == [("answer",)]


def test_a_connection_that_ends_by_itself_stops_everything_and_says_why(tmp_path: Path) -> None:
    ops = _ops(tmp_path)
    platform = Platform()

    async def scenario() -> None:
        serving = asyncio.create_task(run(ops, platform, signals=False))
        await _until(lambda: ops.health is not None and ops.health.port)
        assert platform.end is not None
        platform.end.set_exception(ConfigError("TEST_TOKEN was revoked"))
        with pytest.raises(ConfigError, match="revoked"):
            await asyncio.wait_for(serving, WAIT)
        with pytest.raises(aiohttp.ClientConnectionError):
            await _health(ops)

    asyncio.run(scenario())
    assert platform.calls == ["start", "stop", "close"]


def test_a_refused_token_starts_nothing_and_installs_no_signal_handler(tmp_path: Path) -> None:
    ops = _ops(tmp_path)
    platform = Platform(refuse=True)
    with pytest.raises(ConfigError, match="TEST_TOKEN was rejected"):
        asyncio.run(run(ops, platform))
    assert ops.health is None and ops.reloader is None
    assert platform.calls == ["start", "stop", "close"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


ALPHA_YAML = "id: alpha\ntitle: Alpha\nsummary: A.\nbody: A.\nquestions: [what is alpha, b, c]\n"
BROKEN = "id: beta\ntitle: Beta\nsummary: B.\nquestions: [b]\n"  # no body, too few questions


@pytest.mark.parametrize("channel_ok", [True, False])
def test_the_admin_notice_is_decided_once_by_the_loop(tmp_path: Path, channel_ok: bool) -> None:
    ops = _ops(tmp_path, admin_channel="ADMINS")
    platform = Platform(channel_ok=channel_ok)
    (tmp_path / "knowledge" / "alpha.yaml").write_text(ALPHA_YAML)

    async def scenario() -> None:
        serving = asyncio.create_task(run(ops, platform, signals=False))
        await _until(lambda: ops.reloader is not None and ops.health and ops.health.port)
        assert ops.reloader is not None
        for text in (BROKEN, BROKEN + "# saved again, the same problems\n"):
            refused = ops.reloader.status.last_error_at
            (tmp_path / "knowledge" / "beta.yaml").write_text(text)
            await _until(lambda r=refused: ops.reloader.status.last_error_at != r)  # type: ignore[union-attr]
        ops.lifecycle.request_stop()
        assert await asyncio.wait_for(serving, WAIT) == 0

    asyncio.run(scenario())
    if not channel_ok:  # not a channel of this platform: refused changes are only logged
        assert platform.notices == []
        return
    ((channel, text),) = platform.notices  # the same problems twice: posted once
    assert channel == "ADMINS"
    assert text.startswith("Knowledge change refused (")
    assert "beta.yaml:4: questions" in text
