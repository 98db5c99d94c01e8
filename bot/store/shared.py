"""State that replicas share through the database: rate-limit hits, handled events, and
"already told the admins" marks.

Each call is one short statement on a connection of its own (never the writer's), guarded by a
lock. When the database does not answer, the caller's local fallback decides (a replica then
counts on its own for a while) and the failure is logged once per streak. From the first
failure on, calls fail at once, without touching the network, while a background thread tries
to reconnect every ``retry_after`` seconds: answering waits on a broken database at most once
(one statement timeout, or libpq's 2 s connect timeout).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from bot.store.backend import Backend, StoreError
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
        retry_after: float = 5.0,
    ) -> None:
        self._backend = backend
        self._salt = salt.encode()
        self._clock = clock
        self._sweep_every = sweep_every
        self._calls = 0
        self._lock = threading.Lock()
        self._retry_after = retry_after
        self._down = threading.Event()  # set while the database is known unreachable
        self._closed = threading.Event()

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
        self._closed.set()
        with self._lock:
            self._backend.close()

    def _call(self, run: Callable[[], T]) -> T:
        if self._down.is_set():
            raise StoreError(f"{self._backend.where} is unavailable")  # fast: no network
        with self._lock:
            try:
                return run()
            except Exception as exc:
                self._backend.reset()
                self._went_down(exc)
                raise

    def _went_down(self, exc: Exception) -> None:
        if self._down.is_set():
            return
        self._down.set()
        log.error(
            "shared state in %s unavailable (%s: %s); deciding locally until it is back",
            self._backend.where,
            type(exc).__name__,
            str(exc)[:200],
        )
        threading.Thread(target=self._reconnect, name="explainbot-shared", daemon=True).start()

    def _reconnect(self) -> None:
        while not self._closed.wait(self._retry_after):
            with self._lock:
                try:
                    self._backend.schema_version()  # connects (and migrates) on the way
                except Exception:
                    self._backend.reset()
                    continue
            self._down.clear()
            log.info("shared state in %s is available again", self._backend.where)
            return
