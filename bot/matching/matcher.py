"""The search index over snippets. The only module that imports rapidfuzz.

Each snippet is indexed through its example questions, aliases and title (its "documents").
A query is scored against every snippet as a mix of its best single document (cosine of
TF-IDF vectors, see :mod:`bot.matching.features`) and its centroid (all its questions together,
refined by :mod:`bot.matching.train` when the knowledge base is small enough), through an inverted
index so that only documents sharing a feature with the query are touched. A whole alias or title
match counts on its own.
Out-of-vocabulary words are first mapped onto the index vocabulary with rapidfuzz (typos).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.matching.compare import comparison_cover
from bot.matching.denseblock import LazyBlock
from bot.matching.features import (
    SKIP_MIN_VALUES,
    Floats,
    GroupedPostings,
    Ints,
    SparseRows,
    centroids,
)
from bot.matching.normalize import (
    FILLER_MARK,
    SynonymFolder,
    all_words,
    expand_contractions,
    split_filler,
    stem,
    strip_answer_form,
    typed_marks,
    words,
)
from bot.matching.train import refine
from bot.matching.vectorizer import BIGRAM_MAX_QUESTIONS, Vectorizer, char_sizes_for
from bot.models import Snippet

if TYPE_CHECKING:
    from bot.matching.analysis import Analysis

# Weight of the best single document against the snippet's centroid in a snippet's score.
BEST_SHARE = 0.2
NAME_SHARE = 1.0  # an alias or title matched as a whole is as good as a question
TYPO_CUTOFF = 84.0  # rapidfuzz ratio (0-100) an unknown word needs to be read as a known one
TYPO_MIN_LEN = 4
SLIP_MIN = 5  # letters from which one slip (a swap, a wrong letter) is always a typo
SHORT_TYPO = 5  # a typo fix of a word this short keeps its first letter
ROUNDING = 1e-4  # rounding allowance of the score bounds that let a search skip snippets


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A scored snippet candidate (score 0-100)."""

    id: str
    score: float


