"""The question log against real SQLite and real PostgreSQL (the ``database`` fixture)."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from bot.runtime.metrics import Metrics
from bot.store import QuestionRecord, QuestionStore, StoreError
from bot.store.records import normalize_question, scrub
from bot.store.sqlite import SCHEMA_VERSION

NOW = 1_700_000_000.0


def rec(text: str = "What is an LLM?", user: str = "U0123ABCD", **kw: object) -> QuestionRecord:
    fields: dict[str, object] = {
        "asked_at": NOW,
        "platform": "slack",
        "channel_kind": "thread",
        "question": text,
        "outcome": "answer",
        "snippet_id": "what-is-llm",
        "score": 91.234,
        "user_id": user,
    }
    fields.update(kw)
    return QuestionRecord(**fields)  # type: ignore[arg-type]


def store_errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "bot.store" and r.levelno >= logging.ERROR]


def count(database: Any, table: str = "questions") -> int:
    return int(database.rows(f"SELECT COUNT(*) FROM {table}")[0][0])


def test_records_a_question(database: Any) -> None:
    store = database.store()
    qid = store.record(rec("  Hey <@U0BOT123> what's   an LLM? "))
    assert store.flush()
    store.close()
    assert isinstance(qid, int) and qid > 0
    (row,) = database.rows(
        "SELECT id, asked_at, platform, channel_kind, question, outcome, snippet_id, score, "
        "user_hash FROM questions"
    )
    assert row[:8] == (
        qid, NOW, "slack", "thread", "hey what's an llm?", "answer", "what-is-llm", 91.23
    )  # fmt: skip
    assert isinstance(row[8], str) and len(row[8]) == 32 and "U0123ABCD" not in row[8]


def test_sqlite_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "explainbot.db"
    store = QuestionStore(path)
    store.record(rec())
    store.flush()
    for name in ("explainbot.db", "explainbot.db-wal", "explainbot.db.salt"):
        assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_votes_one_per_user_changeable_and_before_their_question(database: Any) -> None:
    store = database.store()
    store.vote(question_id=42, user_id="U1", helpful=True, at=1.0)  # question still elsewhere
    qid = store.record(rec())
    store.vote(question_id=qid, user_id="U1", helpful=True, at=1.0)
    store.vote(question_id=qid, user_id="U2", helpful=True, at=2.0)
    store.vote(question_id=qid, user_id="U1", helpful=False, at=3.0)  # U1 changes their mind
    store.close()
    assert database.rows(
        "SELECT question_id, helpful, voted_at FROM votes ORDER BY voted_at, question_id"
    ) == [(42, 1, 1.0), (qid, 1, 2.0), (qid, 0, 3.0)]


def test_salt_lives_beside_the_database_not_in_it(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    for _ in range(2):
        store = QuestionStore(path)
        store.record(rec(user="U1"))
        store.close()
    with sqlite3.connect(path) as conn:
        hashes = conn.execute("SELECT user_hash FROM questions").fetchall()
        assert conn.execute("SELECT * FROM meta").fetchall() == []
    assert len(hashes) == 2 and hashes[0] == hashes[1]
    salt = (tmp_path / "q.db.salt").read_text().strip()
    assert len(salt) == 32 and stat.S_IMODE((tmp_path / "q.db.salt").stat().st_mode) == 0o600


def test_an_older_database_salt_moves_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    from bot.store.sqlite import MIGRATIONS

    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:  # as the previous release left it
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('salt', 'abcdef0123456789abcdef0123456789')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = QuestionStore(path)
    store.record(rec(user="U1"))
    store.close()
    expected = QuestionStore(tmp_path / "x.db", salt="abcdef0123456789abcdef0123456789")
    expected.record(rec(user="U1"))
    expected.close()
    with sqlite3.connect(path) as a, sqlite3.connect(tmp_path / "x.db") as b:
        assert (
            a.execute("SELECT user_hash FROM questions").fetchall()
            == b.execute("SELECT user_hash FROM questions").fetchall()
        )
        assert a.execute("SELECT * FROM meta").fetchall() == []


def test_configured_salt_changes_the_hash(tmp_path: Path) -> None:
    for name, salt in (("a.db", "pepper-1"), ("b.db", "pepper-2")):
        s = QuestionStore(tmp_path / name, salt=salt)
        s.record(rec(user="U1"))
        s.close()
        assert not (tmp_path / f"{name}.salt").exists()
    with sqlite3.connect(tmp_path / "a.db") as a, sqlite3.connect(tmp_path / "b.db") as b:
        assert (
            a.execute("SELECT user_hash FROM questions").fetchall()
            != b.execute("SELECT user_hash FROM questions").fetchall()
        )


def test_a_shared_database_needs_a_configured_salt(tmp_path: Path, postgres_url: str) -> None:
    from bot.store import open_backend

    backend = open_backend(database_url=postgres_url, db_path=tmp_path / "spool")
    with pytest.raises(StoreError, match="EXPLAINBOT_USER_SALT"):
        QuestionStore(tmp_path / "spool", backend=backend)


def test_lone_surrogates_nul_and_controls_are_stored(database: Any) -> None:
    store = database.store()
    qid = store.record(rec("what is \ud83d a\x00b\x07c rag", user="U\udc00\x00"))
    store.close()
    assert store.status().rejected == 0
    assert database.rows("SELECT id, question FROM questions") == [
        (qid, "what is \ufffd a b c rag")
    ]


def test_secrets_and_contact_details_are_scrubbed(database: Any) -> None:
    store = database.store()
    store.record(
        rec(
            "my token xoxb-1234-5678-abcdefABCDEF and Bearer eyJhbGciOiJIUzI1NiJ9.abc.def "
            "mail jane.doe@example.com call +44 20 7946 0958, card 4111111111111111, "
            "discord MTA1NTQ0MTk0NTM1MDAwMDAwMA.GabcDE.abcdefghijklmnopqrstuvwxyz012345 "
            "is gpt-4 better than llama 3 in 2024?"
        )
    )
    store.close()
    ((text,),) = database.rows("SELECT question FROM questions")
    for secret in ("xoxb", "eyJ", "jane", "example.com", "7946", "4111", "MTA1"):
        assert secret not in text
    assert "[token]" in text and "[email]" in text and "[number]" in text
    assert text.endswith("is gpt-4 better than llama 3 in 2024?")  # ordinary numbers stay


def test_scrub_keeps_plain_questions() -> None:
    for plain in ("what is an llm", "gpt-3.5 vs gpt-4", "top-p 0.9 and temperature 0.7"):
        assert scrub(plain) == plain


def test_a_write_lock_held_past_the_timeout_loses_nothing(database: Any) -> None:
    """Today's fault: one long lock switched recording off and threw 200 of 200 records away."""
    metrics = Metrics.create()
    store = database.store(busy_timeout=0.2, max_backoff=0.2, metrics=metrics)
    store.record(rec("warm-up"))
    assert store.flush()
    lock = database.hold_write_lock()
    try:
        ids = [store.record(rec(f"question {i}")) for i in range(200)]
        votes = [store.vote(question_id=i, user_id="U1", helpful=True, at=NOW) for i in ids[:50]]
        assert all(ids) and all(votes)  # accepted: buttons are offered, votes taken
        assert not store.flush(timeout=1.0)  # the lock outlasts several tries
        status = store.status()
        assert status.failing and status.pending == 250 and status.dropped == 0
    finally:
        lock.release()
    started = time.monotonic()
    assert store.flush(timeout=10.0)
    recovery = time.monotonic() - started
    store.close()
    assert count(database) == 201 and count(database, "votes") == 50
    assert not store.status().failing
    assert recovery < 2.0  # the next try comes within the back-off cap
    assert metrics.question_log_write_errors._value.get() >= 2
    assert metrics.question_log_dropped._value.get() == 0


