"""An index built from the last build's analysis plus the changed snippets is the index a
build from scratch makes: the same features, weights, postings and answers."""

from __future__ import annotations

import random
from dataclasses import fields, replace
from pathlib import Path

import numpy as np

from bot.matching.analysis import Analysis
from bot.matching.denseblock import DenseBlock, LazyBlock
from bot.matching.features import GroupedPostings, SparseRows
from bot.matching.matcher import MatchIndex
from bot.matching.vectorizer import Vectorizer
from bot.models import Snippet

SYNONYMS = {"large language model": ("llm", "llms")}
WORDS = [
    "llm",
    "models",
    "token",
    "embedding",
    "attention",
    "diffusion",
    "agent",
    "prompt",
    "vector",
    "layers",
]


def base(n: int, rng: random.Random) -> list[Snippet]:
    """Made-up snippets with plurals, filler, synonyms and a comparison or two."""
    out = []
    for i in range(n):
        picked = [*rng.sample(WORDS, 3), f"w{i}x", f"zq{i % 7}s"]
        questions = [
            f"what is {picked[0]} {picked[3]}",
            f"hey can you explain {picked[1]} and {picked[4]} thanks",
            f"how do {picked[2]} {picked[3]}s work",
            f"{picked[0]} vs {picked[1]}" if i % 9 == 0 else f"tell me about {picked[3]}",
        ]
        title = f"{picked[0]} vs {picked[1]}" if i % 9 == 0 else f"{picked[3]} {picked[0]}"
        out.append(
            Snippet(
                id=f"s{i:03d}", title=title, summary="s.",
                questions=tuple(questions), body="b.", aliases=(picked[3],) if i % 3 else (),
            )
        )  # fmt: skip
    return out


def assert_same(a: MatchIndex, b: MatchIndex) -> None:
    def same(x: object, y: object) -> bool:
        if isinstance(x, np.ndarray):
            return isinstance(y, np.ndarray) and np.array_equal(x, y)
        if isinstance(x, LazyBlock):
            return isinstance(y, LazyBlock) and same(x.now(), y.now())
        if isinstance(x, SparseRows | GroupedPostings | Vectorizer | DenseBlock):
            names = [f.name for f in fields(x) if f.name not in {"gram_cache", "pair_cache"}]
            return all(same(getattr(x, n), getattr(y, n)) for n in names)
        return x == y

    for f in fields(MatchIndex):
        if f.name not in {"closest", "folder"}:
            assert same(getattr(a, f.name), getattr(b, f.name)), f.name


def edited(snippets: list[Snippet], rng: random.Random) -> list[Snippet]:
    """One snippet's questions edited (a new word), one removed, one added."""
    out = list(snippets)
    k = rng.randrange(1, len(out) - 1)
    out[k] = replace(out[k], questions=(*out[k].questions, "what is a zebracorn quokkafish"))
    del out[k + 1]
    out.append(replace(snippets[0], id="zz-new", title="Brand new", questions=("new thing",)))
    return out


def test_an_incremental_build_is_a_build_from_scratch() -> None:
    rng = random.Random(3)
    old = base(40, rng)
    previous = Analysis.of(old, SYNONYMS)
    for _ in range(3):
        new = edited(old, rng)
        analysis = Analysis.of(new, SYNONYMS, previous)
        assert analysis.keys == Analysis.of(new, SYNONYMS).keys
        incremental = MatchIndex.build_from(analysis, SYNONYMS)
        scratch = MatchIndex.build(new, SYNONYMS)
        assert_same(incremental, scratch)
        assert incremental.is_comparison.any() and incremental.pairs == scratch.pairs
        for q in ["what is a zebracorn", "llm vs diffusion", "explain w3x", "hey thanks"]:
            tokens = scratch.tokens(q)
            assert incremental.search(tokens, 5) == scratch.search(tokens, 5)
        old, previous = new, analysis


def test_changed_synonyms_analyse_everything_again() -> None:
    old = base(12, random.Random(1))
    previous = Analysis.of(old, SYNONYMS)
    synonyms = {"attention mechanism": ("attention",)}
    analysis = Analysis.of(old, synonyms, previous)
    assert_same(MatchIndex.build_from(analysis, synonyms), MatchIndex.build(old, synonyms))


def test_a_stored_analysis_is_reused_only_by_the_same_code(tmp_path: Path) -> None:
    snippets = base(10, random.Random(2))
    analysis = Analysis.of(snippets, SYNONYMS)
    path = tmp_path / "analysis.npz"
    analysis.save(path, "code-1")
    loaded = Analysis.load(path, "code-1")
    assert loaded is not None and loaded.keys == analysis.keys
    assert_same(MatchIndex.build_from(loaded, SYNONYMS), MatchIndex.build(snippets, SYNONYMS))
    assert Analysis.load(path, "code-2") is None
    path.write_bytes(b"not an npz")
    assert Analysis.load(path, "code-1") is None
    assert Analysis.load(tmp_path / "missing.npz", "code-1") is None


def test_the_spellings_the_analysis_keeps_are_those_the_fit_works_out() -> None:
    # Plurals (typed forms respell their stems), filler and synonyms, after a few edits.
    rng = random.Random(4)
    old = base(30, rng)
    analysis = Analysis.of(old, SYNONYMS)
    for _ in range(2):
        new = edited(old, rng)
        analysis = Analysis.of(new, SYNONYMS, analysis)
        old = new
    kept = analysis.documents()
    assert kept.spelled is not None
    worked_out = replace(kept, spelled=None)
    a_vec, a_rows = Vectorizer.fit_ids(kept)
    b_vec, b_rows = Vectorizer.fit_ids(worked_out)
    assert a_vec.words == b_vec.words and np.array_equal(a_vec.chars, b_vec.chars)
    assert np.array_equal(a_vec.idf, b_vec.idf)
    for name in ("indptr", "ids", "values"):
        assert np.array_equal(getattr(a_rows, name), getattr(b_rows, name)), name
