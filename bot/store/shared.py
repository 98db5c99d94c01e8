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

log = logging.getLogger("bot.store")
T = TypeVar("T")


class SharedState:
    """Thread-safe access to the shared tables of one database.

    Args:
        backend: a connection of its own (not the writer's).
        clock: wall clock (Unix seconds), so that every replica uses the same time base.
    """

    def __init__(self, backend: Backend, *, clock: Callable[[], float] = time.time) -> None:
        self._backend = backend
        self._clock = clock
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
        return self._call(lambda: self._backend.rate_hit(key, now=now, window=window, limit=limit))

    def claim(self, kind: str, key: str, *, ttl: float) -> bool:
        """True for the first claim of ``(kind, key)`` within ``ttl`` seconds by any replica.

        Raises:
            Exception: the database failed (the caller decides alone).
        """
        now = self._clock()
        return self._call(lambda: self._backend.claim(kind, key, now=now, ttl=ttl))

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
