"""Which snippets' bodies use a word (:class:`Bodies`), for the coverage check
(:mod:`bot.matching.trust.coverage`): a body that mentions a word covers it in part."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence

from bot.models import Snippet


class Bodies:
    """Which snippets' bodies use a stem. Bodies are long and only matter when a question's
    word is missing from titles and example questions, so they are read on first need."""

    def __init__(
        self,
        snippets: Sequence[Snippet],
        stemmed: Callable[[str], frozenset[str]],
        index: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self._snippets = tuple(snippets)
        self._stemmed = stemmed
        self._index = index
        self._lock = threading.Lock()

    def updated(
        self,
        snippets: Sequence[Snippet],
        stemmed: Callable[[str], frozenset[str]],
        gone: Sequence[Snippet],
        came: Sequence[Snippet],
    ) -> Bodies:
        """The bodies of ``snippets``, which are these but for ``gone`` and ``came``: if this
        index was built, only their bodies are read (else it stays lazy)."""
        old = self._index
        if old is None:
            return Bodies(snippets, stemmed)
        index = dict(old)
        for s in gone:
            for word in stemmed(s.body):
                left = index[word] - {s.id}
                if left:
                    index[word] = left
                else:
                    del index[word]
        for s in came:
            for word in stemmed(s.body):
                index[word] = index.get(word, frozenset()) | {s.id}
        return Bodies(snippets, stemmed, index)

    def users(self, stem: str) -> frozenset[str]:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    found: dict[str, set[str]] = defaultdict(set)
                    for s in self._snippets:
                        for word in self._stemmed(s.body):
                            found[word].add(s.id)
                    self._index = {w: frozenset(ids) for w, ids in found.items()}
                index = self._index
        return index.get(stem, frozenset())
