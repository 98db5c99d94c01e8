"""The served Slack bot with a full question log: what /healthz, /metrics and buttons say."""

from __future__ import annotations

import re
import sqlite3

import aiohttp


def _has_feedback(post):
    return any(b.get("block_id") == "feedback" for b in post["blocks"])


def test_a_full_queue_is_counted_shown_and_gets_no_buttons(slack, tmp_path):
    ops = slack.make_ops(tmp_path, busy_timeout=0.1, max_pending=3)
    db = tmp_path / "explainbot.db"

    async def scenario(kit):
        await kit.command("what is an llm")
        await kit.hooks.wait(1)
        await slack.wait_until(lambda: ops.store.status().pending == 0)
        lock = sqlite3.connect(db, isolation_level=None)
        lock.execute("BEGIN IMMEDIATE")
        try:
            for i in range(5):
                await kit.command(f"what is an llm {i}")
            posts = await kit.hooks.wait(6)
            async with aiohttp.ClientSession() as session:
                async with session.get(kit.extra["health"] + "/healthz") as resp:
                    health = await resp.json()
                async with session.get(kit.extra["health"] + "/metrics") as resp:
                    metrics = await resp.text()
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        # Answered all the same; only the three that will be recorded offer buttons.
        assert [_has_feedback(p) for p in posts[1:]] == [True] * 3 + [False] * 2
        assert health["question_log"]["dropped"] == 2 and health["question_log"]["pending"] == 3
        assert re.search(r"^explainbot_question_log_dropped_total 2\.0$", metrics, re.M)
        await slack.wait_until(lambda: ops.store.status().pending == 0)

    slack.run_served(scenario, ops)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM questions").fetchone() == (4,)
