"""Build a large knowledge base's index in a separate process (reload at scale).

A reload of a 100,000-question base built in the serving process would hold the interpreter
lock for seconds at a time (answers pause) and hold the build's temporaries beside the live
index (the peak doubles). Here the serving process only scans and validates the files; a
child process (``python -m bot.buildproc DIR OUT``) builds the index and hands it over as a
file (:mod:`bot.indexfile`), which the server reads and checks against its own scan's content
key. Small bases are built in process: starting a process would cost more than the build.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bot.errors import KnowledgeError
from bot.indexfile import content_key, read_index, storable, write_index
from bot.knowledge import KnowledgeBase, build_knowledge
from bot.loader import scan_knowledge
from bot.matcher import MatchIndex
from bot.memory import release_freed_memory
from bot.models import Problem

SEPARATE_MIN_QUESTIONS = 20_000
TIMEOUT_S = 900.0


def load_knowledge_separately(
    directory: Path, *, min_questions: int = SEPARATE_MIN_QUESTIONS, timeout: float = TIMEOUT_S
) -> KnowledgeBase:
    """:func:`bot.loader.load_knowledge`, with the index of a large base built in a child
    process.

    Raises:
        KnowledgeError: the files do not validate, or the child failed (or saw other files).
    """
    directory = Path(directory)
    scan = scan_knowledge(directory)
    if scan.errors:
        raise KnowledgeError(scan.errors)
    snippets = scan.snippets
    synonyms = {k: tuple(v) for k, v in scan.synonyms.items()}
    n_questions = sum(len(s.questions) for s in snippets)
    if n_questions < min_questions or not storable():
        return build_knowledge(snippets, synonyms, source=directory, warnings=scan.warnings)
    key = content_key(snippets, synonyms)
    with tempfile.TemporaryDirectory(prefix="explainbot-build-") as tmp:
        out = Path(tmp) / "index.npz"
        try:
            done = subprocess.run(
                [sys.executable, "-m", "bot.buildproc", str(directory), str(out)],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
            failed = done.returncode != 0
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        except (OSError, subprocess.TimeoutExpired) as exc:
            failed, detail = True, [f"{type(exc).__name__}: {exc}"]
        index = None if failed else read_index(out, key, snippets, synonyms)
    if index is None:
        why = detail[0] if failed else "the files changed during the build; the next change reloads"
        message = f"index build in a separate process failed: {why}"[:500]
        raise KnowledgeError((Problem(path=directory, line=0, field="knowledge", message=message),))
    release_freed_memory()
    return build_knowledge(
        snippets, synonyms, source=directory, warnings=scan.warnings, index=index
    )


def main(argv: Sequence[str]) -> int:
    """Child process: scan ``argv[0]``, build its index, write it to ``argv[1]``."""
    directory, out = Path(argv[0]), Path(argv[1])
    scan = scan_knowledge(directory)
    if scan.errors:
        print(f"{len(scan.errors)} problem(s), first: {scan.errors[0]}", file=sys.stderr)
        return 2
    synonyms = {k: tuple(v) for k, v in scan.synonyms.items()}
    index = MatchIndex.build(scan.snippets, synonyms)
    write_index(index, out, content_key(scan.snippets, synonyms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
