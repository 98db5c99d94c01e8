"""Loopback stand-ins for Slack, and a kit that drives the real bolt app against them.

Everything listens on 127.0.0.1 port 0: a mock Web API (records every call), a response_url
receiver, and a Socket Mode websocket server. Tests are plain functions that run one
``asyncio.run`` each (pytest-asyncio is not used); waits are on conditions, never sleeps.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import hashlib
import hmac
import json
import os
import socket
import sys
import time
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import aiohttp
import pytest
import yaml
from aiohttp import web

from adapters.slack.app import create_app
from adapters.slack.connection import http_server
from adapters.slack.dedup import SeenEvents
from adapters.slack.serve import serve
from adapters.slack.settings import SlackSettings
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine, MatchConfig
from bot.models import Snippet, Source
from bot.runtime.ops import Ops
from bot.runtime.service import AnswerService
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "slack"
BUNDLED = ROOT / "knowledge"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-17-fake-bot-token"
APP_TOKEN = "xapp-1-A123-fake-app-token"
BOT_USER = "UBOT"
WAIT = 5.0  # generous upper bound for a wait that normally ends in milliseconds

LLM_BODY = """A **large language model** predicts the next piece of text, one *token* at a time.
It learns from a huge corpus & is tuned with feedback; see [the paper](https://arxiv.org/abs/1706.03762).

- Input: a `prompt` like `a < b`
- Output: generated text
"""

SNIPPETS = (
    Snippet(
        id="llm",
        title="Large language model (LLM)",
        summary="A model trained on lots of text to predict and generate language.",
        questions=("what is an llm", "what is a large language model", "explain llms"),
        aliases=("llm", "large language model"),
        body=LLM_BODY,
        related=("genai", "rag"),
        sources=(
            Source(title="Attention Is All You Need", url="https://arxiv.org/abs/1706.03762"),
        ),
    ),
    Snippet(
        id="genai",
        title="Generative AI",
        summary="AI that creates new text, images or sound.",
        questions=("what is generative ai", "what is genai", "explain generative ai"),
        aliases=("genai", "gen ai"),
        body="**Generative AI** makes new content.\n\nLLMs are one kind of it.",
        related=("llm",),
    ),
    Snippet(
        id="rag",
        title="Retrieval-augmented generation",
        summary="Looking documents up before generating an answer.",
        questions=("what is rag", "what is retrieval augmented generation", "explain rag"),
        aliases=("rag",),
        body="*RAG* fetches relevant passages, then lets the model answer from them.",
        sources=(Source(title="Lewis et al. 2020"),),
    ),
)


def make_service(config: MatchConfig | None = None) -> AnswerService:
    return AnswerService(Engine(build_knowledge(SNIPPETS), config=config))


# Configs that force each outcome whatever the matcher scores, so tests survive its rewrite.
ALWAYS_SUGGEST = MatchConfig(answer_threshold=101.0, suggest_threshold=0.0)
NEVER_MATCH = MatchConfig(answer_threshold=101.0, suggest_threshold=101.0)


class Recorder:
    """A list that coroutines can wait on."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._changed = asyncio.Condition()

    async def add(self, item: Any) -> None:
        async with self._changed:
            self.items.append(item)
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[list[Any]], bool]) -> list[Any]:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: predicate(self.items)), WAIT)
        return self.items


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    authorization: str


