from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.schema import SCHEMA_VERSION
from bot.store import QuestionRecord, QuestionStore, default_db_path, normalize_question


def rec(text: str = "What is an LLM?", user: str = "U0123ABCD", **kw: object) -> QuestionRecord:
    fields: dict[str, object] = {
        "asked_at": 1_700_000_000.0,
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


@pytest.fixture
def store(tmp_path: Path) -> Iterator[QuestionStore]:
    s = QuestionStore(tmp_path / "data" / "sub" / "explainbot.db")
    yield s
    s.close()


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def store_errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "bot.store" and r.levelno >= logging.ERROR]


def test_records_a_question_created_on_first_use(store: QuestionStore) -> None:
    assert not store.path.exists()
    qid = store.record(rec("  Hey <@U0BOT123> what's   an LLM? "))
    store.flush()
    assert isinstance(qid, int) and qid > 0
    got = rows(store.path, "SELECT * FROM questions")
    assert len(got) == 1
    (row,) = got
    assert row[0] == qid
    assert row[1:8] == (
        1_700_000_000.0,
        "slack",
        "thread",
        "hey what's an llm?",
        "answer",
        "what-is-llm",
        91.23,
    )
    user_hash = row[8]
    assert isinstance(user_hash, str) and len(user_hash) == 32
    assert "U0123ABCD" not in user_hash
    assert rows(store.path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_votes_one_per_user_per_question_and_changeable(store: QuestionStore) -> None:
    qid = store.record(rec())
    assert qid is not None
    store.vote(question_id=qid, user_id="U1", helpful=True, at=1.0)
    store.vote(question_id=qid, user_id="U2", helpful=True, at=2.0)
    store.vote(question_id=qid, user_id="U1", helpful=False, at=3.0)  # U1 changes their mind
    store.vote(question_id=qid + 1, user_id="U1", helpful=False, at=4.0)  # no such question
    store.flush()
    votes = rows(store.path, "SELECT question_id, helpful, voted_at FROM votes ORDER BY voted_at")
    assert votes == [(qid, 1, 2.0), (qid, 0, 3.0)]


def test_salt_is_generated_once_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    first = QuestionStore(path)
    first.record(rec(user="U1"))
    first.close()
    second = QuestionStore(path)
    second.record(rec(user="U1"))
    second.close()
    hashes = rows(path, "SELECT user_hash FROM questions")
    assert len(hashes) == 2 and hashes[0] == hashes[1]
    (salt,) = rows(path, "SELECT value FROM meta WHERE key = 'salt'")
    assert len(str(salt[0])) == 32


def test_configured_salt_changes_the_hash(tmp_path: Path) -> None:
    a = QuestionStore(tmp_path / "a.db", salt="pepper-1")
    b = QuestionStore(tmp_path / "b.db", salt="pepper-2")
    for s in (a, b):
        s.record(rec(user="U1"))
        s.close()
    assert rows(tmp_path / "a.db", "SELECT user_hash FROM questions") != rows(
        tmp_path / "b.db", "SELECT user_hash FROM questions"
    )
    assert rows(tmp_path / "a.db", "SELECT * FROM meta") == []


def test_empty_user_id_is_stored_as_empty_hash(store: QuestionStore) -> None:
    store.record(rec(user=""))
    store.flush()
    assert rows(store.path, "SELECT user_hash FROM questions") == [("",)]


def test_close_writes_what_is_queued_then_refuses(store: QuestionStore) -> None:
    ids = [store.record(rec(f"question {i}")) for i in range(200)]
    store.close()
    assert rows(store.path, "SELECT COUNT(*) FROM questions") == [(200,)]
    assert len(set(ids)) == 200
    assert store.record(rec()) is None


def test_corrupt_file_never_raises_and_logs_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "explainbot.db"
    garbage = b"this is not a database, just some text that was here before\n" * 100
    path.write_bytes(garbage)
    s = QuestionStore(path)
    s.record(rec())
    s.flush()
    for _ in range(5):  # the database is known broken: nothing queued, no new log line
        assert s.record(rec()) is None
        s.vote(question_id=1, user_id="U1", helpful=True, at=1.0)
    s.flush()
    s.close()
    errors = store_errors(caplog)
    assert len(errors) == 1
    assert str(path) in errors[0].getMessage()
    assert path.read_bytes() == garbage  # left as it was, for the admin to look at


def test_directory_that_cannot_be_created(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data directory should be")
    s = QuestionStore(blocker / "explainbot.db")
    s.record(rec())
    s.flush()
    assert s.failing
    assert s.record(rec()) is None
    s.close()
    assert len(store_errors(caplog)) == 1


def test_newer_schema_is_refused_not_touched(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    s = QuestionStore(path)
    s.record(rec())
    s.close()
    (error,) = store_errors(caplog)
    assert "newer than this release" in error.getMessage()
    assert rows(path, "SELECT name FROM sqlite_master") == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files anyway")
def test_read_only_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "ro.db"
    QuestionStore(path).close()
    first = QuestionStore(path)
    first.record(rec())
    first.close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        s = QuestionStore(path)
        s.record(rec())
        s.flush()
        s.record(rec())
        s.close()
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)
    assert len(store_errors(caplog)) == 1


def test_read_only_database_connection(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Writes refused by SQLite itself (as on a read-only file) are dropped and logged once."""
    path = tmp_path / "explainbot.db"
    setup = QuestionStore(path)
    setup.record(rec())
    setup.close()
    s = QuestionStore(path)
    s.record(rec())
    s.flush()
    # The store's own connection, switched to query-only: every write now fails inside SQLite.
    conn = s._conn
    assert conn is not None
    conn.execute("PRAGMA query_only = ON")
    assert s.record(rec("refused")) is not None
    s.flush()
    assert s.failing
    assert s.record(rec("refused too")) is None
    s.close()
    assert rows(path, "SELECT COUNT(*) FROM questions") == [(2,)]
    (error,) = store_errors(caplog)
    assert "readonly" in error.getMessage() or "read-only" in error.getMessage()


def test_recovers_after_the_retry_delay(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.store")
    now = [0.0]
    blocker = tmp_path / "data"
    blocker.write_text("in the way")
    s = QuestionStore(blocker / "q.db", retry_after=30.0, clock=lambda: now[0])
    s.record(rec())
    s.flush()
    assert s.failing
    now[0] = 10.0
    assert s.record(rec()) is None  # still resting
    blocker.unlink()
    now[0] = 31.0
    qid = s.record(rec())
    s.flush()
    assert qid is not None and not s.failing
    s.close()
    assert rows(blocker / "q.db", "SELECT id FROM questions") == [(qid,)]
    messages = [r.getMessage() for r in caplog.records if r.name == "bot.store"]
    assert len(messages) == 2 and "written again" in messages[1]


def test_migrates_an_empty_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    s = QuestionStore(path)
    s.record(rec())
    s.close()
    assert rows(path, "SELECT COUNT(*) FROM questions") == [(1,)]


def test_default_path() -> None:
    assert default_db_path({"EXPLAINBOT_DB": "/data/x.db"}) == Path("/data/x.db")
    assert default_db_path({"XDG_DATA_HOME": "/xdg"}) == Path("/xdg/explainbot/explainbot.db")
    home = default_db_path({})
    assert home.parts[-4:] == (".local", "share", "explainbot", "explainbot.db")


def test_normalize_question_drops_ids_and_keeps_text() -> None:
    assert normalize_question("<@U0BOT1> What IS   <#C123|general> RAG?") == "what is general rag?"
    assert normalize_question("x" * 10_000) == "x" * 500
