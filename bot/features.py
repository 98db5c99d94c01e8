"""Sparse TF-IDF features (word uni/bi-grams, in-word character n-grams) and their index.

A question becomes a unit vector made of two blocks, each normalised on its own and mixed with
``WORD_SHARE``: cosine = WORD_SHARE * word cosine + (1 - WORD_SHARE) * character cosine. Words
make rare terms count; character 2-5-grams (3-5 on large bases) make typos and word forms
still overlap. Marked tokens (filler ``~hey`` and typed forms ``~=models``, from the matcher)
are word unigrams only and count only where the index has them; a typed form lends its
spelling to the character block.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from bot.normalize import FILLER_MARK, TYPED_MARK, stem

WORD_SHARE = 0.6
CHAR_SIZES = (2, 3, 4, 5)
LARGE_CHAR_SIZES = (3, 4, 5)
# Above this many example questions, 2-grams ("e ") have postings so long that they dominate
# query latency (synthetic bases, bench/engine.py), so large bases index 3-5-grams only.
BIGRAM_MAX_QUESTIONS = 50_000
FILLER_WEIGHT = 1.0  # of a marked word ("~hey", "~=models") against a topic word
# Skipping groups of rows (GroupedPostings) costs a bound per group: it pays only with long
# postings (CLINC150: yes; bundled knowledge, 5-question synthetic bases: no; bench/engine.py).
SKIP_MIN_VALUES = 100_000
SKIP_MAX_PEAKS = 0.5  # peaks per stored value at most

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int32]
AnyInts = npt.NDArray[np.int32] | npt.NDArray[np.int64]


def char_sizes_for(n_questions: int, cut: int = BIGRAM_MAX_QUESTIONS) -> tuple[int, ...]:
    """Character n-gram sizes for a knowledge base of ``n_questions`` example questions."""
    return CHAR_SIZES if n_questions <= cut else LARGE_CHAR_SIZES


def raw_features(
    tokens: Sequence[str], char_sizes: Sequence[int] = CHAR_SIZES
) -> tuple[Counter[str], Counter[str]]:
    """Term counts of the word block and of the character block (marks: word unigrams only)."""
    wordf: Counter[str] = Counter(tokens)
    plain = [t for t in tokens if not t.startswith(FILLER_MARK)]
    wordf.update(f"{a} {b}" for a, b in pairwise(plain))
    spelled = list(plain)
    for mark in tokens:
        if mark.startswith(TYPED_MARK):
            typed = mark[len(TYPED_MARK) :]
            if stem(typed) in spelled:  # the stem may be gone (synonym or typo fix)
                spelled[spelled.index(stem(typed))] = typed
    charf: Counter[str] = Counter()
    for tok in spelled:
        padded = f" {tok} "
        for n in char_sizes:
            charf.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return wordf, charf


@dataclass(frozen=True, slots=True, kw_only=True)
class SparseRows:
    """Rows of sparse vectors in CSR form (``indptr`` delimits each row's ids and values)."""

    indptr: Ints
    ids: Ints
    values: Floats

    @classmethod
    def from_rows(cls, rows: Sequence[dict[int, float]]) -> SparseRows:
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        ids = np.fromiter((k for r in rows for k in r), dtype=np.int32, count=int(indptr[-1]))
        vals = np.fromiter((v for r in rows for v in r.values()), np.float32, int(indptr[-1]))
        return cls(indptr=indptr.astype(np.int32), ids=ids, values=vals)

    def transpose(self, n_cols: int) -> SparseRows:
        """Column-major copy: for each feature, the rows holding it (the inverted index)."""
        rows = np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))
        order = np.argsort(self.ids, kind="stable")
        counts = np.bincount(self.ids, minlength=n_cols)
        indptr = np.zeros(n_cols + 1, dtype=np.int32)
        np.cumsum(counts, out=indptr[1:])
        return SparseRows(indptr=indptr, ids=rows[order], values=self.values[order])

    def dot(self, q_ids: Ints, q_vals: Floats, n_rows: int) -> Floats:
        """All rows' dot products with a sparse query, via this (transposed) postings layout."""
        starts = self.indptr[q_ids]
        lengths = self.indptr[q_ids + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(n_rows, dtype=np.float32)
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        pos = offsets + np.arange(total, dtype=np.int64)
        weights = self.values[pos] * np.repeat(q_vals, lengths)
        return np.bincount(self.ids[pos], weights=weights, minlength=n_rows).astype(np.float32)


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupedPostings:
    """Inverted postings over rows in consecutive groups (a snippet's questions), that can
    score the rows of chosen groups only, plus a bound on each group's best row.

    Within a feature's postings the rows ascend, so each group's rows form one run there.
    """

    postings: SparseRows  # feature -> rows
    peaks: SparseRows  # feature -> groups: the feature's largest value among the group's rows
    starts: npt.NDArray[np.int64]  # where each peaks entry's run starts in postings, then the end
    n_rows: int
    n_groups: int
    worth_skipping: bool  # whether skipping groups saves time (many rows per group, long postings)

    @classmethod
    def build(cls, postings: SparseRows, groups: Ints, n_groups: int) -> GroupedPostings:
        """Group the rows of ``postings`` (a transposed layout) by ``groups`` (row -> group)."""
        n_cols = len(postings.indptr) - 1
        columns = np.repeat(np.arange(n_cols, dtype=np.int64), np.diff(postings.indptr))
        keys = columns * n_groups + groups[postings.ids]
        starts = np.flatnonzero(np.diff(keys, prepend=-1)).astype(np.int64)
        peaks = np.maximum.reduceat(postings.values, starts) if len(starts) else postings.values
        indptr = np.zeros(n_cols + 1, dtype=np.int32)
        np.cumsum(np.bincount(columns[starts], minlength=n_cols), out=indptr[1:])
        ids = (keys[starts] % n_groups).astype(np.int32)
        return cls(
            postings=postings,
            peaks=SparseRows(indptr=indptr, ids=ids, values=peaks),
            starts=np.append(starts, len(keys)),
            n_rows=len(groups),
            n_groups=n_groups,
            worth_skipping=len(postings.values) >= SKIP_MIN_VALUES
            and len(peaks) <= SKIP_MAX_PEAKS * len(postings.values),
        )

    def bound(self, q_ids: Ints, q_vals: Floats) -> Floats:
        """Each group's largest possible row dot product (up to float rounding)."""
        return self.peaks.dot(q_ids, q_vals, self.n_groups)

    def dot_groups(self, q_ids: Ints, q_vals: Floats, chosen: npt.NDArray[np.bool_]) -> Floats:
        """``postings.dot`` for the rows of the chosen groups only (0 for the other rows).

        The same products are added in the same order, so the sums are the same to the bit.
        """
        lo, hi = self.peaks.indptr[q_ids], self.peaks.indptr[q_ids + 1]
        entries = _spans(lo, hi)
        weight = np.repeat(q_vals, hi - lo)
        keep = chosen[self.peaks.ids[entries]]
        entries, weight = entries[keep], weight[keep]
        first, stop = self.starts[entries], self.starts[entries + 1]
        pos = _spans(first, stop)
        products = self.postings.values[pos] * np.repeat(weight, stop - first)
        sums = np.bincount(self.postings.ids[pos], weights=products, minlength=self.n_rows)
        return sums.astype(np.float32)


def group_starts(groups: Sequence[Sequence[object]]) -> Ints:
    """The first row of each group when the groups' rows are laid out one after another."""
    sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
    return (np.cumsum(sizes) - sizes).astype(np.int32)


def centroid(rows: Sequence[dict[int, float]]) -> dict[int, float]:
    """The unit-length sum of sparse rows (empty when they sum to nothing)."""
    total: dict[int, float] = {}
    for row in rows:
        for k, v in row.items():
            total[k] = total.get(k, 0.0) + v
    norm = sum(v * v for v in total.values()) ** 0.5
    return {k: v / norm for k, v in total.items()} if norm > 0 else {}


def _spans(starts: AnyInts, stops: AnyInts) -> npt.NDArray[np.int64]:
    """The positions ``starts[i]:stops[i]`` of all runs, in order."""
    lengths = (stops - starts).astype(np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(int(lengths.sum()), dtype=np.int64)


@dataclass(frozen=True, slots=True, kw_only=True)
class Vectorizer:
    """Feature ids and IDF weights learnt from the indexed texts."""

    ids: dict[str, int]
    idf: Floats
    is_word: npt.NDArray[np.bool_]
    unseen_idf: float
    char_sizes: tuple[int, ...] = CHAR_SIZES

    @classmethod
    def fit(
        cls, docs: Sequence[Sequence[str]], char_sizes: tuple[int, ...] = CHAR_SIZES
    ) -> Vectorizer:
        df: Counter[str] = Counter()
        for tokens in docs:
            wordf, charf = raw_features(tokens, char_sizes)
            df.update(f"w{k}" for k in wordf)
            df.update(f"c{k}" for k in charf)
        n = len(docs)
        keys = sorted(df)
        idf = np.array([math.log((1 + n) / (1 + df[k])) + 1.0 for k in keys], dtype=np.float32)
        is_word = np.array([k[0] == "w" for k in keys], dtype=np.bool_)
        return cls(
            ids={k: i for i, k in enumerate(keys)},
            idf=idf,
            is_word=is_word,
            unseen_idf=math.log(1 + n) + 1.0,
            char_sizes=char_sizes,
        )

    def vector(self, tokens: Sequence[str]) -> dict[int, float]:
        """Unit TF-IDF vector of known features; unknown ones still count in the norm."""
        out: dict[int, float] = {}
        for prefix, counts, share in zip(
            "wc", raw_features(tokens, self.char_sizes), (WORD_SHARE, 1.0 - WORD_SHARE), strict=True
        ):
            block: dict[int, float] = {}
            norm = 0.0
            for key, tf in counts.items():
                fid = self.ids.get(prefix + key)
                filler = key.startswith(FILLER_MARK)
                if fid is None and filler:
                    continue  # a mark the index never saw is no evidence against a match
                w = (1.0 + math.log(tf)) * (self.unseen_idf if fid is None else self.idf[fid])
                if filler:
                    w *= FILLER_WEIGHT
                norm += w * w
                if fid is not None:
                    block[fid] = w
            if norm > 0.0:
                scale = math.sqrt(share / norm)
                out.update((k, v * scale) for k, v in block.items())
        return out
