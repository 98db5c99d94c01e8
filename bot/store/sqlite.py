"""The SQLite backend: the default, one file, WAL mode.

``PRAGMA user_version`` holds how many migrations a database has had; a newer release appends to
:data:`MIGRATIONS` (never edits an old entry). Files are created with mode 0600 (SQLite gives
its ``-wal`` and ``-shm`` files the database file's mode). The busy timeout is short on purpose:
the writer retries with back-off itself, and meanwhile keeps what it was given.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.store.backend import StoreError
from bot.store.records import QuestionRow, VoteRow

_VOTES = """CREATE TABLE votes (
    question_id INTEGER NOT NULL,
    user_hash TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    voted_at REAL NOT NULL,
    PRIMARY KEY (question_id, user_hash)
)"""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            asked_at REAL NOT NULL,
            platform TEXT NOT NULL,
            channel_kind TEXT NOT NULL,
            question TEXT NOT NULL,
            outcome TEXT NOT NULL,
            snippet_id TEXT,
            score REAL NOT NULL,
            user_hash TEXT NOT NULL
        )""",
        "CREATE INDEX questions_asked_at ON questions (asked_at)",
        "CREATE INDEX questions_user ON questions (user_hash, asked_at)",
        """CREATE TABLE votes (
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            user_hash TEXT NOT NULL,
            helpful INTEGER NOT NULL,
            voted_at REAL NOT NULL,
            PRIMARY KEY (question_id, user_hash)
        )""",
    ),
    (
        # Votes no longer need their question written first (it may be on another replica's
        # queue); purges delete votes explicitly.
        "ALTER TABLE votes RENAME TO votes_v1",
        _VOTES,
        "INSERT INTO votes SELECT question_id, user_hash, helpful, voted_at FROM votes_v1",
        "DROP TABLE votes_v1",
        "CREATE INDEX votes_voted_at ON votes (voted_at)",
        "CREATE INDEX questions_outcome ON questions (outcome, asked_at)",
        """CREATE TABLE claims (
            kind TEXT NOT NULL, key TEXT NOT NULL, claimed_at REAL NOT NULL,
            PRIMARY KEY (kind, key)
        )""",
        "CREATE TABLE rate_hits (key TEXT NOT NULL, at REAL NOT NULL)",
        "CREATE INDEX rate_hits_key ON rate_hits (key, at)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
CLAIM_SWEEP_AGE = 86_400.0  # longer than any claim's ttl (events: 2 h, admin notices: 10 min)


def create_private(path: Path) -> None:
    """Create ``path`` (and its directory) readable by its owner only, if it does not exist."""
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)  # no-op for an existing file
    os.close(fd)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, where: str) -> None:
    """Bring the database up to :data:`SCHEMA_VERSION`; safe when two processes race.

    ``conn`` must be in autocommit mode: each migration runs in its own ``BEGIN IMMEDIATE``
    transaction and the version is re-read under that lock.

    Raises:
        StoreError: the database was written by a newer release.
    """
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where}: schema version {version} is newer than this release understands "
            f"({SCHEMA_VERSION}); upgrade explainbot or point EXPLAINBOT_DB elsewhere"
        )
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(conn)
            if version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


