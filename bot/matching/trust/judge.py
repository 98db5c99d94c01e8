"""One knowledge base's judge: does a snippet explain a question well enough to answer it?"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from bot.matching.lexicon import Lexicon
from bot.matching.matcher import MatchIndex, nearest
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.tolerance import Tolerance
from bot.matching.trust.vocabulary import NEUTRAL_WORDS
from bot.models import Snippet

RESPELL_CUTOFF = 80.0  # one swap or slip in a five-letter word: only to see what it is about
RESPELL_CACHE = 10_000
SOLID_LEFT = 0.2  # no unexplained word weighs this much: the snippet explains the question


@dataclass(frozen=True, slots=True, kw_only=True)
class Judgement:
    explained: bool
    share: float  # 0-1 of the question's salience explained
    missing: tuple[str, ...]  # what is left unexplained, to name in the reply
    empty: bool  # the words name nothing at all ("vs", "up or down")
    solid: bool  # the check is on and nothing salient is left unexplained


class Judge:
    """Coverage statistics of one knowledge base, plus the tolerance fitted to it (lazily:
    only a question with something uncovered needs it, and fitting loads the word list)."""

    def __init__(
        self,
        snippets: Sequence[Snippet],
        index: MatchIndex,
        lexicon: Lexicon,
        *,
        coverage: Coverage | None = None,
    ) -> None:
        """``coverage``: the snippets' statistics when already made (see
        :meth:`Coverage.updated`), else built here."""
        self._index = index
        self._lexicon = lexicon
        self._coverage = coverage or Coverage.build(snippets, index.content_words)
        self._tolerance: Tolerance | None = None
        self._lock = threading.Lock()
        self._respelt: dict[str, str | None] = {}

    def __call__(
        self,
        words: Sequence[str],
        snippet_ids: Sequence[str],
        *,
        definition: bool = False,
        trusted: bool = False,
        asides: Sequence[Sequence[str]] = (),
    ) -> Judgement:
        """Judge the question's analysed ``words`` against the snippets that would answer.

        Args:
            words: the question's analysed words, in order.
            snippet_ids: the snippets that would answer it.
            definition: the question asks what something is (bodies do not count, and the
                head word of the term must be explained).
            trusted: the match is strong and clear: allow a little more unexplained.
            asides: the analysed words of clauses about the asker
                (:func:`bot.matching.trust.clauses.asides`), left out when the snippets explain
                the rest of the question wholly and none of their words.
        """
        found = self._judge(words, snippet_ids, definition=definition, trusted=trusted)
        if found.explained or found.empty or not asides:
            return found
        rest = list(words)
        for aside in asides:
            if self._coverage.speaks_of(aside, snippet_ids, self._lexicon):
                continue
            for word in aside:
                if word in rest:
                    rest.remove(word)
        if len(rest) == len(words):
            return found
        kept = self._judge(rest, snippet_ids, definition=definition, trusted=trusted)
        return kept if kept.explained and kept.solid and not kept.missing else found

    def _judge(
        self, words: Sequence[str], snippet_ids: Sequence[str], *, definition: bool, trusted: bool
    ) -> Judgement:
        verdict = self._coverage.judge(
            words,
            snippet_ids,
            self._lexicon,
            definition=definition,
            respell=self._respell,
        )
        empty = verdict.uncovered + verdict.covered <= 0
        if empty or verdict.uncovered == 0:
            return Judgement(explained=not empty, share=1.0, missing=(), empty=empty, solid=True)
        tolerance = self._fitted()
        if tolerance.off:  # this knowledge's own examples leave words unexplained as a rule
            return Judgement(explained=True, share=1.0, missing=(), empty=False, solid=False)
        return Judgement(
            explained=tolerance.allows(verdict, trusted=trusted),
            share=verdict.share,
            missing=verdict.missing,
            empty=False,
            solid=verdict.top_uncovered < SOLID_LEFT,
        )

    @property
    def coverage(self) -> Coverage:
        return self._coverage

    def warm(self) -> None:
        """Fit the tolerance now rather than on the first question that needs it."""
        self._fitted()

    def _fitted(self) -> Tolerance:
        if self._tolerance is None:
            with self._lock:
                if self._tolerance is None:
                    self._tolerance = Tolerance.fit(self._coverage, self._lexicon, self._respell)
        return self._tolerance

    def _respell(self, word: str) -> str | None:
        """What a misspelt word most likely is: a knowledge word, or a phrasing word."""
        found = self._respelt.get(word, "")
        if found == "":
            found = nearest(word, self._index.vocab, RESPELL_CUTOFF) or nearest(
                word, NEUTRAL_WORDS, RESPELL_CUTOFF
            )
            if len(self._respelt) < RESPELL_CACHE:
                self._respelt[word] = found
        return found
