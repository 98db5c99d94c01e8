"""Slack ack latency under a burst of concurrent ``/explain`` commands (issue 11).

Usage: .venv/bin/python bench/slack_ack.py [--burst 50] [--rounds 5]

The real bolt app (``create_app`` behind ``http_server``, the bundled knowledge) runs in a
child process on 127.0.0.1; this process fires ``--burst`` signed ``/explain`` POSTs at once,
``--rounds`` times, and times each HTTP response (the ack Slack waits 3 s for), then waits
until every answer has reached the loopback ``response_url``. The floor is a bare aiohttp
handler in a child process that reads the body and answers 200 at once, under the same bursts.
Everything is loopback, bounded in count (burst x rounds) and in time (``LIMIT`` per round).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-1-bench-token"
LIMIT = 30.0  # seconds a round may take before the run is abandoned
QUESTIONS = (
    "llm vs genai",
    "what is a transformer",
    "is chatgpt an llm or generative ai",
    "gan vs vae",
    "what does the large in llm mean",
    "what is the weather like today",
    "",
)


async def _serve_bot(api_url: str) -> None:
    from adapters.slack.app import create_app
    from adapters.slack.connection import http_server
    from adapters.slack.settings import SlackSettings
    from bot.knowledge.loader import load_knowledge
    from bot.matching.engine import Engine
    from bot.runtime.service import AnswerService
    from bot.settings import bundled_knowledge_dir

    service = AnswerService(Engine(load_knowledge(bundled_knowledge_dir())))
    settings = SlackSettings(bot_token=TOKEN, signing_secret=SECRET, api_base_url=api_url)
    app = create_app(service, settings=settings)
    async with http_server(app, signing_secret=SECRET, host="127.0.0.1", port=0) as (_, port):
        await _announce_and_wait(port)


async def _serve_floor() -> None:
    async def ok(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text="")

    app = web.Application()
    app.router.add_post("/slack/events", ok)
    async with _site(app) as port:
        await _announce_and_wait(port)


async def _announce_and_wait(port: int) -> None:
    print(f"PORT {port}", flush=True)
    # Serve until the parent closes our stdin.
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


@contextlib.asynccontextmanager
async def _site(app: web.Application) -> AsyncIterator[int]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        yield int(runner.addresses[0][1])
    finally:
        await runner.cleanup()


class Peers:
    """The Slack Web API (auth.test only) and the response_url receiver, on loopback."""

    def __init__(self) -> None:
        self.answers = 0
        self.changed = asyncio.Event()
        self.app = web.Application()
        self.app.router.add_post("/api/{method}", self._api)
        self.app.router.add_post("/hooks/{n}", self._hook)

    async def _api(self, request: web.Request) -> web.Response:
        await request.read()
        return web.json_response(
            {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "bot"}
        )

    async def _hook(self, request: web.Request) -> web.Response:
        await request.read()
        self.answers += 1
        self.changed.set()
        return web.Response(text="ok")

    async def wait_answers(self, count: int) -> None:
        while self.answers < count:
            self.changed.clear()
            await self.changed.wait()


def _signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    base = b"v0:" + ts.encode() + b":" + body
    sig = "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sig,
    }


def _command(text: str, hook: str, n: int) -> bytes:
    fields = {
        "token": "legacy",
        "team_id": "T1",
        "channel_id": "C1",
        "channel_name": "general",
        "user_id": f"U{n:08d}",
        "command": "/explain",
        "text": text,
        "response_url": hook,
        "trigger_id": f"1.{n}",
        "api_app_id": "A1",
    }
    return urllib.parse.urlencode(fields).encode()


async def _post(session: aiohttp.ClientSession, url: str, body: bytes) -> float:
    started = time.perf_counter()
    async with session.post(url, data=body, headers=_signed(body)) as resp:
        await resp.read()
        assert resp.status == 200, resp.status
    return (time.perf_counter() - started) * 1000


@contextlib.asynccontextmanager
async def _child(kind: str, api_url: str) -> AsyncIterator[str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--serve", kind, "--api", api_url,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    try:
        line = await asyncio.wait_for(proc.stdout.readline(), LIMIT)
        port = int(line.decode().split()[1])
        yield f"http://127.0.0.1:{port}/slack/events"
    finally:
        proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), LIMIT)
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def _bursts(kind: str, burst: int, rounds: int) -> tuple[list[float], float]:
    """Ack times (ms) of every POST, and the mean time (s) until a round's answers all arrived."""
    peers = Peers()
    acks: list[float] = []
    answered: list[float] = []
    async with _site(peers.app) as peer_port:
        base = f"http://127.0.0.1:{peer_port}"
        connector = aiohttp.TCPConnector(limit=0)
        async with (
            _child(kind, f"{base}/api/") as url,
            aiohttp.ClientSession(connector=connector) as session,
        ):
            await _post(session, url, _command("warm up", f"{base}/hooks/0", 0))
            expected = 1 if kind == "bot" else 0
            await asyncio.wait_for(peers.wait_answers(expected), LIMIT)
            for r in range(rounds):
                bodies = [
                    _command(QUESTIONS[n % len(QUESTIONS)], f"{base}/hooks/{n}", r * burst + n)
                    for n in range(burst)
                ]
                started = time.perf_counter()
                async with asyncio.timeout(LIMIT):
                    acks += await asyncio.gather(*(_post(session, url, b) for b in bodies))
                    if kind == "bot":
                        expected += burst
                        await peers.wait_answers(expected)
                answered.append(time.perf_counter() - started)
    return acks, statistics.mean(answered)


def _pct(times: Sequence[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[round(q * (len(ordered) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--serve", choices=("bot", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--api", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve == "bot":
        asyncio.run(_serve_bot(args.api))
        return 0
    if args.serve == "floor":
        asyncio.run(_serve_floor())
        return 0
    if not 1 <= args.burst <= 200 or not 1 <= args.rounds <= 20:
        parser.error("--burst must be 1-200 and --rounds 1-20")
    bot, bot_answered = asyncio.run(_bursts("bot", args.burst, args.rounds))
    floor, _ = asyncio.run(_bursts("floor", args.burst, args.rounds))
    print(f"{args.rounds} bursts of {args.burst} concurrent signed /explain POSTs, loopback")
    print("| server | acks | ack p50 ms | ack p99 ms | ack max ms | all answered s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, times, done in (("explainbot", bot, bot_answered), ("aiohttp floor", floor, None)):
        tail = f"{done:.3f}" if done is not None else "-"
        print(
            f"| {name} | {len(times)} | {_pct(times, 0.5):.1f} | {_pct(times, 0.99):.1f} "
            f"| {max(times):.1f} | {tail} |"
        )
    ratio = _pct(bot, 0.99) / _pct(floor, 0.99)
    print(f"p99 ratio explainbot/floor: {ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
