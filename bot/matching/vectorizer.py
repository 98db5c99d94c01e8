"""TF-IDF vectors of analysed token lists: word uni/bi-grams and in-word character n-grams.

A text becomes a unit vector made of two blocks, each normalised on its own and mixed with
``WORD_SHARE``: cosine = WORD_SHARE * word cosine + (1 - WORD_SHARE) * character cosine. Words
make rare terms count; character 2-5-grams (3-5 on large bases) make typos and word forms
still overlap. Marked tokens (filler ``~hey`` and typed forms ``~=models``, from the matcher)
are word unigrams only and count only where the index has them; a typed form lends its
spelling to the character block. Weights: sublinear tf, smooth idf (as scikit-learn's
``TfidfVectorizer(sublinear_tf=True)``).

Built with numpy over whole arrays: each distinct word's character n-grams are computed once,
as integer codes (base-40 digits, so the code also tells the length), and every document's
features are gathered from its words; term counts, document frequencies and norms are sorts
and bin counts. Columns: word unigrams (one per token), word bigrams, character n-grams.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from bot.matching.features import CHUNK_ENTRIES, Floats, Ints, SparseRows, _spans, row_chunks
from bot.matching.normalize import FILLER_MARK, TYPED_MARK, stem

WORD_SHARE = 0.6
CHAR_SIZES = (2, 3, 4, 5)
LARGE_CHAR_SIZES = (3, 4, 5)
# Above this many example questions, 2-grams ("e ") have postings so long that they dominate
# query latency (synthetic bases, bench/engine.py), so large bases index 3-5-grams only.
BIGRAM_MAX_QUESTIONS = 50_000
FILLER_WEIGHT = 1.0  # of a marked word ("~hey", "~=models") against a topic word

_BASE = 40
_SPACE = 1
_DIGITS = np.full(256, 38, dtype=np.int64)  # any other byte (never produced by the analyser)
_DIGITS[ord(" ")] = _SPACE
_DIGITS[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", np.uint8)] = np.arange(2, 38)

I64 = npt.NDArray[np.int64]
_NO_CODES = np.zeros(0, np.int64)
GRAM_CACHE_WORDS = 50_000

if TYPE_CHECKING:
    from bot.matching.doctokens import DocTokens


def char_sizes_for(n_questions: int, cut: int = BIGRAM_MAX_QUESTIONS) -> tuple[int, ...]:
    """Character n-gram sizes for a knowledge base of ``n_questions`` example questions."""
    return CHAR_SIZES if n_questions <= cut else LARGE_CHAR_SIZES


def split_tokens(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """The plain tokens (no marks: they make the bigrams) and their spelling for the
    character block (a stem replaced by the form typed, where a typed mark says so)."""
    plain = [t for t in tokens if not t.startswith(FILLER_MARK)]
    if len(plain) == len(tokens):
        return plain, plain
    spelled = list(plain)
    for mark in tokens:
        if mark.startswith(TYPED_MARK):
            typed = mark[len(TYPED_MARK) :]
            if stem(typed) in spelled:  # the stem may be gone (synonym or typo fix)
                spelled[spelled.index(stem(typed))] = typed
    return plain, spelled


def gram_codes(words: Sequence[str], sizes: Sequence[int]) -> tuple[I64, I64]:
    """Codes of the character n-grams of each word padded with spaces, and the word of each."""
    if not words:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    lengths = np.fromiter((len(w) + 2 for w in words), np.int64, len(words))
    text = "".join(f" {w} " for w in words).encode("ascii", "replace")
    digits = _DIGITS[np.frombuffer(text, np.uint8)]
    owner = np.repeat(np.arange(len(words), dtype=np.int64), lengths)
    # A window holding two spaces in a row crosses from one padded word into the next.
    double = (digits[:-1] == _SPACE) & (digits[1:] == _SPACE)
    code, bad = digits, np.zeros(len(digits), dtype=np.bool_)
    codes, owners = [], []
    for n in range(2, max(sizes) + 1):
        if len(code) < 2:
            break
        code = code[:-1] * _BASE + digits[n - 1 :]
        bad = bad[:-1] | double[n - 2 :]
        if n in sizes:
            keep = ~bad
            codes.append(code[keep])
            owners.append(owner[: len(code)][keep])
    if not codes:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(codes), np.concatenate(owners)


@dataclass(frozen=True, slots=True, kw_only=True)
class Vectorizer:
    """Feature columns and IDF weights learnt from the indexed texts.

    Attributes:
        words: token -> its unigram column (columns ``0 .. len(words)``).
        bigrams: sorted codes ``first * len(words) + second`` of the indexed bigrams.
        chars: sorted codes of the indexed character n-grams.
        idf: per column.
        unseen_idf: of a feature the index never saw (it still counts in a query's norm).
        char_sizes: character n-gram sizes.
    """

    words: dict[str, int]
    bigrams: I64
    chars: I64
    idf: Floats
    unseen_idf: float
    char_sizes: tuple[int, ...] = CHAR_SIZES
    # Query words' n-gram keys, computed once per word (bounded; plain dict ops are atomic).
    gram_cache: dict[str, I64] = field(default_factory=dict, compare=False, repr=False)
    pair_cache: dict[tuple[str, str], int | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def n_features(self) -> int:
        return len(self.words) + len(self.bigrams) + len(self.chars)

    @property
    def n_word_features(self) -> int:
        return len(self.words) + len(self.bigrams)

    def char_grams(self) -> list[str]:
        """The indexed character n-grams as text (for tests and debugging)."""
        alphabet = " abcdefghijklmnopqrstuvwxyz0123456789?"
        out = []
        for code in self.chars.tolist():
            chars, value = [], code
            while value:
                value, digit = divmod(value, _BASE)
                chars.append(alphabet[digit - 1])
            out.append("".join(reversed(chars)))
        return out

    @classmethod
    def fit(
        cls, docs: Sequence[Sequence[str]], char_sizes: tuple[int, ...] = CHAR_SIZES
    ) -> tuple[Vectorizer, SparseRows]:
        """Learn the features of ``docs`` and return their unit TF-IDF rows (CSR)."""
        from bot.matching.doctokens import DocTokens  # building only: queries never need it

        return cls.fit_ids(DocTokens.encode(docs), char_sizes)

    @classmethod
    def fit_ids(
        cls, docs: DocTokens, char_sizes: tuple[int, ...] = CHAR_SIZES
    ) -> tuple[Vectorizer, SparseRows]:
        """:meth:`fit` of encoded documents: the same features, weights and rows whatever
        the numbering of ``docs.tokens`` (words are numbered by first appearance)."""
        n_docs = len(docs.lengths)
        token_doc = np.repeat(np.arange(n_docs), docs.lengths)
        seen, first = np.unique(docs.ids, return_index=True)
        order = seen[np.argsort(first, kind="stable")]
        remap = np.zeros(len(docs.tokens), dtype=np.int64)
        remap[order] = np.arange(len(order))
        token_arr = remap[docs.ids]
        names = [docs.tokens[t] for t in order.tolist()]
        words = {w: i for i, w in enumerate(names)}
        filler = np.fromiter((w.startswith(FILLER_MARK) for w in names), np.bool_, len(names))
        plain_mask = ~filler[token_arr]
        plain_arr = token_arr[plain_mask]
        plain_doc = token_doc[plain_mask]
        n_plain = np.bincount(plain_doc, minlength=n_docs)
        spellings, spelled_ids = _spellings(
            docs, names, token_arr=token_arr, token_doc=token_doc, n_plain=n_plain, plain=plain_arr
        )
        n_words = len(words)
        # Bigrams: consecutive plain tokens of one document.
        inside = plain_doc[:-1] == plain_doc[1:]
        pair_codes = plain_arr[:-1][inside] * n_words + plain_arr[1:][inside]
        bigrams, pair_cols = np.unique(pair_codes, return_inverse=True)
        # Character n-grams of each distinct spelling, then of each document.
        codes, owner = gram_codes(spellings, char_sizes)
        chars, gram_cols = np.unique(codes, return_inverse=True)
        order = np.argsort(owner, kind="stable")
        word_grams = (gram_cols[order] + n_words + len(bigrams)).astype(np.int32)
        gram_ptr = np.zeros(len(spellings) + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=len(spellings)), out=gram_ptr[1:])
        n_features = n_words + len(bigrams) + len(chars)
        pair_col_arr = (pair_cols.reshape(-1) + n_words).astype(np.int32)
        pair_doc = plain_doc[:-1][inside]
        counts = _DocCounts(
            token_ids=token_arr.astype(np.int32),
            token_doc=token_doc,
            pair_cols=pair_col_arr,
            pair_doc=pair_doc,
            spelled_ids=spelled_ids.reshape(-1).astype(np.int64),
            spelled_doc=plain_doc,
            gram_ptr=gram_ptr,
            word_grams=word_grams,
            n_docs=n_docs,
        )
        indptr, cols, tfs = counts.all(n_features)
        df = np.bincount(cols, minlength=n_features)
        idf = (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
        del df
        vectorizer = cls(
            words=words,
            bigrams=bigrams.astype(np.int64),
            chars=chars.astype(np.int64),
            idf=idf,
            unseen_idf=math.log(1 + n_docs) + 1.0,
            char_sizes=char_sizes,
        )
        return vectorizer, vectorizer._unit_rows(indptr, cols, tfs)

    def _unit_rows(self, indptr: I64, cols: Ints, tfs: npt.NDArray[np.uint16]) -> SparseRows:
        """TF-IDF rows with each row's word and character blocks scaled to norm sqrt(share)."""
        n_words = len(self.words)
        marks = np.fromiter((t.startswith(FILLER_MARK) for t in self.words), np.bool_, n_words)
        shares = np.array([WORD_SHARE, 1.0 - WORD_SHARE])
        values = np.empty(len(cols), dtype=np.float32)
        for r0, r1 in row_chunks(indptr, CHUNK_ENTRIES):
            a, b = int(indptr[r0]), int(indptr[r1])
            c = cols[a:b]
            w = (1.0 + np.log(tfs[a:b].astype(np.float64))) * self.idf[c]
            if n_words:
                w[(c < n_words) & marks[np.minimum(c, n_words - 1)]] *= FILLER_WEIGHT
            local = np.repeat(np.arange(r1 - r0), np.diff(indptr[r0 : r1 + 1]))
            block = local * 2 + (c >= self.n_word_features)
            norms = np.bincount(block, weights=w * w, minlength=2 * (r1 - r0))
            wanted = np.tile(shares, r1 - r0)
            scale = np.sqrt(np.divide(wanted, norms, out=np.zeros_like(wanted), where=norms > 0))
            values[a:b] = w * scale[block]
        return SparseRows(indptr=indptr.astype(np.int32), ids=cols, values=values)

    def vector(self, tokens: Sequence[str]) -> tuple[Ints, Floats]:
        """Unit TF-IDF vector (columns, values) of known features; unknown ones still count in
        the norm, except marks (filler, typed forms) the index never saw."""
        cols: list[int] = []
        weights: list[float] = []
        norm = 0.0
        plain, spelled = split_tokens(tokens)
        for key, tf in Counter(tokens).items():
            col = self.words.get(key)
            if col is None and key.startswith(FILLER_MARK):
                continue  # a mark the index never saw is no evidence against a match
            w = (1.0 + math.log(tf)) * (self.unseen_idf if col is None else float(self.idf[col]))
            if key.startswith(FILLER_MARK):
                w *= FILLER_WEIGHT
            norm += w * w
            if col is not None:
                cols.append(col)
                weights.append(w)
        pairs = Counter(pairwise(plain))
        for tf, col in zip(pairs.values(), self._bigram_columns(pairs), strict=True):
            w = (1.0 + math.log(tf)) * (self.unseen_idf if col is None else float(self.idf[col]))
            norm += w * w
            if col is not None:
                cols.append(col)
                weights.append(w)
        word_cols = np.array(cols, dtype=np.int32)
        word_vals = np.array(weights, dtype=np.float64)
        if norm > 0.0:
            word_vals *= math.sqrt(WORD_SHARE / norm)
        char_cols, char_vals = self._char_block(spelled)
        return (
            np.concatenate([word_cols, char_cols]),
            np.concatenate([word_vals, char_vals]).astype(np.float32),
        )

    def _bigram_columns(self, pairs: Collection[tuple[str, str]]) -> list[int | None]:
        """The column of each word pair, None for a pair the index never saw; pairs are
        looked up once (in one call) and remembered, as chat repeats "what is", "is a"."""
        cache = self.pair_cache
        out = [cache.get(pair, -1) for pair in pairs]
        new = [pair for pair, col in zip(pairs, out, strict=True) if col == -1]
        if new:
            found = dict(zip(new, self._look_up_pairs(new), strict=True))
            if len(cache) < GRAM_CACHE_WORDS:
                cache.update(found)
            out = [found[pair] if col == -1 else col for pair, col in zip(pairs, out, strict=True)]
        return out

    def _look_up_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[int | None]:
        n_words = len(self.words)
        if len(self.bigrams) == 0:
            return [None] * len(pairs)
        first = np.array([self.words.get(a, -1) for a, _ in pairs], np.int64)
        second = np.array([self.words.get(b, -1) for _, b in pairs], np.int64)
        codes = first * n_words + second
        at = np.minimum(np.searchsorted(self.bigrams, codes), len(self.bigrams) - 1)
        found = (first >= 0) & (second >= 0) & (self.bigrams[at] == codes)
        return [n_words + int(i) if ok else None for i, ok in zip(at, found, strict=True)]

    def _char_block(self, spelled: Sequence[str]) -> tuple[Ints, npt.NDArray[np.float64]]:
        keys = np.concatenate([self._gram_keys(t) for t in spelled]) if spelled else _NO_CODES
        if len(keys) == 0:
            return np.zeros(0, np.int32), np.zeros(0, np.float64)
        grams, tf = np.unique(keys, return_counts=True)
        known = grams >= 0
        cols = (grams[known] + self.n_word_features).astype(np.int32)
        w = np.full(len(grams), self.unseen_idf)
        w[known] = self.idf[cols]
        w *= 1.0 + np.log(tf)
        scale = math.sqrt((1.0 - WORD_SHARE) / float(w @ w))
        return cols, w[known] * scale

    def _gram_keys(self, word: str) -> I64:
        """A word's character n-grams as keys: the indexed ones' place in ``chars`` (0 up),
        the others ``-1 - code`` (still told apart, for the norm), cached per word."""
        keys = self.gram_cache.get(word)
        if keys is None:
            codes = gram_codes([word], self.char_sizes)[0]
            keys = -1 - codes
            if len(self.chars):
                at = np.minimum(np.searchsorted(self.chars, codes), len(self.chars) - 1)
                found = self.chars[at] == codes
                keys[found] = at[found]
            if len(self.gram_cache) < GRAM_CACHE_WORDS:
                self.gram_cache[word] = keys
        return keys


def _spellings(
    docs: DocTokens, names: list[str], *, token_arr: I64, token_doc: I64, n_plain: I64, plain: I64
) -> tuple[list[str], I64]:
    """What the character n-grams of :meth:`Vectorizer.fit_ids` spell: the distinct
    spellings, and each plain token's among them. A plain word spells itself; a typed mark
    respells its stem (:func:`split_tokens`) in the documents that have one. Their numbering
    does not matter (n-gram codes)."""
    if docs.spelled is not None:  # worked out by the analysis
        used, spelled_ids = np.unique(docs.spelled, return_inverse=True)
        return [docs.tokens[i] for i in used.tolist()], spelled_ids
    typed = np.fromiter((w.startswith(TYPED_MARK) for w in names), np.bool_, len(names))
    spelling = {w: i for i, w in enumerate(names)}
    spelled_arr = plain.copy()
    plain_starts = np.cumsum(n_plain) - n_plain
    tokens_starts = np.cumsum(docs.lengths) - docs.lengths
    for d in np.unique(token_doc[typed[token_arr]]).tolist():
        a = int(tokens_starts[d])
        tokens = [names[t] for t in token_arr[a : a + int(docs.lengths[d])].tolist()]
        spelled = split_tokens(tokens)[1]
        p = int(plain_starts[d])
        spelled_arr[p : p + len(spelled)] = [spelling.setdefault(t, len(spelling)) for t in spelled]
    used, spelled_ids = np.unique(spelled_arr, return_inverse=True)
    all_spellings = list(spelling)
    return [all_spellings[i] for i in used.tolist()], spelled_ids


@dataclass(frozen=True, slots=True, kw_only=True)
class _DocCounts:
    """Feature occurrences of all documents, counted a chunk of documents at a time."""

    token_ids: Ints
    token_doc: I64
    pair_cols: Ints
    pair_doc: I64
    spelled_ids: I64
    spelled_doc: I64
    gram_ptr: I64
    word_grams: Ints
    n_docs: int

    def all(self, n_features: int) -> tuple[I64, Ints, npt.NDArray[np.uint16]]:
        """CSR of the term counts of every (document, feature): indptr, columns, counts."""
        parts = list(self._chunks(n_features))
        indptr = np.zeros(self.n_docs + 1, dtype=np.int64)
        if not parts:
            return indptr, np.zeros(0, np.int32), np.zeros(0, np.uint16)
        lengths, cols, tfs = zip(*parts, strict=True)
        np.cumsum(np.concatenate(lengths), out=indptr[1:])
        return indptr, np.concatenate(cols), np.concatenate(tfs)

    def _chunks(self, n_features: int) -> Iterator[tuple[I64, Ints, npt.NDArray[np.uint16]]]:
        grams_per_doc = np.bincount(
            self.spelled_doc,
            weights=(self.gram_ptr[1:] - self.gram_ptr[:-1])[self.spelled_ids],
            minlength=self.n_docs,
        )
        cumulative = np.zeros(self.n_docs + 1, dtype=np.int64)
        np.cumsum(grams_per_doc.astype(np.int64), out=cumulative[1:])
        for start, stop in row_chunks(cumulative, CHUNK_ENTRIES):
            yield self._count(start, stop, n_features)

    def _count(
        self, start: int, stop: int, n_features: int
    ) -> tuple[I64, Ints, npt.NDArray[np.uint16]]:
        def pick(doc: I64) -> slice:
            lo, hi = np.searchsorted(doc, [start, stop])
            return slice(int(lo), int(hi))

        t = pick(self.token_doc)
        p = pick(self.pair_doc)
        s = pick(self.spelled_doc)
        spelled = self.spelled_ids[s]
        lo, hi = self.gram_ptr[spelled], self.gram_ptr[spelled + 1]
        docs = np.concatenate(
            [self.token_doc[t], self.pair_doc[p], np.repeat(self.spelled_doc[s], hi - lo)]
        )
        grams = self.word_grams[_spans(lo, hi)]
        cols = np.concatenate([self.token_ids[t], self.pair_cols[p], grams])
        keys, tf = np.unique((docs - start) * n_features + cols, return_counts=True)
        lengths = np.bincount(keys // n_features, minlength=stop - start)
        return lengths, (keys % n_features).astype(np.int32), tf.astype(np.uint16)


def question_word_counts(q_docs: Sequence[Sequence[Sequence[str]]]) -> list[Counter[str]]:
    """For each snippet: in how many of its example questions each analysed token occurs."""
    return [Counter(t for doc in group for t in set(doc)) for group in q_docs]
