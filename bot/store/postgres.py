"""The PostgreSQL backend (psycopg 3): one database shared by every replica.

Migrations are numbered like SQLite's and recorded in ``explainbot_schema``; each runs in one
transaction under an advisory lock, so replicas starting together migrate once. Statements have a
short timeout: a slow database must not hold up answering (callers fall back or retry).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any

import psycopg

from bot.store.backend import StoreError
from bot.store.records import QuestionRow, VoteRow

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE questions (
            id BIGINT PRIMARY KEY,
            asked_at DOUBLE PRECISION NOT NULL,
            platform TEXT NOT NULL,
            channel_kind TEXT NOT NULL,
            question TEXT NOT NULL,
            outcome TEXT NOT NULL,
            snippet_id TEXT,
            score DOUBLE PRECISION NOT NULL,
            user_hash TEXT NOT NULL
        )""",
        "CREATE INDEX questions_asked_at ON questions (asked_at)",
        "CREATE INDEX questions_user ON questions (user_hash, asked_at)",
        "CREATE INDEX questions_outcome ON questions (outcome, asked_at)",
        """CREATE TABLE votes (
            question_id BIGINT NOT NULL,
            user_hash TEXT NOT NULL,
            helpful INTEGER NOT NULL,
            voted_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (question_id, user_hash)
        )""",
        "CREATE INDEX votes_voted_at ON votes (voted_at)",
        """CREATE TABLE claims (
            kind TEXT NOT NULL, key TEXT NOT NULL, claimed_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (kind, key)
        )""",
        "CREATE TABLE rate_hits (key TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX rate_hits_key ON rate_hits (key, at)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
CLAIM_SWEEP_AGE = 86_400.0  # longer than any claim's ttl (events: 2 h, admin notices: 10 min)
_MIGRATION_LOCK = 0x6578706C  # any constant shared by every replica ("expl")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@|(password=)[^&\s]*", re.I)


def safe_url(url: str) -> str:
    """The URL with its password masked, fit for logs and messages."""
    return _PASSWORD.sub(lambda m: f"{m.group(1)}***@" if m.group(1) else f"{m.group(2)}***", url)


