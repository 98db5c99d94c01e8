"""Hot reload: keep the engine on the latest knowledge that validates, and never go deaf.

How a change is found: every ``tick`` (0.5 s) and on every file event (:mod:`bot.runtime.watch`),
the directory's stat :func:`~bot.knowledge.snapshot.fingerprint` is compared with the one the
current knowledge was read from; every ``verify_interval`` a full content hash is compared too.
Events only make it quicker, so a directory replaced by rename, deleted and recreated, or swapped
by a ConfigMap update is seen within a tick even where no event arrives.

What happens then: wait until the content is stable (two content hashes ``settle`` seconds
apart agree: a half-written save is not loaded), load it in a worker thread (one call,
``load(directory)``), and swap it in with one assignment. A change that does not validate is
refused whole: the last good knowledge keeps answering, every problem is logged as
``file:line: ...``, and ``on_problems`` hears about each distinct set of problems once, unless
the files changed again while loading (then it was a save in progress, not a broken one).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from bot.errors import KnowledgeError
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.snapshot import Fingerprint, Snapshot, content_digest, fingerprint
from bot.matching.engine import RETIRED_S, Engine
from bot.models import Problem
from bot.runtime.incremental import IncrementalLoader
from bot.runtime.metrics import Metrics
from bot.runtime.pauses import freeze_survivors, quick_switches
from bot.runtime.watch import STOPPED, DirectoryWatch

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
        last_checked_at: when the directory was last compared with the loaded knowledge (a
            watcher that stopped checking is deaf: health reports it).
        watch_mode: ``events``, ``polling``, ``periodic`` (no watch armed: checks only) or
            ``stopped``; see :mod:`bot.runtime.watch`.
        reloading: a reload is in progress (checks resume when it ends; a huge knowledge base
            takes a while to build, and that is not deafness).
    """

    last_reload_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    last_checked_at: datetime | None = None
    watch_mode: str = STOPPED
    reloading: bool = False


def format_problems(problems: tuple[Problem, ...]) -> str:
    """Plain text for the admin channel: what happened, then one ``file:line: ...`` a line.

    Whole: each adapter fits it to its platform's message limit.
    """
    head = (
        f"Knowledge change refused ({len(problems)} problem(s)); "
        "still answering from the last good version:"
    )
    return "\n".join([head, *(str(p) for p in problems)])


