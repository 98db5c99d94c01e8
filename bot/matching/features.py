"""Sparse layouts of TF-IDF rows (see :mod:`bot.matching.vectorizer`): CSR rows, inverted postings,
postings grouped by snippet with per-group bounds, and centroids."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

# Skipping groups of rows (GroupedPostings) costs a bound per group: it pays only with long
# postings handled by numpy (below SCIPY_MIN_VALUES; bundled knowledge, 5-question synthetic
# bases: no; bench/engine.py).
SKIP_MIN_VALUES = 100_000
SKIP_MAX_PEAKS = 0.5  # peaks per stored value at most
SCIPY_MIN_VALUES = 200_000  # larger layouts are transposed by scipy.sparse (not imported below)
CHUNK_ENTRIES = 500_000  # entries sorted at once while building (bounds memory)

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int32]
AnyInts = npt.NDArray[np.int32] | npt.NDArray[np.int64]


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

    def slice(self, start: int, stop: int) -> SparseRows:
        """Rows ``start:stop`` as their own CSR rows."""
        a, b = int(self.indptr[start]), int(self.indptr[stop])
        return SparseRows(
            indptr=self.indptr[start : stop + 1] - self.indptr[start],
            ids=self.ids[a:b],
            values=self.values[a:b],
        )

    def transpose(self, n_cols: int) -> SparseRows:
        """Column-major copy: for each feature, the rows holding it (the inverted index)."""
        if len(self.values) >= SCIPY_MIN_VALUES:
            from scipy import sparse  # a counting sort in C++: fast and light on large inputs

            shape = (len(self.indptr) - 1, n_cols)
            csc = sparse.csr_matrix((self.values, self.ids, self.indptr), shape=shape).tocsc()
            return SparseRows(
                indptr=csc.indptr.astype(np.int32),
                ids=csc.indices.astype(np.int32),
                values=csc.data.astype(np.float32),
            )
        rows = np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))
        order = np.argsort(self.ids, kind="stable")
        counts = np.bincount(self.ids, minlength=n_cols)
        indptr = np.zeros(n_cols + 1, dtype=np.int32)
        np.cumsum(counts, out=indptr[1:])
        return SparseRows(indptr=indptr, ids=rows[order], values=self.values[order])

    def dot(self, q_ids: Ints, q_vals: Floats, n_rows: int) -> Floats:
        """All rows' dot products with a sparse query, via this (transposed) postings layout."""
        if len(self.values) >= SCIPY_MIN_VALUES:
            from scipy import sparse  # its C++ kernels: one pass where numpy takes several

            shape = (len(self.indptr) - 1, n_rows)
            layout = sparse.csr_matrix((self.values, self.ids, self.indptr), shape=shape)
            out: Floats = (layout[q_ids].T @ q_vals).astype(np.float32, copy=False)
            return out
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
    def build(
        cls,
        postings: SparseRows,
        groups: Ints,
        n_groups: int,
        n_peaks: int,
        *,
        always: bool = False,
    ) -> GroupedPostings:
        """Group the rows of ``postings`` (a transposed layout) by ``groups`` (row -> group).

        ``n_peaks``: the number of distinct (feature, group) pairs (the plain centroids'
        entries); where skipping would not pay, no peaks are kept (unless ``always``).
        """
        n_cols = len(postings.indptr) - 1
        # From SCIPY_MIN_VALUES on, scipy's one-pass kernel beats bounding and skipping
        # (CLINC150 p50 0.54 vs 0.74 ms, /tmp script): skipping pays only in between.
        long_postings = SKIP_MIN_VALUES <= len(postings.values) < SCIPY_MIN_VALUES
        worth = always or (long_postings and n_peaks <= SKIP_MAX_PEAKS * len(postings.values))
        if not worth:
            empty = SparseRows(
                indptr=np.zeros(n_cols + 1, np.int32),
                ids=np.zeros(0, np.int32),
                values=np.zeros(0, np.float32),
            )
            return cls(
                postings=postings,
                peaks=empty,
                starts=np.zeros(1, np.int64),
                n_rows=len(groups),
                n_groups=n_groups,
                worth_skipping=False,
            )
        # A run starts where a feature's postings start or the group changes.
        group = groups[postings.ids]
        change = np.ones(len(group), dtype=np.bool_)
        np.not_equal(group[1:], group[:-1], out=change[1:])
        change[postings.indptr[:-1][np.diff(postings.indptr) > 0]] = True
        starts = np.flatnonzero(change).astype(np.int64)
        del change
        peaks = np.maximum.reduceat(postings.values, starts) if len(starts) else postings.values
        column = np.searchsorted(postings.indptr, starts, side="right") - 1
        indptr = np.zeros(n_cols + 1, dtype=np.int32)
        np.cumsum(np.bincount(column, minlength=n_cols), out=indptr[1:])
        return cls(
            postings=postings,
            peaks=SparseRows(indptr=indptr, ids=group[starts].astype(np.int32), values=peaks),
            starts=np.append(starts, len(group)),
            n_rows=len(groups),
            n_groups=n_groups,
            worth_skipping=True,
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


def centroids(rows: SparseRows, starts: Ints, n_cols: int) -> tuple[SparseRows, Floats]:
    """Each group's unit-length sum of its rows (CSR; empty when they sum to nothing), and the
    norm of each sum (a dot with the centroid is the sum of the rows' dots over that norm).

    Args:
        rows: CSR rows, each group's rows one after another.
        starts: the first row of each group.
        n_cols: number of columns.
    """
    n_groups = len(starts)
    bounds = np.append(starts, len(rows.indptr) - 1).astype(np.int64)
    entry_bounds = rows.indptr[bounds].astype(np.int64)
    lengths, ids, values, all_norms = [], [], [], []
    for g0, g1 in row_chunks(entry_bounds, CHUNK_ENTRIES):
        a, b = int(entry_bounds[g0]), int(entry_bounds[g1])
        per_row = np.diff(rows.indptr[bounds[g0] : bounds[g1] + 1])
        group_of_row = np.repeat(np.arange(g1 - g0), np.diff(bounds[g0 : g1 + 1]))
        owner = np.repeat(group_of_row, per_row)
        keys, where = np.unique(owner * n_cols + rows.ids[a:b], return_inverse=True)
        sums = np.bincount(where.reshape(-1), weights=rows.values[a:b], minlength=len(keys))
        local = keys // n_cols
        norms = np.sqrt(np.bincount(local, weights=sums * sums, minlength=g1 - g0))
        all_norms.append(norms)
        lengths.append(np.bincount(local, minlength=g1 - g0))
        ids.append((keys % n_cols).astype(np.int32))
        values.append((sums / np.where(norms > 0, norms, 1.0)[local]).astype(np.float32))
    indptr = np.zeros(n_groups + 1, dtype=np.int32)
    if lengths:
        np.cumsum(np.concatenate(lengths), out=indptr[1:])
    matrix = SparseRows(
        indptr=indptr,
        ids=np.concatenate(ids) if ids else np.zeros(0, np.int32),
        values=np.concatenate(values) if values else np.zeros(0, np.float32),
    )
    norms = np.concatenate(all_norms) if all_norms else np.zeros(0)
    return matrix, norms.astype(np.float32)


def row_chunks(indptr: AnyInts, limit: int) -> Iterator[tuple[int, int]]:
    """Consecutive row ranges ``(start, stop)`` of at most ``limit`` entries each (at least
    one row), for CSR ``indptr``: bounds the memory of whole-array steps."""
    n = len(indptr) - 1
    start = 0
    while start < n:
        stop = int(np.searchsorted(indptr, int(indptr[start]) + limit, side="right")) - 1
        stop = min(max(stop, start + 1), n)
        yield start, stop
        start = stop


def _spans(starts: AnyInts, stops: AnyInts) -> npt.NDArray[np.int64]:
    """The positions ``starts[i]:stops[i]`` of all runs, in order."""
    lengths = (stops - starts).astype(np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(int(lengths.sum()), dtype=np.int64)
