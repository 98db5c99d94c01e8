"""The health and metrics endpoints: a real aiohttp server on 127.0.0.1 and a real client."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client import REGISTRY

from bot.errors import ConfigError
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import ChannelKind, Question, Snippet
from bot.runtime.health import HealthServer
from bot.runtime.metrics import Metrics
from bot.runtime.reload import ReloadStatus
from bot.runtime.service import AnswerService


def snippet(sid: str) -> Snippet:
    return Snippet(
        id=sid,
        title=f"Title {sid}",
        summary="One sentence.",
        questions=(f"what is {sid}", f"explain {sid}", f"{sid} meaning"),
        body="Body.",
        path=Path(f"knowledge/{sid}.yaml"),
    )


def engine_with(*ids: str) -> Engine:
    return Engine(build_knowledge([snippet(i) for i in ids]))


async def get(server: HealthServer, path: str) -> tuple[int, dict[str, Any] | str, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as resp,
    ):
        body: dict[str, Any] | str
        body = await resp.json() if path == "/healthz" else await resp.text()
        return resp.status, body, resp.headers["Content-Type"]


def serve(server: HealthServer, path: str) -> tuple[int, dict[str, Any] | str, str]:
    async def run() -> tuple[int, dict[str, Any] | str, str]:
        port = await server.start("127.0.0.1", 0)
        assert port > 0
        try:
            return await get(server, path)
        finally:
            await server.stop()

    return asyncio.run(run())


def make(
    engine: Engine,
    connected: Callable[[], bool],
    status: ReloadStatus | None = None,
    metrics: Metrics | None = None,
) -> HealthServer:
    return HealthServer(
        "slack",
        engine=engine,
        connected=connected,
        metrics=metrics or Metrics.create(),
        reload_status=(lambda: status) if status else None,
    )


def test_healthy_when_connected_with_knowledge() -> None:
    engine = engine_with("alpha", "beta")
    status, body, ctype = serve(make(engine, lambda: True), "/healthz")
    assert status == 200
    assert ctype.startswith("application/json")
    assert body == {
        "platform": "slack",
        "connected": True,
        "snippets": 2,
        "knowledge_loaded_at": engine.knowledge.loaded_at.isoformat(),
        "knowledge_checked_at": None,
        "watch_mode": "stopped",
        "watcher_stale": False,
        "last_reload_error": None,
    }


def test_unhealthy_when_not_connected() -> None:
    status, body, _ = serve(make(engine_with("alpha"), lambda: False), "/healthz")
    assert status == 503
    assert isinstance(body, dict) and body["connected"] is False and body["snippets"] == 1


def test_unhealthy_without_knowledge() -> None:
    status, body, _ = serve(make(engine_with(), lambda: True), "/healthz")
    assert status == 503
    assert isinstance(body, dict) and body["snippets"] == 0


def test_a_failing_probe_is_not_connected() -> None:
    def probe() -> bool:
        raise RuntimeError("client gone")

    status, body, _ = serve(make(engine_with("alpha"), probe), "/healthz")
    assert status == 503 and isinstance(body, dict) and body["connected"] is False


def test_reports_the_last_reload_error_and_stays_healthy() -> None:
    refused = ReloadStatus(
        last_reload_at=None,
        last_error="knowledge/beta.yaml:4: qestions: unknown field",
        last_error_at=datetime(2026, 1, 2, tzinfo=UTC),
    )
    status, body, _ = serve(make(engine_with("alpha"), lambda: True, refused), "/healthz")
    assert status == 200  # still answering from the last good knowledge
    assert isinstance(body, dict)
    assert body["last_reload_error"] == "knowledge/beta.yaml:4: qestions: unknown field"


def test_a_watcher_that_stopped_checking_is_reported_deaf() -> None:
    checked = datetime(2026, 1, 2, 12, 0, 0, tzinfo=UTC)
    status = ReloadStatus(last_checked_at=checked, watch_mode="events")

    def at(seconds: float) -> HealthServer:
        return HealthServer(
            "slack",
            engine=engine_with("alpha"),
            connected=lambda: True,
            metrics=Metrics.create(),
            reload_status=lambda: status,
            stale_after=60.0,
            clock=lambda: checked + timedelta(seconds=seconds),
        )

    code, body, _ = serve(at(1.0), "/healthz")
    assert code == 200 and isinstance(body, dict)
    assert body["knowledge_checked_at"] == checked.isoformat()
    assert (body["watch_mode"], body["watcher_stale"]) == ("events", False)
    code, body, _ = serve(at(61.0), "/healthz")
    assert code == 503 and isinstance(body, dict) and body["watcher_stale"] is True


def test_metrics_in_prometheus_text_format_from_an_injected_registry() -> None:
    engine = engine_with("alpha")
    metrics = Metrics.create()
    service = AnswerService(engine, metrics=metrics)
    service.ask(Question(text="what is alpha", platform="slack", user_id="U1"))
    service.ask(Question(text="what is alpha", platform="discord", user_id="2"))
    service.ask(Question(text="the weather tomorrow in paris", platform="slack", user_id="U1"))
    service.ask(
        Question(text="topics", platform="slack", user_id="U1", channel_kind=ChannelKind.DM)
    )
    metrics.reloads.inc()
    metrics.reload_failures.inc(2)

    status, text, ctype = serve(make(engine, lambda: True, metrics=metrics), "/metrics")
    assert status == 200
    assert ctype.startswith("text/plain")
    assert isinstance(text, str)
    lines = set(text.splitlines())
    assert 'explainbot_questions_total{outcome="answer",platform="slack"} 1.0' in lines
    assert 'explainbot_questions_total{outcome="answer",platform="discord"} 1.0' in lines
    assert 'explainbot_questions_total{outcome="none",platform="slack"} 1.0' in lines
    assert 'explainbot_questions_total{outcome="topics",platform="slack"} 1.0' in lines
    assert 'explainbot_answer_latency_seconds_count{platform="slack"} 3.0' in lines
    assert "explainbot_reloads_total 1.0" in lines
    assert "explainbot_reload_failures_total 2.0" in lines
    assert "# TYPE explainbot_answer_latency_seconds histogram" in lines
    # Nothing leaked into the process-wide default registry.
    assert REGISTRY.get_sample_value("explainbot_reloads_total") is None


def test_two_servers_two_registries() -> None:
    a, b = Metrics.create(), Metrics.create()
    a.reloads.inc()
    assert a.registry.get_sample_value("explainbot_reloads_total") == 1.0
    assert b.registry.get_sample_value("explainbot_reloads_total") == 0.0


def test_unknown_path_is_404() -> None:
    async def run() -> int:
        server = make(engine_with("alpha"), lambda: True)
        await server.start("127.0.0.1", 0)
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.get(f"http://127.0.0.1:{server.port}/admin") as resp,
            ):
                return resp.status
        finally:
            await server.stop()
            await server.stop()  # idempotent

    assert asyncio.run(run()) == 404


def test_a_port_in_use_is_one_clear_config_error() -> None:
    first = make(engine_with("gan"), lambda: True)
    second = make(engine_with("gan"), lambda: True)

    async def run() -> None:
        port = await first.start("127.0.0.1", 0)
        try:
            with pytest.raises(ConfigError, match=r"^EXPLAINBOT_HEALTH_PORT: cannot listen"):
                await second.start("127.0.0.1", port)
        finally:
            await first.stop()
            await second.stop()

    asyncio.run(run())