class MockSlackApi:
    """``/api/<method>``: answers like Slack and records every call."""

    def __init__(self) -> None:
        self.calls = Recorder()
        self.errors: dict[str, str] = {}
        # method -> how many more calls get HTTP 429 (Retry-After: 0) before they succeed
        self.rate_limited: dict[str, int] = {}
        self.thread: list[dict[str, Any]] = []
        self.ws_url = ""
        self.app = web.Application()
        self.app.router.add_route("*", "/api/{method}", self._handle)

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls.items if c.method == method]

    async def wait(self, method: str, count: int = 1) -> list[Call]:
        await self.calls.wait_for(lambda items: len(self.called(method)) >= count)
        return self.called(method)

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update(await request.post())
        await self.calls.add(Call(method, params, request.headers.get("Authorization", "")))
        if self.rate_limited.get(method, 0) > 0:
            self.rate_limited[method] -= 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "0"}
            )
        if method in self.errors:
            return web.json_response({"ok": False, "error": self.errors[method]})
        return web.json_response({"ok": True, **self._result(method, params)})

    def _result(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "url": "https://example.slack.com/",
                "team": "Example",
                "user": "explainbot",
                "team_id": "T0001",
                "user_id": BOT_USER,
                "bot_id": "BBOT",
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            return {"channel": params.get("channel"), "ts": "1715009999.000100"}
        if method == "chat.postEphemeral":
            return {"message_ts": "1715009999.000200"}
        if method == "conversations.replies":
            return {"messages": self.thread, "has_more": False}
        if method == "apps.connections.open":
            return {"url": self.ws_url}
        return {}


class ResponseUrls:
    """A response_url receiver: ``POST /hooks/<name>`` records the JSON body."""

    def __init__(self) -> None:
        self.posts = Recorder()
        self.base = ""
        self.gate: asyncio.Event | None = None  # when set, deliveries hang until it opens
        self.status = 200  # what every delivery gets back (Slack: 404 for an expired URL)
        self.app = web.Application()
        self.app.router.add_post("/hooks/{name}", self._handle)

    def url(self, name: str) -> str:
        return f"{self.base}/hooks/{name}"

    async def wait(self, count: int = 1) -> list[dict[str, Any]]:
        return await self.posts.wait_for(lambda items: len(items) >= count)

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        await self.posts.add({"name": request.match_info["name"], **body})
        if self.gate is not None:
            await self.gate.wait()
        return web.Response(text="ok" if self.status < 300 else "expired_url", status=self.status)


class SocketModeServer:
    """Plays Slack's Socket Mode endpoint: says hello, sends envelopes, records acks."""

    def __init__(self) -> None:
        self.acks = Recorder()
        self.connected = asyncio.Event()
        self.app = web.Application()
        self.app.router.add_get("/link", self._handle)
        self._ws: web.WebSocketResponse | None = None

    async def send(self, envelope: dict[str, Any]) -> None:
        await asyncio.wait_for(self.connected.wait(), WAIT)
        assert self._ws is not None
        await self._ws.send_json(envelope)

    async def wait_ack(self, envelope_id: str) -> dict[str, Any]:
        items = await self.acks.wait_for(
            lambda acks: any(a.get("envelope_id") == envelope_id for a in acks)
        )
        return next(a for a in items if a.get("envelope_id") == envelope_id)

    async def _handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await ws.send_str((FIXTURES / "socket_hello.json").read_text())
        self.connected.set()
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                await self.acks.add(json.loads(message.data))
        return ws


@contextlib.asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """Serve an aiohttp app on 127.0.0.1 at a free port; yields its base URL."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of a recorded payload from tests/fixtures/slack."""
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return copy.deepcopy(data)


def signature(body: bytes, timestamp: int, secret: str = SECRET) -> str:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Kit:
    """What a scenario gets: the running bot's URL, the mocks, and request helpers."""

    events_url: str
    api: MockSlackApi
    hooks: ResponseUrls
    session: aiohttp.ClientSession
    extra: dict[str, Any] = field(default_factory=dict)

    async def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        sign_body: bytes | None = None,
        secret: str = SECRET,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        ts = int(time.time()) if timestamp is None else timestamp
        signed = body if sign_body is None else sign_body
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": signature(signed, ts, secret),
            **(headers or {}),
        }
        async with self.session.post(self.events_url, data=body, headers=all_headers) as resp:
            return resp.status, await resp.text()

    async def command(self, text: str, **fields: str) -> tuple[int, str]:
        data = payload("slash_command") | {"text": text, "response_url": self.hooks.url("cmd")}
        body = urllib.parse.urlencode(data | fields).encode()
        return await self.post(body, "application/x-www-form-urlencoded")

    async def event(self, body: dict[str, Any], **kwargs: Any) -> tuple[int, str]:
        return await self.post(json.dumps(body).encode(), "application/json", **kwargs)

    async def interaction(self, body: dict[str, Any]) -> tuple[int, str]:
        form = urllib.parse.urlencode({"payload": json.dumps(body)}).encode()
        return await self.post(form, "application/x-www-form-urlencoded")