def test_a_full_queue_drops_and_counts(database: Any, caplog: pytest.LogCaptureFixture) -> None:
    metrics = Metrics.create()
    store = database.store(busy_timeout=0.1, max_backoff=0.1, max_pending=20, metrics=metrics)
    store.record(rec("warm-up"))
    assert store.flush()
    lock = database.hold_write_lock()
    try:
        ids = [store.record(rec(f"q{i}")) for i in range(30)]
        assert store.vote(question_id=1, user_id="U1", helpful=True, at=NOW) is False
        status = store.status()
    finally:
        lock.release()
    store.close()
    kept = [i for i in ids if i is not None]
    assert len(kept) == 20 and status.dropped == 11
    assert metrics.question_log_dropped._value.get() == 11
    assert count(database) == 21  # every accepted record, none of the dropped
    assert sum("dropping new ones" in r.getMessage() for r in store_errors(caplog)) == 1


def test_kept_records_survive_a_restart_through_the_spool(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data directory should be")
    path = blocker / "q.db"
    spool = tmp_path / "q"
    store = QuestionStore(path, spool=spool, salt="s", max_backoff=0.1)
    ids = [store.record(rec(f"q{i}")) for i in range(5)]
    assert not store.flush(timeout=0.5)
    store.close(timeout=0.3)
    (left,) = tmp_path.glob("q.*.spool")
    assert len(left.read_text().splitlines()) == 5
    blocker.unlink()
    QuestionStore(path, spool=spool, salt="s").close()
    with sqlite3.connect(path) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM questions")) == sorted(ids)
    assert list(tmp_path.glob("q*.spool")) == []


def test_a_live_process_spool_is_never_taken(tmp_path: Path) -> None:
    """Two bots sharing a data directory (Slack and Discord in Compose) keep separate spools."""
    from bot.store.records import QuestionRow
    from bot.store.spool import Spool

    path = tmp_path / "q.db"
    row = QuestionRow(
        id=7, asked_at=1.0, platform="slack", channel_kind="dm", question="q", outcome="answer",
        snippet_id=None, score=1.0, user_hash="h",
    )  # fmt: skip
    live = Spool(path)
    live.append([row])  # held by this (still running) writer: locked
    store = QuestionStore(path, salt="s")
    store.record(rec())
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM questions").fetchone() == (1,)
    assert live.path.exists()
    live.close()  # its process "dies" with rows left: the next start adopts them
    QuestionStore(path, salt="s").close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM questions WHERE id = 7").fetchone() == (1,)
    assert not live.path.exists()


def test_corrupt_file_is_left_alone_and_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "explainbot.db"
    garbage = b"this is not a database, just some text that was here before\n" * 100
    path.write_bytes(garbage)
    s = QuestionStore(path, max_backoff=0.05)
    for _ in range(5):
        assert s.record(rec()) is not None  # kept for when the file is fixed
    assert not s.flush(timeout=0.5)
    s.close(timeout=0.2)
    errors = [e for e in store_errors(caplog) if "cannot be written (" in e.getMessage()]
    assert len(errors) == 1 and str(path) in errors[0].getMessage()
    assert path.read_bytes() == garbage


def test_newer_schema_is_refused_not_touched(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    s = QuestionStore(path, max_backoff=0.05)
    s.record(rec())
    s.close(timeout=0.2)
    assert "newer than this release" in store_errors(caplog)[0].getMessage()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_migrates_a_version_1_database(tmp_path: Path) -> None:
    from bot.store.sqlite import MIGRATIONS

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO questions VALUES (7, 1.0, 'slack', 'dm', 'q', 'answer', 'x', 1, 'h')")
    conn.execute("INSERT INTO votes VALUES (7, 'h', 1, 2.0)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    s = QuestionStore(path)
    s.vote(question_id=99, user_id="U1", helpful=False, at=3.0)  # no question 99: kept anyway
    s.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT question_id FROM votes ORDER BY 1").fetchall() == [(7,), (99,)]
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_retention_is_enforced_by_the_writer(database: Any) -> None:
    day = 86_400.0
    store = database.store(retention_days=30, clock=lambda: NOW)
    old = store.record(rec("old", asked_at=NOW - 31 * day))
    new = store.record(rec("new", asked_at=NOW - 29 * day))
    store.vote(question_id=old, user_id="U1", helpful=True, at=NOW - 31 * day)
    store.close()
    again = database.store(retention_days=30, clock=lambda: NOW)
    again.record(rec("today"))
    assert again.flush()
    time.sleep(0.1)
    again.close()
    assert database.rows("SELECT id FROM questions ORDER BY asked_at")[0] == (new,)
    assert count(database) == 2 and count(database, "votes") == 0


def test_purge_by_user_and_by_age(database: Any) -> None:
    from bot.store.records import user_hash

    store = database.store(salt="pepper")
    store.record(rec("a", user="U1", asked_at=100.0))
    store.record(rec("b", user="U2", asked_at=100.0))
    qid = store.record(rec("c", user="U2", asked_at=300.0))
    store.vote(question_id=qid, user_id="U2", helpful=True, at=300.0)
    store.close()
    backend = database.backend()
    try:
        assert backend.purge(user_hash=user_hash(b"pepper", "U2")) == 2
        assert backend.purge(before=200.0) == 1
    finally:
        backend.close()
    assert count(database) == 0 and count(database, "votes") == 0


def test_shared_rate_limit_and_claims_agree_across_connections(database: Any) -> None:
    a, b = database.backend(), database.backend()
    try:
        hits = [x.rate_hit("u", now=10.0 + i, window=60, limit=3) for i, x in enumerate([a, b] * 3)]
        assert hits == [True, True, True, False, False, False]
        assert a.rate_hit("u", now=71.0, window=60, limit=3)  # the first hit left the window
        assert a.claim("event", "Ev1", now=1.0, ttl=100)
        assert not b.claim("event", "Ev1", now=2.0, ttl=100)
        assert b.claim("event", "Ev1", now=200.0, ttl=100)  # expired
    finally:
        a.close()
        b.close()


def test_close_writes_what_is_queued_then_refuses(database: Any) -> None:
    store = database.store()
    ids = [store.record(rec(f"question {i}")) for i in range(200)]
    store.close()
    assert count(database) == 200 and len(set(ids)) == 200
    assert store.record(rec()) is None


def test_normalize_question_drops_ids_and_keeps_text() -> None:
    assert normalize_question("<@U0BOT1> What IS   <#C123|general> RAG?") == "what is rag?"
    assert normalize_question("x" * 10_000) == "x" * 500


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files anyway")
def test_read_only_file_keeps_records(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    QuestionStore(path).close()
    path.chmod(0o444)
    try:
        s = QuestionStore(path, max_backoff=0.05, spool=None)
        assert s.record(rec()) is not None
        assert not s.flush(timeout=0.3)
        assert s.failing
        s.close(timeout=0.1)
    finally:
        path.chmod(0o644)


def test_shared_state_stores_no_user_id_and_sweeps_old_rows(database: Any) -> None:
    from bot.store import SharedState

    now = [1_000.0]
    shared = SharedState(database.backend(), salt="pepper", clock=lambda: now[0], sweep_every=3)
    try:
        assert shared.rate_hit("slack:U0123ABCD", window=60, limit=5)
        assert shared.claim("slack-event", "Ev1", ttl=7_200)
        ((key,),) = database.rows("SELECT key FROM rate_hits")
        assert "U0123ABCD" not in key and len(key) == 32
        now[0] += 2 * 86_400  # a third call sweeps: the old hit and the day-old claim go
        assert shared.rate_hit("slack:U0OTHER", window=60, limit=5)
        assert database.rows("SELECT COUNT(*) FROM rate_hits") == [(1,)]
        assert shared.claim("slack-event", "Ev2", ttl=7_200)
        assert not shared.claim("slack-event", "Ev2", ttl=7_200)
        assert shared.claim("slack-event", "Ev3", ttl=7_200)  # sixth call: sweep
        assert database.rows("SELECT key FROM claims ORDER BY key") == [("Ev2",), ("Ev3",)]
    finally:
        shared.close()


def test_shared_state_fails_fast_while_down_then_comes_back(tmp_path: Path) -> None:
    from bot.runtime.ratelimit import RateLimit, RateLimiter
    from bot.store import SharedState, SqliteBackend

    blocker = tmp_path / "data"
    blocker.write_text("a file where the database directory should be")
    shared = SharedState(SqliteBackend(blocker / "s.db"), salt="s", retry_after=0.05)
    limiter = RateLimiter(RateLimit(max_questions=2, per_seconds=60), shared=shared)
    try:
        assert [limiter.allow("u") for _ in range(3)] == [True, True, False]  # counted locally
        started = time.perf_counter()
        for _ in range(100):
            with pytest.raises(StoreError):
                shared.claim("event", "Ev1", ttl=60)
        assert time.perf_counter() - started < 0.5  # no network, no waiting
        blocker.unlink()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                first = shared.claim("event", "Ev1", ttl=60)
                break
            except StoreError:
                time.sleep(0.02)
        assert first and not shared.claim("event", "Ev1", ttl=60)
    finally:
        shared.close()


def test_postgresql_going_away_and_back_loses_nothing(
    tmp_path: Path, postgres_server: Any, postgres_url: str, tcp_outage: Any
) -> None:
    from bot.store.postgres import PostgresBackend

    outage = tcp_outage
    url = postgres_url.replace(f":{postgres_server.port}/", f":{outage.port}/")
    store = QuestionStore(
        tmp_path / "spool", backend=PostgresBackend(url, connect_timeout=1), salt="s",
        max_backoff=0.2,
    )  # fmt: skip
    try:
        store.record(rec("before"))
        assert store.flush()
        outage.down()  # the server restarts, or the network drops
        ids = [store.record(rec(f"during {i}")) for i in range(50)]
        for qid in ids[:10]:
            store.vote(question_id=qid, user_id="U1", helpful=True, at=NOW)
        assert all(ids) and not store.flush(timeout=1.0) and store.failing
        outage.up()
        started = time.monotonic()
        assert store.flush(timeout=10.0)
        recovery = time.monotonic() - started
    finally:
        store.close()
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM questions").fetchone() == (51,)
        assert conn.execute("SELECT COUNT(*) FROM votes").fetchone() == (10,)
    print(f"PostgreSQL back: everything written {recovery:.2f} s later")
    assert recovery < 2.0
