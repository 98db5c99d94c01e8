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


def test_a_command_builds_only_its_own_parsers() -> None:
    """``explainbot ask`` (a cold start) does not import the report, purge or serve modules;
    a line that names no command builds them all."""
    code = (
        "import sys; from adapters.cli.main import build_parser; build_parser(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.startswith('adapters.')))"
    )

    def modules(*argv: str) -> set[str]:
        done = subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return set(json.loads(done.stdout.replace("'", '"')))

    others = {"adapters.cli.report", "adapters.cli.purge", "adapters.slack.cli"}
    assert not modules("ask", "--json", "llm vs genai") & others
    assert not modules("topics") & others
    assert "adapters.slack.cli" in modules("serve", "slack", "--port", "0")
    assert "adapters.cli.report" not in modules("serve", "slack")
    assert others | {"adapters.discord.cli", "adapters.cli.commands"} <= modules()
    assert others <= modules("--help")


def test_every_command_parses_alike_alone_and_in_the_whole_parser() -> None:
    from adapters.cli.main import build_parser

    for line in (["ask", "--json", "x"], ["topics", "--json"], ["check"], ["report"]):
        alone = vars(build_parser(line).parse_args(line))
        whole = vars(build_parser().parse_args(line))
        assert alone.keys() == whole.keys()
        assert {k: v for k, v in alone.items() if k != "func"} == {
            k: v for k, v in whole.items() if k != "func"
        }
        assert alone["func"].__qualname__ == whole["func"].__qualname__
