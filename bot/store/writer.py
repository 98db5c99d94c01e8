"""The question log: questions and votes written by one background thread that loses nothing.

Recording must never slow or break answering, so :class:`QuestionStore` hands each write to a
writer thread through a bounded queue and returns at once. Question ids are random 63-bit
integers chosen before the write (the reply needs one for its feedback buttons right away;
random ids also cannot be guessed to vote on someone else's question).

When the database cannot be written the writer keeps what it holds, retries with exponential
back-off (0.1 s doubling to ``max_backoff``, 5 s), and appends what it holds to a spool file every
0.2 s, so even kill -9 during an outage loses at most the last fraction of a second. Only a full
queue drops anything, and every drop is counted (``explainbot_question_log_dropped_total``) and
shown in ``/healthz``. A row the database refuses on its own (not the database's fault) is
logged and skipped, so it cannot block those behind it.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.runtime.metrics import Metrics
from bot.store.backend import Backend, StoreError
from bot.store.records import QuestionRecord, QuestionRow, Row, VoteRow, to_row, user_hash
from bot.store.salt import file_salt
from bot.store.spool import Spool
from bot.store.sqlite import SqliteBackend

log = logging.getLogger("bot.store")

BATCH = 500  # rows per transaction in normal operation
DAY = 86_400.0


@dataclass(frozen=True, slots=True, kw_only=True)
class _Vote:
    question_id: int
    user_id: str
    helpful: bool
    voted_at: float


_Raw = tuple[int, QuestionRecord] | _Vote
_Item = _Raw | Row
_STOP = object()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreStatus:
    """What ``/healthz`` shows about the question log."""

    pending: int  # accepted, not yet written
    dropped: int  # refused because the queue was full (since start)
    rejected: int  # refused by the database itself (since start)
    failing: bool
    last_error: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "pending": self.pending,
            "dropped": self.dropped,
            "rejected": self.rejected,
            "failing": self.failing,
            "last_error": self.last_error,
        }


class QuestionStore:
    """Records questions and votes on a writer thread; every public method is thread-safe.

    Args:
        path: the SQLite file (its directory is created on first use); ignored with ``backend``.
        backend: another database (PostgreSQL); then ``salt`` is required.
        salt: secret mixed into user-id hashes; None: the file beside the SQLite database.
        max_pending: records held at most (queued or waiting for the database); beyond it new
            ones are dropped and counted.
        spool: spool files are named after this path (default: the SQLite file, so they lie
            beside it as ``<db>.<pid>-<random>.spool``); None: no spool.
        retention_days: questions older than this are deleted hourly by the writer (None: kept).
        metrics: counts drops, refusals, write errors; reports what is pending.
        max_backoff: longest wait between two tries of a failing database.
        busy_timeout: SQLite's wait for another writer's lock (seconds).
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        backend: Backend | None = None,
        salt: str | None = None,
        max_pending: int = 10_000,
        spool: Path | bool | None = True,
        retention_days: float | None = None,
        metrics: Metrics | None = None,
        max_backoff: float = 5.0,
        busy_timeout: float = 1.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if backend is None:
            if path is None:
                raise ValueError("QuestionStore needs a path or a backend")
            backend = SqliteBackend(path, busy_timeout=busy_timeout)
        elif not salt:
            raise StoreError(
                "EXPLAINBOT_USER_SALT is not set: with a shared database every replica needs "
                "the same salt (a long random string, e.g. from `openssl rand -hex 32`)"
            )
        self.path = path
        self.where = backend.where
        self._backend = backend
        self._salt = salt.encode() if salt else None
        if spool is True:
            spool = path
        self._spool = Spool(spool) if isinstance(spool, Path) else None
        self._orphans: list[Path] = []  # dead processes' spool files, deleted once safe
        self._max_pending = max_pending
        self._queue: queue.Queue[object] = queue.Queue(maxsize=max_pending)
        self._retention = retention_days * DAY if retention_days else None
        self._metrics = metrics
        self._max_backoff = max_backoff
        self._clock = clock
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        self._closed = False
        self._stop_at: float | None = None  # monotonic deadline once close() is called
        self._accepted = 0
        self._finished = 0
        self._held = 0  # taken from the queue, not yet written
        self._dropped = 0
        self._rejected = 0
        self._failing_since: float | None = None
        self._last_error: str | None = None
        self._overflowing = False
        self._last_purge = float("-inf")
        self._legacy_checked = not isinstance(backend, SqliteBackend) or salt is not None
        if metrics is not None:
            metrics.question_log_pending.set_function(lambda: self.status().pending)

    # -- public API ------------------------------------------------------------------------

    @property
    def failing(self) -> bool:
        """True while the database cannot be written (records are held and retried)."""
        return self._failing_since is not None

    def status(self) -> StoreStatus:
        return StoreStatus(
            pending=self._queue.qsize() + self._held,
            dropped=self._dropped,
            rejected=self._rejected,
            failing=self.failing,
            last_error=self._last_error,
        )

    def start(self) -> None:
        """Start the writer now (it otherwise starts with the first record), so that records
        kept in the spool by a previous process are written at once."""
        with self._lock:
            if not self._closed:
                self._start_thread()

    def record(self, entry: QuestionRecord) -> int | None:
        """Queue a question; its id, or None when it will not be recorded (queue full, closed).

        An id means the record will be written (now, after an outage, or on the next start),
        so a vote on it is accepted too.
        """
        question_id = secrets.randbits(63) or 1
        return question_id if self._put((question_id, entry)) else None

    def vote(self, *, question_id: int, user_id: str, helpful: bool, at: float) -> bool:
        """Queue a Helpful / Not helpful vote; a user's later vote replaces the earlier one."""
        return self._put(
            _Vote(question_id=question_id, user_id=user_id, helpful=helpful, voted_at=at)
        )

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until every record accepted so far is written (or refused); False on timeout."""
        with self._done:
            target = self._accepted
            return self._done.wait_for(lambda: self._finished >= target, timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is held (for up to ``timeout`` s while failing; the rest stays in the
        spool for the next start) and close the database. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._stop_at = time.monotonic() + timeout
            thread = self._thread
        if thread is None:
            self._replay_only()
            return
        with contextlib.suppress(queue.Full):  # the writer notices the deadline by itself
            self._queue.put(_STOP, timeout=timeout)
        thread.join(timeout + 2.0)

    # -- producer side ---------------------------------------------------------------------

    def _put(self, item: _Raw) -> bool:
        with self._lock:
            if self._closed:
                return False
            self._start_thread()
            if self._queue.qsize() + self._held >= self._max_pending:
                self._drop()
                return False
            try:
                self._queue.put_nowait(item)
            except queue.Full:
                self._drop()
                return False
            self._accepted += 1
            self._overflowing = False
        return True

    def _start_thread(self) -> None:  # called with the lock held
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="explainbot-store", daemon=True)
            self._thread.start()

    def _drop(self) -> None:  # called with the lock held
        self._dropped += 1
        if self._metrics is not None:
            self._metrics.question_log_dropped.inc()
        if not self._overflowing:
            self._overflowing = True
            log.error(
                "question log %s: %d records are waiting; dropping new ones until it catches up",
                self.where,
                self._max_pending,
            )

    # -- writer thread ---------------------------------------------------------------------

    def _run(self) -> None:
        held: list[_Item] = list(self._adopt())
        spooled = 0  # how many of ``held`` (from the front) are in this process's spool
        with self._done:
            self._finished -= len(held)  # flush() waits for what was accepted, not for these
        backoff = 0.1
        while True:
            if not held:
                if self._stopping():
                    break
                try:
                    item = self._queue.get(timeout=0.5)
                except queue.Empty:
                    self._maintain()
                    continue
                if item is not _STOP:
                    held.append(item)  # type: ignore[arg-type]
                self._take(held, BATCH)
                if not held:
                    continue
            before = len(held)
            if self._write_all(held):
                if spooled and self._spool is not None:
                    self._spool.clear()
                self._forget_orphans()
                spooled, backoff = 0, 0.1
                self._recovered()
                self._maintain()
                continue
            # The database is failing: keep everything, spool it, wait, try again.
            if len(held) != before:  # some were written or refused one by one: spool anew
                spooled = -1
            deadline = time.monotonic() + backoff
            while True:
                self._take(held, self._max_pending)
                spooled = self._append_spool(held, spooled)
                if self._past_deadline():
                    self._give_up(held, spooled)
                    self._close_files()
                    return
                if time.monotonic() >= deadline:
                    break
                time.sleep(0.2 if backoff > 0.2 else backoff)
            backoff = min(backoff * 2, self._max_backoff)
        self._close_files()

    def _close_files(self) -> None:
        self._backend.close()
        if self._spool is not None:
            self._spool.close()

    def _stopping(self) -> bool:
        return self._stop_at is not None and self._queue.empty()

    def _past_deadline(self) -> bool:
        return self._stop_at is not None and time.monotonic() >= self._stop_at

    def _take(self, held: list[_Item], limit: int) -> None:
        """Move queued items into ``held`` (up to ``limit`` held)."""
        while len(held) < limit:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not _STOP:
                held.append(item)  # type: ignore[arg-type]
        with self._lock:
            self._held = len(held)

    def _rows(self, held: list[_Item]) -> list[Row]:
        """``held`` as rows (hashed, scrubbed), converted in place; an item that cannot be
        converted is refused (logged, counted) and removed.

        Raises:
            OSError: the salt file cannot be read or created (retried like a database error).
        """
        salt = self._salt_bytes()
        out: list[_Item] = []
        for item in held:
            try:
                out.append(self._row(item, salt))
            except (TypeError, ValueError, UnicodeError) as exc:
                self._reject(exc)
                self._finish([item])
        held[:] = out
        return held  # type: ignore[return-value]

    @staticmethod
    def _row(item: _Item, salt: bytes) -> Row:
        if isinstance(item, tuple):
            return to_row(item[0], item[1], salt)
        if isinstance(item, _Vote):
            return VoteRow(
                question_id=int(item.question_id),
                user_hash=user_hash(salt, item.user_id),
                helpful=bool(item.helpful),
                voted_at=float(item.voted_at),
            )
        return item

    def _reject(self, exc: BaseException) -> None:
        with self._lock:
            self._rejected += 1
        if self._metrics is not None:
            self._metrics.question_log_rejected.inc()
        log.error("question log %s refused a record: %s", self.where, _short(exc))

    def _salt_bytes(self) -> bytes:
        if self._salt is None:
            assert self.path is not None  # other backends require a salt
            self._salt = file_salt(self.path).encode()
        return self._salt

    def _write_all(self, held: list[_Item]) -> bool:
        """Write ``held``; True when done (it is then emptied), False when the database fails."""
        try:
            rows = self._rows(held)
            self._write(rows)
        except self._backend.poison:
            return self._write_one_by_one(held)
        except Exception as exc:  # whatever goes wrong, the writer thread lives on
            self._fail(exc)
            return False
        self._finish(held)
        return True

    def _write_one_by_one(self, held: list[_Item]) -> bool:
        rows = self._rows(held)
        while rows:
            try:
                self._write(rows[:1])
            except self._backend.poison as exc:
                self._reject(exc)
            except Exception as exc:
                self._fail(exc)
                return False
            self._finish(rows[:1])
            del rows[:1]
        return True

    def _write(self, rows: list[Row]) -> None:
        if not self._legacy_checked:
            self._migrate_legacy_salt()
            self._legacy_checked = True
        questions = [r for r in rows if isinstance(r, QuestionRow)]
        votes = [r for r in rows if isinstance(r, VoteRow)]
        try:
            self._backend.write(questions, votes)
        except Exception as exc:
            if not isinstance(exc, self._backend.poison):
                self._backend.reset()
            raise

    def _migrate_legacy_salt(self) -> None:
        backend = self._backend
        if isinstance(backend, SqliteBackend) and backend.legacy_salt() is not None:
            self._salt_bytes()  # copied to the file first
            backend.forget_legacy_salt()

    def _finish(self, done: list[Any]) -> None:
        n = len(done)
        done.clear()
        with self._done:
            self._finished += n
            self._held = max(0, self._held - n)
            self._done.notify_all()

    def _adopt(self) -> list[Row]:
        if self._spool is None:
            return []
        rows, self._orphans = self._spool.adopt()
        if rows:
            log.info(
                "question log %s: writing %d records kept by a stopped process",
                self.where,
                len(rows),
            )
        return rows

    def _forget_orphans(self) -> None:
        for path in self._orphans:
            with contextlib.suppress(OSError):
                path.unlink()
        self._orphans = []

    def _append_spool(self, held: list[_Item], spooled: int) -> int:
        if self._spool is None or spooled == len(held):
            return spooled
        try:
            rows = self._rows(held)
            if 0 <= spooled <= len(rows):
                self._spool.append(rows[spooled:])
            else:
                self._spool.rewrite(rows)
        except Exception as exc:
            log.debug("cannot spool: %s", exc)
            return spooled
        self._forget_orphans()  # their rows are in this process's spool now
        return len(held)

    def _give_up(self, held: list[_Item], spooled: int) -> None:
        kept = max(spooled, 0) if self._spool is not None else 0
        lost = len(held) - kept
        log.error(
            "question log %s still cannot be written at shutdown: %d records kept in %s for "
            "the next start, %d lost",
            self.where,
            kept,
            self._spool.path if self._spool else "-",
            lost,
        )

    def _replay_only(self) -> None:
        """close() before any write: still write what stopped processes spooled."""
        rows: list[_Item] = list(self._adopt())
        if rows and self._write_all(rows):
            self._forget_orphans()
        self._backend.close()

    def _fail(self, exc: BaseException) -> None:
        self._last_error = _short(exc)
        if self._metrics is not None:
            self._metrics.question_log_write_errors.inc()
        if self._failing_since is None:
            self._failing_since = time.monotonic()
            log.error(
                "question log %s cannot be written (%s); answering continues, records are kept "
                "and retried",
                self.where,
                self._last_error,
            )

    def _recovered(self) -> None:
        if self._failing_since is not None:
            took = time.monotonic() - self._failing_since
            self._failing_since = None
            self._last_error = None
            log.info(
                "question log %s is being written again after %.1f s; nothing was lost",
                self.where,
                took,
            )

    def _maintain(self) -> None:
        """Retention: delete what is older than the retention period, once an hour."""
        if self._retention is None or self._failing_since is not None:
            return
        now = self._clock()
        if now - self._last_purge < 3_600.0:
            return
        self._last_purge = now
        try:
            deleted = self._backend.purge(before=now - self._retention)
        except Exception as exc:
            self._backend.reset()
            log.warning("question log %s: retention purge failed: %s", self.where, _short(exc))
            return
        if deleted:
            log.info("question log %s: deleted %d questions past retention", self.where, deleted)


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc).strip()[:200]}"
