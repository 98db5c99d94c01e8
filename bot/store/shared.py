"""State that replicas share through the database: rate-limit hits, handled events, and
"already told the admins" marks.

Each call is one short statement on a connection of its own (never the writer's), guarded by a
lock. When the database does not answer, the caller's local fallback decides (a replica then
counts on its own for a while) and the failure is logged once per streak: answering never waits
on a broken database.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from bot.store.backend import Backend
from bot.store.records import user_hash

log = logging.getLogger("bot.store")
T = TypeVar("T")


class SharedState:
    """Thread-safe access to the shared tables of one database.

    Args:
        backend: a connection of its own (not the writer's).
        salt: rate-limit keys (which name users) are stored as salted hashes, like the log's.
        clock: wall clock (Unix seconds), so that every replica uses the same time base.
        sweep_every: every this many calls, rows no longer needed (hits older than the window,
            claims older than a day) are deleted too.
    """

    def __init__(
        self,
        backend: Backend,
        *,
        salt: str,
        clock: Callable[[], float] = time.time,
        sweep_every: int = 500,
    ) -> None:
        self._backend = backend
        self._salt = salt.encode()
        self._clock = clock
        self._sweep_every = sweep_every
        self._calls = 0
        self._lock = threading.Lock()
        self._failing = False

    @property
    def where(self) -> str:
        return self._backend.where

    def rate_hit(self, key: str, *, window: float, limit: int) -> bool:
        """Count a hit for ``key``; False when ``limit`` hits are already in the window.

        Raises:
            Exception: the database failed (the caller falls back to counting locally).
        """
        now = self._clock()
        hashed = user_hash(self._salt, key)
        return self._call(
            lambda: self._backend.rate_hit(
                hashed, now=now, window=window, limit=limit, sweep=self._sweep_due()
            )
        )

    def claim(self, kind: str, key: str, *, ttl: float) -> bool:
        """True for the first claim of ``(kind, key)`` within ``ttl`` seconds by any replica.

        Raises:
            Exception: the database failed (the caller decides alone).
        """
        now = self._clock()
        return self._call(
            lambda: self._backend.claim(kind, key, now=now, ttl=ttl, sweep=self._sweep_due())
        )

    def _sweep_due(self) -> bool:
        self._calls += 1
        return self._calls % self._sweep_every == 0

    def close(self) -> None:
        with self._lock:
            self._backend.close()

    def _call(self, run: Callable[[], T]) -> T:
        with self._lock:
            try:
                result = run()
            except Exception as exc:
                self._backend.reset()
                if not self._failing:
                    self._failing = True
                    log.error(
                        "shared state in %s unavailable (%s: %s); deciding locally meanwhile",
                        self._backend.where,
                        type(exc).__name__,
                        str(exc)[:200],
                    )
                raise
            if self._failing:
                self._failing = False
                log.info("shared state in %s is available again", self._backend.where)
            return result
