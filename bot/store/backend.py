"""What a storage backend offers; SQLite (:mod:`bot.store.sqlite`) and PostgreSQL
(:mod:`bot.store.postgres`) implement it with the same behaviour.

A backend is one connection used by one thread at a time; it is opened lazily, migrated on
open, and reopened after :meth:`Backend.reset`. Shared state (rate limits, handled events,
"already told the admins") lives in the same database so that replicas agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from bot.errors import ExplainbotError
from bot.store.records import QuestionRow, VoteRow


class StoreError(ExplainbotError):
    """The question database cannot be used (newer schema, not a database, bad URL, ...)."""


class Backend(Protocol):
    """One connection to the question database."""

    where: str  # for messages: a path, or a URL without its password
    poison: tuple[type[BaseException], ...]  # errors caused by one row, not by the database

    def write(self, questions: Sequence[QuestionRow], votes: Sequence[VoteRow]) -> None:
        """Write in one transaction; re-writing the same rows changes nothing."""

    def purge(self, *, before: float | None = None, user_hash: str | None = None) -> int:
        """Delete questions (and their votes) asked before ``before`` and/or by a user."""

    def legacy_salt(self) -> str | None:
        """A salt an older release kept in the database; removed from it once read."""

    def rate_hit(
        self, key: str, *, now: float, window: float, limit: int, sweep: bool = False
    ) -> bool:
        """Count one hit for ``key``; False (not counted) when ``limit`` hits are in the window.
        ``sweep``: also delete every key's hits older than the window."""

    def claim(self, kind: str, key: str, *, now: float, ttl: float, sweep: bool = False) -> bool:
        """True for the first claim of (kind, key) within ``ttl`` seconds, across processes.
        ``sweep``: also delete claims older than a day (longer than any ttl used)."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query written with ``?`` placeholders."""

    def schema_version(self) -> int: ...

    def reset(self) -> None:
        """Drop the connection (after an error); the next call reconnects."""

    def close(self) -> None: ...
