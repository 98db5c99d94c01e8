"""Wake-ups for the reloader: native file events when they work, a timer always.

A native watch (inotify) follows an inode, not a path: once the knowledge directory is deleted
and recreated, renamed over, or reached through a flipped symlink, a watch on it hears nothing
ever again. So this watches the directory *and its parent* (which sees the directory vanish and
reappear), re-arms whenever the path leads to a different directory, and wakes its consumer at
least every ``tick`` seconds even when no event came. The consumer decides from what is on
disk (:mod:`bot.knowledge.snapshot`), never from the events themselves, so a lost event costs at
most one
tick, and a watch that cannot be armed at all (no directory, inotify limits) costs nothing but
the tick.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator
from pathlib import Path

from watchfiles import Change, awatch

from bot.knowledge.snapshot import identity

log = logging.getLogger(__name__)

EVENTS = "events"  # native notifications, plus a check every tick
POLLING = "polling"  # watchfiles' own polling (WATCHFILES_FORCE_POLLING), plus the ticks
PERIODIC = "periodic"  # no watch armed (the directory is missing...): the ticks alone
STOPPED = "stopped"


class DirectoryWatch:
    """Async iterator of wake-ups for ``directory``; see the module docstring.

    Args:
        directory: the watched directory (may be a symlink, or missing for a while).
        tick: longest time between two wake-ups, in seconds.
        stop: set to end the iteration.
        force_polling: poll instead of native events (``WATCHFILES_FORCE_POLLING``, read by
            the settings), e.g. for network mounts that deliver no events.
    """

    def __init__(
        self,
        directory: Path,
        *,
        tick: float,
        stop: asyncio.Event,
        force_polling: bool = False,
    ) -> None:
        self.directory = Path(directory)
        self.mode = STOPPED
        self.arms = 0  # times a watch was armed; more than one: re-armed on a new directory
        self._armed = False
        self._last_failure = ""
        self._tick = tick
        self._stop = stop
        self._force_polling = force_polling

    async def wakeups(self) -> AsyncGenerator[None, None]:
        armed_on = identity(self.directory)
        try:
            while not self._stop.is_set():
                if armed_on is None:
                    self.mode = PERIODIC
                    await self._sleep()
                    yield None
                else:
                    async with contextlib.aclosing(self._watch(armed_on)) as wakeups:
                        async for _ in wakeups:
                            yield None
                current = identity(self.directory)
                if current != armed_on and current is not None:
                    log.info("watching the knowledge directory %s anew", self.directory)
                armed_on = current
        finally:
            self.mode = STOPPED

    async def _watch(self, armed_on: tuple[int, int]) -> AsyncGenerator[None, None]:
        """Wake-ups from a native (or polling) watch, until the directory is replaced.

        Watches the directory and its parent; the directory alone if the parent cannot be
        watched (permissions); neither: one tick of periodic checks, then the caller retries.
        """
        targets = {str(self.directory), str(self.directory.resolve())}

        def relevant(_change: Change, path: str) -> bool:
            return path in targets or str(Path(path).parent) in targets

        for paths in ((self.directory, self.directory.parent), (self.directory,)):
            watcher = awatch(
                *paths,
                watch_filter=relevant,
                debounce=200,  # the reloader does its own settling; this only batches events
                step=50,
                stop_event=self._stop,
                rust_timeout=int(self._tick * 1000),
                yield_on_timeout=True,
                force_polling=self._force_polling,
                recursive=False,
            )
            self.mode = POLLING if self._force_polling else EVENTS
            try:
                async with contextlib.aclosing(watcher) as changes:
                    async for batch in changes:
                        if not self._armed:
                            self._armed, self.arms = True, self.arms + 1
                            self._last_failure = ""
                        yield None
                        # Re-arm on what the path leads to now. The directory itself appearing
                        # in an event counts too: a recreated directory may get the deleted
                        # one's inode number back, and then its identity looks unchanged.
                        replaced = any(path in targets for _, path in batch)
                        if replaced or identity(self.directory) != armed_on:
                            return
                return  # stopped
            except (OSError, RuntimeError) as exc:  # watchfiles' errors when it cannot watch
                failure = str(exc)
            finally:
                self._armed = False
        if failure != self._last_failure:  # once per kind of failure, not every tick
            log.warning(
                "cannot watch %s (%s); checking it every %.1f s instead",
                self.directory,
                failure,
                self._tick,
            )
        self._last_failure = failure
        self.mode = PERIODIC
        await self._sleep()
        yield None

    async def _sleep(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), self._tick)
