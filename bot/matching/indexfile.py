"""A built :class:`MatchIndex` as one file: an on-disk cache keyed by content, and the hand-over
from a build in a separate process (:mod:`bot.runtime.buildproc`).

The key hashes everything the index is built from (snippet ids, titles, aliases, questions and
the synonyms) together with the source of the modules that build it, so a cached file is never
stale: any change to either gives another key. Arrays go into an ``.npz`` (no pickle); the
rest is JSON inside it. A missing, unreadable, corrupt or unwritable cache only means a build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import fields
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import numpy as np

from bot.cachefiles import keep_newest
from bot.matching.features import GroupedPostings, SparseRows
from bot.matching.keys import snippet_key, synonyms_key
from bot.matching.matcher import MatchIndex, _closest, lazy_block
from bot.matching.normalize import SynonymFolder
from bot.matching.vectorizer import Vectorizer
from bot.models import Snippet

log = logging.getLogger(__name__)

FORMAT = 3  # 3: arrays joined into one blob per dtype
PACK_MAX = 1_000_000  # arrays up to this long are joined in one blob per dtype when stored
# The fields this module knows how to store; an index with others is built, never cached.
FIELDS = frozenset(
    {
        "ids", "q_starts", "n_questions", "n_starts", "n_names", "vectorizer", "questions",
        "names", "centroids", "sum_norms", "block", "folder", "vocab", "known", "closest",
        "is_comparison", "pairs",
    }
)  # fmt: skip


def storable() -> bool:
    return {f.name for f in fields(MatchIndex)} == FIELDS


def content_key(snippets: Sequence[Snippet], synonyms: Mapping[str, Sequence[str]]) -> str:
    """Hash of what the index is built from and of the code that builds it."""
    # Snippet by snippet: no one long call that holds the interpreter lock at scale.
    digest = hashlib.sha256(f"{FORMAT}\0{code_hash()}\0{synonyms_key(synonyms)}".encode())
    for s in snippets:
        digest.update(snippet_key(s).encode())
    return digest.hexdigest()


_BUILDING = (
    "analysis", "compare", "doctokens", "features", "keys", "matcher", "normalize", "train",
    "vectorizer",
)  # fmt: skip


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of the source of the modules that analyse the texts and build an index."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    # Read from disk, not imported: a start that loads a cached index never runs the builders.
    for name in (*_BUILDING, "indexfile"):
        digest.update((here / f"{name}.py").read_bytes())
    return digest.hexdigest()


def cached_index(
    snippets: Sequence[Snippet], synonyms: Mapping[str, Sequence[str]], cache_dir: Path
) -> tuple[MatchIndex, str | None]:
    """The index from ``cache_dir`` when one was stored for this content, else built (and
    stored, best effort); and the content key it is stored under (None: not storable)."""
    if not storable():
        return MatchIndex.build(snippets, synonyms), None
    key = content_key(snippets, synonyms)
    path = cache_dir / f"index-{key[:32]}.npz"
    found = read_index(path, key, snippets, synonyms)
    if found is not None:
        return found, key
    index = MatchIndex.build(snippets, synonyms)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_index(index, path, key)
        keep_newest(cache_dir, "index-*.npz")
    except OSError as exc:
        log.debug("index cache not written to %s: %s", cache_dir, exc)
    return index, key


def write_index(index: MatchIndex, path: Path, key: str) -> None:
    """Store ``index`` at ``path`` (atomically: a temporary file, then a rename)."""
    arrays: dict[str, Any] = {
        "q_starts": index.q_starts,
        "n_starts": index.n_starts,
        "sum_norms": index.sum_norms,
        "is_comparison": index.is_comparison,
        "bigrams": index.vectorizer.bigrams,
        "chars": index.vectorizer.chars,
        "idf": index.vectorizer.idf,
        "starts": index.questions.starts,
    }
    layouts = {"postings": index.questions.postings, "peaks": index.questions.peaks}
    layouts["names"] = index.names
    if index.centroids is not None:
        layouts["centroids"] = index.centroids
    for name, rows in layouts.items():
        arrays[f"{name}.indptr"], arrays[f"{name}.ids"] = rows.indptr, rows.ids
        arrays[f"{name}.values"] = rows.values
    meta = {
        "key": key,
        "ids": list(index.ids),
        "n_questions": index.n_questions,
        "n_names": index.n_names,
        "words": list(index.vectorizer.words),
        "unseen_idf": index.vectorizer.unseen_idf,
        "char_sizes": list(index.vectorizer.char_sizes),
        "n_groups": index.questions.n_groups,
        "worth_skipping": index.questions.worth_skipping,
        "vocab": list(index.vocab),
        "pairs": [[sorted(pair), target] for pair, target in index.pairs.items()],
    }
    blobs, meta["arrays"] = _pack(arrays)
    blobs["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    import tempfile  # writing only: a start that finds its cache never writes

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **blobs)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_index(
    path: Path, key: str, snippets: Sequence[Snippet], synonyms: Mapping[str, Sequence[str]]
) -> MatchIndex | None:
    """The index stored at ``path`` for ``key``; None when absent, unreadable or another key."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode())
            if meta.get("key") != key:
                return None
            arrays = _unpack({name: data[name] for name in data.files if name != "meta"}, meta)
        return _index(meta, arrays, snippets, synonyms)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt or foreign file is a cache miss, never an error
        log.debug("index cache %s not used: %s", path, exc)
        return None


