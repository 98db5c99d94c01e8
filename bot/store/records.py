"""What the question log stores: records as handed in, rows as written, and the text clean-up.

Stored question text is readable (case-folded, whitespace collapsed) but carries no chat ids,
no secrets and no contact details: tokens, e-mail addresses and long digit runs are replaced by
placeholders, and characters no database accepts (NUL, lone surrogates) are dropped or replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from bot.matching.normalize import strip_links

# A bracketed token without spaces: how chat platforms write mentions and ids.
_TOKEN = re.compile(r"<[^<>\s]+>")

MAX_QUESTION_CHARS = 500
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Order matters: a bearer token may look like a long word, an e-mail like a word with dots.
_SCRUB: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:bearer|bot|token|basic)\s*[:=]?\s+[A-Za-z0-9_.~+/=-]{8,}", re.I), "[token]"),
    (re.compile(r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]{4,}", re.I), "[token]"),
    (re.compile(r"\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}"), "[token]"),
    (re.compile(r"\b(?:sk|pk|rk|ghp|gho|github_pat|glpat)[-_][A-Za-z0-9_-]{16,}", re.I), "[token]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # Phone, card, account and chat-id numbers: seven digits or more, spaces and dashes allowed.
    (re.compile(r"(?<![\w])\+?\d(?:[\s().-]?\d){6,}(?![\w])"), "[number]"),
)


def scrub(text: str) -> str:
    """``text`` with tokens, e-mail addresses and long digit runs replaced by placeholders."""
    for pattern, replacement in _SCRUB:
        text = pattern.sub(replacement, text)
    return text


def storable(text: str) -> str:
    """Text every backend accepts: no NUL or control characters, no lone surrogates."""
    text = _CONTROL.sub(" ", text)
    return _SURROGATE.sub("\ufffd", text)


def normalize_question(text: str) -> str:
    """Text as stored: links removed, scrubbed, case-folded, whitespace collapsed, capped.

    Lighter than the matcher's normalisation (no transliteration, filler or stemming): the stored
    text stays readable in the report, groups a question typed twice, and keeps no user or
    channel id: adapters resolve mentions before a question reaches us, and any ``<...>``
    token left (an id in brackets) is dropped here too.
    """
    text = _TOKEN.sub(" ", strip_links(storable(text[: MAX_QUESTION_CHARS * 4])))
    text = scrub(_SPACE.sub(" ", text).strip())
    return text.casefold()[:MAX_QUESTION_CHARS]


def user_hash(salt: bytes, user_id: str) -> str:
    """HMAC-SHA-256 of a user id (hex, 32 characters); "" for no user."""
    if not user_id:
        return ""
    return hmac.new(salt, storable(user_id).encode(), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionRecord:
    """One answered question, as handed to :meth:`QuestionStore.record`."""

    asked_at: float
    platform: str
    channel_kind: str
    question: str
    outcome: str
    snippet_id: str | None
    score: float
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionRow:
    """A question as written: normalized text, hashed user."""

    id: int
    asked_at: float
    platform: str
    channel_kind: str
    question: str
    outcome: str
    snippet_id: str | None
    score: float
    user_hash: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VoteRow:
    """A Helpful / Not helpful vote as written; a user's later vote replaces the earlier one."""

    question_id: int
    user_hash: str
    helpful: bool
    voted_at: float


Row = QuestionRow | VoteRow


def to_row(question_id: int, rec: QuestionRecord, salt: bytes) -> QuestionRow:
    return QuestionRow(
        id=question_id,
        asked_at=float(rec.asked_at),
        platform=storable(rec.platform)[:40],
        channel_kind=storable(rec.channel_kind)[:40],
        question=normalize_question(rec.question),
        outcome=storable(rec.outcome)[:40],
        snippet_id=storable(rec.snippet_id)[:200] if rec.snippet_id else None,
        score=round(float(rec.score), 2),
        user_hash=user_hash(salt, rec.user_id),
    )
