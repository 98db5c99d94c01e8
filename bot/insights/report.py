"""What the question log says: outcomes, most asked topics, helpful ratio per snippet,
unanswered questions grouped, and example questions to add, mined from users who picked a
did-you-mean or rephrased.

The database does the counting (``GROUP BY``); Python groups the distinct unanswered wordings by
their content words (filler and its typos dropped, plurals folded), which is linear in the
number of wordings and never merges questions about different things ("what is lora" stays apart
from "what is rag"). Works on SQLite and PostgreSQL alike; every text shown is scrubbed again
(rows from older releases were stored unscrubbed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.errors import ConfigError
from bot.insights.mining import (
    FOLLOW_UP_SECONDS,
    QuestionGroup,
    SuggestedQuestion,
    group_key,
    group_questions,
    suggest,
)
from bot.store.backend import Backend
from bot.store.records import scrub

__all__ = [
    "FOLLOW_UP_SECONDS",
    "QuestionGroup",
    "Report",
    "SnippetVotes",
    "SuggestedQuestion",
    "TopicCount",
    "build_report",
    "group_key",
    "group_questions",
    "parse_since",
]

_SINCE = re.compile(r"^\s*(\d+)\s*([mhd])\s*$")
_UNIT = {"m": 60, "h": 3_600, "d": 86_400}
NOT_QUESTIONS = ("pick",)  # did-you-mean clicks are recorded, but are not questions


def parse_since(text: str) -> float:
    """``30m``, ``12h`` or ``7d`` in seconds.

    Raises:
        ConfigError: another shape, or zero.
    """
    match = _SINCE.match(text)
    if match is None or int(match.group(1)) == 0:
        raise ConfigError(f"--since: {text!r} is not a period; use e.g. 30m, 12h or 7d")
    return int(match.group(1)) * float(_UNIT[match.group(2)])


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicCount:
    snippet_id: str
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SnippetVotes:
    snippet_id: str
    helpful: int
    not_helpful: int

    @property
    def ratio(self) -> float:
        return self.helpful / max(1, self.helpful + self.not_helpful)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything ``explainbot report`` prints; times are Unix seconds (UTC)."""

    database: str
    since: float | None
    until: float
    total: int
    by_outcome: Mapping[str, int] = field(default_factory=dict)
    by_platform: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    picks: int = 0
    top_topics: tuple[TopicCount, ...] = ()
    votes: tuple[SnippetVotes, ...] = ()
    unanswered: tuple[QuestionGroup, ...] = ()
    suggested: tuple[SuggestedQuestion, ...] = ()


def build_report(
    backend: Backend,
    *,
    now: float,
    since_seconds: float | None = None,
    limit: int = 15,
    known_questions: Mapping[str, frozenset[str]] | None = None,
) -> Report:
    """Read the report from ``backend`` (a database of schema version 1 or later).

    Args:
        known_questions: snippet id -> its current questions (case-folded); suggestions already
            listed, or for snippets that no longer exist, are left out. None: no filtering.
    """
    since = now - since_seconds if since_seconds is not None else None
    start = since if since is not None else float("-inf")
    if backend.schema_version() < 1:
        return Report(database=backend.where, since=since, until=now, total=0)
    window = "asked_at >= ? AND asked_at <= ?"
    by_platform: dict[str, dict[str, int]] = {}
    by_outcome: dict[str, int] = {}
    picks = 0
    for platform, outcome, n in backend.query(
        f"SELECT platform, outcome, COUNT(*) FROM questions WHERE {window} "
        "GROUP BY platform, outcome",
        (start, now),
    ):
        if outcome in NOT_QUESTIONS:
            picks += int(n)
            continue
        by_platform.setdefault(platform, {})[outcome] = int(n)
        by_outcome[outcome] = by_outcome.get(outcome, 0) + int(n)
    topics = backend.query(
        f"SELECT snippet_id, COUNT(*) AS n FROM questions WHERE {window} "
        "AND outcome = 'answer' AND snippet_id IS NOT NULL "
        "GROUP BY snippet_id ORDER BY n DESC, snippet_id LIMIT ?",
        (start, now, limit),
    )
    votes = backend.query(
        "SELECT q.snippet_id, SUM(v.helpful), COUNT(*) FROM votes v "
        "JOIN questions q ON q.id = v.question_id "
        "WHERE v.voted_at >= ? AND v.voted_at <= ? AND q.snippet_id IS NOT NULL "
        "GROUP BY q.snippet_id",
        (start, now),
    )
    texts = backend.query(
        f"SELECT question, COUNT(*) FROM questions WHERE {window} "
        "AND outcome IN ('none', 'suggest') AND question <> '' GROUP BY question",
        (start, now),
    )
    history = backend.query(
        "SELECT user_hash, asked_at, outcome, snippet_id, question FROM questions "
        "WHERE asked_at >= ? AND asked_at <= ? AND user_hash <> '' "
        "AND outcome IN ('none', 'suggest', 'answer', 'pick') ORDER BY user_hash, asked_at",
        (start, now + FOLLOW_UP_SECONDS),
    )
    by_votes = sorted(
        (
            SnippetVotes(snippet_id=s, helpful=int(h), not_helpful=int(n) - int(h))
            for s, h, n in votes
        ),
        key=lambda v: (v.ratio, -(v.helpful + v.not_helpful), v.snippet_id),
    )
    return Report(
        database=backend.where,
        since=since,
        until=now,
        total=sum(by_outcome.values()),
        by_outcome=by_outcome,
        by_platform=by_platform,
        picks=picks,
        top_topics=tuple(TopicCount(snippet_id=s, count=int(n)) for s, n in topics),
        votes=tuple(by_votes[:limit]),
        unanswered=group_questions((scrub(t), int(n)) for t, n in texts)[:limit],
        suggested=suggest(history, start=start, until=now, known=known_questions)[: limit * 3],
    )
