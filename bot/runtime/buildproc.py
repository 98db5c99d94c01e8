"""Build a large knowledge base's index in a separate process (serving start and reload).

A build in the serving process would hold the interpreter lock for seconds at a time during a
reload (answers pause), hold the build's temporaries beside the live index (the peak doubles)
and, even after they are freed, leave the process larger than its index: the allocator keeps
pages that a few surviving objects pin. Here the serving process only scans and validates the
files; a child process (``python -m bot.runtime.buildproc DIR OUT``) builds the index and hands it
over as a file (:mod:`bot.matching.indexfile`), which the server reads and checks against its own
scan's content key, so the server grows by about the index alone. Small bases are built in process:
their temporaries are small and starting a process would cost more than the build.

Given a ``state`` file, the server hands the child its validated snippets (no second scan of
the YAML) and the child keeps the analysed texts there between builds
(:mod:`bot.matching.analysis`): a reload analyses only the snippets that changed, and builds the
same index as from scratch.

The child also asks the answer threshold's held-out questions of an index built without them
(:func:`bot.matching.trust.threshold.held_out_trials`, with the default typo cutoff): that second
build would otherwise run in the serving process when the engine prepares the new knowledge
(seconds at 100,000 questions, answers slowed on the interpreter lock, and its temporaries on
top of the live index). It does so after handing the index over (:mod:`bot.runtime.buildchild`):
the knowledge base comes back with them pending, and the engine answers with the previous
threshold until they arrive (:mod:`bot.matching.trust.fitted`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path

from bot.errors import KnowledgeError
from bot.knowledge.base import KnowledgeBase, build_knowledge
from bot.knowledge.loader import Scan, scan_knowledge
from bot.matching.analysis import Analysis
from bot.matching.indexfile import code_hash, content_key, read_index, storable, write_index
from bot.matching.matcher import TYPO_CUTOFF, MatchIndex
from bot.matching.trust.threshold import Trials, held_out_trials
from bot.matching.trust.trialsfile import from_doc, to_doc
from bot.models import Problem, Snippet
from bot.runtime.buildchild import READY, WAIT, BuildChild, start_child, stop_child
from bot.runtime.memory import LARGE_BUILD_QUESTIONS, release_freed_memory

__all__ = ["load_knowledge_separately", "main", "start_child", "stop_child"]

log = logging.getLogger(__name__)

# From where a build's temporaries matter (CLINC150's 15,000 questions: a serving process
# peak of 145 MiB in process vs 62 MiB beside a child, in the same wall time, 2.5 s).
SEPARATE_MIN_QUESTIONS = LARGE_BUILD_QUESTIONS
TIMEOUT_S = 900.0


FOLDER_PREFIX = "explainbot-build-"


def load_knowledge_separately(
    directory: Path,
    *,
    min_questions: int = SEPARATE_MIN_QUESTIONS,
    timeout: float = TIMEOUT_S,
    fallback: bool = False,
    scan: Callable[[Path], Scan] = scan_knowledge,
    state: Path | None = None,
    child: BuildChild | None = None,
) -> KnowledgeBase:
    """:func:`bot.knowledge.loader.load_knowledge`, with the index of a large base built in a child
    process.

    Args:
        fallback: when the child fails, build in this process instead of raising (a start,
            which has no knowledge to keep serving, prefers a larger process to none).
        scan: reads and validates the directory (:class:`bot.runtime.incremental.IncrementalLoader`
            passes one that re-validates only changed files).
        state: where the child keeps the analysed texts between builds; given, the child
            gets the snippets from this process instead of scanning the directory again.
        child: one :func:`start_child` started before this call (its imports then overlap
            the scan); used, or stopped when no child build is needed.

    Raises:
        KnowledgeError: the files do not validate, or the child failed (or saw other files)
            and ``fallback`` is False.
    """
    directory = Path(directory)
    try:
        found = scan(directory)
    except BaseException:
        stop_child(child)
        raise
    if found.errors:
        stop_child(child)
        raise KnowledgeError(found.errors)
    snippets = found.snippets
    synonyms = {k: tuple(v) for k, v in found.synonyms.items()}
    n_questions = sum(len(s.questions) for s in snippets)
    if n_questions < min_questions or not storable():
        stop_child(child)
        return build_knowledge(snippets, synonyms, source=directory, warnings=found.warnings)
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    out = folder / "index.npz"
    try:
        arguments = [str(directory), str(out)]
        nonce = None
        if state is not None:
            request = folder / "snippets.jsonl"
            write_snippets(request, snippets, synonyms)
            nonce = uuid.uuid4().hex
            arguments += ["--state", str(state), "--snippets", str(request), "--key", nonce]
        child = child or start_child()
        error: str | None = "OSError: the build process could not be started"
        if child is not None:
            error = child.hand_over(arguments, timeout)
        # Handed our snippets, the child builds them and nothing else: a key naming this
        # request (and the building code) is enough, and costs no pass over 100,000 questions
        # beside answers. A child that scans the directory itself may see other files.
        key = request_key(nonce) if nonce is not None else content_key(snippets, synonyms)
        failed, detail = (True, error) if error or child is None else child.until_index()
        index = None if failed else read_index(out, key, snippets, synonyms)
        out.unlink(missing_ok=True)  # read: its 100 MB (at 100,000 questions) can go
    except BaseException:
        stop_child(child)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if index is None or child is None:
        stop_child(child)  # its trials would be another content's
        shutil.rmtree(folder, ignore_errors=True)
        why = detail if failed else "the files changed during the build; the next change reloads"
        message = f"index build in a separate process failed: {why}"[:500]
        if fallback:
            log.warning("%s; building in this process", message)
            return build_knowledge(snippets, synonyms, source=directory, warnings=found.warnings)
        raise KnowledgeError((Problem(path=directory, line=0, field="knowledge", message=message),))
    release_freed_memory()
    return build_knowledge(
        snippets,
        synonyms,
        source=directory,
        warnings=found.warnings,
        index=index,
        pending_trials=_trials_later(child, out, key, folder),
    )


def _trials_later(child: BuildChild, out: Path, key: str, folder: Path) -> Future[Trials | None]:
    """The held-out trials the child is still making: resolved when it exits (None when it
    failed), and its folder then removed."""
    pending: Future[Trials | None] = Future()

    def finished(succeeded: bool) -> None:
        trials = None
        try:  # whatever happens, the future resolves: a first load waits on it
            trials = read_trials(out, key) if succeeded else None
            if not succeeded:
                log.warning("the build process failed after the index: %s", child.last_error())
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            pending.set_result(trials)

    child.finish_later(finished)
    return pending


def request_key(nonce: str) -> str:
    """The key of an index built from the snippets handed over with ``nonce``."""
    return f"request {nonce} {code_hash()}"


def trials_path(out: Path) -> Path:
    return out.with_name(out.stem + ".trials.json")


def write_trials(out: Path, trials: Trials, key: str) -> None:
    """Store the threshold's held-out trials beside the index file ``out``."""
    doc = {"key": key, **to_doc(trials)}
    trials_path(out).write_text(json.dumps(doc), encoding="utf-8")