Scenario = Callable[[Kit], Awaitable[None]]


async def _run_http(scenario: Scenario, service: AnswerService, settings: dict[str, Any]) -> None:
    api, hooks = MockSlackApi(), ResponseUrls()
    async with serving(api.app) as api_url, serving(hooks.app) as hooks_url:
        hooks.base = hooks_url
        config = SlackSettings(
            bot_token=BOT_TOKEN, signing_secret=SECRET, api_base_url=f"{api_url}/api/", **settings
        )
        app = create_app(service, settings=config, seen=SeenEvents(size=100))
        async with (
            http_server(app, signing_secret=SECRET, host="127.0.0.1", port=0) as (host, port),
            aiohttp.ClientSession() as session,
        ):
            await scenario(Kit(f"http://{host}:{port}/slack/events", api, hooks, session))


def run_http(scenario: Scenario, service: AnswerService | None = None, **settings: Any) -> None:
    """Run ``scenario`` against the real bolt app served over HTTP on loopback."""
    asyncio.run(_run_http(scenario, service or make_service(), settings))


def free_port() -> int:
    """A port free on 127.0.0.1 right now (for servers whose port the test must know first)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_atomically(path: Path, text: str) -> None:
    """Save like an editor does: write a temporary file, then rename it over the real one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def copy_snippets(target: Path, ids: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Copy bundled snippets into ``target``, keeping only ``related`` links among them."""
    target.mkdir(parents=True, exist_ok=True)
    copied = {}
    for snippet_id in ids:
        data = yaml.safe_load((BUNDLED / f"{snippet_id}.yaml").read_text(encoding="utf-8"))
        related = [r for r in data.pop("related", []) if r in ids]
        if related:
            data["related"] = related
        write_atomically(target / f"{snippet_id}.yaml", yaml.safe_dump(data, sort_keys=False))
        copied[snippet_id] = data
    return copied


def make_ops(
    tmp_path: Path, engine: Engine | None = None, *, knowledge_dir: Path | None = None, **opts: Any
) -> Ops:
    """Ops around ``engine`` (default: the test snippets), database and watched dir in tmp_path."""
    directory = knowledge_dir or tmp_path / "knowledge"
    directory.mkdir(exist_ok=True)
    settings = Settings(
        knowledge_dir=directory,
        db_path=tmp_path / "explainbot.db",
        health=("127.0.0.1", 0),
        **opts,
    )
    return Ops("slack", engine or Engine(build_knowledge(SNIPPETS)), settings)


async def wait_until(check: Callable[[], bool], timeout: float = WAIT) -> None:
    """Poll ``check`` (cheap, synchronous) until it holds; fails after ``timeout`` seconds."""
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.02)


async def _run_served(
    scenario: Scenario, ops: Ops, settings: dict[str, Any], *, signals: bool = False
) -> None:
    api, hooks = MockSlackApi(), ResponseUrls()
    async with (
        serving(api.app) as api_url,
        serving(hooks.app) as hooks_url,
        aiohttp.ClientSession() as session,
    ):
        hooks.base = hooks_url
        config = SlackSettings(
            bot_token=BOT_TOKEN, signing_secret=SECRET, api_base_url=f"{api_url}/api/", **settings
        )
        stop, port = ops.lifecycle.request_stop, free_port()
        task = asyncio.create_task(serve(ops, config, host="127.0.0.1", port=port, signals=signals))
        try:
            # Ops start once the events server listens; the health port is bound last.
            await wait_until(lambda: task.done() or (ops.health and ops.health.port) is not None)
            if task.done():
                await task  # start-up failed: show why
            assert ops.health is not None
            extra = {"stop": stop, "task": task, "health": f"http://127.0.0.1:{ops.health.port}"}
            events_url = f"http://127.0.0.1:{port}/slack/events"
            await scenario(Kit(events_url, api, hooks, session, extra))
        finally:
            if hooks.gate is not None:
                hooks.gate.set()
            stop()
            await asyncio.wait_for(task, WAIT)


def run_served(scenario: Scenario, ops: Ops, *, signals: bool = False, **settings: Any) -> None:
    """Run ``scenario`` against ``serve()`` (HTTP mode) with ``ops`` started around it.

    ``kit.extra`` holds ``stop`` (call it to stop serving), ``task`` (serve's task) and
    ``health`` (the health server's base URL). With ``signals``, SIGTERM stops it too.
    """
    asyncio.run(_run_served(scenario, ops, settings, signals=signals))


@pytest.fixture
def slack() -> ModuleType:
    """This module: its helpers and mocks, for test modules (importlib mode cannot import it)."""
    return sys.modules[__name__]


class ServeProcess:
    """``explainbot serve slack`` in HTTP mode as a real process, on loopback ports.

    Args:
        env: the process environment (tokens, database); the ports are added here.
        knowledge: the knowledge directory.
        log: where its standard error goes.
    """

    STARTUP = 30.0  # upper bound to import, load knowledge and listen on a busy machine

    def __init__(self, env: dict[str, str], knowledge: Path, log: Path) -> None:
        self.port, self.health_port = free_port(), free_port()
        self.env = env | {"EXPLAINBOT_HEALTH_PORT": str(self.health_port)}
        self.knowledge = knowledge
        self.log = log
        self.cwd = ROOT  # the checkout whose code runs (bench/replicas.py runs older ones)
        self.proc: asyncio.subprocess.Process | None = None

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    async def start(self, session: aiohttp.ClientSession) -> dict[str, Any]:
        """Start and wait until ``/healthz`` answers 200; its body."""
        with self.log.open("ab") as err:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "adapters.cli.main", "serve", "slack",
                "--port", str(self.port), "--knowledge", str(self.knowledge),
                env=self.env, cwd=self.cwd, stdout=asyncio.subprocess.DEVNULL, stderr=err,
            )  # fmt: skip
        async with asyncio.timeout(self.STARTUP):
            while True:
                assert self.proc.returncode is None, self.log.read_text()[-2000:]
                status, body = await self.health(session)
                if status == 200:
                    return body
                await asyncio.sleep(0.05)

    async def health(self, session: aiohttp.ClientSession) -> tuple[int, dict[str, Any]]:
        try:
            async with session.get(f"http://127.0.0.1:{self.health_port}/healthz") as resp:
                return resp.status, await resp.json()
        except aiohttp.ClientConnectionError:
            return 0, {}

    async def metrics(self, session: aiohttp.ClientSession) -> str:
        async with session.get(f"http://127.0.0.1:{self.health_port}/metrics") as resp:
            return await resp.text()

    async def stop(self, sig: int = 15) -> int | None:
        """Send ``sig`` (SIGTERM by default) and wait; the exit status."""
        if self.proc is None:
            return None
        try:
            if self.proc.returncode is None:
                self.proc.send_signal(sig)
            return await asyncio.wait_for(self.proc.wait(), 15.0)
        finally:
            if self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()


@dataclass
class FakeSlack:
    """A mock Web API and a response_url receiver on loopback, for a real ``serve slack``."""

    api: MockSlackApi
    hooks: ResponseUrls
    api_base: str  # SLACK_API_BASE_URL for the served process
    session: aiohttp.ClientSession


@contextlib.asynccontextmanager
async def fake_slack() -> AsyncIterator[FakeSlack]:
    api, hooks = MockSlackApi(), ResponseUrls()
    async with (
        serving(api.app) as api_url,
        serving(hooks.app) as hooks_url,
        aiohttp.ClientSession() as session,
    ):
        hooks.base = hooks_url
        yield FakeSlack(api=api, hooks=hooks, api_base=f"{api_url}/api/", session=session)


def process_env(**extra: str) -> dict[str, str]:
    """The test process's environment without explainbot or Slack settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "EXPLAINBOT_"))}
    return env | {"EXPLAINBOT_LOG_FORMAT": "json", **extra}


async def click_feedback(kit: Kit, button: dict[str, Any], *, user: str | None = None) -> None:
    """Click a Helpful / Not helpful button (as Slack posts it) and wait for the thanks."""
    body = payload("block_actions")
    body["response_url"] = kit.hooks.url("vote")
    body["actions"][0].update(
        action_id=button["action_id"], value=button["value"], block_id="feedback"
    )
    if user:
        body["user"]["id"] = user
    count = len(kit.hooks.posts.items)
    assert await kit.interaction(body) == (200, "")
    await kit.hooks.wait(count + 1)
