"""The assembled serving-side pieces: settings from the environment, start, answer, stop."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiohttp

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import Question, Snippet
from bot.runtime.ops import Ops
from bot.settings import Settings


def test_start_answer_serve_health_stop(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    snippet = Snippet(
        id="alpha", title="Alpha", summary="A.", questions=("what is alpha", "b", "c"), body="A."
    )
    settings = Settings(knowledge_dir=knowledge, db_path=tmp_path / "q.db", health=("127.0.0.1", 0))
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