class SqliteBackend:
    """A SQLite database file (see :class:`bot.store.backend.Backend`).

    Args:
        path: the file; it and its directory are created on first use (0600 / 0700).
        busy_timeout: seconds to wait for another writer's lock before failing.
        read_only: open an existing file for reading only (the report); never creates it.
    """

    poison: tuple[type[BaseException], ...] = (
        sqlite3.IntegrityError,
        sqlite3.DataError,
        sqlite3.InterfaceError,
        UnicodeError,
        ValueError,
    )

    def __init__(self, path: Path, *, busy_timeout: float = 1.0, read_only: bool = False) -> None:
        self.path = path
        self.where = str(path)
        self._busy_timeout = busy_timeout
        self._read_only = read_only
        self._conn: sqlite3.Connection | None = None

    def connection(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        if self._read_only:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            self._conn = conn
            return conn
        create_private(self.path)
        conn = sqlite3.connect(
            self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL: a committed write survives the process being killed; only a power
            # loss can lose the last transactions.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn, where=self.where)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    def write(self, questions: Sequence[QuestionRow], votes: Sequence[VoteRow]) -> None:
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "INSERT OR IGNORE INTO questions (id, asked_at, platform, channel_kind, "
                "question, outcome, snippet_id, score, user_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (q.id, q.asked_at, q.platform, q.channel_kind, q.question, q.outcome,
                     q.snippet_id, q.score, q.user_hash)
                    for q in questions
                ],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO votes (question_id, user_hash, helpful, voted_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (question_id, user_hash) DO UPDATE SET "
                "helpful = excluded.helpful, voted_at = excluded.voted_at "
                "WHERE excluded.voted_at >= votes.voted_at",
                [(v.question_id, v.user_hash, int(v.helpful), v.voted_at) for v in votes],
            )
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise

    def purge(self, *, before: float | None = None, user_hash: str | None = None) -> int:
        where, params = _purge_filter(before, user_hash)
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                f"DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE {where})",
                params,
            )
            if user_hash is not None:
                conn.execute("DELETE FROM votes WHERE user_hash = ?", (user_hash,))
            if before is not None:
                conn.execute("DELETE FROM votes WHERE voted_at < ?", (before,))
                conn.execute("DELETE FROM rate_hits WHERE at < ?", (before,))
            deleted = conn.execute(f"DELETE FROM questions WHERE {where}", params).rowcount
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        return int(deleted)

    def legacy_salt(self) -> str | None:
        conn = self.connection()
        row = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        return None if row is None else str(row[0])

    def forget_legacy_salt(self) -> None:
        self.connection().execute("DELETE FROM meta WHERE key = 'salt'")

    def rate_hit(
        self, key: str, *, now: float, window: float, limit: int, sweep: bool = False
    ) -> bool:
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            if sweep:
                conn.execute("DELETE FROM rate_hits WHERE at <= ?", (now - window,))
            else:
                conn.execute("DELETE FROM rate_hits WHERE key = ? AND at <= ?", (key, now - window))
            (count,) = conn.execute(
                "SELECT COUNT(*) FROM rate_hits WHERE key = ?", (key,)
            ).fetchone()
            allowed = int(count) < limit
            if allowed:
                conn.execute("INSERT INTO rate_hits (key, at) VALUES (?, ?)", (key, now))
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        return allowed

    def claim(self, kind: str, key: str, *, now: float, ttl: float, sweep: bool = False) -> bool:
        if sweep:
            self.connection().execute(
                "DELETE FROM claims WHERE claimed_at < ?", (now - CLAIM_SWEEP_AGE,)
            )
        cur = self.connection().execute(
            "INSERT INTO claims (kind, key, claimed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, key) DO UPDATE SET claimed_at = excluded.claimed_at "
            "WHERE claims.claimed_at <= ?",
            (kind, key, now, now - ttl),
        )
        return cur.rowcount == 1

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.connection().execute(sql, tuple(params)).fetchall()]

    def schema_version(self) -> int:
        return schema_version(self.connection())

    def reset(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):  # broken: nothing left to save
                self._conn.close()
            self._conn = None

    def close(self) -> None:
        self.reset()


def _purge_filter(before: float | None, user_hash: str | None) -> tuple[str, tuple[Any, ...]]:
    clauses: list[str] = []
    params: list[object] = []
    if before is not None:
        clauses.append("asked_at < ?")
        params.append(before)
    if user_hash is not None:
        clauses.append("user_hash = ?")
        params.append(user_hash)
    if not clauses:
        raise ValueError("purge needs an age or a user")
    return " AND ".join(clauses), tuple(params)