def read_trials(out: Path, key: str) -> Trials | None:
    """The trials stored beside ``out`` for content ``key``; None when absent or another's
    (the engine then makes them itself)."""
    try:
        doc = json.loads(trials_path(out).read_text(encoding="utf-8"))
        if doc["key"] != key:
            return None
        return from_doc(doc)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_snippets(
    path: Path, snippets: Sequence[Snippet], synonyms: Mapping[str, Sequence[str]]
) -> None:
    """What the index reads of the snippets, one JSON line each (the synonyms first)."""
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps(sorted((k, list(v)) for k, v in synonyms.items())) + "\n")
        for s in snippets:  # a line at a time: no one long call holding the interpreter lock
            f.write(json.dumps([s.id, s.title, s.aliases, s.questions]) + "\n")


def read_snippets(path: Path) -> tuple[list[Snippet], dict[str, tuple[str, ...]]]:
    """:func:`write_snippets`'s file: snippets holding what the index reads, and synonyms."""
    with path.open(encoding="utf-8") as f:
        synonyms = {str(k): tuple(v) for k, v in json.loads(f.readline())}
        snippets = [
            Snippet(id=i, title=t, summary="", questions=tuple(q), body="", aliases=tuple(a))
            for i, t, a, q in map(json.loads, f)
        ]
    return snippets, synonyms


def main(argv: Sequence[str]) -> int:
    """Child process: ``DIR OUT [--state STATE --snippets FILE --key NONCE]``: build the
    index of the snippets of ``DIR`` (or of ``FILE``, from :func:`write_snippets`) and write it
    to ``OUT`` (keyed by :func:`request_key` of ``NONCE``, else by the content key); with
    ``STATE``, start from the analysis stored there and store this build's. ``--wait``:
    read those arguments as one JSON line from stdin (nothing: exit)."""
    server = os.getppid()  # a child outliving its server removes its own folder
    if list(argv) == [WAIT]:
        # What the build would import on first use, imported while the server still scans.
        import zipfile  # noqa: F401  (numpy's .npz files)

        from scipy import sparse  # noqa: F401

        line = sys.stdin.readline()
        if not line.strip():
            return 0
        argv = [str(a) for a in json.loads(line)]
    directory, out = Path(argv[0]), Path(argv[1])
    options = dict(zip(argv[2::2], argv[3::2], strict=True))
    if "--snippets" in options:
        snippets, synonyms = read_snippets(Path(options["--snippets"]))
    else:
        scan = scan_knowledge(directory)
        if scan.errors:
            print(f"{len(scan.errors)} problem(s), first: {scan.errors[0]}", file=sys.stderr)
            return 2
        snippets = list(scan.snippets)
        synonyms = {k: tuple(v) for k, v in scan.synonyms.items()}
    state = Path(options["--state"]) if "--state" in options else None
    previous = Analysis.load(state, code_hash()) if state is not None else None
    analysis = Analysis.of(snippets, synonyms, previous)
    index = MatchIndex.build_from(analysis, synonyms)
    nonce = options.get("--key")
    key = request_key(nonce) if nonce is not None else content_key(snippets, synonyms)
    write_index(index, out, key)
    del index  # before the second build
    if state is not None:
        tmp = state.with_name(state.name + ".tmp")
        analysis.save(tmp, code_hash())
        os.replace(tmp, state)
    # The server reads the index and serves it now; the trials follow (bot.matching.trust.fitted).
    try:
        print(READY, flush=True)
    except BrokenPipeError:  # the server is gone: nobody will read either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _discard(out)
        return 0
    if os.getppid() != server:
        _discard(out)
        return 0

    def build_kept(kept: Sequence[Snippet]) -> MatchIndex:
        # Only the snippets that lost a question are analysed again.
        return MatchIndex.build_from(Analysis.of(kept, synonyms, analysis), synonyms)

    trials = held_out_trials(snippets, synonyms, typo_cutoff=TYPO_CUTOFF, build=build_kept)
    write_trials(out, trials, key)
    if os.getppid() != server:  # it went while the trials were made: they were its to remove
        _discard(out)
    return 0


def _discard(out: Path) -> None:
    """Remove the build folder the server made for ``out`` (never any other folder)."""
    if out.parent.name.startswith(FOLDER_PREFIX):
        shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