class KnowledgeReloader:
    """Keeps ``engine`` on the latest valid knowledge of ``directory``.

    Args:
        directory: the knowledge directory (may be a symlink, be replaced, or vanish a while).
        engine: gets each valid knowledge base through :meth:`Engine.swap`.
        load: builds a knowledge base from a directory or raises :class:`KnowledgeError`
            (default: the real loader, :class:`~bot.runtime.incremental.IncrementalLoader`: only
            changed files are validated and analysed again, a large base's index is built in a
            separate process); called once per reload, in a worker thread.
        on_problems: called once per distinct set of problems of a refused change; a coroutine
            function is awaited on the reloader's loop, a plain function runs in a worker thread.
        metrics: reload counts, last check and load times, watch mode.
        baseline: what the engine's knowledge was read from (take it before loading); default:
            the directory as it is now.
        tick: longest time between two checks, in seconds.
        settle: a change is loaded once two content hashes this far apart agree.
        verify_interval: how often the full content hash is compared even without a change.
        force_polling: poll instead of native file events.
    """

    def __init__(
        self,
        directory: Path,
        engine: Engine,
        *,
        load: Callable[[Path], KnowledgeBase] | None = None,
        on_problems: ProblemsCallback | None = None,
        metrics: Metrics | None = None,
        baseline: Snapshot | None = None,
        tick: float = 0.5,
        settle: float = 0.4,
        verify_interval: float = 30.0,
        force_polling: bool = False,
    ) -> None:
        self.directory = Path(directory)
        self._engine = engine
        self._load = load if load is not None else IncrementalLoader()
        self._on_problems = on_problems
        self._metrics = metrics
        self._tick = tick
        self._settle = settle
        self._verify_interval = verify_interval
        self._force_polling = force_polling
        self._status = ReloadStatus()
        self._reported: frozenset[str] | None = None
        seen = baseline or Snapshot.take(self.directory)
        self._seen: Fingerprint | None = seen.fingerprint  # None: check again whatever it is
        self._seen_digest = seen.digest
        self._next_verify = time.monotonic() + verify_interval
        self._watch: DirectoryWatch | None = None
        self._task: asyncio.Task[None] | None = None
        self._stop: asyncio.Event | None = None
        self._ready: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None
        if metrics is not None:
            metrics.knowledge_loaded.set(engine.knowledge.loaded_at.timestamp())

    @property
    def status(self) -> ReloadStatus:
        return self._status

    async def reload(self, *, settled: str | None = None) -> bool:
        """Load the directory now and swap it in if it validates; True when swapped.

        Args:
            settled: the content hash the caller saw settle; when the files no longer match it
                after a refused load, the refusal is not reported (a save was in progress).
        """
        if settled is None:
            taken = await asyncio.to_thread(Snapshot.take, self.directory)
            self._seen, self._seen_digest = taken.fingerprint, taken.digest
        self._status = replace(self._status, reloading=True)
        try:
            # Answers go on meanwhile: hand them the interpreter lock back sooner.
            with quick_switches():
                kb = await asyncio.to_thread(self._load, self.directory)
                await asyncio.to_thread(self._engine.prepare, kb)  # not on the first questions
        except KnowledgeError as exc:
            problems = exc.problems
        except Exception as exc:  # an unreadable directory must not kill the watcher
            kind = type(exc).__name__
            problems = (Problem(path=self.directory, line=0, field="knowledge", message=kind),)
        else:
            self._swap(kb)
            return True
        finally:
            self._status = replace(self._status, reloading=False)
        if (
            settled is not None
            and await asyncio.to_thread(content_digest, self.directory) != settled
        ):
            log.info("knowledge in %s changed while loading; checking it again", self.directory)
            self._seen = None
            return False
        await self._refuse(problems)
        return False

    def _swap(self, kb: KnowledgeBase) -> None:
        self._engine.swap(kb)
        freeze_survivors()  # full collections no longer traverse the live knowledge
        # The replaced knowledge goes once no answer can be on it, questions or none.
        asyncio.get_running_loop().call_later(RETIRED_S + 0.5, self._engine.release_replaced)
        self._reported = None  # the same breakage later is news again
        now = datetime.now(UTC)
        self._status = replace(
            self._status, last_reload_at=now, last_error=None, last_error_at=None
        )
        if self._metrics is not None:
            self._metrics.reloads.inc()
            self._metrics.knowledge_loaded.set(now.timestamp())
        log.info("knowledge reloaded from %s: %d snippets", self.directory, len(kb.snippets))
        for warning in kb.warnings:
            log.warning("%s", warning)

    async def run(self) -> None:
        """Check and reload until :meth:`stop` (or cancellation)."""
        self._stop = self._stop or asyncio.Event()
        self._ready = self._ready or asyncio.Event()
        self._watch = DirectoryWatch(
            self.directory, tick=self._tick, stop=self._stop, force_polling=self._force_polling
        )
        await self.check()  # from here on every change is seen, armed watch or not
        self._ready.set()
        try:
            async with contextlib.aclosing(self._watch.wakeups()) as wakeups:
                async for _ in wakeups:
                    await self.check()
        finally:
            self._mark_checked(checked=False)

    async def check(self) -> None:
        """Compare the directory with the loaded knowledge; settle and reload if it changed."""
        try:
            changed = await asyncio.to_thread(fingerprint, self.directory) != self._seen
            if not changed and time.monotonic() >= self._next_verify:
                self._next_verify = time.monotonic() + self._verify_interval
                digest = await asyncio.to_thread(content_digest, self.directory)
                changed = digest != self._seen_digest
            if changed:
                settled = await self._settled()
                await self.reload(settled=settled)
        except Exception:  # one failed check must never end the watching
            log.exception("checking the knowledge directory %s failed", self.directory)
        self._mark_checked()

    async def _settled(self) -> str:
        """Wait until the content stops changing (bounded); its hash. Sets what was seen."""
        seen = await asyncio.to_thread(Snapshot.take, self.directory)
        deadline = time.monotonic() + max(10 * self._settle, 5.0)  # a file written forever
        while True:
            await asyncio.sleep(self._settle)
            again = await asyncio.to_thread(Snapshot.take, self.directory)
            if again.digest == seen.digest or time.monotonic() > deadline:
                break
            seen = again
        # Taken before the hash it goes with: a save after it shows as a change next check.
        self._seen, self._seen_digest = again.fingerprint, again.digest
        return again.digest

    def _mark_checked(self, *, checked: bool = True) -> None:
        mode = self._watch.mode if self._watch is not None and checked else STOPPED
        now = datetime.now(UTC)
        self._status = replace(
            self._status,
            last_checked_at=now if checked else self._status.last_checked_at,
            watch_mode=mode,
        )
        if self._metrics is not None:
            if checked:
                self._metrics.knowledge_checked.set(now.timestamp())
            self._metrics.set_watch_mode(mode, arms=self._watch.arms if self._watch else 0)

    async def start(self, *, wait_ready: bool = True) -> None:
        """Start watching in a task of the running loop; by default wait for the first check."""
        self._stop, self._ready = asyncio.Event(), asyncio.Event()
        self._task = asyncio.create_task(self.run(), name="explainbot-reload")
        if wait_ready:
            await self.wait_ready()

    async def wait_ready(self, timeout: float = 10.0) -> None:
        """Wait until the first check is done (changes from then on are seen)."""
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
            self._stop, self._ready = asyncio.Event(), asyncio.Event()
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
        self._status = replace(
            self._status, last_error=text[:_MAX_ERROR_CHARS], last_error_at=datetime.now(UTC)
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
