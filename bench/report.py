"""``explainbot report`` at 100,000 logged questions, on SQLite and on PostgreSQL.

    python bench/report.py [--rows 100000] [--postgres URL]

Fills each database with synthetic rows through the real backend (30 days, 5,000 users, 30
snippets; a third of the questions unanswered with ~32,000 distinct wordings, did-you-mean picks,
rephrasings and votes), then times, best of 3:

- ``GROUP BY``: the peer, the one SQL statement that counts unanswered wordings (a floor: the
  report cannot be faster than reading what it groups);
- ``build_report``: everything the report computes;
- ``explainbot report --json``: the installed command end to end, imports included.

Without ``--postgres`` a throwaway server is started from the installed binaries (as the tests
do) and deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.insights.report import build_report  # noqa: E402
from bot.store import open_backend  # noqa: E402
from bot.store.records import QuestionRow, VoteRow  # noqa: E402

NOW = time.time()
TOPICS = [f"topic{i}" for i in range(30)]
WORDS = [
    "lora",
    "rag",
    "agents",
    "tokens",
    "gpu",
    "quantization",
    "mcp",
    "kubernetes",
    "cnn",
    "rnn",
    "vae",
    "gan",
    "bert",
]


def rows(n: int, seed: int = 7) -> tuple[list[QuestionRow], list[VoteRow]]:
    rnd = random.Random(seed)
    questions: list[QuestionRow] = []
    votes: list[VoteRow] = []
    asked = 0  # questions proper; did-you-mean picks come on top
    i = 0
    while asked < n:
        i += 1
        user = f"{rnd.randrange(5_000):032x}"
        at = NOW - rnd.uniform(0, 30 * 86_400)
        kind = rnd.random()
        if kind < 0.62:
            outcome, snippet = "answer", rnd.choice(TOPICS)
            text = f"what is {snippet}"
        elif kind < 0.97:
            outcome, snippet = rnd.choice(("none", "suggest")), None
            a, b = rnd.choice(WORDS), rnd.choice(WORDS)
            lead = rnd.choice(("what is", "explain", "whats", "how does"))
            text = f"{lead} {a} {b} {rnd.randrange(800)}"
        else:
            outcome, snippet, text = "pick", rnd.choice(TOPICS), ""
        qid = i
        asked += outcome != "pick"
        questions.append(
            QuestionRow(
                id=qid, asked_at=at, platform=rnd.choice(("slack", "discord")),
                channel_kind="channel", question=text, outcome=outcome, snippet_id=snippet,
                score=50.0, user_hash=user,
            )
        )  # fmt: skip
        if outcome in ("none", "suggest") and rnd.random() < 0.5:  # then rephrased or picked
            follow = rnd.choice(("answer", "pick"))
            target = TOPICS[sum(map(ord, text)) % 30]  # stable across runs (hash() is not)
            asked += follow == "answer"
            questions.append(
                QuestionRow(
                    id=10 * n + qid, asked_at=at + rnd.uniform(5, 100), platform="slack",
                    channel_kind="channel", question=f"what is {target}",
                    outcome=follow, snippet_id=target,
                    score=60.0, user_hash=user,
                )
            )  # fmt: skip
        if outcome == "answer" and rnd.random() < 0.1:
            votes.append(
                VoteRow(
                    question_id=qid, user_hash=user, helpful=rnd.random() < 0.8, voted_at=at + 30
                )
            )
    return questions, votes


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(name: str, url: str | None, path: Path, n: int) -> None:
    backend = open_backend(database_url=url, db_path=path, timeout=600)
    questions, votes = rows(n)
    started = time.perf_counter()
    for i in range(0, len(questions), 5_000):
        backend.write(questions[i : i + 5_000], [])
    backend.write([], votes)
    filled = time.perf_counter() - started
    if url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")  # as autovacuum would soon after a bulk load
    group_by = best(
        lambda: backend.query(
            "SELECT question, COUNT(*) FROM questions WHERE asked_at >= ? AND asked_at <= ? "
            "AND outcome IN ('none', 'suggest') AND question <> '' GROUP BY question",
            (float("-inf"), NOW),
        )
    )
    report = build_report(backend, now=NOW)
    full = best(lambda: build_report(backend, now=NOW))
    backend.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXPLAINBOT_")}
    env |= {"EXPLAINBOT_DB": str(path)} | ({"EXPLAINBOT_DATABASE_URL": url} if url else {})
    command = [sys.executable, "-m", "adapters.cli.main", "report", "--json"]
    cli = best(lambda: subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True))
    print(
        f"{name:<10} {report.total:>7} questions (filled in {filled:.1f} s): "
        f"GROUP BY {group_by:.3f} s, "
        f"build_report {full:.3f} s ({full / group_by:.1f}x the GROUP BY), "
        f"explainbot report --json {cli:.2f} s; {len(report.unanswered)} groups shown, "
        f"{len(report.suggested)} suggestions"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", help="an empty PostgreSQL database URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite", None, Path(tmp) / "bench.db", args.rows)
        if args.postgres:
            measure("postgresql", args.postgres, Path(tmp) / "pg.db", args.rows)
            return
        from tests.conftest import PostgresServer, _bindir

        bindir = _bindir()
        if bindir is None:
            print("postgresql: skipped (no server binaries installed)")
            return
        server = PostgresServer(bindir)
        server.start()
        try:
            measure("postgresql", server.new_database(), Path(tmp) / "pg.db", args.rows)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
