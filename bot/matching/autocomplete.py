"""Autocomplete while someone types: the last word is a prefix, earlier words narrow.

Chat platforms ask for choices on every keystroke, so ``"ge"`` must already list the generative AI
topics. Like a command picker or a browser's address bar:

1. snippets matching every complete word *and* the prefix come first; then those matching the
   complete words only; then those matching the prefix only;
2. within a group, a title, alias or id word starting with the prefix beats an example
   question word starting with it, and a title that starts with it beats one that merely
   contains it; complete words count by how rare they are across snippets;
3. fuzzy matches (the answer index, which forgives typos) fill the list after that;
4. when nothing matches at all, every topic is listed, so the list is never empty.

The prefix index is sorted words with their snippets, so one keystroke is a couple of binary
searches and a few array operations (``bench/autocomplete.py``).
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.matching.normalize import stem, words
from bot.models import Snippet

# Words that narrow nothing: every topic is "what is" something.
_NEUTRAL = frozenset(
    {"what", "whats", "is", "are", "a", "an", "the", "of", "how", "do", "does", "to", "in", "me"}
)
NAME_TIER = 2  # a title, alias or id word starts with the prefix
QUESTION_TIER = 1  # an example question word starts with it

Indices = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, kw_only=True)
class _WordIndex:
    """Sorted words, each with the snippets (row numbers) that use it: word ``i``'s rows are
    ``rows[starts[i]:starts[i + 1]]``, sorted (two arrays, not an array per word)."""

    words: tuple[str, ...]
    starts: Indices
    rows: Indices

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, int]]) -> _WordIndex:
        found: dict[str, set[int]] = defaultdict(set)
        for word, row in pairs:
            found[word].add(row)
        ordered = sorted(found)
        sizes = np.fromiter((len(found[w]) for w in ordered), np.int64, len(ordered))
        rows = np.fromiter((r for w in ordered for r in sorted(found[w])), np.int64, sizes.sum())
        return cls(words=tuple(ordered), starts=_starts(sizes), rows=rows)

    def updated(
        self, keep: Indices, remap: Indices, pairs: Sequence[tuple[str, int]]
    ) -> _WordIndex:
        """The index :meth:`build` makes when the rows where ``keep`` is 0 are left out, the
        others renumbered by ``remap`` and ``pairs`` added (array work, plus the new pairs).

        Args:
            keep: 1 for each old row that stays, 0 for one that goes.
            remap: each old row's new number.
            pairs: (word, new row) of the rows that came or changed.
        """
        n_words = len(self.words)
        of_word = np.repeat(np.arange(n_words), np.diff(self.starts))
        kept = keep[self.rows].astype(np.bool_)
        of_word, rows = of_word[kept], remap[self.rows[kept]]
        extra = sorted({w for w, _ in pairs if not self._has(w)})
        if extra:
            at = np.fromiter((bisect.bisect_left(self.words, w) for w in extra), np.int64)
            of_word = of_word + np.searchsorted(at, of_word, side="right")
            words = list(heapq.merge(self.words, extra))
        else:
            words = list(self.words)
        new_word = np.fromiter((bisect.bisect_left(words, w) for w, _ in pairs), np.int64)
        new_row = np.fromiter((r for _, r in pairs), np.int64)
        n_rows = int(max(rows.max(initial=-1), new_row.max(initial=-1))) + 1
        # The kept entries stay sorted and distinct (words and rows are renumbered in order),
        # and the new ones are of other rows: sorting the few new ones is enough.
        keys = of_word * n_rows + rows
        added = np.unique(new_word * n_rows + new_row)
        keys = np.insert(keys, np.searchsorted(keys, added), added)
        sizes = np.bincount(keys // max(n_rows, 1), minlength=len(words))
        used = sizes > 0
        if not used.all():
            words = [w for w, u in zip(words, used.tolist(), strict=True) if u]
            sizes = sizes[used]
        return _WordIndex(words=tuple(words), starts=_starts(sizes), rows=keys % max(n_rows, 1))

    def _has(self, word: str) -> bool:
        i = bisect.bisect_left(self.words, word)
        return i < len(self.words) and self.words[i] == word

    def sizes(self) -> Indices:
        """How many rows each word has."""
        return np.diff(self.starts)

    def _span(self, prefix: str) -> tuple[int, int]:
        lo = bisect.bisect_left(self.words, prefix)
        return lo, bisect.bisect_left(self.words, prefix + "\x7f")

    def starting(self, prefix: str) -> Indices:
        """Rows having a word that starts with ``prefix``."""
        lo, hi = self._span(prefix)
        if lo == hi:
            return np.zeros(0, dtype=np.int64)
        return np.unique(self.rows[self.starts[lo] : self.starts[hi]])

    def shortest(self, prefix: str) -> dict[int, int]:
        """For each row with a word starting with ``prefix``, its shortest such word's length."""
        lo, hi = self._span(prefix)
        out: dict[int, int] = {}
        for i in range(lo, hi):
            n = len(self.words[i])
            for row in self.rows[self.starts[i] : self.starts[i + 1]].tolist():
                out[row] = min(out.get(row, n), n)
        return out

    def exact(self, word: str) -> Indices:
        i = bisect.bisect_left(self.words, word)
        if i < len(self.words) and self.words[i] == word:
            return self.rows[self.starts[i] : self.starts[i + 1]]
        return np.zeros(0, dtype=np.int64)


def _starts(sizes: Indices) -> Indices:
    return np.concatenate([np.zeros(1, np.int64), np.cumsum(sizes, dtype=np.int64)])