def _index(
    meta: dict[str, Any],
    arrays: dict[str, Any],
    snippets: Sequence[Snippet],
    synonyms: Mapping[str, Sequence[str]],
) -> MatchIndex:
    def rows(name: str) -> SparseRows:
        return SparseRows(
            indptr=arrays[f"{name}.indptr"],
            ids=arrays[f"{name}.ids"],
            values=arrays[f"{name}.values"],
        )

    if meta["ids"] != [s.id for s in snippets]:
        raise ValueError("snippet ids differ")
    words = meta["words"]
    vec = Vectorizer(
        words={w: i for i, w in enumerate(words)},
        bigrams=arrays["bigrams"],
        chars=arrays["chars"],
        idf=arrays["idf"],
        unseen_idf=float(meta["unseen_idf"]),
        char_sizes=tuple(meta["char_sizes"]),
    )
    postings = rows("postings")
    questions = GroupedPostings(
        postings=postings,
        peaks=rows("peaks"),
        starts=arrays["starts"],
        n_rows=int(meta["n_questions"]),
        n_groups=int(meta["n_groups"]),
        worth_skipping=bool(meta["worth_skipping"]),
    )
    names = rows("names")
    centroids = rows("centroids") if "centroids.indptr" in arrays else None
    blocks = [(postings, int(meta["n_questions"])), (names, int(meta["n_names"]))]
    if centroids is not None:
        blocks.append((centroids, len(snippets)))
    vocab = tuple(meta["vocab"])
    return MatchIndex(
        ids=tuple(meta["ids"]),
        q_starts=arrays["q_starts"],
        n_questions=int(meta["n_questions"]),
        n_starts=arrays["n_starts"],
        n_names=int(meta["n_names"]),
        vectorizer=vec,
        questions=questions,
        names=names,
        centroids=centroids,
        sum_norms=arrays["sum_norms"],
        block=lazy_block(vec.n_features, blocks),
        folder=SynonymFolder.build(synonyms),
        vocab=vocab,
        known=frozenset(vocab),
        closest=lru_cache(maxsize=4096)(partial(_closest, vocab)),
        is_comparison=arrays["is_comparison"],
        pairs={frozenset(pair): target for pair, target in meta["pairs"]},
    )


def _pack(
    arrays: Mapping[str, Any], pack_max: int = PACK_MAX
) -> tuple[dict[str, Any], list[list[Any]]]:
    """The small 1-D arrays joined into one blob per dtype, and where each array lies: a
    start reads a handful of arrays instead of about twenty (numpy parses each one's header,
    ~0.15 ms). Large arrays stay apart: joining them would copy them while writing."""
    parts: dict[str, list[Any]] = {}
    sizes: dict[str, int] = {}
    alone: dict[str, Any] = {}
    layout = []
    for name, array in arrays.items():
        flat = np.ascontiguousarray(array)
        if flat.ndim != 1:
            raise ValueError(f"{name}: expected a 1-D array")
        if len(flat) > pack_max:
            alone[f"array_{name}"] = flat
            layout.append([name, f"array_{name}", 0, len(flat)])
            continue
        blob = f"blob_{flat.dtype.name}"
        parts.setdefault(blob, []).append(flat)
        layout.append([name, blob, sizes.get(blob, 0), len(flat)])
        sizes[blob] = sizes.get(blob, 0) + len(flat)
    return {**{blob: np.concatenate(found) for blob, found in parts.items()}, **alone}, layout


def _unpack(blobs: Mapping[str, Any], meta: Mapping[str, Any]) -> dict[str, Any]:
    """The arrays :func:`_pack` joined, as views of their blobs."""
    return {name: blobs[blob][start : start + size] for name, blob, start, size in meta["arrays"]}
