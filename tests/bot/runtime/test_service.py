from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import ChannelKind, Question, Snippet, Status
from bot.presentation.present import present
from bot.presentation.sentences import SLOW_DOWN
from bot.runtime.metrics import Metrics
from bot.runtime.ratelimit import RateLimit, RateLimiter
from bot.runtime.service import AnswerService
from bot.store import QuestionRecord, QuestionStore


def engine() -> Engine:
    snippets = [
        Snippet(
            id=sid,
            title=f"Title {sid}",
            summary="One sentence.",
            questions=(f"what is {sid}", f"explain {sid}", f"{sid} meaning"),
            body=f"All about {sid}.",
        )
        for sid in ("alpha", "beta")
    ]
    return Engine(build_knowledge(snippets))


def q(text: str, user: str = "U0123ABCD", platform: str = "slack") -> Question:
    return Question(text=text, platform=platform, user_id=user, channel_kind=ChannelKind.THREAD)


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def test_ask_answers_and_records(tmp_path: Path) -> None:
    store = QuestionStore(tmp_path / "q.db")
    clock = Clock()
    service = AnswerService(engine(), recorder=store, clock=clock)
    reply = service.ask(q("what is alpha"))
    miss = service.ask(q("how tall is the eiffel tower"))
    store.close()
    assert reply.answer.status is Status.ANSWER and reply.answer.ids == ("alpha",)
    assert not reply.throttled
    assert reply.question_id is not None and miss.question_id is not None
    got = rows(
        tmp_path / "q.db",
        "SELECT id, asked_at, platform, channel_kind, question, outcome, snippet_id "
        "FROM questions ORDER BY outcome",
    )
    assert got == [
        (reply.question_id, clock.now, "slack", "thread", "what is alpha", "answer", "alpha"),
        (
            miss.question_id,
            clock.now,
            "slack",
            "thread",
            "how tall is the eiffel tower",
            "none",
            None,
        ),
    ]


def test_feedback_is_recorded_against_the_question(tmp_path: Path) -> None:
    store = QuestionStore(tmp_path / "q.db")
    service = AnswerService(engine(), recorder=store)
    reply = service.ask(q("what is beta"))
    assert reply.question_id is not None
    service.feedback(question_id=reply.question_id, user_id="U9", helpful=False)
    service.feedback(question_id=reply.question_id, user_id="U9", helpful=True)
    store.close()
    assert rows(tmp_path / "q.db", "SELECT question_id, helpful FROM votes") == [
        (reply.question_id, 1)
    ]


def test_rate_limit_answers_politely_and_per_user(tmp_path: Path) -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimit(max_questions=2, per_seconds=60), clock=clock)
    store = QuestionStore(tmp_path / "q.db")
    metrics = Metrics.create()
    service = AnswerService(engine(), recorder=store, limiter=limiter, metrics=metrics)
    first = [service.ask(q("what is alpha")) for _ in range(3)]
    other_user = service.ask(q("what is alpha", user="U999"))
    same_id_other_platform = service.ask(q("what is alpha", platform="discord"))
    clock.now += 61
    later = service.ask(q("what is alpha"))
    store.close()

    assert [r.throttled for r in first] == [False, False, True]
    slow = first[2]
    assert slow.answer.status is Status.NONE
    assert present(slow).text == SLOW_DOWN
    assert slow.question_id is None  # no feedback buttons on a "slow down"
    assert not other_user.throttled and not same_id_other_platform.throttled
    assert not later.throttled and later.answer.ids == ("alpha",)
    outcomes = rows(tmp_path / "q.db", "SELECT outcome, COUNT(*) FROM questions GROUP BY outcome")
    assert dict(outcomes) == {"answer": 5, "throttled": 1}  # type: ignore[arg-type]
    throttled = metrics.registry.get_sample_value(
        "explainbot_questions_total", {"platform": "slack", "outcome": "throttled"}
    )
    assert throttled == 1.0


def test_questions_without_a_user_are_not_limited() -> None:
    limiter = RateLimiter(RateLimit(max_questions=1, per_seconds=60), clock=Clock())
    service = AnswerService(engine(), limiter=limiter)
    assert not any(service.ask(q("what is alpha", user="")).throttled for _ in range(5))


class BrokenRecorder:
    def __init__(self) -> None:
        self.calls = 0

    def record(self, entry: QuestionRecord) -> int | None:
        self.calls += 1
        raise OSError("disk on fire")

    def vote(self, *, question_id: int, user_id: str, helpful: bool, at: float) -> None:
        self.calls += 1
        raise OSError("disk on fire")


def test_a_failing_recorder_never_breaks_answering(caplog: pytest.LogCaptureFixture) -> None:
    recorder = BrokenRecorder()
    service = AnswerService(engine(), recorder=recorder)
    replies = [service.ask(q("what is alpha")) for _ in range(3)]
    service.feedback(question_id=1, user_id="U1", helpful=True)
    assert all(r.answer.ids == ("alpha",) and r.question_id is None for r in replies)
    assert recorder.calls == 4
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "recording failed" in errors[0].getMessage()


def test_a_corrupt_database_still_answers(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    path.write_bytes(b"not sqlite at all" * 64)
    store = QuestionStore(path, max_backoff=0.2)
    service = AnswerService(engine(), recorder=store)
    service.ask(q("what is alpha"))
    assert not store.flush(timeout=0.5)
    reply = service.ask(q("what is beta"))
    store.close(timeout=0.5)
    assert reply.answer.ids == ("beta",)
    # Held, not thrown away: the id is real, the record waits in the spool for a fixed database.
    assert reply.question_id is not None
    path.unlink()
    QuestionStore(path).close()
    with sqlite3.connect(path) as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM questions")}
    assert reply.question_id in ids and len(ids) == 2


def test_logs_no_full_user_id(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.runtime.service")
    AnswerService(engine()).ask(q("what is alpha", user="U0123ABCD"))
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "outcome=answer" in text and "U012" in text
    assert "U0123ABCD" not in text


def test_explain() -> None:
    service = AnswerService(engine())
    assert service.explain("beta").ids == ("beta",)
    assert service.explain("nope").status is Status.NONE
