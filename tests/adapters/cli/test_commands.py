"""``explainbot ask``, ``topics`` and ``check`` called in-process through the real parser."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from adapters.cli.main import main
from bot.matching.engine import MatchConfig

FIXTURES = Path(__file__).parents[2] / "fixtures" / "knowledge"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"
VALID_IDS = ["alpha-model", "alpha-vs-beta", "beta-model"]
JSON_KEYS = {
    "question",
    "status",
    "id",
    "ids",
    "title",
    "score",
    "suggestions",
    "reason",
    "missing",
}


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def check_contract(obj: dict[str, Any]) -> None:
    """The ``ask --json`` contract, whatever the matcher decided."""
    assert set(obj) == JSON_KEYS
    assert isinstance(obj["question"], str)
    assert obj["status"] in {"answer", "suggest", "none"}
    assert isinstance(obj["score"], float) and 0.0 <= obj["score"] <= 100.0
    assert isinstance(obj["ids"], list) and all(isinstance(i, str) for i in obj["ids"])
    assert all(set(s) == {"id", "title", "score"} for s in obj["suggestions"])
    if obj["status"] == "answer":
        assert obj["id"] == obj["ids"][0] and isinstance(obj["title"], str)
        assert set(obj["ids"]) <= set(VALID_IDS)
    else:
        assert obj["id"] is None and obj["ids"] == [] and obj["title"] is None
    if obj["status"] == "suggest":
        assert 1 <= len(obj["suggestions"]) <= 3
        assert {s["id"] for s in obj["suggestions"]} <= set(VALID_IDS)


def test_ask_json_topics_is_the_topic_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--knowledge", str(VALID), "--json", "topics"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    obj = json.loads(out)
    check_contract(obj)
    assert obj["question"] == "topics" and obj["status"] == "none"


def test_ask_topics_prints_the_topics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--knowledge", str(VALID), "topics"]) == 0
    out = capsys.readouterr().out
    for sid in VALID_IDS:
        assert sid in out
    assert "A beta model is the second made-up kind of model used in tests." in out


def test_ask_joins_words_into_one_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--knowledge", str(VALID), "--json", "what", "is", "alpha?"]) == 0
    obj = json.loads(capsys.readouterr().out)
    check_contract(obj)
    assert obj["question"] == "what is alpha?"


def test_ask_reads_each_stdin_line_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = ["what is an alpha model", "topics", "alpha vs beta", "", "zzz qqq", "help"]
    feed_stdin(monkeypatch, ("\r\n".join(questions) + "\n").encode())

    assert main(["ask", "--knowledge", str(VALID), "--json"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(questions)
    objs = [json.loads(line) for line in lines]
    for obj in objs:
        check_contract(obj)
    assert [o["question"] for o in objs] == questions
    # The topic-list questions are the engine's contract, not a matching decision.
    assert [objs[i]["status"] for i in (1, 3, 5)] == ["none"] * 3


def test_ask_stdin_survives_bytes_that_are_not_utf8(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, b"caf\xe9 alpha\nbeta\n")
    assert main(["ask", "--knowledge", str(VALID), "--json"]) == 0
    objs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["question"] for o in objs] == ["caf\ufffd alpha", "beta"]


def test_ask_huge_question_gets_a_reply(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "what is alpha " * 75_000  # about 1 MB
    feed_stdin(monkeypatch, huge.encode() + b"\n")
    assert main(["ask", "--knowledge", str(VALID), "--json"]) == 0
    captured = capsys.readouterr()
    obj = json.loads(captured.out)
    check_contract(obj)
    assert obj["question"] == huge and captured.err == ""


def test_ask_text_batch_echoes_long_questions_shortened(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, b"topics\n" + b"x" * 5000 + b"\n")
    assert main(["ask", "--knowledge", str(VALID)]) == 0
    out = capsys.readouterr().out
    assert "> topics\n" in out and "> " + "x" * 200 + "...\n" in out
    assert "x" * 201 not in out


def test_ask_with_missing_knowledge_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope"
    assert main(["ask", "--knowledge", str(missing), "what is alpha"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[0] == f"{missing}:0: knowledge: directory does not exist"
    assert "Traceback" not in captured.err


def test_ask_with_broken_knowledge_prints_each_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ask", "--knowledge", str(BROKEN), "x"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{BROKEN / 'gamma.yaml'}:4: qestions: unknown field; did you mean 'questions'?" in err
    assert f"{BROKEN / 'delta.yaml'}:2: title: expected text, got a list" in err


def test_topics_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", "--json", "--knowledge", str(VALID)]) == 0
    topics = json.loads(capsys.readouterr().out)
    assert [t["id"] for t in topics] == VALID_IDS
    assert all(set(t) == {"id", "title", "summary"} for t in topics)
    assert topics[0]["summary"] == "An alpha model is a made-up kind of model used only in tests."


def test_topics_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", "--knowledge", str(VALID)]) == 0
    out = capsys.readouterr().out
    assert "alpha-vs-beta  Alpha vs beta models" in out


def test_environment_variable_selects_knowledge(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXPLAINBOT_KNOWLEDGE", str(VALID))
    assert main(["topics", "--json"]) == 0
    assert [t["id"] for t in json.loads(capsys.readouterr().out)] == VALID_IDS


def test_knowledge_option_beats_environment_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXPLAINBOT_KNOWLEDGE", str(BROKEN))
    assert main(["topics", "--json", "--knowledge", str(VALID)]) == 0
    assert [t["id"] for t in json.loads(capsys.readouterr().out)] == VALID_IDS


def test_check_valid_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VALID)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "3 valid snippet(s), 0 error(s), 0 warning(s)" in out


def test_check_broken_directory_lists_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BROKEN)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:-1] == [
        f"{BROKEN / 'delta.yaml'}:2: title: expected text, got a list",
        f"{BROKEN / 'gamma.yaml'}:1: questions: missing required field",
        f"{BROKEN / 'gamma.yaml'}:4: qestions: unknown field; did you mean 'questions'?",
        f"{BROKEN / 'gamma.yaml'}:10: related[0]: no snippet has id 'nowhere'",
    ]
    assert lines[-1].startswith("FAILED: ") and "4 error(s)" in lines[-1]


def test_check_defaults_to_the_knowledge_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--knowledge", str(BROKEN)]) == 1
    assert "FAILED" in capsys.readouterr().out


def test_check_warnings_only_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("alpha-model", "beta-model", "alpha-vs-beta"):
        text = (VALID / f"{name}.yaml").read_text(encoding="utf-8")
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "old.yml").write_text("id: old\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'old.yml'}:0: warning: file: not loaded" in out
    assert "0 error(s), 1 warning(s)" in out


def test_check_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 1
    assert "directory does not exist" in capsys.readouterr().out


def test_ask_honours_threshold_variables(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "what is alpha"
    monkeypatch.delenv("EXPLAINBOT_ANSWER_THRESHOLD", raising=False)
    assert main(["ask", "--knowledge", str(VALID), "--json", question]) == 0
    default = json.loads(capsys.readouterr().out)
    assert default["status"] == "answer" and default["score"] < 99
    # Just above the score it got (a fully explained question needs the threshold less the
    # explained discount): the same question is no longer answered.
    discount = MatchConfig().explained_discount
    monkeypatch.setenv("EXPLAINBOT_ANSWER_THRESHOLD", str(default["score"] + discount + 1))
    assert main(["ask", "--knowledge", str(VALID), "--json", question]) == 0
    assert json.loads(capsys.readouterr().out)["status"] != "answer"


def test_ask_with_a_bad_threshold_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXPLAINBOT_ANSWER_THRESHOLD", "lots")
    assert main(["ask", "--knowledge", str(VALID), "what is alpha"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "EXPLAINBOT_ANSWER_THRESHOLD" in err
