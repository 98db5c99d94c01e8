"""The report on databases seeded through the real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.errors import ConfigError
from bot.insights.report import Report, build_report, parse_since
from bot.store import SqliteBackend
from bot.store.records import QuestionRecord
from bot.store.sqlite import migrate

NOW = 1_700_000_000.0
DAY = 86_400.0


class Seeder:
    def __init__(self, database: Any) -> None:
        self.store = database.store(salt="test-salt")

    def ask(
        self,
        text: str,
        *,
        at: float,
        outcome: str = "answer",
        snippet: str | None = None,
        user: str = "U1",
        platform: str = "slack",
    ) -> int:
        qid = self.store.record(
            QuestionRecord(
                asked_at=NOW - at,
                platform=platform,
                channel_kind="channel",
                question=text,
                outcome=outcome,
                snippet_id=snippet if outcome in ("answer", "pick") else None,
                score=90.0 if outcome == "answer" else 40.0,
                user_id=user,
            )
        )
        assert qid is not None
        return qid

    def vote(self, qid: int, user: str, helpful: bool, at: float) -> None:
        self.store.vote(question_id=qid, user_id=user, helpful=helpful, at=NOW - at)


class Reader:
    """Reads reports from one database, like ``explainbot report`` does."""

    def __init__(self, database: Any) -> None:
        self.database = database

    def __call__(self, **kwargs: Any) -> Report:
        backend = self.database.backend(read_only=True)
        try:
            return build_report(backend, now=NOW, **kwargs)
        finally:
            backend.close()


@pytest.fixture
def seeded(database: Any) -> Iterator[Reader]:
    s = Seeder(database)
    # U1 asks, gets nothing, rephrases within a minute and is answered: a new question for rag.
    s.ask("What is RAG?", at=3_600, outcome="none", user="U1")
    s.ask("what is retrieval augmented generation", at=3_540, snippet="rag", user="U1")
    # U2 rephrases too late (3 minutes): no suggestion.
    s.ask("what's rag?", at=7_200, outcome="none", user="U2")
    s.ask("retrieval augmented generation", at=7_020, snippet="rag", user="U2")
    # U3 gets a did-you-mean; another user is answered right after: no suggestion.
    s.ask("wat is rag", at=100, outcome="suggest", user="U3")
    s.ask("what is rag", at=95, outcome="none", user="U5", platform="discord")
    s.ask("explain rag pls", at=90, snippet="rag", user="U4")
    # U6 on discord: suggest, then answered within two minutes, twice over the week.
    s.ask("llm vs chatbot", at=5 * 3_600, outcome="suggest", user="6001", platform="discord")
    s.ask(
        "what is an llm", at=5 * 3_600 - 30, snippet="what-is-llm", user="6001", platform="discord"
    )
    s.ask("llm vs chatbot", at=2 * DAY, outcome="suggest", user="6002", platform="discord")
    s.ask("llm", at=2 * DAY - 119, snippet="what-is-llm", user="6002", platform="discord")
    s.ask("explain kubernetes pods", at=500, outcome="none", user="U7")
    s.ask("explain kubernetes pod", at=400, outcome="none", user="U8")
    s.ask("topics", at=300, outcome="topics", user="U7")
    s.ask("what is an llm", at=200, outcome="throttled", user="U9")
    # Votes: what-is-llm is unhelpful to two people; gan's one bad vote was changed.
    llm = s.ask("what is a large language model", at=1_000, snippet="what-is-llm", user="U10")
    gan = s.ask("what is a gan", at=1_000, snippet="gan", user="U11")
    s.vote(llm, "U10", False, at=990)
    s.vote(llm, "U12", False, at=980)
    s.vote(llm, "U13", True, at=970)
    s.vote(gan, "U11", False, at=960)
    s.vote(gan, "U11", True, at=950)
    # Ten days ago: outside --since 7d.
    s.ask("what is quantum annealing", at=10 * DAY, outcome="none", user="U1")
    s.ask("quantum computing", at=10 * DAY - 60, snippet="quantum", user="U1")
    s.store.close()
    yield Reader(database)


def test_counts_by_outcome_and_platform(seeded: Reader) -> None:
    report = seeded(since_seconds=7 * DAY)
    assert report is not None
    assert report.total == 17
    assert report.by_outcome == {"answer": 7, "none": 5, "suggest": 3, "topics": 1, "throttled": 1}
    assert report.by_platform["discord"] == {"answer": 2, "none": 1, "suggest": 2}
    assert report.by_platform["slack"] == {
        "answer": 5,
        "none": 4,
        "suggest": 1,
        "topics": 1,
        "throttled": 1,
    }
    everything = seeded()
    assert everything is not None and everything.total == 19 and everything.since is None
    assert report.since == NOW - 7 * DAY


def test_unanswered_grouped_when_near_duplicates(seeded: Reader) -> None:
    report = seeded(since_seconds=7 * DAY)
    assert report is not None
    top = report.unanswered[0]
    assert top.count == 4
    assert {top.text, *top.variants} == {"what is rag?", "what's rag?", "wat is rag", "what is rag"}
    texts = {g.text: g for g in report.unanswered}
    kube = texts.get("explain kubernetes pod") or texts["explain kubernetes pods"]
    assert kube.count == 2
    assert texts["llm vs chatbot"].count == 2
    assert "what is quantum annealing" not in texts  # ten days old


def test_helpful_ratio_per_snippet_least_helpful_first(seeded: Reader) -> None:
    report = seeded()
    assert [(v.snippet_id, v.helpful, v.not_helpful) for v in report.votes] == [
        ("what-is-llm", 1, 2),
        ("gan", 1, 0),  # the bad vote was changed
    ]
    assert round(report.votes[0].ratio, 2) == 0.33


def test_most_asked_topics(seeded: Reader) -> None:
    report = seeded(since_seconds=7 * DAY)
    assert [(t.snippet_id, t.count) for t in report.top_topics] == [
        ("rag", 3),
        ("what-is-llm", 3),
        ("gan", 1),
    ]


def test_suggested_questions_from_quick_rephrasing_by_the_same_user(seeded: Reader) -> None:
    week = seeded(since_seconds=7 * DAY)
    assert week is not None
    assert [(s.snippet_id, s.question, s.count) for s in week.suggested] == [
        ("what-is-llm", "llm vs chatbot", 2),
        ("rag", "what is rag?", 1),
    ]
    everything = seeded()
    assert everything is not None
    assert ("quantum", "what is quantum annealing") in {
        (s.snippet_id, s.question) for s in everything.suggested
    }


def test_suggestions_skip_known_questions_and_missing_snippets(seeded: Reader) -> None:
    known = {"rag": frozenset({"what is rag?"}), "gan": frozenset()}
    report = seeded(known_questions=known)
    assert report is not None
    assert report.suggested == ()  # rag already has it; what-is-llm and quantum do not exist


def test_empty_database(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    sqlite3.connect(fresh).close()  # a file with no schema at all
    report = build_report(SqliteBackend(fresh, read_only=True), now=NOW)
    assert report.total == 0

    migrated = tmp_path / "migrated.db"
    conn = sqlite3.connect(migrated, isolation_level=None)
    migrate(conn, where=str(migrated))
    conn.close()
    report = build_report(SqliteBackend(migrated, read_only=True), now=NOW, since_seconds=DAY)
    assert report.total == 0 and report.unanswered == ()


@pytest.mark.parametrize(("text", "seconds"), [("7d", 7 * DAY), ("12h", 43_200), ("30m", 1_800)])
def test_parse_since(text: str, seconds: float) -> None:
    assert parse_since(text) == seconds


@pytest.mark.parametrize("text", ["7", "0d", "7w", "-1d", "d", "1.5h", ""])
def test_parse_since_rejects(text: str) -> None:
    with pytest.raises(ConfigError, match="--since"):
        parse_since(text)


def test_suggestions_from_picks_and_never_one_wording_for_many(database: Any) -> None:
    s = Seeder(database)
    # Three users pick "rag" after "retrieval thing"; one picks "embeddings": rag wins.
    for user in ("A", "B", "C"):
        s.ask("retrieval thing", at=500, outcome="suggest", user=user)
        s.ask("", at=490, outcome="pick", snippet="rag", user=user)
    s.ask("Retrieval thing?", at=400, outcome="suggest", user="D")
    s.ask("", at=390, outcome="pick", snippet="embeddings", user="D")
    # A tie: one user each way: no suggestion for either.
    s.ask("vector stuff", at=300, outcome="none", user="E")
    s.ask("what are embeddings", at=280, snippet="embeddings", user="E")
    s.ask("vector stuff", at=300, outcome="none", user="F")
    s.ask("what is rag", at=290, snippet="rag", user="F")
    # Too late (three minutes): nothing.
    s.ask("chunking", at=300, outcome="none", user="G")
    s.ask("", at=120, outcome="pick", snippet="rag", user="G")
    s.store.close()
    report = Reader(database)()
    assert report.picks == 5 and report.total == 9  # picks are not questions
    got = [(x.snippet_id, x.question, x.count, x.picked, x.rephrased) for x in report.suggested]
    assert got == [("rag", "retrieval thing", 3, 3, 0)]
