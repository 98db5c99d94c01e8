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
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
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
    """Sorted words, each with the snippets (row numbers) that use it."""

    words: tuple[str, ...]
    rows: tuple[Indices, ...]

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, int]]) -> _WordIndex:
        found: dict[str, set[int]] = defaultdict(set)
        for word, row in pairs:
            found[word].add(row)
        ordered = sorted(found)
        return cls(
            words=tuple(ordered),
            rows=tuple(np.fromiter(sorted(found[w]), np.int64) for w in ordered),
        )

    def starting(self, prefix: str) -> Indices:
        """Rows having a word that starts with ``prefix``."""
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + "\x7f")
        if lo == hi:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(self.rows[lo:hi]))

    def shortest(self, prefix: str) -> dict[int, int]:
        """For each row with a word starting with ``prefix``, its shortest such word's length."""
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + "\x7f")
        out: dict[int, int] = {}
        for word, rows in zip(self.words[lo:hi], self.rows[lo:hi], strict=True):
            for row in rows.tolist():
                out[row] = min(out.get(row, len(word)), len(word))
        return out

    def exact(self, word: str) -> Indices:
        i = bisect.bisect_left(self.words, word)
        if i < len(self.words) and self.words[i] == word:
            return self.rows[i]
        return np.zeros(0, dtype=np.int64)


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
            name_words = [*words(s.title), *(w for a in s.aliases for w in words(a))]
            name_words += words(s.id.replace("-", " "))
            name_pairs += [(w, row) for w in name_words]
            for name in (s.title, *s.aliases, s.id.replace("-", " ")):
                phrase_pairs.append((" ".join(words(name)), row))
            question_pairs += [(w, row) for q in s.questions for w in words(q)]
        anywhere = _WordIndex.build((stem(w), r) for w, r in (*name_pairs, *question_pairs))
        n = max(len(snippets), 1)
        idf = {
            w: math.log((1 + n) / (1 + len(r)))
            for w, r in zip(anywhere.words, anywhere.rows, strict=True)
        }
        return cls(
            ids=tuple(s.id for s in snippets),
            titles=tuple(s.title.casefold() for s in snippets),
            names=_WordIndex.build(name_pairs),
            phrases=_WordIndex.build(phrase_pairs),
            questions=_WordIndex.build(question_pairs),
            anywhere=anywhere,
            named=_WordIndex.build((stem(w), r) for w, r in name_pairs),
            idf=idf,
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
