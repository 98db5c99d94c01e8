"""The kind of each word of a question, as the context grammar
(:mod:`bot.matching.trust.context`) sees it against the snippets that would answer: their
term, another word of the field, an everyday English word the knowledge never uses, a plain
one it uses in passing, or phrasing and chat glue ("")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.context import everyday
from bot.matching.trust.coverage import Coverage

TERM_MIN = 0.15  # a name this plain ("make", "up") is not the term an everyday word qualifies


class WordKinds:
    """The kinds of one question's words for some snippets; each word's analysed forms are
    remembered for the question (:meth:`seen`)."""

    def __init__(
        self,
        *,
        coverage: Coverage,
        lexicon: Lexicon,
        snippet_ids: Sequence[str],
        content_words: Callable[[str], list[str]],
        spoken: Callable[[str], bool],
        idioms: frozenset[str] = frozenset(),
    ) -> None:
        """
        Args:
            coverage: the knowledge's coverage statistics.
            lexicon: the English word list.
            snippet_ids: the snippets that would answer.
            content_words: a question word's analysed forms.
            spoken: whether a word is part of a term of several words the synonyms fold
                into one ("machine" of "machine learning").
            idioms: the question's idiom words, phrasing here too.
        """
        self._coverage = coverage
        self._lexicon = lexicon
        self._ids = snippet_ids
        self._content_words = content_words
        self._spoken = spoken
        self._idioms = idioms
        self._analysed: dict[str, list[str]] = {}

    def words(self, token: str) -> list[str]:
        """A word's analysed forms (remembered)."""
        found = self._analysed.get(token)
        if found is None:
            found = self._analysed[token] = self._content_words(token)
        return found

    def seen(self, token: str) -> Sequence[str]:
        """A word's analysed forms if its kind was asked, else none."""
        return self._analysed.get(token, ())

    def __call__(self, token: str) -> str:
        found = self.words(token)
        coverage, lexicon, ids = self._coverage, self._lexicon, self._ids
        if not found or all(coverage.stems.phrasing(w) or w in self._idioms for w in found):
            return ""
        # An abbreviation the synonyms spell out as the snippet's name ("llm": "large
        # language model") is its term, however plain each word of the name is.
        if len(found) > 1 and all(coverage.is_name(w, ids) for w in found):
            return "term"
        if any(
            coverage.is_name(w, ids) and coverage.salience(w, lexicon) >= TERM_MIN for w in found
        ):
            return "term"
        if self._spoken(token):
            return "domain"
        if not everyday(lexicon, token):
            # A word English does not know is a name or a term ("openai", "kubernetes"); a
            # very frequent one is chat glue ("thing", "need").
            return "" if lexicon.is_word(token) else "domain"
        if all(coverage.unused(w) for w in found):
            return "everyday"
        if any(coverage.known_term(w, ids) for w in found):
            return "domain"
        return "plain"

    def unknown(self, token: str) -> bool:
        """Whether the knowledge never uses a word, not even in a body."""
        return all(self._coverage.unused(w) for w in self.words(token))
