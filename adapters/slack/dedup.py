"""Recognise Slack's redeliveries of an event so that each is answered once."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from bot.store.shared import SharedState


class SeenEvents:
    """A bounded, time-limited memory of handled event ids.

    Slack retries an event for up to about an hour when it thinks delivery failed; an entry
    lives ``ttl`` seconds (default two hours) and the oldest entries go first once ``size``
    ids are held, so memory stays bounded however busy the workspace.

    Args:
        shared: remember event ids in this shared database, so that a retry routed to another
            replica is recognised too; the local memory decides while it fails.
    """

    def __init__(
        self,
        *,
        size: int = 10_000,
        ttl: float = 7200.0,
        clock: Callable[[], float] = time.monotonic,
        shared: SharedState | None = None,
    ) -> None:
        self._size = size
        self._ttl = ttl
        self._clock = clock
        self._shared = shared
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def first_time(self, event_id: str) -> bool:
        """Record ``event_id``; True the first time it is seen within the TTL."""
        local = self._first_time_here(event_id)
        if self._shared is not None:
            try:
                return self._shared.claim("slack-event", event_id, ttl=self._ttl)
            except Exception:  # logged by SharedState
                pass
        return local

    def _first_time_here(self, event_id: str) -> bool:
        now = self._clock()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) <= now - self._ttl:
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)
            return True
