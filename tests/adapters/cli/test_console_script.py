"""The installed ``explainbot`` console script, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "explainbot"
VALID = Path(__file__).parents[2] / "fixtures" / "knowledge" / "valid"
KEYS = {"question", "status", "id", "ids", "title", "score", "suggestions", "reason", "missing"}

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="explainbot is not installed")


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(SCRIPT), *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def test_ask_json_argument() -> None:
    done = run("ask", "--json", "--knowledge", str(VALID), "topics")
    assert done.returncode == 0, done.stderr.decode()
    (line,) = done.stdout.decode().splitlines()
    obj = json.loads(line)
    assert set(obj) == KEYS and obj["question"] == "topics" and obj["status"] == "none"


def test_ask_json_stdin_one_line_per_question() -> None:
    questions = ["what is alpha", "help", "b\u00e9ta model", "alpha vs beta"] * 25
    stdin = "\n".join(questions).encode() + b"\n\xff\n"
    done = run("ask", "--json", "--knowledge", str(VALID), stdin=stdin)
    assert done.returncode == 0, done.stderr.decode()
    objs = [json.loads(line) for line in done.stdout.decode("ascii").splitlines()]
    assert [o["question"] for o in objs] == [*questions, "\ufffd"]
    assert all(set(o) == KEYS for o in objs)
    assert done.stderr == b""


def test_bad_knowledge_directory_is_not_a_traceback(tmp_path: Path) -> None:
    done = run("ask", "--knowledge", str(tmp_path / "missing"), "what is alpha")
    assert done.returncode == 1
    assert b"directory does not exist" in done.stderr and b"Traceback" not in done.stderr
