"""A fake Discord (REST routes + websocket gateway) on 127.0.0.1, and the real bot against it.

Tests are plain functions calling ``asyncio.run`` (no pytest-asyncio): they open
``discord_bot(service)`` as an async context manager, dispatch gateway events through
``Harness`` and assert on the requests the bot made, as the fake recorded them.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import discord
import pytest
from aiohttp import WSMsgType, web

from adapters.discord.adapter import DiscordAdapter
from adapters.discord.client import ExplainBot, create_bot
from adapters.discord.settings import DiscordSettings
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine, MatchConfig
from bot.models import Snippet, Source
from bot.runtime.service import AnswerService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "discord"
TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE1.not-a-real-token-only-for-tests"
WAIT = 5.0  # upper bound so a broken test fails instead of hanging; never reached when green
MESSAGE_CONTENT = 1 << 15
EPHEMERAL = 64


def load(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


USERS = load("users")
BOT_ID = USERS["bot"]["id"]
APP_ID = load("application")["id"]
GUILD = load("guild_create")
GUILD_ID = GUILD["id"]
CHANNEL_ID = GUILD["channels"][0]["id"]
THREAD_ID = GUILD["threads"][0]["id"]
DM_CHANNEL_ID = load("message_dm")["channel_id"]
COMMANDS = load("commands")


@dataclass
class Call:
    """One REST request the bot made."""

    method: str
    path: str  # after /api/v10
    query: dict[str, str]
    body: Any
    authorization: str | None


@dataclass
class FakeDiscord:
    """Just enough of Discord's API v10 for discord.py 2.7: REST routes and a gateway."""

    token: str = TOKEN
    calls: list[Call] = field(default_factory=list)
    unexpected: list[Call] = field(default_factory=list)
    identify: dict[str, Any] | None = None
    identifies: list[dict[str, Any]] = field(default_factory=list)  # one per connection (shard)
    heartbeats: int = 0
    port: int = 0
    # Requests whose path matches ``hold`` get no answer until ``release`` is set (in flight).
    hold: re.Pattern[str] | None = None
    release: asyncio.Event = field(default_factory=asyncio.Event)
    # Requests whose path matches ``fail`` get 404 Unknown Webhook (an expired token).
    fail: re.Pattern[str] | None = None
    fail_methods: set[str] = field(default_factory=lambda: {"GET", "POST", "PATCH", "DELETE"})
    _interaction_types: dict[str, int] = field(default_factory=dict)
    _ws: web.WebSocketResponse | None = None
    _runner: web.AppRunner | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _consumed: set[int] = field(default_factory=set)
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _last_id: int = 0
    _seq_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def new_id(self, age: float = 0.0) -> str:
        """A fresh snowflake made ``age`` seconds ago (what ``created_at`` is read from)."""
        made = datetime.now(UTC) - timedelta(seconds=age)
        snowflake = discord.utils.time_snowflake(made) + next(self._seq_ids)
        if not age:
            snowflake = max(snowflake, self._last_id + 1)
            self._last_id = snowflake
        return str(snowflake)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- gateway ---------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 500}, "s": None, "t": None})
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            if frame["op"] == 1:
                self.heartbeats += 1
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif frame["op"] == 2:
                self.identify = frame["d"]
                self.identifies.append(frame["d"])
                # A sharded connection hears only of the guilds on its shard, as on Discord.
                shard = frame["d"].get("shard")
                mine = shard is None or (int(GUILD_ID) >> 22) % shard[1] == shard[0]
                await self.dispatch("READY", self._ready(shard, with_guild=mine))
                if mine:
                    await self.dispatch("GUILD_CREATE", copy.deepcopy(GUILD))
        return ws

    def _ready(self, shard: list[int] | None = None, *, with_guild: bool = True) -> dict[str, Any]:
        extra = {} if shard is None else {"shard": shard}
        return extra | {
            "v": 10,
            "user": USERS["bot"],
            "guilds": [{"id": GUILD_ID, "unavailable": True}] if with_guild else [],
            "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": APP_ID, "flags": 0},
            "private_channels": [],
            "relationships": [],
        }

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH (op 0) as a plain text frame, as Discord does without compression."""
        assert self._ws is not None, "the bot has not connected to the gateway"
        frame = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        await self._ws.send_str(json.dumps(frame))

    async def message_create(self, message: dict[str, Any]) -> None:
        """MESSAGE_CREATE, with the content blanked as Discord does for a bot without the
        Message Content intent (unless the message is a DM or mentions the bot)."""
        message = copy.deepcopy(message)
        intents = int((self.identify or {}).get("intents", 0))
        mentioned = any(u["id"] == BOT_ID for u in message.get("mentions", []))
        if not intents & MESSAGE_CONTENT and "guild_id" in message and not mentioned:
            message["content"] = ""
        await self.dispatch("MESSAGE_CREATE", message)

    async def interaction_create(self, interaction: dict[str, Any]) -> None:
        self._interaction_types[interaction["id"]] = interaction["type"]
        await self.dispatch("INTERACTION_CREATE", interaction)

    # -- REST ------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        call = Call(
            method=request.method,
            path="/" + request.match_info["tail"],
            query=dict(request.query),
            body=json.loads(raw) if raw else None,
            authorization=request.headers.get("Authorization"),
        )
        self.calls.append(call)
        self._changed.set()
        if self.hold is not None and self.hold.fullmatch(call.path):
            await self.release.wait()
        failing = self.fail is not None and self.fail.fullmatch(call.path)
        if failing and call.method in self.fail_methods:
            return _json({"message": "Unknown Webhook", "code": 10015}, status=404)
        for method, pattern, handler in self._routes():
            match = re.fullmatch(pattern, call.path)
            if method == call.method and match:
                if pattern.startswith(("/users", "/oauth2", "/applications", "/channels")) and (
                    call.authorization != f"Bot {self.token}"
                ):
                    return _json({"message": "401: Unauthorized", "code": 0}, status=401)
                return handler(call, match)
        self.unexpected.append(call)
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    def _routes(self) -> list[tuple[str, str, Callable[[Call, re.Match[str]], web.Response]]]:
        hook = r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)"
        return [
            ("GET", r"/users/@me", lambda c, m: _json(USERS["bot"])),
            ("GET", r"/oauth2/applications/@me", lambda c, m: _json(load("application"))),
            ("PUT", r"/applications/\d+/commands", self._commands),
            ("PUT", r"/applications/\d+/guilds/(?P<guild>\d+)/commands", self._commands),
            ("POST", r"/channels/(?P<channel>\d+)/messages", self._create_message),
            ("POST", r"/interactions/(?P<iid>\d+)/[^/]+/callback", self._callback),
            ("POST", hook, lambda c, m: _json(self._message(CHANNEL_ID, c.body))),
            (
                "PATCH",
                hook + "/messages/@original",
                lambda c, m: _json(self._message(CHANNEL_ID, c.body)),
            ),
            ("DELETE", hook + "/messages/@original", lambda c, m: web.Response(status=204)),
        ]

    def _commands(self, call: Call, match: re.Match[str]) -> web.Response:
        out = []
        for command in call.body:
            # Discord fills these in; a context menu's description comes back empty.
            item = {"id": self.new_id(), "application_id": APP_ID, "version": "1",
                    "description": "", **command}  # fmt: skip
            if "guild" in match.groupdict():
                item["guild_id"] = match["guild"]
            out.append(item)
        return _json(out)

    def _create_message(self, call: Call, match: re.Match[str]) -> web.Response:
        return _json(self._message(match["channel"], call.body))

    def _callback(self, call: Call, match: re.Match[str]) -> web.Response:
        kind = call.body["type"]
        flags = (call.body.get("data") or {}).get("flags", 0) or 0
        interaction = {
            "id": match["iid"],
            "type": self._interaction_types.get(match["iid"], 2),
            "response_message_id": self.new_id(),
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(flags & EPHEMERAL),
        }
        return _json({"interaction": interaction})

    def _message(self, channel_id: str, body: dict[str, Any] | None) -> dict[str, Any]:
        body = body or {}
        message = copy.deepcopy(load("message_guild"))
        message.update(
            id=self.new_id(),
            channel_id=channel_id,
            author=USERS["bot"],
            content=body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            mentions=[],
            flags=body.get("flags") or 0,
            type=19 if body.get("message_reference") else 0,
        )
        message.pop("member")
        return message

    # -- waiting ---------------------------------------------------------------------------

    async def next_call(
        self, method: str, pattern: str, *, also: Awaitable[Any] | None = None
    ) -> Call:
        """The first not yet returned request matching, waiting for it if need be."""
        while True:
            self._changed.clear()
            for i, call in enumerate(self.calls):
                fits = call.method == method and re.fullmatch(pattern, call.path)
                if fits and i not in self._consumed:
                    self._consumed.add(i)
                    return call
            await _first(self._changed.wait(), also)

    def count(self, method: str, pattern: str) -> int:
        return sum(1 for c in self.calls if c.method == method and re.fullmatch(pattern, c.path))


def _json(data: Any, *, status: int = 200) -> web.Response:
    # Exactly application/json: with "; charset=utf-8" discord.py hands back a str.
    return web.Response(
        status=status, body=json.dumps(data).encode(), content_type="application/json"
    )


async def _first(waited: Awaitable[Any], task: Awaitable[Any] | None) -> None:
    """Wait for ``waited``; if ``task`` (the bot) ends first, raise what ended it."""
    waiter = asyncio.ensure_future(waited)
    pending = {waiter}
    if task is not None:
        pending.add(asyncio.ensure_future(task))
    done, _ = await asyncio.wait(pending, timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
    if waiter not in done:
        waiter.cancel()
        for other in done:
            other.result()  # re-raises the bot's exception
            raise AssertionError("the bot stopped while a test was waiting")
        raise AssertionError(f"nothing happened within {WAIT} s")


@dataclass
class Harness:
    """The running bot, the fake it talks to, and builders for the events a user causes."""

    fake: FakeDiscord
    bot: ExplainBot
    task: asyncio.Task[None]
    service: AnswerService

    async def expect(self, method: str, pattern: str) -> Call:
        return await self.fake.next_call(method, pattern, also=self.task)

    # interactions

    def interaction(
        self, kind: int, data: dict[str, Any], *, age: float = 0.0, **extra: Any
    ) -> dict[str, Any]:
        """An interaction Discord created ``age`` seconds ago."""
        payload = load("interaction_guild")
        payload.update(id=self.fake.new_id(age), token=f"token-{self.fake.new_id()}", type=kind)
        payload["data"] = data
        payload.update(extra)
        return payload

    async def interact(self, payload: dict[str, Any]) -> Call:
        """Dispatch an interaction and return its callback."""
        await self.fake.interaction_create(payload)
        return await self.expect("POST", rf"/interactions/{payload['id']}/[^/]+/callback")

    def slash(
        self, topic: str | None, *, focused: bool = False, age: float = 0.0
    ) -> dict[str, Any]:
        option: dict[str, Any] = {"name": "topic", "type": 3, "value": topic}
        if focused:
            option["focused"] = True
        data = {**COMMANDS["explain"], "options": [] if topic is None else [option]}
        return self.interaction(4 if focused else 2, data, age=age)

    def context_menu(self, content: str) -> dict[str, Any]:
        target = load("message_guild")
        target.update(id=self.fake.new_id(), content=content, mentions=[])
        data = {
            **COMMANDS["explain_this"],
            "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}},
        }
        return self.interaction(2, data)

    def click(self, callback: Call, custom_id: str, *, ephemeral: bool) -> dict[str, Any]:
        """A button press on the message the bot sent in ``callback`` (its real components)."""
        sent = callback.body.get("data") or callback.body
        return self.click_on(sent.get("components") or [], custom_id, ephemeral=ephemeral)

    def click_on(
        self, components: list[dict[str, Any]], custom_id: str, *, ephemeral: bool
    ) -> dict[str, Any]:
        """A button press on a bot message carrying ``components``."""
        message = self.fake._message(CHANNEL_ID, {"components": components})
        message["flags"] = EPHEMERAL if ephemeral else 0
        data = {"custom_id": custom_id, "component_type": 2}
        return self.interaction(3, data, message=message)

    def in_dm(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The same interaction, sent from a DM with the bot instead of a guild channel."""
        for key in ("guild_id", "guild", "member", "guild_locale"):
            payload.pop(key, None)
        payload["user"] = USERS["user"]
        payload["channel_id"] = DM_CHANNEL_ID
        payload["channel"] = {"id": DM_CHANNEL_ID, "type": 1, "recipients": [USERS["user"]]}
        payload["context"] = 1
        payload["authorizing_integration_owners"] = {"0": "0"}
        return payload

    # messages

    def guild_message(
        self, content: str, *, mention: bool = True, channel: str = CHANNEL_ID, **extra: Any
    ) -> dict[str, Any]:
        message = load("message_guild")
        message.update(id=self.fake.new_id(), content=content, channel_id=channel)
        if not mention:
            message["mentions"] = []
        message.update(extra)
        return message

    def dm(self, content: str) -> dict[str, Any]:
        message = load("message_dm")
        message.update(id=self.fake.new_id(), content=content)
        return message


