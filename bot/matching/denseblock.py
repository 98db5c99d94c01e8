"""The search layout of small bases: the most used features as one dense block, the rest as
postings, over the columns (questions, names, snippets) of :class:`MatchIndex`.

Why: on the bundled knowledge a query touches about 12,000 postings entries (its common
character n-grams are in most questions), and gathering them one by one costs about 5x a
matrix-vector product over the same features' dense rows (``/tmp`` measurement, 2026-12-02:
42 vs 227 us a search). A fully dense block grows with features x columns (34 MB on today's
bundled knowledge), so only the features with the longest postings are dense, up to
``max_cells``; the long tail of rare features stays sparse, where gathering is cheap.

The block is built on the ``BUILD_AFTER``-th search, not with the index: a one-shot ``ask``
(cold start) answers from the postings and never pays for it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.matching.features import Floats, Ints, SparseRows

MAX_CELLS = 4_000_000  # 16 MB of float32
BUILD_AFTER = 50  # searches answered from the postings first (a one-shot ask makes 1-5)


@dataclass(frozen=True, slots=True, kw_only=True)
class DenseBlock:
    """Dot products of a query with every column, dense rows for frequent features."""

    slots: Ints  # feature -> its row in ``dense``, or -1 (then its postings are in ``rest``)
    dense: Floats  # frequent feature x columns
    rest: SparseRows  # feature -> columns, for the features without a dense row
    width: int  # number of columns

    @classmethod
    def build(
        cls, n_features: int, layouts: Sequence[tuple[SparseRows, int]], max_cells: int
    ) -> DenseBlock | None:
        """Join postings layouts (feature -> their columns, with their widths) side by side;
        None when not even one feature's dense row fits in ``max_cells``."""
        width = sum(w for _, w in layouts)
        if n_features == 0 or width == 0 or width > max_cells:
            return None
        features: list[Ints] = []
        columns: list[Ints] = []
        values: list[Floats] = []
        offset = 0
        every = np.arange(n_features, dtype=np.int32)
        for layout, w in layouts:
            features.append(np.repeat(every, np.diff(layout.indptr)))
            columns.append(layout.ids + np.int32(offset))
            values.append(layout.values)
            offset += w
        feature, column = np.concatenate(features), np.concatenate(columns)
        value = np.concatenate(values)
        lengths = np.bincount(feature, minlength=n_features)
        n_dense = min(n_features, max_cells // width)
        # The longest postings first; ties by feature number, so a build is deterministic.
        frequent = np.lexsort((np.arange(n_features), -lengths))[:n_dense]
        slots = np.full(n_features, -1, dtype=np.int32)
        slots[frequent] = np.arange(n_dense, dtype=np.int32)
        dense = np.zeros((n_dense, width), dtype=np.float32)
        in_dense = slots[feature] >= 0
        dense[slots[feature[in_dense]], column[in_dense]] = value[in_dense]
        sparse = ~in_dense
        order = np.argsort(feature[sparse], kind="stable")
        indptr = np.zeros(n_features + 1, dtype=np.int32)
        np.cumsum(np.bincount(feature[sparse], minlength=n_features), out=indptr[1:])
        rest = SparseRows(
            indptr=indptr,
            ids=column[sparse][order].astype(np.int32),
            values=value[sparse][order].astype(np.float32),
        )
        return cls(slots=slots, dense=dense, rest=rest, width=width)

    def dot(self, q_ids: Ints, q_vals: Floats) -> Floats:
        """The query's dot product with every column."""
        slot = self.slots[q_ids]
        frequent = slot >= 0
        out: Floats = q_vals[frequent] @ self.dense.take(slot[frequent], axis=0)
        if not frequent.all():
            rare = ~frequent
            out += self.rest.dot(q_ids[rare], q_vals[rare], self.width)
        return out


class LazyBlock:
    """A :class:`DenseBlock` made on the ``BUILD_AFTER``-th request (see the module doc)."""

    def __init__(
        self,
        n_features: int,
        layouts: Sequence[tuple[SparseRows, int]],
        *,
        max_cells: int = MAX_CELLS,
        build_after: int = BUILD_AFTER,
    ) -> None:
        self._source = (n_features, tuple(layouts), max_cells)
        self._left = build_after
        self._block: DenseBlock | None = None
        self._lock = threading.Lock()

    def get(self) -> DenseBlock | None:
        """The block, or None while it is not built yet (or never will be)."""
        if self._left <= 0:
            return self._block
        with self._lock:  # searches run on several threads in a server
            self._left -= 1
            if self._left == 0:
                self._build()
        return self._block

    @property
    def built(self) -> bool:
        return self._left <= 0

    def now(self) -> DenseBlock | None:
        """The block, built now if it is not yet."""
        with self._lock:
            if self._left > 0:
                self._left = 0
                self._build()
        return self._block

    def _build(self) -> None:
        n_features, layouts, max_cells = self._source
        self._block = DenseBlock.build(n_features, layouts, max_cells)
        self._source = (0, (), 0)  # the layouts stay referenced by the index anyway
