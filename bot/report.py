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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from bot.errors import ConfigError
from bot.normalize import stem
from bot.store.backend import Backend
from bot.store.records import scrub

FOLLOW_UP_SECONDS = 120.0
_WORD = re.compile(r"\w+")
_SINCE = re.compile(r"^\s*(\d+)\s*([mhd])\s*$")
_UNIT = {"m": 60, "h": 3_600, "d": 86_400}
UNANSWERED = ("none", "suggest")
NOT_QUESTIONS = ("pick",)  # did-you-mean clicks are recorded, but are not questions
# Words that say how something is asked, not what about.
_FILLER = frozenset(
    [
        "what",
        "whats",
        "is",
        "are",
        "was",
        "a",
        "an",
        "the",
        "explain",
        "explained",
        "tell",
        "me",
        "about",
        "pls",
        "please",
        "plz",
        "thanks",
        "does",
        "do",
        "did",
        "mean",
        "means",
        "meaning",
        "of",
        "define",
        "definition",
        "describe",
        "exactly",
        "actually",
        "hey",
        "hi",
        "hello",
        "bot",
        "can",
        "could",
        "you",
        "u",
        "i",
        "to",
        "know",
        "want",
        "understand",
        "help",
        "with",
        "on",
        "in",
        "for",
        "simple",
        "terms",
        "eli5",
        "it",
        "this",
        "that",
        "there",
        "here",
        "quick",
        "question",
        "again",
        "really",
        "so",
    ]
)


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
    """Unanswered questions about the same thing; ``text`` is the most frequent wording."""

    text: str
    count: int
    variants: tuple[str, ...] = ()


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
class SuggestedQuestion:
    """An unanswered wording whose asker then got ``snippet_id`` within two minutes, by
    picking it from a did-you-mean (``picked``) or by asking again (``rephrased``)."""

    snippet_id: str
    question: str
    count: int
    picked: int = 0
    rephrased: int = 0


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


@lru_cache(maxsize=100_000)
def group_key(text: str) -> tuple[str, ...]:
    """What a question is about: its content words, stemmed and sorted; filler (and filler
    typed with one typo, "wat is") dropped. Only questions with the same key are grouped."""
    # Stored text is already normalized: plain word splitting is enough (and 5x cheaper).
    tokens = _WORD.findall(text.casefold().replace("'", "").replace("\u2019", ""))
    content = sorted({stem(w) for w in tokens if not _is_filler(w)})
    return tuple(content) if content else ("=", text)


def group_questions(counts: Iterable[tuple[str, int]]) -> tuple[QuestionGroup, ...]:
    """Group wordings by :func:`group_key`, most asked group first."""
    groups: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for text, n in counts:
        groups[group_key(text)].append((n, text))
    out = []
    for members in groups.values():
        members.sort(key=lambda m: (-m[0], m[1]))
        out.append(
            QuestionGroup(
                text=members[0][1],
                count=sum(n for n, _ in members),
                variants=tuple(t for _, t in members[1:]),
            )
        )
    return tuple(sorted(out, key=lambda g: (-g.count, g.text)))


def suggest(
    history: list[tuple[object, ...]],
    *,
    start: float,
    until: float,
    known: Mapping[str, frozenset[str]] | None,
) -> tuple[SuggestedQuestion, ...]:
    """Mine (snippet, wording) pairs from each user's history, ordered by user then time.

    An unanswered question in the window counts for the snippet the same user got next, within
    two minutes, by a did-you-mean pick or a rephrasing. Wordings are merged by
    :func:`group_key` per snippet, and a wording that points at several snippets goes to the
    one it points at most often, or nowhere on a tie: never the same wording for many.
    """
    picked: Counter[tuple[str, tuple[str, ...]]] = Counter()
    rephrased: Counter[tuple[str, tuple[str, ...]]] = Counter()
    wordings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for i, (user, at, outcome, _, text) in enumerate(history):
        if outcome not in UNANSWERED or not text or not start <= float(at) <= until:  # type: ignore[arg-type]
            continue
        horizon = float(at) + FOLLOW_UP_SECONDS  # type: ignore[arg-type]
        for j in range(i + 1, len(history)):  # indexes, not a slice: linear overall
            later_user, later_at, later_outcome, snippet, _ = history[j]
            if later_user != user or float(later_at) > horizon:  # type: ignore[arg-type]
                break
            if later_outcome in ("answer", "pick") and snippet:
                key = group_key(str(text))
                wordings[key][scrub(str(text))] += 1
                target = picked if later_outcome == "pick" else rephrased
                target[(str(snippet), key)] += 1
                break
    totals = picked + rephrased
    by_key: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for (snippet, key), n in totals.items():
        by_key[key].append((n, snippet))
    out = []
    for key, claims in by_key.items():
        claims.sort(reverse=True)
        if len(claims) > 1 and claims[0][0] == claims[1][0]:
            continue  # as many users went one way as another: not a wording for either
        n, snippet = claims[0]
        if known is not None and snippet not in known:
            continue  # the snippet no longer exists
        fresh = [
            w
            for w, _ in wordings[key].most_common()
            if known is None or not _known(w, known[snippet])
        ]
        if not fresh:
            continue  # already among the snippet's questions
        wording = fresh[0]
        out.append(
            SuggestedQuestion(
                snippet_id=snippet,
                question=wording,
                count=n,
                picked=picked[(snippet, key)],
                rephrased=rephrased[(snippet, key)],
            )
        )
    return tuple(sorted(out, key=lambda s: (-s.count, s.snippet_id, s.question)))


def _known(wording: str, questions: frozenset[str]) -> bool:
    # Exact wordings only: one the matcher missed is worth adding even when a listed question
    # has the same content words.
    return wording.casefold() in questions


@lru_cache(maxsize=50_000)
def _is_filler(word: str) -> bool:
    if word in _FILLER:
        return True
    return len(word) >= 3 and any(len(f) >= 4 and _one_edit(word, f) for f in _FILLER)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )  # fmt: skip
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]