# Prefixes that turn a known word into its opposite or another kind of it ("unsupervised",
# "nonlinear", "semisupervised"): a known word after one of them is no typo of the whole
# ("rebook" may still be read as "book").
DERIVING_PREFIXES = frozenset({"un", "non", "anti", "dis", "de", "counter", "semi", "self"})


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class MatchIndex:
    """Immutable search structure over a set of snippets (built once per knowledge base)."""

    ids: tuple[str, ...]
    q_starts: Ints  # first question document of each snippet (grouped by snippet)
    n_questions: int
    n_starts: Ints  # first name document (aliases, title) of each snippet
    n_names: int
    vectorizer: Vectorizer
    questions: GroupedPostings  # feature -> question documents, grouped by snippet
    names: SparseRows  # feature -> name documents
    # feature -> snippets: refined centroids; None when too large to refine, then a dot with
    # the plain centroid is the sum of the snippet's question dots over ``sum_norms``.
    centroids: SparseRows | None
    sum_norms: Floats  # norm of the sum of each snippet's question vectors
    # Small bases: frequent features x (questions, names, snippets) as one dense block, made
    # once a process keeps answering (batch throughput); None at scale.
    block: LazyBlock | None
    folder: SynonymFolder
    vocab: tuple[str, ...]  # known words before synonym folding, most frequent first
    known: frozenset[str]
    closest: Callable[[str, float], str | None]  # typo lookup, cached per index
    is_comparison: npt.NDArray[np.bool_]  # snippets that compare two things
    pairs: Mapping[frozenset[str], str]  # {id, id} -> comparison snippet covering both

    @classmethod
    def build(
        cls,
        snippets: Sequence[Snippet],
        synonyms: Mapping[str, Sequence[str]],
        *,
        bigram_max_questions: int = BIGRAM_MAX_QUESTIONS,
    ) -> MatchIndex:
        """Index the snippets; character 2-grams only up to ``bigram_max_questions``."""
        from bot.matching.analysis import Analysis  # building only: a cached index skips it

        return cls.build_from(Analysis.of(snippets, synonyms), synonyms, bigram_max_questions)

    @classmethod
    def build_from(
        cls,
        analysis: Analysis,
        synonyms: Mapping[str, Sequence[str]],
        bigram_max_questions: int = BIGRAM_MAX_QUESTIONS,
    ) -> MatchIndex:
        """:meth:`build` from the snippets' analysed texts (:mod:`bot.matching.analysis`)."""
        folder = SynonymFolder.build(synonyms)
        counts = Counter(analysis.stem_counts())
        for key, target in folder.table.items():
            counts.update(key)
            counts.update(target)
        n_snippets = len(analysis.keys)
        n_q, n_n = int(analysis.n_questions.sum()), int(analysis.n_names.sum())
        sizes = char_sizes_for(n_q, bigram_max_questions)
        vectorizer, rows = Vectorizer.fit_ids(analysis.documents(), sizes)
        n_features = vectorizer.n_features
        q_matrix = rows.slice(0, n_q)
        labels = np.repeat(np.arange(n_snippets, dtype=np.int32), analysis.n_questions)
        q_starts = _starts(analysis.n_questions)
        c_matrix, sum_norms = centroids(q_matrix, q_starts, n_features)
        refined = refine(q_matrix, labels, c_matrix, n_features, n_snippets)
        # Transposed one at a time, each source dropped when done: a lower peak at scale.
        n_peaks = len(c_matrix.values)
        del c_matrix
        questions = GroupedPostings.build(
            q_matrix.transpose(n_features), labels, n_snippets, n_peaks
        )
        names = rows.slice(n_q, n_q + n_n).transpose(n_features)
        del rows, q_matrix
        vocab = tuple(sorted(counts, key=lambda w: (-counts[w], w)))
        core = cls(
            ids=analysis.snippet_ids,
            q_starts=q_starts,
            n_questions=n_q,
            n_starts=_starts(analysis.n_names),
            n_names=n_n,
            vectorizer=vectorizer,
            questions=questions,
            names=names,
            centroids=refined,
            sum_norms=sum_norms,
            block=lazy_block(
                n_features,
                [(questions.postings, n_q), (names, n_n)]
                + ([(refined, n_snippets)] if refined is not None else []),
            ),
            folder=folder,
            vocab=vocab,
            known=frozenset(counts),
            closest=lru_cache(maxsize=4096)(partial(_closest, vocab)),
            is_comparison=np.zeros(n_snippets, dtype=np.bool_),
            pairs={},
        )
        return comparison_cover(core, analysis.comparison, analysis.snippet_docs)

    def tokens(
        self,
        text: str,
        *,
        typo_cutoff: float = TYPO_CUTOFF,
        keep: Callable[[str], bool] | None = None,
    ) -> list[str]:
        """The query pipeline: words, filler, plurals, typos, synonyms.

        The typed forms of stemmed words ("~=models") and leading and trailing filler ("~hey")
        come last, marked: weak evidence that only counts where the indexed questions have it.

        Args:
            text: the question as typed.
            typo_cutoff: rapidfuzz ratio an unknown word needs to be read as a known one.
            keep: unknown words for which this is true are never read as typos (real
                English words: "transfer" is not a misspelt "transformer").
        """
        text, form = strip_answer_form(text)
        kept, filler = split_filler(expand_contractions(words(text)))
        filler += form
        fixed = [self._fix(stem(t), typo_cutoff, keep) for t in kept]
        return self.folder.apply(fixed) + typed_marks(kept) + [FILLER_MARK + t for t in filler]

    def content_words(self, text: str) -> list[str]:
        """The topic words of an indexed text, as :meth:`tokens` makes them (no typo fixing)."""
        return self.folder.apply([stem(t) for t in split_filler(all_words(text))[0]])

    def _fix(self, token: str, cutoff: float, keep: Callable[[str], bool] | None = None) -> str:
        if token in self.known or len(token) < TYPO_MIN_LEN or not token.isalpha():
            return token
        if keep is not None and keep(token):
            return token
        fixed = self.closest(token, cutoff)
        if fixed is None or (len(token) <= SHORT_TYPO and fixed[0] != token[0]):
            # One letter is much of a short word: before its first one, it makes another
            # name ("vllm" is not "llm", "cred" not "red"); typos keep the first letter.
            return token
        return fixed

    def search(
        self, tokens: Sequence[str], limit: int = 5, *, plain_only: bool = False
    ) -> list[Hit]:
        """Best snippets for analysed query tokens, best first (ties by id).

        Args:
            tokens: from :meth:`tokens`.
            limit: at most this many hits.
            plain_only: leave out comparison snippets (to resolve one side of a comparison).
        """
        query = self._query(tokens)
        if query is None or limit <= 0:
            return []
        k = min(limit, len(self.ids))
        scores = self._pruned(*query, k, plain_only=plain_only)
        if scores is None:
            scores = self._full(*query)
            if plain_only:
                scores = np.where(self.is_comparison, np.float32(0.0), scores)
        top = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(top.tolist(), key=lambda i: (-scores[i], self.ids[i]))
        return [
            Hit(id=self.ids[i], score=round(float(scores[i]) * 100.0, 2))
            for i in ranked
            if scores[i] > 0.0
        ]

    def scores(self, tokens: Sequence[str]) -> Floats | None:
        """Score (0-1) of every snippet, or None when the query shares nothing with the index."""
        query = self._query(tokens)
        return None if query is None else self._full(*query)

    def _query(self, tokens: Sequence[str]) -> tuple[Ints, Floats] | None:
        if not self.ids:
            return None
        q_ids, q_vals = self.vectorizer.vector(tokens)
        return (q_ids, q_vals) if len(q_ids) else None

    def _full(self, q_ids: Ints, q_vals: Floats) -> Floats:
        block = self.block.get() if self.block is not None else None
        if block is not None:
            both = block.dot(q_ids, q_vals)
            dots, names = both[: self.n_questions], both[self.n_questions :]
            name = np.maximum.reduceat(names[: self.n_names], self.n_starts)
            cent = names[self.n_names :] if self.centroids is not None else self._plain(dots)
            return _mix(np.maximum.reduceat(dots, self.q_starts), cent, name)
        dots = self.questions.postings.dot(q_ids, q_vals, self.n_questions)
        if self.centroids is None:
            sums = np.add.reduceat(dots, self.q_starts)
            cent = np.divide(
                sums, self.sum_norms, out=np.zeros_like(sums), where=self.sum_norms > 0
            )
        else:
            cent = self.centroids.dot(q_ids, q_vals, len(self.ids))
        return _mix(np.maximum.reduceat(dots, self.q_starts), cent, self._name(q_ids, q_vals))

    def _plain(self, dots: Floats) -> Floats:
        sums = np.add.reduceat(dots, self.q_starts)
        norms = self.sum_norms
        out: Floats = np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)
        return out

    def _name(self, q_ids: Ints, q_vals: Floats) -> Floats:
        out: Floats = np.maximum.reduceat(
            self.names.dot(q_ids, q_vals, self.n_names), self.n_starts
        )
        return out

    def _pruned(self, q_ids: Ints, q_vals: Floats, k: int, *, plain_only: bool) -> Floats | None:
        """:meth:`scores` to the bit for every snippet that can reach the top ``k``, lower for
        the others, whose questions are skipped: a snippet's best question scores between 0
        and the dot with its questions' per-feature maxima, so a snippet whose upper bound
        stays below the k-th lower bound cannot rank. None when the k-th place is a tie or
        skipping does not pay.
        """
        if not self.questions.worth_skipping or self.centroids is None:
            return None  # plain centroids come from all question dots: nothing to skip
        cent = self.centroids.dot(q_ids, q_vals, len(self.ids))
        name = self._name(q_ids, q_vals)
        n = len(self.ids)
        peak = np.minimum(self.questions.bound(q_ids, q_vals), np.float32(1.0)) + np.float32(
            ROUNDING
        )
        lower, upper = _mix(np.zeros_like(cent), cent, name), _mix(peak, cent, name)
        if plain_only:
            lower = np.where(self.is_comparison, np.float32(0.0), lower)
        kth = float(np.partition(lower, n - k)[n - k])
        chosen = upper + ROUNDING >= kth
        dots = self.questions.dot_groups(q_ids, q_vals, chosen)
        out = _mix(np.maximum.reduceat(dots, self.q_starts), cent, name)
        if plain_only:
            out = np.where(self.is_comparison, np.float32(0.0), out)
        ranked = np.sort(out[chosen])[::-1]
        if len(ranked) > k and ranked[k] == ranked[k - 1] > 0.0:
            return None
        return out