def custom_ids(components: list[dict[str, Any]]) -> list[str]:
    return [c["custom_id"] for row in components for c in row["components"]]


BotFactory = Callable[..., AbstractAsyncContextManager[Harness]]


@pytest.fixture
def discord_globals(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot points these class attributes at the fake on start-up; restore them after."""
    route, ws = discord.http.Route, discord.gateway.DiscordWebSocket
    monkeypatch.setattr(route, "BASE", route.BASE)
    monkeypatch.setattr(ws, "DEFAULT_GATEWAY", ws.DEFAULT_GATEWAY)


@pytest.fixture
def discord_bot(discord_globals: None) -> BotFactory:
    """``async with discord_bot(service) as h``: the real bot, connected to a fresh fake."""

    @asynccontextmanager
    async def start(service: AnswerService, *, defer_after: float = WAIT) -> AsyncIterator[Harness]:
        fake = FakeDiscord()
        await fake.start()
        settings = DiscordSettings(
            token=TOKEN,
            api_base_url=fake.api_url,
            gateway_url=fake.gateway_url,
            defer_after=defer_after,
        )
        bot = create_bot(service, settings=settings, guild_ready_timeout=0.01)
        ready = asyncio.Event()

        async def on_ready() -> None:
            ready.set()

        bot.add_listener(on_ready, "on_ready")
        adapter = DiscordAdapter(bot)  # the connection as the run loop drives it

        async def connected() -> None:
            await adapter.start()
            await adapter.wait_closed()

        task = asyncio.create_task(connected())
        try:
            await _first(ready.wait(), task)
            yield Harness(fake=fake, bot=bot, task=task, service=service)
            assert not fake.unexpected, f"requests the fake does not know: {fake.unexpected}"
        finally:
            await adapter.close()
            await asyncio.wait({task}, timeout=WAIT)
            await fake.close()
        task.result()  # a clean close ends the connection without an exception

    return start


# -- knowledge ---------------------------------------------------------------------------------


def snippet(sid: str, title: str, *questions: str, **kw: Any) -> Snippet:
    return Snippet(
        id=sid,
        title=title,
        summary=kw.pop("summary", f"What {title} means, in one line."),
        questions=questions,
        body=kw.pop("body", f"**{title}** explained in a few plain sentences."),
        **kw,
    )


SNIPPETS = (
    snippet(
        "gan",
        "Generative adversarial network (GAN)",
        "what is a gan",
        "what is a generative adversarial network",
        "how does a gan work",
        aliases=("gan", "generative adversarial network"),
        summary="Two networks trained against each other: one fakes, one judges.",
        body=(
            "A **GAN** trains two neural networks as rivals.\n\n"
            "- The *generator* turns noise into candidate samples.\n"
            "- The *discriminator* guesses whether a sample is real or generated.\n\n"
            "Each improves by beating the other; see [the paper](https://arxiv.org/abs/1406.2661)."
        ),
        related=("diffusion-model", "llm"),
        sources=(Source(title="Goodfellow et al., 2014", url="https://arxiv.org/abs/1406.2661"),),
    ),
    snippet(
        "llm",
        "Large language model (LLM)",
        "what is an llm",
        "what is a large language model",
        "explain large language models",
        aliases=("llm", "large language model"),
        related=("genai", "transformer"),
        sources=(Source(title="Course notes"),),
    ),
    snippet(
        "genai",
        "Generative AI",
        "what is generative ai",
        "what is genai",
        "what does generative ai mean",
        aliases=("genai", "generative ai"),
        related=("llm",),
    ),
    snippet(
        "diffusion-model",
        "Diffusion model",
        "what is a diffusion model",
        "how do diffusion models work",
        "what is stable diffusion",
        aliases=("diffusion",),
    ),
    snippet(
        "transformer",
        "Transformer",
        "what is a transformer",
        "what is the transformer architecture",
        "how does attention work",
        aliases=("transformer",),
    ),
)


def make_service(*snippets: Snippet, config: MatchConfig | None = None) -> AnswerService:
    return AnswerService(Engine(build_knowledge(snippets or SNIPPETS), config=config))


@pytest.fixture
def service() -> AnswerService:
    return make_service()


@dataclass(frozen=True)
class Kit:
    """What tests need from this conftest (test modules cannot import it under importlib)."""

    token: str = TOKEN
    bot_id: str = BOT_ID
    app_id: str = APP_ID
    guild_id: str = GUILD_ID
    channel_id: str = CHANNEL_ID
    thread_id: str = THREAD_ID
    dm_channel_id: str = DM_CHANNEL_ID
    ephemeral: int = EPHEMERAL
    message_content: int = MESSAGE_CONTENT
    snippets: tuple[Snippet, ...] = SNIPPETS
    users: dict[str, Any] = field(default_factory=lambda: USERS)
    snippet: Callable[..., Snippet] = snippet
    make_service: Callable[..., AnswerService] = make_service
    custom_ids: Callable[[list[dict[str, Any]]], list[str]] = custom_ids
    fake: type[FakeDiscord] = FakeDiscord
    harness: type[Harness] = Harness
    wait: float = WAIT


@pytest.fixture
def kit() -> Kit:
    return Kit()
