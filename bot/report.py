"""What the question log says: outcomes, unanswered questions, unhelpful snippets, and new
example questions mined from users who rephrased.

Near-duplicate unanswered questions are grouped with the standard library's
``difflib.SequenceMatcher`` ratio on the stored (normalized) text; a report over thousands of
distinct questions is an offline job, and this keeps fuzzy matching for answering in the matcher.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from bot.errors import ConfigError
from bot.store import StoreError
from bot.store.sqlite import schema_version

FOLLOW_UP_SECONDS = 120.0
SIMILAR = 0.85  # SequenceMatcher ratio at or above which two questions are one group
MAX_DISTINCT = 2_000  # most frequent distinct unanswered texts considered for grouping
_PUNCT = re.compile(r"[^\w\s]")
_SINCE = re.compile(r"^\s*(\d+)\s*([mhd])\s*$")
_UNIT = {"m": 60, "h": 3_600, "d": 86_400}


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
class QuestionGroup:
    """Unanswered questions that read alike; ``text`` is the most frequent wording."""

    text: str
    count: int
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SnippetVotes:
    snippet_id: str
    not_helpful: int
    helpful: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SuggestedQuestion:
    """An unanswered wording whose asker then got ``snippet_id`` within two minutes."""

    snippet_id: str
    question: str
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything ``explainbot report`` prints; times are Unix seconds (UTC)."""

    database: str
    since: float | None
    until: float
    total: int
    by_outcome: Mapping[str, int] = field(default_factory=dict)
    by_platform: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    unanswered: tuple[QuestionGroup, ...] = ()
    not_helpful: tuple[SnippetVotes, ...] = ()
    suggested: tuple[SuggestedQuestion, ...] = ()


def build_report(
    path: Path,
    *,
    now: float,
    since_seconds: float | None = None,
    limit: int = 15,
    known_questions: Mapping[str, frozenset[str]] | None = None,
) -> Report | None:
    """Read the report from the database at ``path``; None when it does not exist.

    Args:
        known_questions: snippet id -> its current questions (case-folded); suggestions already
            listed, or for snippets that no longer exist, are left out. None: no filtering.

    Raises:
        StoreError: the file is not a readable explainbot database.
    """
    if not path.is_file():
        return None
    start = now - since_seconds if since_seconds is not None else float("-inf")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open: {exc}") from exc
    try:
        if schema_version(conn) < 1:
            return Report(database=str(path), since=_since(since_seconds, now), until=now, total=0)
        report = _read(conn, start, now, limit, known_questions)
        return replace(report, database=str(path), since=_since(since_seconds, now))
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: not a readable explainbot database: {exc}") from exc
    finally:
        conn.close()


def _since(since_seconds: float | None, now: float) -> float | None:
    return now - since_seconds if since_seconds is not None else None


def _read(
    conn: sqlite3.Connection,
    start: float,
    now: float,
    limit: int,
    known: Mapping[str, frozenset[str]] | None,
) -> Report:
    window = "asked_at >= ? AND asked_at <= ?"
    by_platform: dict[str, dict[str, int]] = {}
    by_outcome: dict[str, int] = {}
    for platform, outcome, n in conn.execute(
        f"SELECT platform, outcome, COUNT(*) FROM questions WHERE {window} "
        "GROUP BY platform, outcome ORDER BY platform, outcome",
        (start, now),
    ):
        by_platform.setdefault(platform, {})[outcome] = n
        by_outcome[outcome] = by_outcome.get(outcome, 0) + n
    texts = conn.execute(
        f"SELECT question, COUNT(*) AS n FROM questions WHERE {window} "
        "AND outcome IN ('none', 'suggest') AND question != '' "
        "GROUP BY question ORDER BY n DESC, question LIMIT ?",
        (start, now, MAX_DISTINCT),
    ).fetchall()
    votes = conn.execute(
        "SELECT q.snippet_id, SUM(v.helpful = 0) AS bad, SUM(v.helpful = 1) AS good "
        "FROM votes v JOIN questions q ON q.id = v.question_id "
        "WHERE v.voted_at >= ? AND v.voted_at <= ? AND q.snippet_id IS NOT NULL "
        "GROUP BY q.snippet_id HAVING bad > 0 ORDER BY bad DESC, q.snippet_id LIMIT ?",
        (start, now, limit),
    ).fetchall()
    # For each unanswered question, the first answered one by the same user within two minutes.
    follow_ups = conn.execute(
        "SELECT (SELECT q2.snippet_id FROM questions q2 WHERE q2.user_hash = q1.user_hash "
        "AND q2.asked_at > q1.asked_at AND q2.asked_at <= q1.asked_at + ? "
        "AND q2.outcome = 'answer' AND q2.snippet_id IS NOT NULL "
        "ORDER BY q2.asked_at LIMIT 1) AS sid, q1.question, COUNT(*) AS n "
        "FROM questions q1 WHERE q1.asked_at >= ? AND q1.asked_at <= ? "
        "AND q1.outcome IN ('none', 'suggest') AND q1.user_hash != '' AND q1.question != '' "
        "GROUP BY sid, q1.question HAVING sid IS NOT NULL ORDER BY n DESC, sid, q1.question",
        (FOLLOW_UP_SECONDS, start, now),
    ).fetchall()
    suggested = tuple(
        SuggestedQuestion(snippet_id=sid, question=text, count=n)
        for sid, text, n in follow_ups
        if known is None or (sid in known and text.casefold() not in known[sid])
    )
    return Report(
        database="",
        since=None,
        until=now,
        total=sum(by_outcome.values()),
        by_outcome=by_outcome,
        by_platform=by_platform,
        unanswered=group_similar([(t, n) for t, n in texts])[:limit],
        not_helpful=tuple(
            SnippetVotes(snippet_id=s, not_helpful=b, helpful=g) for s, b, g in votes
        ),
        suggested=suggested[: limit * 3],
    )


def group_similar(counts: list[tuple[str, int]]) -> tuple[QuestionGroup, ...]:
    """Group near-duplicate texts, most frequent first; a text joins the first group holding a
    wording similar to it (among the group's first 20). Each group is named by its top wording.
    """
    groups: list[list[tuple[str, str, int]]] = []  # members: (text, compare key, count)
    for text, n in sorted(counts, key=lambda tn: (-tn[1], tn[0])):
        key = _compare_key(text)
        for members in groups:
            if any(_similar(k, key) for _, k, _ in members[:20]):
                members.append((text, key, n))
                break
        else:
            groups.append([(text, key, n)])
    out = [
        QuestionGroup(
            text=members[0][0],
            count=sum(n for _, _, n in members),
            variants=tuple(t for t, _, _ in members[1:]),
        )
        for members in groups
    ]
    return tuple(sorted(out, key=lambda g: (-g.count, g.text)))


def _similar(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _compare_key(text: str) -> str:
    """Punctuation dropped: "what's rag?" and "what is rag" differ by a letter, not three."""
    return " ".join(_PUNCT.sub("", text).split())
