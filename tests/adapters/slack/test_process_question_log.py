"""The question log of a real ``explainbot serve slack`` when its database is locked.

Before: a write lock held past SQLite's timeout switched recording off and threw the queue away
(200 of 200 records lost, and their votes), and kill -9 lost everything queued. Here the lock is
held while questions are answered and voted on, the process is killed with SIGKILL, the lock is
released, and a restarted process writes every record it had acknowledged.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3

QUESTIONS = 20
VOTES = 5


def _feedback(post):
    (block,) = [b for b in post["blocks"] if b.get("block_id") == "feedback"]
    return block["elements"]


def _count(path, table):
    with sqlite3.connect(path) as conn:
        try:
            return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError:  # created, not migrated yet
            return 0


def _spooled(db):
    """Rows waiting in the spool files beside the database."""
    return sum(len(p.read_text().splitlines()) for p in db.parent.glob("*.spool"))


def test_nothing_acknowledged_is_lost_to_a_lock_and_kill_9(slack, tmp_path):
    db = tmp_path / "data" / "explainbot.db"
    knowledge = tmp_path / "knowledge"
    slack.copy_snippets(knowledge, ("what-is-llm", "what-is-genai"))

    async def main():
        async with slack.fake_slack() as fake:
            api, hooks, session = fake.api, fake.hooks, fake.session
            env = slack.process_env(
                SLACK_BOT_TOKEN=slack.BOT_TOKEN,
                SLACK_SIGNING_SECRET=slack.SECRET,
                SLACK_API_BASE_URL=fake.api_base,
                EXPLAINBOT_DB=str(db),
            )
            first = slack.ServeProcess(env, knowledge, tmp_path / "first.log")
            kit = slack.Kit(first.events_url, api, hooks, session)
            try:
                await first.start(session)
                await kit.command("what is an llm")  # creates the database
                await hooks.wait(1)
                await slack.wait_until(lambda: db.exists() and _count(db, "questions") == 1)
                lock = sqlite3.connect(db, isolation_level=None)
                lock.execute("BEGIN IMMEDIATE")  # e.g. a backup or a long report
                for i in range(QUESTIONS):
                    await kit.command(f"what is an llm {i}")
                posts = await hooks.wait(1 + QUESTIONS)
                answers = [p for p in posts if p["name"] == "cmd"][1:]
                for post in answers[:VOTES]:  # every answer still offers its buttons
                    await slack.click_feedback(kit, _feedback(post)[0])
                async with asyncio.timeout(slack.WAIT):
                    while not (body := (await first.health(session))[1])["question_log"]["failing"]:
                        await asyncio.sleep(0.05)
                log = body["question_log"]  # /healthz says what waits, and that nothing dropped
                assert log["dropped"] == 0 and log["pending"] == QUESTIONS + VOTES
                assert "explainbot_question_log_write_errors_total" in await first.metrics(session)
                await slack.wait_until(lambda: _spooled(db) == QUESTIONS + VOTES)
                await first.stop(signal.SIGKILL)
                lock.execute("ROLLBACK")
                lock.close()
                assert _count(db, "questions") == 1  # nothing reached the database yet
                second = slack.ServeProcess(env, knowledge, tmp_path / "second.log")
                await second.start(session)
                await slack.wait_until(lambda: _count(db, "questions") == 1 + QUESTIONS)
                assert await second.stop() == 0
            finally:
                await first.stop(signal.SIGKILL)

    asyncio.run(main())
    assert _count(db, "questions") == 1 + QUESTIONS
    assert _count(db, "votes") == VOTES
    assert list(db.parent.glob("*.spool")) == []
