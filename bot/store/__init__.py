"""The question log and the state replicas share: SQLite by default, PostgreSQL when
``EXPLAINBOT_DATABASE_URL`` is set."""

from __future__ import annotations

from pathlib import Path

from bot.settings import DATABASE_URL
from bot.store.backend import Backend, StoreError
from bot.store.records import QuestionRecord, normalize_question, scrub, storable, user_hash
from bot.store.shared import SharedState
from bot.store.sqlite import SqliteBackend
from bot.store.writer import QuestionStore, StoreStatus

__all__ = [
    "Backend",
    "QuestionRecord",
    "QuestionStore",
    "SharedState",
    "SqliteBackend",
    "StoreError",
    "StoreStatus",
    "normalize_question",
    "open_backend",
    "scrub",
    "storable",
    "user_hash",
]


def open_backend(
    *, database_url: str | None, db_path: Path, read_only: bool = False, timeout: float = 5.0
) -> Backend:
    """A PostgreSQL backend for ``database_url``, else the SQLite file at ``db_path``.

    Raises:
        StoreError: the URL is not a PostgreSQL URL.
    """
    if database_url:
        if not database_url.startswith(("postgresql://", "postgres://")):
            raise StoreError(
                f"{DATABASE_URL}: expected postgresql://user:password@host:port/dbname"
            )
        from bot.store.postgres import PostgresBackend  # psycopg only when asked for

        return PostgresBackend(database_url, statement_timeout=timeout)
    return SqliteBackend(db_path, read_only=read_only, busy_timeout=timeout)
