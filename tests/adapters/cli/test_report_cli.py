"""``explainbot report`` end to end: the real parser, a seeded database, real output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.cli.main import main
from bot.store import QuestionRecord, QuestionStore

RAG = """\
id: rag
title: Retrieval-augmented generation
summary: RAG lets a language model look things up before it answers.
questions:
  - what is retrieval augmented generation
  - explain rag
  - how does rag work
body: |
  RAG fetches relevant passages first and hands them to the model with the question.
"""


def seed(path: Path, rows: list[tuple[float, str, str, str | None, str, str]]) -> None:
    """rows: (seconds ago, question, outcome, snippet id, user, platform)."""
    store = QuestionStore(path)
    now = time.time()
    for ago, text, outcome, snippet, user, platform in rows:
        store.record(
            QuestionRecord(
                asked_at=now - ago,
                platform=platform,
                channel_kind="channel",
                question=text,
                outcome=outcome,
                snippet_id=snippet,
                score=50.0,
                user_id=user,
            )
        )
    store.close()


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    (directory / "rag.yaml").write_text(RAG, encoding="utf-8")
    return directory


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXPLAINBOT_DB", raising=False)
    monkeypatch.delenv("EXPLAINBOT_KNOWLEDGE", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "explainbot.db"
    seed(
        path,
        [
            (600, "What is RAG??", "none", None, "U1", "slack"),
            (560, "retrieval augmented generation", "answer", "rag", "U1", "slack"),
            (500, "what is rag", "none", None, "U2", "discord"),
            (400, "explain rag", "suggest", None, "U3", "slack"),
            (390, "rag", "answer", "rag", "U3", "slack"),  # already a known wording: skipped
            (300, 'say "hi": a #1 test', "suggest", None, "U4", "slack"),
            (290, "rag please", "answer", "rag", "U4", "slack"),
            (20 * 86_400, "ancient question", "none", None, "U5", "slack"),
        ],
    )
    return path


def test_text_report_with_questions_ready_to_paste(
    db: Path, knowledge: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--db", str(db), "--knowledge", str(knowledge), "--since", "7d"]) == 0
    out = capsys.readouterr().out
    assert "explainbot report: 7 questions" in out
    assert "answer" in out and "slack" in out and "discord" in out
    assert "ancient question" not in out
    lines = out.splitlines()
    grouped = next(line for line in lines if "what is rag??" in line or "what is rag" in line)
    # "what is rag??", "what is rag" and "explain rag": one group (the same content words)
    assert grouped.split()[0] == "3"
    start = lines.index("# knowledge/rag.yaml")
    pasted = "\n".join(lines[start:])
    assert yaml.safe_load(pasted) == {"questions": ["what is rag??", 'say "hi": a #1 test']}
    assert "Most asked topics" in out and "      3  rag" in out


def test_json_report(db: Path, knowledge: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", str(db), "--knowledge", str(knowledge), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 8
    assert data["by_outcome"] == {"answer": 3, "none": 3, "suggest": 2}
    assert data["by_platform"]["discord"] == {"none": 1}
    assert data["since"] is None
    assert [s["question"] for s in data["suggested"]] == ["what is rag??", 'say "hi": a #1 test']
    assert {g["text"] for g in data["unanswered"]} >= {"ancient question"}


def test_missing_database_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "none" / "explainbot.db"
    assert main(["report", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == f"No questions recorded yet: {path} does not exist.\n"
    assert not path.parent.exists()


def test_nothing_in_the_period(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", str(db), "--since", "1m"]) == 0
    assert capsys.readouterr().out == f"No questions recorded in the last 1m in {db}.\n"
    assert main(["report", "--db", str(db), "--since", "1m", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0


def test_bad_since_is_one_clear_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--db", str(db), "--since", "a week"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("explainbot: --since: 'a week' is not a period")
    assert len(err.splitlines()) == 1


def test_corrupt_database_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 300)
    assert main(["report", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"explainbot: {bad}: not a readable explainbot database")


def test_the_installed_command_reads_explainbot_db(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    seed(path, [])  # no rows: the store creates nothing until the first write
    env = {**os.environ, "EXPLAINBOT_DB": str(path)}
    env.pop("EXPLAINBOT_KNOWLEDGE", None)
    done = subprocess.run(
        [sys.executable, "-m", "adapters.cli.main", "report"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"No questions recorded yet: {path} does not exist.\n"


def test_report_reads_the_configured_database(
    database: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = database.store()
    store.record(
        QuestionRecord(
            asked_at=time.time(), platform="slack", channel_kind="dm",
            question="mail me at jane@example.com about lora", outcome="none", snippet_id=None,
            score=10.0, user_id="U1",
        )
    )  # fmt: skip
    store.close()
    for name, value in database.env().items():
        monkeypatch.setenv(name, value)
    assert main(["report", "--json", "--since", "1h"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1 and data["database"] == (database.url or str(database.path))
    assert data["unanswered"] == [
        {"text": "mail me at [email] about lora", "count": 1, "variants": []}
    ]
