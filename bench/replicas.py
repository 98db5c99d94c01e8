"""Two ``explainbot serve slack`` replicas behind one Slack app: do they behave as one?

    python bench/replicas.py                      # this checkout, both on one PostgreSQL
    python bench/replicas.py --code ../old        # an older checkout, each replica with its
                                                  # own SQLite file (what it supported)

Against the loopback mock Slack of the tests, with ``EXPLAINBOT_RATE_LIMIT=3/60s``, it counts:
answers a user got from 4 questions spread over both replicas (one limit: 3); votes recorded
when each click lands on the replica that did not answer; answers to a Slack retry, delivered to
replica B, of an event replica A answered (want 0) and of an event whose first delivery was lost
(want 1); admin posts for one broken knowledge save (want 1).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from tests.adapters.slack import conftest as slack  # noqa: E402

ADMIN = "C0ADMIN01"


def _mention(event_id: str, ts: str, user: str) -> dict[str, object]:
    body = slack.payload("app_mention")
    body["event_id"] = event_id
    body["event"].update(ts=ts, event_ts=ts, user=user)
    return body


def _buttons(post: dict[str, object]) -> list[dict[str, str]]:
    blocks = [b for b in post["blocks"] if b.get("block_id") == "feedback"]  # type: ignore[union-attr]
    return blocks[0]["elements"] if blocks else []  # type: ignore[no-any-return]


async def run(code: Path, tmp: Path, url: str | None) -> None:
    knowledge = tmp / "knowledge"
    slack.copy_snippets(knowledge, ("what-is-llm", "what-is-genai"))
    async with slack.fake_slack() as fake:
        api, hooks, session = fake.api, fake.hooks, fake.session
        replicas = []
        for name in ("a", "b"):
            env = slack.process_env(
                SLACK_BOT_TOKEN=slack.BOT_TOKEN, SLACK_SIGNING_SECRET=slack.SECRET,
                SLACK_API_BASE_URL=fake.api_base, EXPLAINBOT_RATE_LIMIT="3/60s",
                EXPLAINBOT_ADMIN_CHANNEL=ADMIN, EXPLAINBOT_DB=str(tmp / name / "explainbot.db"),
                PYTHONPATH=str(code),
            )  # fmt: skip
            if url:
                env |= {"EXPLAINBOT_DATABASE_URL": url, "EXPLAINBOT_USER_SALT": "bench-salt"}
            proc = slack.ServeProcess(env, knowledge, tmp / f"{name}.log")
            proc.cwd = code
            replicas.append(proc)
        a, b = replicas
        kits = [slack.Kit(r.events_url, api, hooks, session) for r in replicas]
        try:
            await asyncio.gather(a.start(session), b.start(session))
            for i in range(4):
                await kits[i % 2].command(f"what is an llm {i}", user_id="U0LIMITED")
            posts = await hooks.wait(4)
            answered = sum("faster than I can answer" not in p.get("text", "") for p in posts)
            await kits[0].command("what is an llm", user_id="U0VOTER1")
            await kits[1].command("what is generative ai", user_id="U0VOTER2")
            on_a, on_b = (await hooks.wait(6))[4:6]
            await slack.click_feedback(kits[1], _buttons(on_a)[0], user="U0VOTER1")
            await slack.click_feedback(kits[0], _buttons(on_b)[0], user="U0VOTER2")
            first = _mention("Ev0BENCH1", "1715000100.000001", "U0EVENTS1")
            await kits[0].event(first)
            await api.wait("chat.postMessage")
            retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
            await kits[1].event(json.loads(json.dumps(first)), headers=retry)
            await kits[1].event(
                _mention("Ev0BENCH2", "1715000200.000002", "U0EVENTS2"), headers=retry
            )
            await asyncio.sleep(1.0)
            threads = [c.params["thread_ts"] for c in api.called("chat.postMessage")]
            (knowledge / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
            await asyncio.sleep(4.0)  # both watchers refuse it and may post
            admin = [c for c in api.called("chat.postMessage") if c.params["channel"] == ADMIN]
            await asyncio.gather(a.stop(), b.stop())
        finally:
            await asyncio.gather(a.stop(), b.stop())
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            votes = conn.execute("SELECT COUNT(*) FROM votes").fetchone()[0]  # type: ignore[index]
    else:
        votes = 0
        for name in ("a", "b"):
            with sqlite3.connect(tmp / name / "explainbot.db") as conn:
                votes += conn.execute("SELECT COUNT(*) FROM votes").fetchone()[0]
    print(
        f"{'PostgreSQL' if url else 'SQLite per replica'} ({code}): "
        f"rate limit 3: {answered} of 4 answered; votes recorded: {votes} of 2; "
        f"retry of a handled event answered again: {threads.count('1715000100.000001') - 1}; "
        f"retry of a lost event answered: {threads.count('1715000200.000002')}; "
        f"admin posts for one broken save: {len(admin)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to run")
    args = parser.parse_args()
    code = args.code.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        if code != ROOT:
            asyncio.run(run(code, Path(tmp), None))
            return
        from tests.conftest import PostgresServer, _bindir

        bindir = _bindir()
        assert bindir is not None, "PostgreSQL server binaries are not installed"
        server = PostgresServer(bindir)
        server.start()
        try:
            asyncio.run(run(code, Path(tmp), server.new_database()))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