def nearest(token: str, choices: Sequence[str], cutoff: float) -> str | None:
    """The choice most like ``token``, or None below ``cutoff`` (0-100).

    Counts edits by optimal string alignment, where swapping two neighbouring letters is one
    edit ("modle" is one edit from "model"), unlike the matcher's typo fixer; ``cutoff``
    allows ``len(token) * (1 - cutoff / 100)`` edits, rounded down.
    """
    edits = math.floor(len(token) * (1.0 - cutoff / 100.0) + 1e-9)
    if edits <= 0:
        return None
    found = process.extractOne(
        token, choices, scorer=OSA.distance, processor=None, score_cutoff=edits
    )
    return _misspelt(token, found)


def lazy_block(n_features: int, layouts: Sequence[tuple[SparseRows, int]]) -> LazyBlock | None:
    """The dense search block of a small base (see ``MatchIndex.block``) over postings layouts
    and their widths (questions first); None where the postings are long (other kernels)."""
    if len(layouts[0][0].values) >= SKIP_MIN_VALUES:
        return None
    return LazyBlock(n_features, layouts)


def _starts(sizes: npt.NDArray[np.int64]) -> Ints:
    """The first row of each group of ``sizes`` rows laid out one after another."""
    return (np.cumsum(sizes) - sizes).astype(np.int32)