@dataclass(frozen=True, slots=True, kw_only=True)
class Completer:
    """Prefix index over one knowledge base's snippets (see the module docstring)."""

    ids: tuple[str, ...]
    titles: tuple[str, ...]
    names: _WordIndex  # title, alias and id words
    phrases: _WordIndex  # whole titles, aliases and ids, as normalized words
    questions: _WordIndex  # example question words
    anywhere: _WordIndex  # stemmed words of names and questions, for complete words
    named: _WordIndex  # stemmed words of names only: a complete word there counts twice
    idf: dict[str, float]

    @classmethod
    def build(cls, snippets: Sequence[Snippet]) -> Completer:
        name_pairs: list[tuple[str, int]] = []
        phrase_pairs: list[tuple[str, int]] = []
        question_pairs: list[tuple[str, int]] = []
        for row, s in enumerate(snippets):
            _pairs(s, row, name_pairs, phrase_pairs, question_pairs)
        anywhere = _WordIndex.build((stem(w), r) for w, r in (*name_pairs, *question_pairs))
        return cls(
            ids=tuple(s.id for s in snippets),
            titles=tuple(s.title.casefold() for s in snippets),
            names=_WordIndex.build(name_pairs),
            phrases=_WordIndex.build(phrase_pairs),
            questions=_WordIndex.build(question_pairs),
            anywhere=anywhere,
            named=_WordIndex.build((stem(w), r) for w, r in name_pairs),
            idf=_idf(anywhere, len(snippets)),
        )

    def updated(self, snippets: Sequence[Snippet], old: Mapping[str, Snippet]) -> Completer:
        """The index :meth:`build` makes of ``snippets``, from this one (built from ``old``,
        by id): only the snippets that are not in ``old`` as they are now are read; the
        others' entries are kept (renumbered where snippets came or went)."""
        new_row = {s.id: row for row, s in enumerate(snippets)}
        keep = np.ones(len(self.ids), dtype=np.int64)
        remap = np.zeros(len(self.ids), dtype=np.int64)
        for row, sid in enumerate(self.ids):
            now = new_row.get(sid)
            if now is None or (snippets[now] is not old[sid] and snippets[now] != old[sid]):
                keep[row] = 0
            else:
                remap[row] = now
        name_pairs: list[tuple[str, int]] = []
        phrase_pairs: list[tuple[str, int]] = []
        question_pairs: list[tuple[str, int]] = []
        kept = {self.ids[row] for row in np.flatnonzero(keep).tolist()}
        for row, s in enumerate(snippets):
            if s.id not in kept:
                _pairs(s, row, name_pairs, phrase_pairs, question_pairs)
        anywhere = self.anywhere.updated(
            keep, remap, [(stem(w), r) for w, r in (*name_pairs, *question_pairs)]
        )
        return Completer(
            ids=tuple(s.id for s in snippets),
            titles=tuple(s.title.casefold() for s in snippets),
            names=self.names.updated(keep, remap, name_pairs),
            phrases=self.phrases.updated(keep, remap, phrase_pairs),
            questions=self.questions.updated(keep, remap, question_pairs),
            anywhere=anywhere,
            named=self.named.updated(keep, remap, [(stem(w), r) for w, r in name_pairs]),
            idf=_idf(anywhere, len(snippets)),
        )

    def rank(self, typed: str, limit: int) -> list[str]:
        """Snippet ids for a partly typed text, best first; only prefix and word matches."""
        tokens = words(typed)
        if not tokens or limit <= 0:
            return []
        ends_word = not typed[-1:].isalnum()
        complete, prefix = (tokens, "") if ends_word else (tokens[:-1], tokens[-1])
        n = len(self.ids)
        narrow = np.zeros(n, dtype=np.float64)
        wanted = [stem(w) for w in complete if w not in _NEUTRAL]
        for word in wanted:
            weight = self.idf.get(word, 0.0) + 1e-3
            narrow[self.anywhere.exact(word)] += weight
            narrow[self.named.exact(word)] += weight
        if not wanted and not prefix:
            return []
        tier = np.zeros(n, dtype=np.int64)
        starts: dict[int, int] = {}  # row -> shortest name starting with what was typed
        if prefix:
            tier[self.questions.starting(prefix)] = QUESTION_TIER
            tier[self.names.starting(prefix)] = NAME_TIER
            starts = self.phrases.shortest(prefix)
        whole = self.phrases.shortest(" ".join(tokens))
        on_prefix, on_words = tier > 0, narrow > 0
        # Both first, then complete words only, then the prefix only.
        group = np.where(on_prefix & on_words, 0, np.where(on_words, 1, 2))
        far = 1 << 20
        order = sorted(
            np.flatnonzero(on_prefix | on_words).tolist(),
            key=lambda i: (
                whole.get(i, far),
                group[i],
                -narrow[i],
                -tier[i],
                starts.get(i, far),
                self.titles[i],
            ),
        )
        return [self.ids[i] for i in order[:limit]]


def _pairs(
    s: Snippet,
    row: int,
    names: list[tuple[str, int]],
    phrases: list[tuple[str, int]],
    questions: list[tuple[str, int]],
) -> None:
    """Add one snippet's (word, row) pairs: name words, whole names, question words."""
    name_words = [*words(s.title), *(w for a in s.aliases for w in words(a))]
    name_words += words(s.id.replace("-", " "))
    names += [(w, row) for w in name_words]
    for name in (s.title, *s.aliases, s.id.replace("-", " ")):
        phrases.append((" ".join(words(name)), row))
    questions += [(w, row) for q in s.questions for w in words(q)]


def _idf(anywhere: _WordIndex, n_snippets: int) -> dict[str, float]:
    n = max(n_snippets, 1)
    return {
        w: math.log((1 + n) / (1 + size))
        for w, size in zip(anywhere.words, anywhere.sizes().tolist(), strict=True)
    }