class PostgresBackend:
    """A PostgreSQL database (see :class:`bot.store.backend.Backend`).

    Args:
        url: ``postgresql://user:password@host:port/dbname`` (libpq URL or key=value string).
        statement_timeout: seconds before a statement is cancelled.
        connect_timeout: seconds to wait for a connection.
    """

    poison: tuple[type[BaseException], ...] = (
        psycopg.DataError,
        psycopg.IntegrityError,
        UnicodeError,
        ValueError,
    )

    def __init__(
        self, url: str, *, statement_timeout: float = 5.0, connect_timeout: float = 3.0
    ) -> None:
        self.url = url
        self.where = safe_url(url)
        self._statement_ms = max(1, int(statement_timeout * 1000))
        self._connect_timeout = max(1, round(connect_timeout))
        self._conn: psycopg.Connection[Any] | None = None

    def connection(self) -> psycopg.Connection[Any]:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        try:
            conn = psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=self._connect_timeout,
                options=f"-c statement_timeout={self._statement_ms}",
                application_name="explainbot",
            )
        except psycopg.ProgrammingError as exc:  # a malformed URL: no retry will help
            raise StoreError(f"EXPLAINBOT_DATABASE_URL: {safe_url(str(exc))}") from None
        try:
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    def _migrate(self, conn: psycopg.Connection[Any]) -> None:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS explainbot_schema (version INTEGER NOT NULL)")
            row = conn.execute("SELECT max(version) FROM explainbot_schema").fetchone()
            version = int(row[0]) if row and row[0] is not None else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.where}: schema version {version} is newer than this release "
                    f"understands ({SCHEMA_VERSION}); upgrade explainbot"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    conn.execute(statement)
                conn.execute("INSERT INTO explainbot_schema (version) VALUES (%s)", (number + 1,))

    def write(self, questions: Sequence[QuestionRow], votes: Sequence[VoteRow]) -> None:
        conn = self.connection()
        with conn.transaction(), conn.cursor() as cur:
            if questions:
                cur.executemany(
                    "INSERT INTO questions (id, asked_at, platform, channel_kind, question, "
                    "outcome, snippet_id, score, user_hash) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                    [
                        (q.id, q.asked_at, q.platform, q.channel_kind, q.question, q.outcome,
                         q.snippet_id, q.score, q.user_hash)
                        for q in questions
                    ],
                )  # fmt: skip
            if votes:
                cur.executemany(
                    "INSERT INTO votes AS v (question_id, user_hash, helpful, voted_at) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (question_id, user_hash) DO UPDATE SET "
                    "helpful = excluded.helpful, voted_at = excluded.voted_at "
                    "WHERE excluded.voted_at >= v.voted_at",
                    [(v.question_id, v.user_hash, int(v.helpful), v.voted_at) for v in votes],
                )

    def purge(self, *, before: float | None = None, user_hash: str | None = None) -> int:
        clauses: list[str] = []
        params: list[object] = []
        if before is not None:
            clauses.append("asked_at < %s")
            params.append(before)
        if user_hash is not None:
            clauses.append("user_hash = %s")
            params.append(user_hash)
        if not clauses:
            raise ValueError("purge needs an age or a user")
        where = " AND ".join(clauses)
        conn = self.connection()
        with conn.transaction():
            conn.execute(
                f"DELETE FROM votes WHERE question_id IN (SELECT id FROM questions WHERE {where})",
                params,
            )
            if user_hash is not None:
                conn.execute("DELETE FROM votes WHERE user_hash = %s", (user_hash,))
            if before is not None:
                conn.execute("DELETE FROM votes WHERE voted_at < %s", (before,))
                conn.execute("DELETE FROM rate_hits WHERE at < %s", (before,))
            cur = conn.execute(f"DELETE FROM questions WHERE {where}", params)
            return int(cur.rowcount)

    def legacy_salt(self) -> str | None:
        return None  # PostgreSQL databases never held one

    def rate_hit(
        self, key: str, *, now: float, window: float, limit: int, sweep: bool = False
    ) -> bool:
        conn = self.connection()
        with conn.transaction():
            # Serialises the count-then-insert of one key across replicas.
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))
            if sweep:
                conn.execute("DELETE FROM rate_hits WHERE at <= %s", (now - window,))
            else:
                conn.execute(
                    "DELETE FROM rate_hits WHERE key = %s AND at <= %s", (key, now - window)
                )
            row = conn.execute("SELECT count(*) FROM rate_hits WHERE key = %s", (key,)).fetchone()
            allowed = row is not None and int(row[0]) < limit
            if allowed:
                conn.execute("INSERT INTO rate_hits (key, at) VALUES (%s, %s)", (key, now))
        return allowed

    def claim(self, kind: str, key: str, *, now: float, ttl: float, sweep: bool = False) -> bool:
        if sweep:
            self.connection().execute(
                "DELETE FROM claims WHERE claimed_at < %s", (now - CLAIM_SWEEP_AGE,)
            )
        cur = self.connection().execute(
            "INSERT INTO claims AS c (kind, key, claimed_at) VALUES (%s, %s, %s) "
            "ON CONFLICT (kind, key) DO UPDATE SET claimed_at = excluded.claimed_at "
            "WHERE c.claimed_at <= %s",
            (kind, key, now, now - ttl),
        )
        return cur.rowcount == 1

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.connection().execute(sql.replace("?", "%s"), tuple(params))
        return [tuple(r) for r in cur.fetchall()]

    def schema_version(self) -> int:
        row = self.connection().execute("SELECT max(version) FROM explainbot_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def reset(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
            self._conn = None

    def close(self) -> None:
        self.reset()
