"""The on-disk index cache: same answers, keyed by content, harmless when missing or broken."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.knowledge.base import build_knowledge
from bot.knowledge.loader import load_knowledge, scan_knowledge
from bot.matching.engine import Engine
from bot.matching.indexfile import (
    _pack,
    _unpack,
    cached_index,
    content_key,
    read_index,
    storable,
)
from bot.settings import bundled_knowledge_dir

QUESTIONS = [
    "llm vs genai", "what is a transformer", "hey bot explain gans please", "diffrence between "
    "llm and generativ ai", "what is the weather", "are LLMs a type of generative AI?", "vae",
]  # fmt: skip


def answers(engine: Engine) -> list[tuple[str, tuple[str, ...], float]]:
    out = []
    for q in QUESTIONS:
        a = engine.answer(q)
        out.append((a.status.value, tuple(s.id for s in a.snippets), a.score))
    return out


def test_cached_index_answers_as_the_built_one(tmp_path: Path) -> None:
    assert storable()
    built = load_knowledge(bundled_knowledge_dir())
    first = load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path)
    assert len(list(tmp_path.glob("index-*.npz"))) == 1
    cached = load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path)
    assert answers(Engine(cached)) == answers(Engine(first)) == answers(Engine(built))
    # Both searched through their postings: the dense block (built after some searches, see
    # test_denseblock.py) sums in another order, equal to about 1e-7.
    idx, ref = replace(cached.index, block=None), replace(built.index, block=None)
    assert idx.pairs == ref.pairs and idx.vocab == ref.vocab and idx.ids == ref.ids
    for text in QUESTIONS:
        a, b = idx.scores(idx.tokens(text)), ref.scores(ref.tokens(text))
        assert (a is None) == (b is None)
        assert a is None or b is None or np.array_equal(a, b)


def test_key_changes_with_content() -> None:
    scan = scan_knowledge(bundled_knowledge_dir())
    key = content_key(scan.snippets, scan.synonyms)
    assert key == content_key(scan.snippets, dict(scan.synonyms))
    assert key != content_key(scan.snippets[1:], scan.synonyms)
    assert key != content_key(scan.snippets, {**scan.synonyms, "gpu": ("graphics card",)})


def test_corrupt_or_foreign_file_is_a_miss(tmp_path: Path) -> None:
    scan = scan_knowledge(bundled_knowledge_dir())
    index, _ = cached_index(scan.snippets, scan.synonyms, tmp_path)
    (path,) = tmp_path.glob("index-*.npz")
    key = content_key(scan.snippets, scan.synonyms)
    assert read_index(path, key, scan.snippets, scan.synonyms) is not None
    assert read_index(path, "another key", scan.snippets, scan.synonyms) is None
    path.write_bytes(b"not a zip file")
    assert read_index(path, key, scan.snippets, scan.synonyms) is None
    again, _ = cached_index(scan.snippets, scan.synonyms, tmp_path)  # rebuilt and rewritten
    assert again.ids == index.ids
    assert read_index(path, key, scan.snippets, scan.synonyms) is not None


def test_unwritable_cache_is_harmless(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    kb = build_knowledge(scan_knowledge(bundled_knowledge_dir()).snippets, cache_dir=blocker / "c")
    assert Engine(kb).answer("what is a transformer").primary is not None


def test_stored_arrays_come_back_joined_or_apart() -> None:
    rng = np.random.default_rng(0)
    arrays = {
        "a": rng.integers(0, 9, 5).astype(np.int32),
        "b": rng.random(7).astype(np.float32),
        "c": rng.integers(0, 9, 40).astype(np.int32),
        "d": np.array([True, False]),
        "e": np.zeros(0, np.int64),
    }
    for pack_max in (10**6, 6, 0):
        blobs, layout = _pack(arrays, pack_max)
        apart = [name for name, a in arrays.items() if len(a) > pack_max]
        assert all(f"array_{name}" in blobs for name in apart)
        back = _unpack(blobs, {"arrays": layout})
        assert back.keys() == arrays.keys()
        for name, array in arrays.items():
            assert back[name].dtype == array.dtype and np.array_equal(back[name], array)
    with pytest.raises(ValueError, match="1-D"):
        _pack({"m": np.zeros((2, 2))})
