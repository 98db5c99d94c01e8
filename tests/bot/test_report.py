"""The report on a database seeded through the real store, with controlled times."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.report import QuestionGroup, build_report, group_similar, parse_since
from bot.store import QuestionRecord, QuestionStore, StoreError
from bot.store.sqlite import migrate

NOW = 1_700_000_000.0
DAY = 86_400.0


class Seeder:
    def __init__(self, path: Path) -> None:
        self.store = QuestionStore(path, salt="test-salt")

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
                snippet_id=snippet if outcome == "answer" else None,
                score=90.0 if outcome == "answer" else 40.0,
                user_id=user,
            )
        )
        assert qid is not None
        return qid

    def vote(self, qid: int, user: str, helpful: bool, at: float) -> None:
        self.store.vote(question_id=qid, user_id=user, helpful=helpful, at=NOW - at)


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "explainbot.db"
    s = Seeder(path)
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
    return path


def test_counts_by_outcome_and_platform(seeded: Path) -> None:
    report = build_report(seeded, now=NOW, since_seconds=7 * DAY)
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
    everything = build_report(seeded, now=NOW)
    assert everything is not None and everything.total == 19 and everything.since is None
    assert report.since == NOW - 7 * DAY


def test_unanswered_grouped_when_near_duplicates(seeded: Path) -> None:
    report = build_report(seeded, now=NOW, since_seconds=7 * DAY)
    assert report is not None
    top = report.unanswered[0]
    assert top.count == 4
    assert {top.text, *top.variants} == {"what is rag?", "what's rag?", "wat is rag", "what is rag"}
    texts = {g.text: g for g in report.unanswered}
    kube = texts.get("explain kubernetes pod") or texts["explain kubernetes pods"]
    assert kube.count == 2
    assert texts["llm vs chatbot"].count == 2
    assert "what is quantum annealing" not in texts  # ten days old


def test_snippets_with_most_not_helpful_votes(seeded: Path) -> None:
    report = build_report(seeded, now=NOW)
    assert report is not None
    assert [(v.snippet_id, v.not_helpful, v.helpful) for v in report.not_helpful] == [
        ("what-is-llm", 2, 1)
    ]


def test_suggested_questions_from_quick_rephrasing_by_the_same_user(seeded: Path) -> None:
    week = build_report(seeded, now=NOW, since_seconds=7 * DAY)
    assert week is not None
    assert [(s.snippet_id, s.question, s.count) for s in week.suggested] == [
        ("what-is-llm", "llm vs chatbot", 2),
        ("rag", "what is rag?", 1),
    ]
    everything = build_report(seeded, now=NOW)
    assert everything is not None
    assert ("quantum", "what is quantum annealing") in {
        (s.snippet_id, s.question) for s in everything.suggested
    }


def test_suggestions_skip_known_questions_and_missing_snippets(seeded: Path) -> None:
    known = {"rag": frozenset({"what is rag?"}), "gan": frozenset()}
    report = build_report(seeded, now=NOW, known_questions=known)
    assert report is not None
    assert report.suggested == ()  # rag already has it; what-is-llm and quantum do not exist


def test_missing_database_is_none(tmp_path: Path) -> None:
    assert build_report(tmp_path / "nope.db", now=NOW) is None
    assert not (tmp_path / "nope.db").exists()  # reading never creates it


def test_empty_database(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    sqlite3.connect(fresh).close()  # a file with no schema at all
    report = build_report(fresh, now=NOW)
    assert report is not None and report.total == 0

    migrated = tmp_path / "migrated.db"
    conn = sqlite3.connect(migrated, isolation_level=None)
    migrate(conn, where=str(migrated))
    conn.close()
    report = build_report(migrated, now=NOW, since_seconds=DAY)
    assert report is not None and report.total == 0 and report.unanswered == ()


def test_corrupt_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"garbage" * 200)
    with pytest.raises(StoreError, match=r"bad\.db: not a readable"):
        build_report(path, now=NOW)


@pytest.mark.parametrize(("text", "seconds"), [("7d", 7 * DAY), ("12h", 43_200), ("30m", 1_800)])
def test_parse_since(text: str, seconds: float) -> None:
    assert parse_since(text) == seconds


@pytest.mark.parametrize("text", ["7", "0d", "7w", "-1d", "d", "1.5h", ""])
def test_parse_since_rejects(text: str) -> None:
    with pytest.raises(ConfigError, match="--since"):
        parse_since(text)


def test_group_similar_keeps_different_topics_apart() -> None:
    groups = group_similar([("what is rag", 3), ("what is gan", 2), ("what's rag", 1)])
    assert groups == (
        QuestionGroup(text="what is rag", count=4, variants=("what's rag",)),
        QuestionGroup(text="what is gan", count=2),
    )
