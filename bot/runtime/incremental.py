"""Loading a knowledge directory again after an edit: only what changed is read again.

:class:`IncrementalLoader` is the reloader's ``load`` (and the serving start's): files whose
bytes are unchanged are not parsed or validated again (the snippets of the last scan are
reused), and a large base's index is built in a child process (:mod:`bot.runtime.buildproc`) that
keeps the analysed texts of the last build and analyses only the changed snippets. The result
is what a load from scratch gives (``tests/bot/runtime/test_incremental.py``).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from pathlib import Path

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import CheckedFile, Scan, read_knowledge, validate_files
from bot.runtime.buildproc import (
    SEPARATE_MIN_QUESTIONS,
    TIMEOUT_S,
    load_knowledge_separately,
    start_child,
)
from bot.runtime.pauses import quick_switches


class IncrementalLoader:
    """``load(directory)`` that reuses the previous load's work for unchanged files.

    Args:
        min_questions: from this many example questions the index is built in a child process.
        timeout: of the child's build, in seconds.
        fallback: when the child fails, build in this process instead of raising.
    """

    def __init__(
        self,
        *,
        min_questions: int = SEPARATE_MIN_QUESTIONS,
        timeout: float = TIMEOUT_S,
        fallback: bool = False,
    ) -> None:
        self._min_questions = min_questions
        self._timeout = timeout
        self._fallback = fallback
        self._memo: dict[tuple[str, bytes], CheckedFile] = {}
        self._paths: tuple[Path, dict[str, Path]] | None = None  # the last directory's files
        self._separate = False  # the last load built in a child: so will the next, likely
        self._lock = threading.Lock()  # one load at a time: they share the memo and state
        folder = Path(tempfile.mkdtemp(prefix="explainbot-analysis-"))
        self.state = folder / "analysis.npz"
        self._cleanup = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)

    def scan(self, directory: Path) -> Scan:
        """Read every file; validate only those whose bytes changed since the last scan."""
        directory = Path(directory)
        if self._paths is None or self._paths[0] != directory:
            self._paths = (directory, {})
        return validate_files(read_knowledge(directory, self._paths[1]), self._memo)

    def __call__(self, directory: Path, *, fallback: bool | None = None) -> KnowledgeBase:
        """Load ``directory`` (see :func:`bot.runtime.buildproc.load_knowledge_separately`).

        Raises:
            KnowledgeError: the files do not validate, or the child failed.
        """
        # Answers go on meanwhile: hand them the interpreter lock back sooner (bot.runtime.pauses).
        with self._lock, quick_switches():
            # Start the child now, so that its imports overlap the scan.
            child = start_child() if self._separate else None
            kb = load_knowledge_separately(
                directory,
                min_questions=self._min_questions,
                timeout=self._timeout,
                fallback=self._fallback if fallback is None else fallback,
                scan=self.scan,
                state=self.state,
                child=child,
            )
            self._separate = kb.index.n_questions >= self._min_questions
            return kb

    def close(self) -> None:
        """Remove the stored analysis (also done when the loader is garbage collected)."""
        self._cleanup()
