"""Recognise Slack's redeliveries of an event so that each is answered once."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class SeenEvents:
    """A bounded, time-limited memory of handled event ids.

    Slack retries an event for up to about an hour when it thinks delivery failed; an entry
    lives ``ttl`` seconds (default two hours) and the oldest entries go first once ``size``
    ids are held, so memory stays bounded however busy the workspace.
    """

    def __init__(
        self,
        *,
        size: int = 10_000,
        ttl: float = 7200.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._size = size
        self._ttl = ttl
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def first_time(self, event_id: str) -> bool:
        """Record ``event_id``; True the first time it is seen within the TTL."""
        now = self._clock()
        while self._seen and next(iter(self._seen.values())) <= now - self._ttl:
            self._seen.popitem(last=False)
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True