def _closest(vocab: Sequence[str], token: str, cutoff: float) -> str | None:
    """The known word nearest to an unknown one, or None below ``cutoff``.

    A word of ``SLIP_MIN`` letters or more is also read as a known word one slip away by
    optimal string alignment (a swap of neighbours, a wrong, missing or extra letter) when
    the cutoff leaves room for one: rapidfuzz's ratio counts a swap or a wrong letter as two
    edits, which a six-letter word cannot afford ("nueral" is 83 from "neural")."""
    found = process.extractOne(token, vocab, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
    # The cutoff's share of the word, rounded: the slips it allows (84 allows one from five
    # letters to fifteen; 99 none).
    if found is None and len(token) >= SLIP_MIN and round(len(token) * (1 - cutoff / 100)) >= 1:
        found = process.extractOne(
            token, vocab, scorer=OSA.distance, processor=None, score_cutoff=1
        )
    return _misspelt(token, found)


def _misspelt(token: str, found: tuple[str, float, int] | None) -> str | None:
    """The word a fuzzy lookup found for ``token``, unless ``token`` is that word after a
    prefix that makes another word ("unsupervised" is no misspelt "supervised")."""
    if found is None:
        return None
    word = str(found[0])
    if token.endswith(word) and token[: len(token) - len(word)] in DERIVING_PREFIXES:
        return None
    return word


def _mix(best: Floats, cent: Floats, name: Floats) -> Floats:
    """Snippet scores from best question, centroid and name scores."""
    mixed = BEST_SHARE * best + (1.0 - BEST_SHARE) * cent
    out: Floats = np.clip(np.maximum(mixed, NAME_SHARE * name), 0.0, 1.0)
    return out
