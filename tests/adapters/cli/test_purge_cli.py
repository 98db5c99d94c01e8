"""``explainbot purge`` on SQLite and PostgreSQL, through the real parser."""

from __future__ import annotations

import time
from typing import Any

import pytest

from adapters.cli.main import main
from bot.store import QuestionRecord


def _seed(database: Any) -> None:
    store = database.store()
    now = time.time()
    for ago, user in ((40 * 86_400, "U0OLD"), (3_600, "U0FORGETME"), (60, "U0STAYS")):
        qid = store.record(
            QuestionRecord(
                asked_at=now - ago, platform="slack", channel_kind="dm", question="what is rag",
                outcome="answer", snippet_id="rag", score=90.0, user_id=user,
            )
        )  # fmt: skip
        store.vote(question_id=qid, user_id=user, helpful=True, at=now - ago)
    store.close()


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "EXPLAINBOT_DB",
        "EXPLAINBOT_DATABASE_URL",
        "EXPLAINBOT_USER_SALT",
        "EXPLAINBOT_SALT",
    ):
        monkeypatch.delenv(name, raising=False)


def test_purge_by_age_then_by_user(
    database: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(database)
    for name, value in database.env().items():
        monkeypatch.setenv(name, value)
    assert main(["purge", "--older-than", "30d"]) == 0
    assert capsys.readouterr().out.startswith("Deleted 1 question(s) asked more than 30d ago")
    assert main(["purge", "--user", "U0FORGETME"]) == 0
    assert capsys.readouterr().out.startswith("Deleted 1 question(s) by that user")
    assert database.rows("SELECT COUNT(*) FROM questions") == [(1,)]
    assert database.rows("SELECT COUNT(*) FROM votes") == [(1,)]


def test_purge_needs_a_criterion_and_the_salt(
    database: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(database)
    assert main(["purge", "--db", str(database.path)]) == 1
    assert "say what to delete" in capsys.readouterr().err
    if database.url is not None:
        monkeypatch.setenv("EXPLAINBOT_DATABASE_URL", database.url)
        assert main(["purge", "--user", "U1"]) == 1
        assert "EXPLAINBOT_USER_SALT is not set" in capsys.readouterr().err


def test_purge_on_a_broken_database_is_one_clear_line(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 300)
    assert main(["purge", "--db", str(bad), "--older-than", "1d"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"explainbot: {bad}: not a readable explainbot database")
    assert len(err.splitlines()) == 1
