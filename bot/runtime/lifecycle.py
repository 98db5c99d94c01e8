"""Clean shutdown for serving processes, and idling when a platform is not configured.

On SIGTERM (or SIGINT) a :class:`Lifecycle` lets in-flight answers finish, then runs the
shutdown callbacks last-registered-first (e.g. close the platform connection, stop the
knowledge watcher, stop the health server, close the database).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

Callback = Callable[[], Awaitable[object] | object]


class Lifecycle:
    """Tracks in-flight answers and shuts a serving process down in order.

    Args:
        drain_timeout: longest wait, in seconds, for in-flight answers at shutdown.
    """

    def __init__(self, *, drain_timeout: float = 10.0) -> None:
        self._drain_timeout = drain_timeout
        self._callbacks: list[Callback] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self._stop_requested: asyncio.Event | None = None
        self._done = False
        self._deadline: float | None = None
        self._warned = False

    @property
    def in_flight(self) -> int:
        return self._in_flight

    @contextmanager
    def answering(self) -> Iterator[None]:
        """Wrap the handling of one question (answer and send) so shutdown waits for it."""
        with self._lock:
            self._in_flight += 1
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1

    def on_shutdown(self, callback: Callback) -> None:
        """Run ``callback`` (plain or coroutine function) at shutdown; last added runs first."""
        self._callbacks.append(callback)

    def install_signal_handlers(
        self, signals: Iterable[signal.Signals] = (signal.SIGTERM, signal.SIGINT)
    ) -> None:
        """Make SIGTERM/SIGINT request a stop; call from the running event loop's thread."""
        loop = asyncio.get_running_loop()
        for sig in signals:
            loop.add_signal_handler(sig, self.request_stop, sig.name)

    def request_stop(self, reason: str = "requested") -> None:
        """Wake :meth:`wait_for_stop` (thread-safe only from the loop's thread)."""
        log.info("stopping (%s)", reason)
        self._event().set()

    async def wait_for_stop(self) -> None:
        """Return once a stop was requested (by a signal or :meth:`request_stop`)."""
        await self._event().wait()

    async def drain(self) -> None:
        """Wait until no answer is in flight, at most ``drain_timeout`` seconds in all."""
        if self._deadline is None:
            self._deadline = time.monotonic() + self._drain_timeout
        # Answers may run in threads as well as tasks: a short poll covers both.
        while self._in_flight and time.monotonic() < self._deadline:
            await asyncio.sleep(0.02)
        if self._in_flight and not self._warned:
            self._warned = True
            log.warning("shutting down with %d answers still in flight", self._in_flight)

    async def shutdown(self) -> None:
        """Wait for in-flight answers, then run every callback once; never raises."""
        if self._done:
            return
        self._done = True
        await self.drain()
        for callback in reversed(self._callbacks):
            try:
                result = callback()
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("shutdown step %r failed", callback)
        log.info("stopped")

    def _event(self) -> asyncio.Event:
        if self._stop_requested is None:
            self._stop_requested = asyncio.Event()
        return self._stop_requested


async def idle(platform: str, missing: Iterable[str], *, lifecycle: Lifecycle) -> int:
    """Idle without connecting until a stop is requested, then return exit status 0.

    Used by a serve command whose tokens are absent while ``EXPLAINBOT_IDLE_WITHOUT_TOKEN=1``:
    a container then stays up (unhealthy) instead of restarting in a loop.
    """
    log.warning(
        "%s: %s not set; not connecting, idling until stopped. Set it (or NAME_FILE, a file "
        "holding it) in the environment; with Docker Compose: cp .env.example .env and fill it "
        "in, or run only the platforms you use: docker compose up -d SERVICE",
        platform,
        ", ".join(missing),
    )
    await lifecycle.wait_for_stop()
    await lifecycle.shutdown()
    return 0
