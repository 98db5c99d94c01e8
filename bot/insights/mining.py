"""Reading what people asked from the question log: which wordings ask about the same thing,
and which wordings a snippet should list as example questions.

Wordings are grouped by their content words (filler and filler with one typo dropped, plurals
folded): linear in the number of wordings, and questions about different things never merge
("what is lora" stays apart from "what is rag"). Suggestions come from each user's history: an
unanswered question followed, within two minutes, by a did-you-mean pick or a rephrasing that
was answered.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bot.matching.normalize import stem
from bot.store.records import scrub

FOLLOW_UP_SECONDS = 120.0
UNANSWERED = ("none", "suggest")
_WORD = re.compile(r"\w+")
# Words that say how something is asked, not what about.
_FILLER = frozenset({
    "what", "whats", "is", "are", "was", "a", "an", "the", "explain", "explained", "tell", "me",
    "about", "pls", "please", "plz", "thanks", "does", "do", "did", "mean", "means", "meaning",
    "of", "define", "definition", "describe", "exactly", "actually", "hey", "hi", "hello", "bot",
    "can", "could", "you", "u", "i", "to", "know", "want", "understand", "help", "with", "on",
    "in", "for", "simple", "terms", "eli5", "it", "this", "that", "there", "here", "quick",
    "question", "again", "really", "so",
})  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionGroup:
    """Unanswered questions about the same thing; ``text`` is the most frequent wording."""

    text: str
    count: int
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SuggestedQuestion:
    """An unanswered wording whose asker then got ``snippet_id`` within two minutes, by
    picking it from a did-you-mean (``picked``) or by asking again (``rephrased``)."""

    snippet_id: str
    question: str
    count: int
    picked: int = 0
    rephrased: int = 0


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
