from __future__ import annotations

import asyncio
import os
import signal
import threading

from bot.runtime.lifecycle import Lifecycle, idle


def test_shutdown_waits_for_in_flight_answers_then_runs_callbacks_last_first() -> None:
    lc = Lifecycle(drain_timeout=5)
    events: list[str] = []
    entered = threading.Event()
    release = threading.Event()

    def answer_in_a_thread() -> None:
        with lc.answering():
            entered.set()
            release.wait(5)
            events.append("answer sent")

    async def close_client() -> None:
        events.append("client closed")

    def broken() -> None:
        raise RuntimeError("step failed")

    lc.on_shutdown(lambda: events.append("db closed"))
    lc.on_shutdown(broken)
    lc.on_shutdown(close_client)

    async def scenario() -> None:
        worker = threading.Thread(target=answer_in_a_thread)
        worker.start()
        entered.wait(5)
        assert lc.in_flight == 1
        shutting = asyncio.create_task(lc.shutdown())
        await asyncio.sleep(0.05)
        assert events == []  # still waiting for the answer
        release.set()
        await shutting
        await lc.shutdown()  # idempotent: nothing runs twice
        worker.join()

    asyncio.run(scenario())
    assert events == ["answer sent", "client closed", "db closed"]


def test_sigterm_requests_a_stop() -> None:
    lc = Lifecycle()

    async def scenario() -> None:
        lc.install_signal_handlers()
        asyncio.get_running_loop().call_soon(os.kill, os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(lc.wait_for_stop(), timeout=5)

    asyncio.run(scenario())


def test_idle_until_stopped_then_exit_zero() -> None:
    lc = Lifecycle()
    closed: list[bool] = []
    lc.on_shutdown(lambda: closed.append(True))

    async def scenario() -> int:
        asyncio.get_running_loop().call_later(0.01, lc.request_stop, "test")
        return await idle("slack", ["SLACK_BOT_TOKEN"], lifecycle=lc)

    assert asyncio.run(scenario()) == 0
    assert closed == [True]
