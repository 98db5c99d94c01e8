"""Hot reload: watch the knowledge directory and swap in each change that validates.

The directory (not the files) is watched with ``watchfiles.awatch``, so editors that save by
writing a temporary file and renaming it are seen as a change of the real file. Loading runs in
a worker thread (building a large index takes seconds and must never stall answering); the
engine then swaps the new knowledge in with one assignment. A change that does not validate is
refused whole: the last good knowledge keeps answering, every problem is logged as
``file:line: ...`` and ``on_problems`` hears about each distinct set of problems once.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from watchfiles import Change, DefaultFilter, awatch

from bot.engine import Engine
from bot.errors import KnowledgeError
from bot.knowledge import KnowledgeBase
from bot.loader import load_knowledge
from bot.metrics import Metrics
from bot.models import Problem

log = logging.getLogger(__name__)

ProblemsCallback = Callable[[tuple[Problem, ...]], Awaitable[None] | None]
_MAX_ERROR_CHARS = 2_000


@dataclass(frozen=True, slots=True, kw_only=True)
class ReloadStatus:
    """What health reports about reloading.

    Attributes:
        last_reload_at: when knowledge was last swapped in by a reload (None: never reloaded).
        last_error: the problems of the latest refused change; None once a change loads.
        last_error_at: when that change was refused.
    """

    last_reload_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None


def format_problems(problems: tuple[Problem, ...], *, max_chars: int = 1_900) -> str:
    """Plain text for the admin channel: what happened, then one ``file:line: ...`` a line.

    Cut to ``max_chars`` (chat messages are limited; 1,900 leaves room under the smallest).
    """
    head = (
        f"Knowledge change refused ({len(problems)} problem(s)); "
        "still answering from the last good version:"
    )
    lines = [head]
    used = len(head)
    for i, problem in enumerate(problems):
        line = str(problem)
        if used + len(line) + 1 > max_chars - 40:
            lines.append(f"... and {len(problems) - i} more (see the logs)")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


class _KnowledgeFiles(DefaultFilter):
    """Changes to snippet files only (temporary and swap files are noise until renamed)."""

    def __call__(self, change: Change, path: str) -> bool:
        return path.endswith((".yaml", ".yml")) and bool(super().__call__(change, path))


def fingerprint(directory: Path) -> frozenset[tuple[str, int, int]]:
    """Name, modification time and size of each file: tells whether anything changed."""
    try:
        entries = list(directory.iterdir())
    except OSError:
        return frozenset()
    out = set()
    for p in entries:
        try:
            st = p.stat()
        except OSError:
            continue
        out.add((p.name, st.st_mtime_ns, st.st_size))
    return frozenset(out)


class KnowledgeReloader:
    """Watches ``directory`` and keeps ``engine`` on its latest valid knowledge.

    Args:
        directory: the knowledge directory.
        engine: gets each valid knowledge base through :meth:`Engine.swap`.
        load: loads a directory or raises :class:`KnowledgeError` (default: the real loader).
        on_problems: called once per distinct set of problems of a refused change; a coroutine
            function is awaited on the reloader's loop, a plain function runs in a worker thread.
        metrics: counts reloads and refused reloads.
        debounce_ms: longest time to gather a burst of file events into one reload.
        force_polling: None lets watchfiles decide (``WATCHFILES_FORCE_POLLING`` overrides).
    """

    def __init__(
        self,
        directory: Path,
        engine: Engine,
        *,
        load: Callable[[Path], KnowledgeBase] = load_knowledge,
        on_problems: ProblemsCallback | None = None,
        metrics: Metrics | None = None,
        debounce_ms: int = 500,
        force_polling: bool | None = None,
    ) -> None:
        self.directory = Path(directory)
        self._engine = engine
        self._load = load
        self._on_problems = on_problems
        self._metrics = metrics
        self._debounce_ms = debounce_ms
        self._force_polling = force_polling
        self._status = ReloadStatus()
        self._reported: frozenset[str] | None = None
        self._seen = fingerprint(self.directory)  # what the engine's knowledge was read from
        self._task: asyncio.Task[None] | None = None
        self._stop: asyncio.Event | None = None
        self._ready: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None

    @property
    def status(self) -> ReloadStatus:
        return self._status

    async def reload(self) -> bool:
        """Load the directory now and swap it in if it validates; True when swapped."""
        self._seen = fingerprint(self.directory)
        try:
            kb = await asyncio.to_thread(self._load, self.directory)
        except KnowledgeError as exc:
            await self._refuse(exc.problems)
            return False
        except Exception as exc:  # an unreadable directory must not kill the watcher
            problem = Problem(
                path=self.directory,
                line=0,
                field="knowledge",
                message=f"{type(exc).__name__}: {exc}",
            )
            await self._refuse((problem,))
            return False
        self._engine.swap(kb)
        self._reported = None  # the same breakage later is news again
        self._status = ReloadStatus(last_reload_at=datetime.now(UTC))
        if self._metrics is not None:
            self._metrics.reloads.inc()
        log.info("knowledge reloaded from %s: %d snippets", self.directory, len(kb.snippets))
        for warning in kb.warnings:
            log.warning("%s", warning)
        return True

    async def run(self) -> None:
        """Watch until :meth:`stop` (or cancellation)."""
        self._stop = asyncio.Event()
        self._ready = asyncio.Event()
        async for changes in awatch(
            self.directory,
            watch_filter=_KnowledgeFiles(),
            debounce=self._debounce_ms,
            step=50,
            stop_event=self._stop,
            # The first yield (a timeout, if nothing changed) says the watcher is armed; a short
            # timeout makes start-up quick, and an idle wake-up 3 times a second costs nothing.
            rust_timeout=300,
            yield_on_timeout=True,
            force_polling=self._force_polling,
            recursive=False,
        ):
            if not self._ready.is_set():
                self._ready.set()
                # Catch a save made between the initial load and the watcher being armed.
                if not changes and fingerprint(self.directory) != self._seen:
                    await self.reload()
                    continue
            if changes:
                log.debug("knowledge files changed: %s", sorted(p for _, p in changes))
                await self.reload()

    async def start(self, *, wait_ready: bool = True) -> None:
        """Start watching in a task of the running loop; by default wait until armed."""
        self._task = asyncio.create_task(self.run(), name="explainbot-reload")
        if wait_ready:
            await self.wait_ready()

    async def wait_ready(self, timeout: float = 10.0) -> None:
        """Wait until the watcher is armed (changes from then on are seen)."""
        async with asyncio.timeout(timeout):
            while self._ready is None:
                await asyncio.sleep(0.01)
            await self._ready.wait()

    async def stop(self) -> None:
        """Stop watching (idempotent); a reload in progress completes first."""
        if self._stop is not None:
            self._stop.set()
        if self._task is not None:
            task, self._task = self._task, None
            try:
                await asyncio.wait_for(task, timeout=5.0)
            except TimeoutError:
                log.warning("knowledge watcher did not stop in time")

    def start_thread(self, timeout: float = 10.0) -> None:
        """Watch from a daemon thread with its own event loop (for code without a loop)."""
        started = threading.Event()

        async def main() -> None:
            self._thread_loop = asyncio.get_running_loop()
            task = asyncio.create_task(self.run())
            await self.wait_ready()
            started.set()
            await task

        self._thread = threading.Thread(
            target=asyncio.run, args=(main(),), name="explainbot-reload", daemon=True
        )
        self._thread.start()
        started.wait(timeout)

    def stop_thread(self, timeout: float = 5.0) -> None:
        """Stop a watcher started with :meth:`start_thread`."""
        loop, stop = self._thread_loop, self._stop
        if loop is not None and stop is not None:
            loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(timeout)

    async def _refuse(self, problems: tuple[Problem, ...]) -> None:
        text = "\n".join(str(p) for p in problems)
        self._status = ReloadStatus(
            last_reload_at=self._status.last_reload_at,
            last_error=text[:_MAX_ERROR_CHARS],
            last_error_at=datetime.now(UTC),
        )
        if self._metrics is not None:
            self._metrics.reload_failures.inc()
        log.error(
            "knowledge change in %s refused (%d problems); still answering from the last good "
            "knowledge",
            self.directory,
            len(problems),
        )
        for problem in problems:
            log.error("%s", problem)
        key = frozenset(str(p) for p in problems)
        if self._on_problems is None or key == self._reported:
            return
        self._reported = key
        try:
            if inspect.iscoroutinefunction(self._on_problems):
                await self._on_problems(problems)
            else:
                await asyncio.to_thread(self._on_problems, problems)
        except Exception:
            log.exception("could not report knowledge problems to the admin channel")
