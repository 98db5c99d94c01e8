"""Build a large knowledge base's index in a separate process (serving start and reload).

A build in the serving process would hold the interpreter lock for seconds at a time during a
reload (answers pause), hold the build's temporaries beside the live index (the peak doubles)
and, even after they are freed, leave the process larger than its index: the allocator keeps
pages that a few surviving objects pin. Here the serving process only scans and validates the
files; a child process (``python -m bot.runtime.buildproc DIR OUT``) builds the index and hands it
over
as a file (:mod:`bot.matching.indexfile`), which the server reads and checks against its own scan's
content key, so the server grows by about the index alone. Small bases are built in process:
their temporaries are small and starting a process would cost more than the build.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bot.errors import KnowledgeError
from bot.knowledge.base import KnowledgeBase, build_knowledge
from bot.knowledge.loader import scan_knowledge
from bot.matching.indexfile import content_key, read_index, storable, write_index
from bot.matching.matcher import MatchIndex
from bot.models import Problem
from bot.runtime.memory import LARGE_BUILD_QUESTIONS, release_freed_memory

log = logging.getLogger(__name__)

# From where a build's temporaries matter (CLINC150's 15,000 questions: a serving process
# peak of 145 MiB in process vs 62 MiB beside a child, in the same wall time, 2.5 s).
SEPARATE_MIN_QUESTIONS = LARGE_BUILD_QUESTIONS
TIMEOUT_S = 900.0


def load_knowledge_separately(
    directory: Path,
    *,
    min_questions: int = SEPARATE_MIN_QUESTIONS,
    timeout: float = TIMEOUT_S,
    fallback: bool = False,
) -> KnowledgeBase:
    """:func:`bot.knowledge.loader.load_knowledge`, with the index of a large base built in a child
    process.

    Args:
        fallback: when the child fails, build in this process instead of raising (a start,
            which has no knowledge to keep serving, prefers a larger process to none).

    Raises:
        KnowledgeError: the files do not validate, or the child failed (or saw other files)
            and ``fallback`` is False.
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
                [sys.executable, "-m", "bot.runtime.buildproc", str(directory), str(out)],
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
        if fallback:
            log.warning("%s; building in this process", message)
            return build_knowledge(snippets, synonyms, source=directory, warnings=scan.warnings)
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
