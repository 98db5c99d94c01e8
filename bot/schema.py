"""The question log's SQLite schema and its migrations.

``PRAGMA user_version`` holds how many migrations a database has had; a newer release appends
to :data:`MIGRATIONS` (never edits an old entry) and older databases are brought up to date on
open. Times are Unix seconds (UTC) so that windows like "within two minutes" are plain arithmetic.
"""

from __future__ import annotations

import sqlite3

from bot.errors import ExplainbotError

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
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(ExplainbotError):
    """The question database cannot be used (newer schema, not a database, ...)."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, *, where: str) -> None:
    """Bring the database up to :data:`SCHEMA_VERSION`; safe when two processes race.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each migration runs in its
    own ``BEGIN IMMEDIATE`` transaction, and the version is re-read under that lock.

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


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether a database has the tables this release reads."""
    return schema_version(conn) >= 1
