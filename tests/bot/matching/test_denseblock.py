"""The dense search block gives the same dot products as the postings it is built from."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot.knowledge.loader import load_knowledge
from bot.matching.denseblock import DenseBlock, LazyBlock
from bot.matching.engine import Engine
from bot.matching.features import SparseRows
from bot.matching.matcher import MatchIndex
from bot.settings import bundled_knowledge_dir


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return load_knowledge(bundled_knowledge_dir(), cache_dir=None).index


def layouts(index: MatchIndex) -> list[tuple[SparseRows, int]]:
    assert index.centroids is not None
    return [
        (index.questions.postings, index.n_questions),
        (index.names, index.n_names),
        (index.centroids, len(index.ids)),
    ]


def by_postings(index: MatchIndex, q_ids: np.ndarray, q_vals: np.ndarray) -> np.ndarray:
    return np.concatenate([rows.dot(q_ids, q_vals, width) for rows, width in layouts(index)])


QUESTIONS = [
    "llm vs genai",
    "what is a transformer",
    "how does retrieval augmented generation reduce hallucinations",
    "zzqx unknown words only plus tokens",
]


@pytest.mark.parametrize("rows", [10**9, 2_000, 5, 1])
def test_block_dot_equals_the_postings_dot(index: MatchIndex, rows: int) -> None:
    """All features dense, some, a few, one."""
    n_features = index.vectorizer.n_features
    width = index.n_questions + index.n_names + len(index.ids)
    max_cells = rows * width + width - 1
    block = DenseBlock.build(n_features, layouts(index), max_cells)
    assert block is not None
    n_dense = len(block.dense)
    assert n_dense == min(n_features, max_cells // width)
    # Dense rows go to the features with the longest postings.
    lengths = sum(np.diff(rows.indptr) for rows, _ in layouts(index))
    if 0 < n_dense < n_features:
        dense_rows = block.slots >= 0
        assert lengths[dense_rows].min() >= lengths[~dense_rows].max()
    for question in QUESTIONS:
        q_ids, q_vals = index.vectorizer.vector(index.tokens(question))
        got = block.dot(q_ids, q_vals)
        assert got.shape == (width,)
        np.testing.assert_allclose(got, by_postings(index, q_ids, q_vals), rtol=1e-5, atol=1e-6)


def test_a_one_shot_ask_never_builds_the_block(tmp_path: Path) -> None:
    """Cold start: ``explainbot ask "llm vs genai"`` loads a cached index and answers from
    the postings (a fresh build has already searched it many times: the cross-checks)."""
    load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path)
    engine = Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))
    block = engine.knowledge.index.block
    assert block is not None
    for question in ("llm vs genai", "gan vs vae vs diffusion", "what is rag"):
        engine.answer(question)
    assert not block.built


def test_no_block_when_one_row_does_not_fit(index: MatchIndex) -> None:
    assert DenseBlock.build(index.vectorizer.n_features, layouts(index), 10) is None


def test_lazy_block_is_built_on_the_third_request_once(index: MatchIndex) -> None:
    lazy = LazyBlock(index.vectorizer.n_features, layouts(index), build_after=3)
    assert lazy.get() is None
    assert lazy.get() is None
    built = lazy.get()
    assert built is not None
    assert lazy.get() is built
    assert lazy.now() is built


def test_lazy_block_under_threads_builds_one_block(index: MatchIndex) -> None:
    lazy = LazyBlock(index.vectorizer.n_features, layouts(index), build_after=5)
    seen: list[DenseBlock | None] = []
    threads = [threading.Thread(target=lambda: seen.append(lazy.get())) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    built = [b for b in seen if b is not None]
    assert len(seen) == 16
    assert built  # later requests see the block
    assert all(b is built[0] for b in built)


def test_search_is_the_same_with_and_without_the_block(index: MatchIndex) -> None:
    n_features = index.vectorizer.n_features
    postings_only = replace(index, block=None)
    at_once = replace(index, block=LazyBlock(n_features, layouts(index), build_after=1))
    for question in QUESTIONS:
        tokens = index.tokens(question)
        assert postings_only.search(tokens) == at_once.search(tokens)
    assert at_once.block is not None and at_once.block.get() is not None
