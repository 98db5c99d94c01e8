"""The question log and the state replicas share: SQLite by default, PostgreSQL when
``EXPLAINBOT_DATABASE_URL`` is set."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bot.store.backend import Backend, StoreError
from bot.store.records import QuestionRecord, normalize_question, scrub, storable, user_hash
from bot.store.shared import SharedState
from bot.store.sqlite import SqliteBackend
from bot.store.writer import QuestionStore, StoreStatus

DB_ENV = "EXPLAINBOT_DB"
DATABASE_URL_ENV = "EXPLAINBOT_DATABASE_URL"
SALT_ENV = "EXPLAINBOT_USER_SALT"
LEGACY_SALT_ENV = "EXPLAINBOT_SALT"
RETENTION_ENV = "EXPLAINBOT_RETENTION_DAYS"

__all__ = [
    "DATABASE_URL_ENV",
    "DB_ENV",
    "LEGACY_SALT_ENV",
    "RETENTION_ENV",
    "SALT_ENV",
    "Backend",
    "QuestionRecord",
    "QuestionStore",
    "SharedState",
    "SqliteBackend",
    "StoreError",
    "StoreStatus",
    "default_db_path",
    "normalize_question",
    "open_backend",
    "scrub",
    "storable",
    "user_hash",
]


def default_db_path(environ: Mapping[str, str]) -> Path:
    """``$EXPLAINBOT_DB``, else ``$XDG_DATA_HOME/explainbot/explainbot.db`` (XDG default
    ``~/.local/share``)."""
    if environ.get(DB_ENV):
        return Path(environ[DB_ENV]).expanduser()
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "explainbot" / "explainbot.db"


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
                f"{DATABASE_URL_ENV}: expected postgresql://user:password@host:port/dbname"
            )
        from bot.store.postgres import PostgresBackend  # psycopg only when asked for

        return PostgresBackend(database_url, statement_timeout=timeout)
    return SqliteBackend(db_path, read_only=read_only, busy_timeout=timeout)
