"""Building the index in a separate process gives the same answers; failures are refusals."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.loader import load_knowledge, scan_knowledge
from bot.matching.engine import Engine
from bot.matching.indexfile import read_index
from bot.runtime.buildproc import (
    load_knowledge_separately,
    main,
    request_key,
    start_child,
    write_snippets,
)
from bot.settings import bundled_knowledge_dir

QUESTIONS = ["llm vs genai", "what is a transformer", "how do gans work", "what is the weather"]


def test_child_process_index_answers_as_in_process() -> None:
    directory = bundled_knowledge_dir()
    separate = load_knowledge_separately(directory, min_questions=1)
    local = load_knowledge(directory)
    assert separate.snippets == local.snippets and separate.source == directory
    a, b = Engine(separate), Engine(local)
    for q in QUESTIONS:
        assert a.answer(q) == b.answer(q)


def test_a_failed_child_is_a_knowledge_error() -> None:
    with pytest.raises(KnowledgeError, match="separate process"):
        load_knowledge_separately(bundled_knowledge_dir(), min_questions=1, timeout=0.001)


def test_invalid_files_are_refused_before_any_child(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: [not, text]\n")
    with pytest.raises(KnowledgeError):
        load_knowledge_separately(tmp_path, min_questions=1)


def test_a_start_falls_back_to_an_in_process_build(caplog: pytest.LogCaptureFixture) -> None:
    directory = bundled_knowledge_dir()
    kb = load_knowledge_separately(directory, min_questions=1, timeout=0.001, fallback=True)
    assert "building in this process" in caplog.text
    assert Engine(kb).answer("what is a transformer") == Engine(load_knowledge(directory)).answer(
        "what is a transformer"
    )


def test_a_child_started_early_builds_or_is_stopped(tmp_path: Path) -> None:
    directory = bundled_knowledge_dir()
    child = start_child()
    assert child is not None
    kb = load_knowledge_separately(directory, min_questions=1, child=child)
    # It was given the build: the index is handed over, the threshold's trials follow.
    assert kb.pending_trials is not None and kb.pending_trials.result(60) is not None
    assert child.returncode == 0
    local = load_knowledge(directory)
    assert Engine(kb).answer(QUESTIONS[0]) == Engine(local).answer(QUESTIONS[0])
    unused = start_child()
    assert unused is not None
    load_knowledge_separately(directory, child=unused)  # small: built in process
    assert unused.returncode is not None  # stopped, not left waiting
    (tmp_path / "bad.yaml").write_text("id: [not, text]\n")
    refused = start_child()
    assert refused is not None
    with pytest.raises(KnowledgeError):
        load_knowledge_separately(tmp_path, min_questions=1, child=refused)
    assert refused.returncode is not None


def test_an_index_is_read_only_for_the_request_that_asked_for_it(tmp_path: Path) -> None:
    # The child builds the snippets it is handed and labels the index with the request's
    # nonce: another request's index (a stale one) is never read as this one's.
    scan = scan_knowledge(bundled_knowledge_dir())
    request, out = tmp_path / "snippets.jsonl", tmp_path / "index.npz"
    write_snippets(request, scan.snippets, scan.synonyms)
    state = tmp_path / "analysis.npz"
    arguments = ["unused", str(out), "--state", str(state), "--snippets", str(request)]
    assert main([*arguments, "--key", "first"]) == 0
    assert read_index(out, request_key("first"), scan.snippets, scan.synonyms) is not None
    assert read_index(out, request_key("second"), scan.snippets, scan.synonyms) is None


def test_a_child_outliving_its_server_removes_its_folder(tmp_path: Path) -> None:
    """A server that exits while its build child still makes the threshold's trials leaves
    no build folder behind: the child, its parent gone, removes it when done."""
    server = (
        "import os, sys\n"
        "from bot.runtime.buildproc import load_knowledge_separately\n"
        "from bot.settings import bundled_knowledge_dir\n"
        "kb = load_knowledge_separately(bundled_knowledge_dir(), min_questions=1)\n"
        "assert kb.pending_trials is not None\n"
        "print(len(os.listdir(sys.argv[1])), flush=True)\n"
        "os._exit(0)  # gone at once, the child still at its trials\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", server, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"  # the build folder, while the server ran
    deadline = time.monotonic() + 90
    while any(tmp_path.glob("explainbot-build-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(tmp_path.glob("explainbot-build-*"))
