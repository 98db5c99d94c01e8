"""The assembled serving-side pieces: settings from the environment, start, answer, stop."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiohttp
import pytest

from bot.errors import ConfigError
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import Question, Snippet
from bot.runtime.ops import Ops, OpsSettings
from bot.runtime.ratelimit import RateLimit


def test_settings_from_env(tmp_path: Path) -> None:
    env = {
        "EXPLAINBOT_KNOWLEDGE": str(tmp_path),
        "EXPLAINBOT_DB": str(tmp_path / "q.db"),
        "EXPLAINBOT_SALT": "pepper",
        "EXPLAINBOT_ADMIN_CHANNEL": "C0ADMIN",
        "EXPLAINBOT_HEALTH_PORT": "0",
        "EXPLAINBOT_RATE_LIMIT": "3/10s",
    }
    s = OpsSettings.from_env(env, knowledge=None)
    assert s == OpsSettings(
        knowledge_dir=tmp_path,
        db_path=tmp_path / "q.db",
        salt="pepper",
        admin_channel="C0ADMIN",
        health=("127.0.0.1", 0),
        rate_limit=RateLimit(max_questions=3, per_seconds=10),
    )
    assert OpsSettings.from_env(env, knowledge="/k").knowledge_dir == Path("/k")
    with pytest.raises(ConfigError, match="EXPLAINBOT_RATE_LIMIT"):
        OpsSettings.from_env({"EXPLAINBOT_RATE_LIMIT": "lots"})


def test_database_salt_and_retention_settings(tmp_path: Path) -> None:
    url = "postgresql://bot:pw@db:5432/explainbot"
    with pytest.raises(ConfigError, match="EXPLAINBOT_USER_SALT is not set"):
        OpsSettings.from_env({"EXPLAINBOT_DATABASE_URL": url})
    s = OpsSettings.from_env(
        {"EXPLAINBOT_DATABASE_URL": url, "EXPLAINBOT_USER_SALT": "s", "EXPLAINBOT_SALT": "old"}
    )
    assert (s.database_url, s.salt, s.retention_days) == (url, "s", 90.0)
    assert OpsSettings.from_env({"EXPLAINBOT_RETENTION_DAYS": "0"}).retention_days is None
    assert OpsSettings.from_env({"EXPLAINBOT_RETENTION_DAYS": "7.5"}).retention_days == 7.5
    for bad in ("-1", "forever", "nan", "inf"):
        with pytest.raises(ConfigError, match="EXPLAINBOT_RETENTION_DAYS"):
            OpsSettings.from_env({"EXPLAINBOT_RETENTION_DAYS": bad})


def test_start_answer_serve_health_stop(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    snippet = Snippet(
        id="alpha", title="Alpha", summary="A.", questions=("what is alpha", "b", "c"), body="A."
    )
    settings = OpsSettings(
        knowledge_dir=knowledge, db_path=tmp_path / "q.db", health=("127.0.0.1", 0)
    )
    ops = Ops("slack", Engine(build_knowledge([snippet])), settings)

    async def scenario() -> tuple[int, dict[str, object], str]:
        await ops.start(connected=lambda: True)
        assert ops.health is not None and ops.reloader is not None
        with ops.lifecycle.answering():
            reply = ops.service.ask(Question(text="what is alpha", platform="slack", user_id="U1"))
        assert reply.question_id is not None
        ops.service.feedback(question_id=reply.question_id, user_id="U1", helpful=True)
        base = f"http://127.0.0.1:{ops.health.port}"
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/healthz") as resp:
                status, body = resp.status, await resp.json()
            async with session.get(f"{base}/metrics") as resp:
                metrics = await resp.text()
        await ops.stop()
        return status, body, metrics

    status, body, metrics = asyncio.run(scenario())
    assert status == 200 and body["snippets"] == 1 and body["platform"] == "slack"
    assert 'explainbot_questions_total{outcome="answer",platform="slack"} 1.0' in metrics
    conn = sqlite3.connect(tmp_path / "q.db")
    assert conn.execute("SELECT COUNT(*) FROM questions").fetchone() == (1,)
    assert conn.execute("SELECT helpful FROM votes").fetchall() == [(1,)]
    conn.close()
    after = ops.service.ask(Question(text="what is alpha", platform="slack", user_id="U1"))
    assert after.question_id is None  # the store is closed: no buttons that cannot be recorded
