"""The question log: every question and every feedback vote, in a local SQLite database.

Recording must never slow or break answering, so :class:`QuestionStore` hands each write to one
writer thread through a bounded queue and returns at once. Question ids are random 63-bit
integers chosen before the write (the reply needs one for its feedback buttons right away;
random ids also cannot be guessed to vote on someone else's question). When the database cannot
be written the store logs once, drops the writes, retries now and then, and the bot answers on.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import queue
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.normalize import strip_markup
from bot.schema import migrate

log = logging.getLogger(__name__)

DB_ENV = "EXPLAINBOT_DB"
SALT_ENV = "EXPLAINBOT_SALT"
MAX_QUESTION_CHARS = 500
_SPACE = re.compile(r"\s+")


def default_db_path(environ: Mapping[str, str]) -> Path:
    """``$EXPLAINBOT_DB``, else ``$XDG_DATA_HOME/explainbot/explainbot.db`` (XDG default
    ``~/.local/share``)."""
    if environ.get(DB_ENV):
        return Path(environ[DB_ENV]).expanduser()
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "explainbot" / "explainbot.db"


def normalize_question(text: str) -> str:
    """Text as stored: chat markup removed, case-folded, whitespace collapsed, capped.

    Lighter than the matcher's normalisation (no transliteration, filler or stemming): the stored
    text stays readable in the report, groups a question typed twice, and keeps no user or
    channel id (mentions are removed by the engine's :func:`bot.normalize.strip_markup`).
    """
    text = strip_markup(text[: MAX_QUESTION_CHARS * 4])
    return _SPACE.sub(" ", text).strip().casefold()[:MAX_QUESTION_CHARS]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionRecord:
    """One answered question, as handed to :meth:`QuestionStore.record`."""

    asked_at: float
    platform: str
    channel_kind: str
    question: str
    outcome: str
    snippet_id: str | None
    score: float
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class _Vote:
    question_id: int
    user_id: str
    helpful: bool
    voted_at: float


_STOP = object()


class QuestionStore:
    """Records questions and votes on a writer thread; every method is thread-safe.

    Args:
        path: the database file; its directory is created on first use.
        salt: secret mixed into user-id hashes; when None, one is generated once and kept in
            the database (so hashes stay stable across restarts).
        max_pending: writes queued beyond this are dropped (and logged once) rather than held.
        retry_after: seconds to wait before trying a failing database again.
        clock: monotonic clock for the retry timer.
    """

    def __init__(
        self,
        path: Path,
        *,
        salt: str | None = None,
        max_pending: int = 10_000,
        retry_after: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self._salt = salt.encode() if salt else None
        self._queue: queue.Queue[object] = queue.Queue(maxsize=max_pending)
        self._retry_after = retry_after
        self._clock = clock
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._failing_since: float | None = None  # set while the database cannot be written
        self._reported = False  # the current failure streak has been logged
        self._overflowed = False

    @property
    def failing(self) -> bool:
        """True while the last write failed (recording is off until a retry succeeds)."""
        return self._failing_since is not None

    def record(self, entry: QuestionRecord) -> int | None:
        """Queue a question; its id, or None when it will not be recorded."""
        if self._closed or self._resting():
            return None
        question_id = secrets.randbits(63) or 1
        return question_id if self._put((question_id, entry)) else None

    def vote(self, *, question_id: int, user_id: str, helpful: bool, at: float) -> None:
        """Queue a Helpful / Not helpful vote; a user's later vote replaces the earlier one."""
        if not self._closed:
            self._put(_Vote(question_id=question_id, user_id=user_id, helpful=helpful, voted_at=at))

    def flush(self, timeout: float | None = None) -> None:
        """Wait until every write queued so far is done (or failed)."""
        if self._thread is not None and not self._closed:
            done = threading.Event()
            self._put(done)
            done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Finish the queued writes and close the database (idempotent)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(timeout)

    # -- writer thread ---------------------------------------------------------------------

    def _put(self, item: object) -> bool:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="explainbot-store", daemon=True
                )
                self._thread.start()
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            if not self._overflowed:
                self._overflowed = True  # logged once per process; a stuck disk shows up here
                log.error("question log %s is falling behind; dropping writes", self.path)
            return False
        return True

    def _resting(self) -> bool:
        since = self._failing_since
        return since is not None and self._clock() - since < self._retry_after

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            if isinstance(item, threading.Event):
                item.set()
                continue
            if self._resting():
                continue  # dropped: the database failed moments ago
            try:
                self._write(self._connect(), item)
            except Exception as exc:  # whatever goes wrong, the writer thread lives on
                self._drop_connection()
                self._fail(f"{type(exc).__name__}: {exc}")
            else:
                self._recovered()
        self._drop_connection()

    def _write(self, conn: sqlite3.Connection, item: object) -> None:
        if isinstance(item, _Vote):
            # Only for questions that exist: a forged or expired button changes nothing.
            conn.execute(
                "INSERT INTO votes (question_id, user_hash, helpful, voted_at) "
                "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?) "
                "ON CONFLICT (question_id, user_hash) DO UPDATE SET "
                "helpful = excluded.helpful, voted_at = excluded.voted_at",
                (
                    item.question_id,
                    self._hash(item.user_id),
                    int(item.helpful),
                    item.voted_at,
                    item.question_id,
                ),
            )
            return
        assert isinstance(item, tuple)
        question_id, rec = item
        conn.execute(
            "INSERT OR IGNORE INTO questions (id, asked_at, platform, channel_kind, question, "
            "outcome, snippet_id, score, user_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                question_id,
                rec.asked_at,
                rec.platform,
                rec.channel_kind,
                normalize_question(rec.question),
                rec.outcome,
                rec.snippet_id,
                round(float(rec.score), 2),
                self._hash(rec.user_id) if rec.user_id else "",
            ),
        )

    def _hash(self, user_id: str) -> str:
        assert self._salt is not None
        return hmac.new(self._salt, user_id.encode(), hashlib.sha256).hexdigest()[:32]

    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable enough, fast
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, where=str(self.path))
            if self._salt is None:
                self._salt = _stored_salt(conn).encode()
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    def _drop_connection(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):  # broken: nothing left to save
                self._conn.close()
            self._conn = None

    def _fail(self, reason: str) -> None:
        self._failing_since = self._clock()
        if not self._reported:
            self._reported = True
            log.error(
                "question log %s cannot be written (%s); answering continues without it, "
                "retrying every %.0f s",
                self.path,
                reason,
                self._retry_after,
            )

    def _recovered(self) -> None:
        if self._failing_since is not None:
            self._failing_since = None
            if self._reported:
                self._reported = False
                log.info("question log %s is being written again", self.path)


def _stored_salt(conn: sqlite3.Connection) -> str:
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)", (secrets.token_hex(16),)
    )
    row = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
    return str(row[0])


def store_from_env(environ: Mapping[str, str] | None = None) -> QuestionStore:
    """A store at :func:`default_db_path` salted with ``$EXPLAINBOT_SALT`` when set."""
    env = os.environ if environ is None else environ
    return QuestionStore(default_db_path(env), salt=env.get(SALT_ENV) or None)
