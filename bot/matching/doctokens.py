"""Analysed documents as integer ids into one token list: what :meth:`Vectorizer.fit_ids
<bot.matching.vectorizer.Vectorizer.fit_ids>` reads.

A full build encodes every document; an incremental build (:mod:`bot.matching.analysis`) keeps the
encoded documents of the last build and re-analyses only the snippets that changed, so the
ids of a document need not be dense or ordered: the fit numbers the words itself, in order of
first appearance, as a dict filled document by document would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, kw_only=True)
class DocTokens:
    """Documents as token ids.

    Attributes:
        tokens: id -> token (may hold tokens no document uses).
        ids: every document's token ids, one document after another.
        lengths: the number of tokens of each document.
        spelled: what the character n-grams spell, one document after another: each
            document's plain tokens (not marked) as :func:`bot.matching.vectorizer.split_tokens`
            spells them, as ids into ``tokens``; None: the fit works it out (Python per
            document that has a typed form: a third of a 100,000-question build's documents,
            which an incremental analysis keeps from the last build instead).
    """

    tokens: Sequence[str]
    ids: I64
    lengths: I64
    spelled: I64 | None = None

    @classmethod
    def encode(cls, docs: Sequence[Sequence[str]]) -> DocTokens:
        table: dict[str, int] = {}
        flat = [table.setdefault(t, len(table)) for doc in docs for t in doc]
        return cls(
            tokens=list(table),
            ids=np.array(flat, dtype=np.int64),
            lengths=np.fromiter((len(d) for d in docs), np.int64, len(docs)),
        )

    def doc(self, i: int) -> list[str]:
        """Document ``i`` as tokens (for the few documents that need their text)."""
        start = int(self.lengths[:i].sum())
        return [self.tokens[t] for t in self.ids[start : start + int(self.lengths[i])].tolist()]
