"""Local files that hold rows while the database cannot take them.

While writes fail, the writer appends what it holds to its own spool file (JSON lines, fsync'd),
so a process killed during an outage loses only what arrived since the last append (a fraction
of a second). Each process has its own file beside the database, ``<db>.<pid>-<random>.spool``,
locked (``flock``) for as long as the process lives: several processes sharing a data directory
never clear each other's rows, and a file whose lock is free belongs to a dead process and is
adopted (written to the database) by the next one to start. Rows are already hashed and
scrubbed: a spool holds nothing the database would not. Mode 0600.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import secrets
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from bot.store.records import QuestionRow, Row, VoteRow

log = logging.getLogger(__name__)


class Spool:
    """The spool files of the database at ``db_path``."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = db_path.with_name(f"{db_path.name}.{os.getpid()}-{secrets.token_hex(3)}.spool")
        self._fd: int | None = None

    def append(self, rows: Sequence[Row]) -> None:
        """Append to this process's file and fsync.

        Raises:
            OSError: the file cannot be written.
        """
        if not rows:
            return
        fd = self._open()
        os.write(fd, "".join(_line(r) for r in rows).encode())
        os.fsync(fd)

    def rewrite(self, rows: Sequence[Row]) -> None:
        """Replace this process's file by ``rows`` (after some of what it held was written)."""
        fd = self._open()
        os.ftruncate(fd, 0)
        self.append(rows)

    def clear(self) -> None:
        """Everything it held is in the database."""
        if self._fd is not None:
            os.ftruncate(self._fd, 0)

    def close(self) -> None:
        """Release this process's file: deleted when empty, left (unlocked) for the next start
        otherwise."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            if os.fstat(fd).st_size == 0:
                self.path.unlink()
        os.close(fd)  # releases the lock

    def adopt(self) -> tuple[list[Row], list[Path]]:
        """Rows left by processes that died (their files are unlocked), and those files, to
        delete once the rows are safe."""
        rows: list[Row] = []
        files: list[Path] = []
        try:
            candidates = sorted(self.db_path.parent.glob(f"{self.db_path.name}*.spool"))
        except OSError:
            return rows, files
        for path in candidates:
            if path == self.path:
                continue
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue  # a live process's spool
            try:
                with os.fdopen(os.dup(fd), encoding="utf-8", errors="replace") as f:
                    rows += _parse(f.read(), path)
                files.append(path)
            finally:
                os.close(fd)
        return rows, files

    def _open(self) -> int:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # ours: new name, never contended
            self._fd = fd
        return self._fd


def _line(row: Row) -> str:
    return json.dumps({"t": "q" if isinstance(row, QuestionRow) else "v", **asdict(row)}) + "\n"


def _parse(text: str, path: Path) -> list[Row]:
    """The rows of a spool file; a torn last line (killed mid-append) is skipped."""
    rows: list[Row] = []
    for line in text.splitlines():
        try:
            data = json.loads(line)
            kind = data.pop("t")
            rows.append(QuestionRow(**data) if kind == "q" else VoteRow(**data))
        except (ValueError, TypeError, KeyError):
            log.warning("skipping an unreadable line in %s", path)
    return rows
