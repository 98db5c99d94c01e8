"""The serving process's side of a build child (:mod:`bot.runtime.buildproc`): start it early,
hand it its arguments, wait until it has written the index, and let it finish the rest (the
answer threshold's held-out trials) while the new knowledge is already served.

The child says ``READY`` on its standard output once the index file (and the analysis state)
is written; it then goes on with the trials and exits. Its standard error goes to an unnamed
temporary file rather than a pipe: nobody reads a pipe while the child runs, and a chatty
child must never block on a full one.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from typing import IO

READY = "index-written"
WAIT = "--wait"


class BuildChild:
    """A started ``python -m bot.runtime.buildproc --wait`` (see the module docstring).

    Args:
        process: the child, waiting for its arguments on stdin.
        errors: the file its standard error goes to.
    """

    def __init__(self, process: subprocess.Popen[bytes], errors: IO[bytes]) -> None:
        self.process = process
        self._errors = errors
        self._error_text = ""
        self._timer: threading.Timer | None = None

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    def hand_over(self, arguments: Sequence[str], timeout: float) -> str | None:
        """Give the child its ``arguments``; why that failed, or None. The child is killed
        when ``timeout`` seconds pass before it exits (the index and the rest together)."""
        # A timer, not a timed read: the kill also ends a read blocked on the child's stdout.
        self._timer = threading.Timer(timeout, self.process.kill)
        self._timer.daemon = True
        self._timer.start()
        assert self.process.stdin is not None  # started with pipes
        try:
            self.process.stdin.write(json.dumps(list(arguments)).encode() + b"\n")
            self.process.stdin.close()
        except OSError as exc:
            self.stop()
            return f"{type(exc).__name__}: {exc}"
        return None

    def until_index(self) -> tuple[bool, str]:
        """Wait until the child has written the index; (failed, why). A failed child is
        reaped."""
        assert self.process.stdout is not None  # started with pipes
        try:
            while line := self.process.stdout.readline():
                if line.strip() == READY.encode():
                    return False, ""
        except OSError as exc:
            self.stop()
            return True, f"{type(exc).__name__}: {exc}"
        self.wait()
        killed = self.process.returncode is not None and self.process.returncode < 0
        return True, "timed out" if killed else self.last_error() or "the build process failed"

    def wait(self) -> bool:
        """Wait for the child to exit (and close its files); True when it succeeded."""
        self.process.wait()
        if self._timer is not None:
            self._timer.cancel()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # a write a dead child never read
                    pipe.close()
        if not self._errors.closed:
            self._errors.seek(0)
            self._error_text = self._errors.read().decode("utf-8", "replace")
            self._errors.close()
        return self.process.returncode == 0

    def finish_later(self, then: Callable[[bool], None]) -> None:
        """In a daemon thread: wait for the child to exit, then call ``then(succeeded)``."""

        def run() -> None:
            then(self.wait())

        threading.Thread(target=run, name="explainbot-build-child", daemon=True).start()

    def stop(self) -> None:
        """Kill the child (one that will not be given a build, or whose work is not wanted)."""
        self.process.kill()
        self.wait()

    def last_error(self) -> str:
        """The last line the child wrote to its standard error (once it has exited)."""
        lines = self._error_text.strip().splitlines()
        return lines[-1] if lines else ""


def start_child() -> BuildChild | None:
    """A child that imports what a build needs (numpy, scipy, the matcher: about 0.4 s) and
    then waits for its arguments on stdin; None when it cannot be started."""
    command = [sys.executable, "-m", "bot.runtime.buildproc", WAIT]
    try:
        errors = tempfile.TemporaryFile()  # noqa: SIM115 (the BuildChild owns it)
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors
        )
    except OSError:
        return None
    return BuildChild(process, errors)


def stop_child(child: BuildChild | None) -> None:
    """Stop a waiting child that will not be given a build."""
    if child is not None:
        child.stop()
