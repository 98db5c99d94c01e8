"""Every snippet's indexed texts (questions, aliases, title) analysed into tokens: what an
index build reads, kept between builds so that a reload re-analyses only what changed.

Analysing the texts (words, filler, stems, synonyms) is Python work per token, about 40% of a
100,000-question build. An :class:`Analysis` holds its result as integer arrays (a few MB at
that size, no Python object per document); :meth:`Analysis.of` given the previous build's
analysis reuses the arrays of every snippet whose indexed texts are unchanged and analyses the
rest. The index built from it is the same as a build from scratch
(:meth:`bot.matching.vectorizer.Vectorizer.fit_ids` numbers the features itself), which
``tests/bot/matching/test_analysis.py`` checks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.matching.compare import parse_comparison
from bot.matching.doctokens import DocTokens
from bot.matching.features import _spans
from bot.matching.keys import snippet_key, synonyms_key
from bot.matching.normalize import (
    FILLER_MARK,
    SynonymFolder,
    split_filler,
    stem,
    typed_marks,
    words,
)
from bot.matching.vectorizer import split_tokens
from bot.models import Snippet

I64 = npt.NDArray[np.int64]
Arrays = tuple[I64, I64, I64, I64, I64, I64, npt.NDArray[np.bool_], I64, I64]
FORMAT = 2


def is_comparison(q_docs: Sequence[Sequence[str]], n_docs: Sequence[Sequence[str]]) -> bool:
    """A comparison snippet: its title or at least half of its questions parse as one."""
    return parse_comparison(n_docs[-1]) is not None or 2 * sum(
        parse_comparison(q) is not None for q in q_docs
    ) >= max(len(q_docs), 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """Analysed snippets, in snippet order.

    Attributes:
        tokens: id -> token, for the documents and the stems (may hold unused tokens).
        snippet_ids: the id of each snippet.
        keys: :func:`snippet_key` of each snippet.
        synonyms: :func:`synonyms_key` of the synonyms the texts were analysed with.
        ids: the token ids of every document, snippet after snippet, each snippet's questions
            then its aliases and title.
        lengths: the number of tokens of each document.
        n_questions: each snippet's number of question documents.
        n_names: each snippet's number of alias and title documents.
        stems: ids of the stemmed words before synonym folding (they make the vocabulary of
            typo fixing), snippet after snippet.
        n_stems: each snippet's number of stems.
        comparison: whether each snippet compares two things (:func:`is_comparison`).
        spelled: what each document's character n-grams spell
            (:attr:`bot.matching.doctokens.DocTokens.spelled`), document after document.
        spelled_lengths: the number of spelled tokens of each document.
    """

    tokens: Sequence[str]
    snippet_ids: tuple[str, ...]
    keys: tuple[str, ...]
    synonyms: str
    ids: I64
    lengths: I64
    n_questions: I64
    n_names: I64
    stems: I64
    n_stems: I64
    comparison: npt.NDArray[np.bool_]
    spelled: I64
    spelled_lengths: I64

    @classmethod
    def of(
        cls,
        snippets: Sequence[Snippet],
        synonyms: Mapping[str, Sequence[str]],
        previous: Analysis | None = None,
    ) -> Analysis:
        """Analyse ``snippets``, reusing what ``previous`` holds for unchanged ones (when it
        was analysed with the same synonyms)."""
        syn_key = synonyms_key(synonyms)
        old = previous if previous is not None and previous.synonyms == syn_key else None
        tokens = list(old.tokens) if old is not None else []
        table = {t: i for i, t in enumerate(tokens)}
        found = {k: i for i, k in enumerate(old.keys)} if old is not None else {}
        folder = SynonymFolder.build(synonyms)
        keys = tuple(snippet_key(s) for s in snippets)
        pieces: list[Arrays] = []
        run: list[int] = []  # consecutive snippets of ``old`` reused as one slice
        fresh = _Fresh(folder=folder, table=table, tokens=tokens)

        for snippet, key in zip(snippets, keys, strict=True):
            at = found.get(key)
            if at is None:
                if run and old is not None:
                    pieces.append(old._slice(run[0], run[-1] + 1))
                    run.clear()
                fresh.add(snippet)
                continue
            if fresh.n_snippets:
                pieces.append(fresh.arrays())
            if run and run[-1] + 1 != at and old is not None:
                pieces.append(old._slice(run[0], run[-1] + 1))
                run.clear()
            run.append(at)
        if run and old is not None:
            pieces.append(old._slice(run[0], run[-1] + 1))
        if fresh.n_snippets or not pieces:
            pieces.append(fresh.arrays())
        parts = list(zip(*pieces, strict=True))

        def joined(i: int) -> I64:
            return np.concatenate(parts[i]).astype(np.int64, copy=False)

        return cls(
            tokens=tokens,
            snippet_ids=tuple(s.id for s in snippets),
            keys=keys,
            synonyms=syn_key,
            ids=joined(0),
            lengths=joined(1),
            n_questions=joined(2),
            n_names=joined(3),
            stems=joined(4),
            n_stems=joined(5),
            comparison=np.concatenate(parts[6]).astype(np.bool_, copy=False),
            spelled=joined(7),
            spelled_lengths=joined(8),
        )

    def _slice(self, a: int, b: int) -> Arrays:
        """The arrays of snippets ``a:b``."""
        docs = np.concatenate([[0], np.cumsum(self.n_questions + self.n_names)])
        toks = np.concatenate([[0], np.cumsum(self.lengths)])
        stems = np.concatenate([[0], np.cumsum(self.n_stems)])
        spelled = np.concatenate([[0], np.cumsum(self.spelled_lengths)])
        d0, d1 = int(docs[a]), int(docs[b])
        return (
            self.ids[int(toks[d0]) : int(toks[d1])],
            self.lengths[d0:d1],
            self.n_questions[a:b],
            self.n_names[a:b],
            self.stems[int(stems[a]) : int(stems[b])],
            self.n_stems[a:b],
            self.comparison[a:b],
            self.spelled[int(spelled[d0]) : int(spelled[d1])],
            self.spelled_lengths[d0:d1],
        )

    def documents(self) -> DocTokens:
        """Every document in build order: all snippets' questions, then all names."""
        per_snippet = self.n_questions + self.n_names
        position = np.arange(len(self.lengths)) - np.repeat(
            np.cumsum(per_snippet) - per_snippet, per_snippet
        )
        is_name = position >= np.repeat(self.n_questions, per_snippet)
        order = np.argsort(is_name, kind="stable")
        starts = np.cumsum(self.lengths) - self.lengths
        lengths = self.lengths[order]
        ids = self.ids[_spans(starts[order], starts[order] + lengths)]
        s_starts = (np.cumsum(self.spelled_lengths) - self.spelled_lengths)[order]
        spelled = self.spelled[_spans(s_starts, s_starts + self.spelled_lengths[order])]
        return DocTokens(tokens=self.tokens, ids=ids, lengths=lengths, spelled=spelled)

    def snippet_docs(self, i: int) -> tuple[list[list[str]], list[list[str]]]:
        """Snippet ``i``'s analysed questions and names as tokens."""
        per_snippet = self.n_questions + self.n_names
        d0 = int(per_snippet[:i].sum())
        t0 = int(self.lengths[:d0].sum())
        docs = []
        for n in self.lengths[d0 : d0 + int(per_snippet[i])].tolist():
            docs.append([self.tokens[t] for t in self.ids[t0 : t0 + n].tolist()])
            t0 += n
        q = int(self.n_questions[i])
        return docs[:q], docs[q:]

    def stem_counts(self) -> dict[str, int]:
        """How often each stem occurs in all documents (the typo vocabulary's counts)."""
        counts = np.bincount(self.stems, minlength=len(self.tokens))
        used = np.flatnonzero(counts)
        return {
            self.tokens[i]: c for i, c in zip(used.tolist(), counts[used].tolist(), strict=True)
        }

    def save(self, path: Path, code: str) -> None:
        """Store as ``.npz`` (no pickle); ``code`` is a hash of the analysing code."""
        meta = {"format": FORMAT, "code": code, "tokens": list(self.tokens)}
        meta.update(snippet_ids=list(self.snippet_ids), keys=list(self.keys))
        meta.update(synonyms=self.synonyms)
        with path.open("wb") as f:
            np.savez(
                f,
                meta=np.frombuffer(json.dumps(meta).encode(), np.uint8),
                ids=self.ids,
                lengths=self.lengths,
                n_questions=self.n_questions,
                n_names=self.n_names,
                stems=self.stems,
                n_stems=self.n_stems,
                comparison=self.comparison,
                spelled=self.spelled,
                spelled_lengths=self.spelled_lengths,
            )

    @classmethod
    def load(cls, path: Path, code: str) -> Analysis | None:
        """The analysis stored at ``path`` by the same code; None when absent or another."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode())
                if meta.get("format") != FORMAT or meta.get("code") != code:
                    return None
                return cls(
                    tokens=[str(t) for t in meta["tokens"]],
                    snippet_ids=tuple(str(i) for i in meta["snippet_ids"]),
                    keys=tuple(str(k) for k in meta["keys"]),
                    synonyms=str(meta["synonyms"]),
                    ids=data["ids"],
                    lengths=data["lengths"],
                    n_questions=data["n_questions"],
                    n_names=data["n_names"],
                    stems=data["stems"],
                    n_stems=data["n_stems"],
                    comparison=data["comparison"],
                    spelled=data["spelled"],
                    spelled_lengths=data["spelled_lengths"],
                )
        except Exception:  # missing, corrupt or foreign: analyse from scratch
            return None


class _Fresh:
    """Snippets analysed now, as Python lists until :meth:`arrays` (few arrays per run)."""

    def __init__(self, *, folder: SynonymFolder, table: dict[str, int], tokens: list[str]):
        self.folder, self.table, self.tokens = folder, table, tokens
        self._clear()

    def _clear(self) -> None:
        self.ids: list[int] = []
        self.lengths: list[int] = []
        self.n_questions: list[int] = []
        self.n_names: list[int] = []
        self.stems: list[int] = []
        self.n_stems: list[int] = []
        self.comparison: list[bool] = []
        self.spelled: list[int] = []
        self.spelled_lengths: list[int] = []

    @property
    def n_snippets(self) -> int:
        return len(self.n_questions)

    def _id(self, token: str) -> int:
        i = self.table.get(token)
        if i is None:
            i = self.table[token] = len(self.tokens)
            self.tokens.append(token)
        return i

    def add(self, snippet: Snippet) -> None:
        stems: list[str] = []
        folder = self.folder

        def analyse(text: str) -> list[str]:
            kept, filler = split_filler(words(text))
            stemmed = [stem(t) for t in kept]
            stems.extend(stemmed)
            return folder.apply(stemmed) + typed_marks(kept) + [FILLER_MARK + t for t in filler]

        q_docs = [analyse(q) for q in snippet.questions]
        n_docs = [analyse(n) for n in (*snippet.aliases, snippet.title)]
        for doc in (*q_docs, *n_docs):
            self.ids.extend(map(self._id, doc))
            self.lengths.append(len(doc))
            spelled = split_tokens(doc)[1]
            self.spelled.extend(map(self._id, spelled))
            self.spelled_lengths.append(len(spelled))
        self.n_questions.append(len(q_docs))
        self.n_names.append(len(n_docs))
        self.stems.extend(map(self._id, stems))
        self.n_stems.append(len(stems))
        self.comparison.append(is_comparison(q_docs, n_docs))

    def arrays(self) -> Arrays:
        def ints(values: list[int]) -> I64:
            return np.array(values, dtype=np.int64)

        out = (
            ints(self.ids),
            ints(self.lengths),
            ints(self.n_questions),
            ints(self.n_names),
            ints(self.stems),
            ints(self.n_stems),
            np.array(self.comparison, dtype=np.bool_),
            ints(self.spelled),
            ints(self.spelled_lengths),
        )
        self._clear()
        return out
