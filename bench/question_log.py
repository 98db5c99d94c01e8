"""Question-log faults, measured: records lost to a long write lock and to kill -9.

    python bench/question_log.py [--lock 12] [--records 200]

1. ``lock``: another connection holds SQLite's write lock for ``--lock`` seconds while the
   store accepts ``--records`` questions and votes; then the lock is released and the store
   closed. Prints what was accepted, what reached the database, and how long after the release
   the last record landed.
2. ``kill``: a child process accepts ``--records`` questions while the lock is held and is
   killed with SIGKILL 2 s later; a new store is then opened on the same file (as a restarted
   bot would) and the rows are counted.

Runs whatever ``bot.store`` is importable (set PYTHONPATH to an older checkout to compare).
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.store import QuestionRecord, QuestionStore


def record(i: int) -> QuestionRecord:
    return QuestionRecord(
        asked_at=time.time(), platform="slack", channel_kind="channel",
        question=f"question {i}", outcome="answer", snippet_id="rag", score=90.0, user_id=f"U{i}",
    )  # fmt: skip


def count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        try:
            return int(conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0])
        except sqlite3.OperationalError:  # never written
            return 0


def lock_case(directory: Path, seconds: float, n: int) -> None:
    path = directory / "lock.db"
    store = QuestionStore(path)
    store.record(record(-1))
    store.flush()
    lock = sqlite3.connect(path, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    accepted = 0
    for i in range(n):
        accepted += store.record(record(i)) is not None
        time.sleep(seconds / 2 / n)  # spread over the first half of the lock
    time.sleep(seconds / 2)
    lock.execute("ROLLBACK")
    released = time.monotonic()
    deadline = released + 15
    while count(path) < accepted + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    landed = time.monotonic() - released
    store.close()
    stored = count(path) - 1
    when = (
        f"{landed:.2f} s after the release" if stored == accepted else "never (gave up after 15 s)"
    )
    print(
        f"lock {seconds:.0f} s: {n} asked, {accepted} accepted (feedback buttons), {stored} "
        f"stored, {n - stored} lost; last record stored {when}"
    )


def odd_text_case(directory: Path) -> None:
    path = directory / "odd.db"
    store = QuestionStore(path)
    texts = ["what is \ud83d rag", "nul \x00 here", *(f"question {i}" for i in range(10))]
    accepted = 0
    for text in texts:
        entry = record(0)
        accepted += store.record(QuestionRecord(**{**_fields(entry), "question": text})) is not None
    store.flush(5.0)
    store.close()
    print(
        f"a lone surrogate and a NUL among {len(texts)} questions: {accepted} accepted, "
        f"{count(path)} stored"
    )


def _fields(entry: QuestionRecord) -> dict[str, object]:
    return {name: getattr(entry, name) for name in QuestionRecord.__slots__}  # type: ignore[attr-defined]


def child(path: str, n: int) -> None:
    store = QuestionStore(Path(path))
    for i in range(n):
        store.record(record(i))
    print("accepted", flush=True)
    time.sleep(3600)


def kill_case(directory: Path, n: int, *, outage: bool = True, after: float = 2.0) -> None:
    path = directory / f"kill-{outage}-{after}.db"
    QuestionStore(path).close()
    lock = sqlite3.connect(path, isolation_level=None)
    if outage:
        lock.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(path), "--records", str(n)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    proc.stdout.readline()
    time.sleep(after)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if outage:
        lock.execute("ROLLBACK")
    lock.close()
    QuestionStore(path).close()  # a restarted bot opens the store
    stored = count(path)
    when = f"{after:g} s into an outage" if outage else f"{after:g} s after a burst, no outage"
    print(f"kill -9 {when}: {n} accepted, {stored} stored after restart, {n - stored} lost")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lock", type=float, default=12.0)
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.records)
        return
    with tempfile.TemporaryDirectory() as tmp:
        lock_case(Path(tmp), args.lock, args.records)
        kill_case(Path(tmp), args.records)
        for after in (0.0, 0.05):
            kill_case(Path(tmp), args.records, outage=False, after=after)
        odd_text_case(Path(tmp))


if __name__ == "__main__":
    main()
