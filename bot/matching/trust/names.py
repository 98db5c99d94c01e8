"""The knowledge's names, looked up fast: whole snippet names in a run of question words, and
the synonym phrases a word belongs to.

Both are built once per knowledge base, on first need (a question with an aside, or a word
of a folded phrase), so a question is never slowed by a scan over every snippet.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from bot.matching.matcher import MatchIndex
from bot.models import Snippet

Phrase = tuple[str, ...]


class Names:
    """Snippet names and synonym phrases of one knowledge base."""

    def __init__(self, snippets: Sequence[Snippet], index: MatchIndex) -> None:
        self._snippets = tuple(snippets)
        self._index = index
        self._lock = threading.Lock()
        self._names: dict[int, frozenset[Phrase]] | None = None  # by length
        self._folded: dict[str, tuple[tuple[Phrase, Phrase], ...]] | None = None

    def holds_name(self, words: Sequence[str]) -> bool:
        """Whether ``words`` (analysed) hold a whole name of several words of any snippet."""
        words = tuple(words)
        return any(
            words[i : i + n] in phrases
            for n, phrases in self._by_length().items()
            if n > 1
            for i in range(len(words) - n + 1)
        )

    def name_positions(self, words: Sequence[str]) -> set[int]:
        """Where ``words`` (analysed) hold a whole name of any snippet, of any length: the
        positions of every word of each such name."""
        words = tuple(words)
        return {
            j
            for n, phrases in self._by_length().items()
            for i in range(len(words) - n + 1)
            if words[i : i + n] in phrases
            for j in range(i, i + n)
        }

    def _by_length(self) -> dict[int, frozenset[Phrase]]:
        """Every title and alias as analysed, by its number of words (built once)."""
        names = self._names
        if names is None:
            with self._lock:
                if self._names is None:
                    found: dict[int, set[Phrase]] = {}
                    for s in self._snippets:
                        for name in (s.title, *s.aliases):
                            phrase = tuple(self._index.content_words(name))
                            if phrase:
                                found.setdefault(len(phrase), set()).add(phrase)
                    self._names = {n: frozenset(p) for n, p in found.items()}
                names = self._names
        return names

    def folded_with(self, word: str) -> tuple[tuple[Phrase, Phrase], ...]:
        """The synonym phrases of several words that hold ``word``, each with what it folds
        to ("deep" -> (("deep", "learning"), ("dl",)))."""
        folded = self._folded
        if folded is None:
            with self._lock:
                if self._folded is None:
                    by_word: dict[str, list[tuple[Phrase, Phrase]]] = {}
                    for key, target in self._index.folder.table.items():
                        if len(key) > 1:
                            for w in set(key):
                                by_word.setdefault(w, []).append((tuple(key), tuple(target)))
                    self._folded = {w: tuple(p) for w, p in by_word.items()}
                folded = self._folded
        return folded.get(word, ())
