"""Per-user rate limit: a sliding window of recent question times per user.

``EXPLAINBOT_RATE_LIMIT`` accepts ``N`` (N questions a minute), ``N/SECONDSs``, ``N/MINUTESm``
or ``N/HOURSh`` (e.g. ``10/60s``, ``30/5m``); ``0`` turns the limit off. Default ``10/60s``.

With a shared database (PostgreSQL) the hits are counted there, so N replicas enforce one limit;
if the database does not answer, each replica counts on its own until it does.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.errors import ConfigError
from bot.settings import RATE_LIMIT

if TYPE_CHECKING:  # the database only when replicas share one
    from bot.store.shared import SharedState

_SPEC = re.compile(r"^\s*(\d+)\s*(?:/\s*(\d+(?:\.\d+)?)?\s*([smh]?)\s*)?$")
_UNIT = {"s": 1.0, "m": 60.0, "h": 3600.0, "": 1.0}


@dataclass(frozen=True, slots=True, kw_only=True)
class RateLimit:
    """At most ``max_questions`` per ``per_seconds`` for one user; 0 questions means no limit."""

    max_questions: int = 10
    per_seconds: float = 60.0

    @property
    def enabled(self) -> bool:
        return self.max_questions > 0


def parse_rate_limit(text: str) -> RateLimit:
    """Parse ``10``, ``10/60s``, ``10/m``, ``30/5m`` or ``100/1h``.

    Raises:
        ConfigError: the text is not one of those shapes or the period is zero.
    """
    match = _SPEC.match(text)
    if match is None:
        raise ConfigError(
            f"{RATE_LIMIT}: {text!r} is not a rate limit; "
            "use e.g. 10 (a minute) or 10/60s, 30/5m, 100/1h"
        )
    count, amount, unit = match.groups()
    if "/" in text and amount is None and not unit:
        raise ConfigError(f"{RATE_LIMIT}: {text!r}: say the period after '/', e.g. 10/60s")
    # A bare number means per minute.
    seconds = 60.0 if amount is None and not unit else float(amount or 1) * _UNIT[unit]
    if seconds <= 0:
        raise ConfigError(f"{RATE_LIMIT}: {text!r}: the period must be longer than zero")
    return RateLimit(max_questions=int(count), per_seconds=seconds)


class RateLimiter:
    """Thread-safe per-key sliding-window limiter with bounded memory.

    Memory stays bounded by ``max_keys``: the least recently seen users are forgotten first
    (at worst such a user gets a fresh allowance, never a wrong refusal).

    Args:
        shared: count in this shared database instead (every replica sees the same count); the
            in-memory window is the fallback while it fails.
    """

    def __init__(
        self,
        limit: RateLimit | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
        shared: SharedState | None = None,
    ) -> None:
        self._limit = limit or RateLimit()
        self._shared = shared
        self._clock = clock
        self._max_keys = max_keys
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()

    @property
    def limit(self) -> RateLimit:
        return self._limit

    def allow(self, key: str) -> bool:
        """Count one question for ``key``; False when it goes over the limit (not counted)."""
        if not self._limit.enabled:
            return True
        if self._shared is not None:
            try:
                return self._shared.rate_hit(
                    f"rate:{key}",
                    window=self._limit.per_seconds,
                    limit=self._limit.max_questions,
                )
            except Exception:  # logged by SharedState; count locally meanwhile
                pass
        now = self._clock()
        horizon = now - self._limit.per_seconds
        with self._lock:
            times = self._seen.get(key)
            if times is None:
                times = self._seen[key] = deque(maxlen=self._limit.max_questions)
                self._forget_oldest()
            else:
                self._seen.move_to_end(key)
            while times and times[0] <= horizon:
                times.popleft()
            if len(times) >= self._limit.max_questions:
                return False
            times.append(now)
            return True

    def __len__(self) -> int:
        """How many users are currently remembered."""
        with self._lock:
            return len(self._seen)

    def _forget_oldest(self) -> None:
        while len(self._seen) > self._max_keys:
            self._seen.popitem(last=False)
