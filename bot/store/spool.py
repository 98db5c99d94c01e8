"""A local file that holds rows while the database cannot take them.

While writes fail, the writer appends what it holds to this file (JSON lines, fsync'd), so a
process killed during an outage loses only what arrived since the last append (a fraction of a
second); the rows are written on the next start. Rows are already hashed and scrubbed: the spool
holds nothing the database would not. Mode 0600.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from bot.store.records import QuestionRow, Row, VoteRow

log = logging.getLogger(__name__)


class Spool:
    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, rows: Sequence[Row]) -> None:
        """Append and fsync.

        Raises:
            OSError: the file cannot be written.
        """
        if not rows:
            return
        lines = "".join(
            json.dumps({"t": "q" if isinstance(r, QuestionRow) else "v", **asdict(r)}) + "\n"
            for r in rows
        )
        self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, lines.encode())
            os.fsync(fd)
        finally:
            os.close(fd)

    def read(self) -> list[Row]:
        """The rows held; a torn last line (the process died mid-append) is skipped."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return []
        except OSError as exc:  # e.g. its directory is a file: nothing could have been kept
            log.warning("cannot read %s: %s", self.path, exc)
            return []
        rows: list[Row] = []
        for line in text.splitlines():
            try:
                data = json.loads(line)
                kind = data.pop("t")
                rows.append(QuestionRow(**data) if kind == "q" else VoteRow(**data))
            except (ValueError, TypeError, KeyError):
                log.warning("skipping an unreadable line in %s", self.path)
        return rows

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
