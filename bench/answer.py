"""Answer goal: ``Engine.answer`` p50/p99 beside the raw scipy.sparse dot-product floor.

Usage: flock /work/notes/heavy.lock .venv/bin/python bench/answer.py [--kinds clinc150
       synthetic100k] [--queries 1000]

The floor is the one product every answer needs, over the same TF-IDF rows: the query's
vector (built beforehand, not timed) times the example-question matrix, as scipy.sparse does it
(``q @ X.T`` with X in CSR, the same postings as the index, and ``X @ q`` with a dense q; the
faster of the two per size is reported). Queries: ``bench/engine.py``'s (example questions with
one deleted character and a "hey bot" prefix, one off-topic question in five).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import make
from engine import queries

from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine


def timed(fn: Callable[[int], object], n: int) -> tuple[float, float]:
    fn(0)
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))]


def floors(engine: Engine, qs: Sequence[str]) -> tuple[str, float, float]:
    index = engine.knowledge.index
    post = index.questions.postings  # feature -> questions
    n_features = len(post.indptr) - 1
    xt = sparse.csr_matrix((post.values, post.ids, post.indptr), (n_features, index.n_questions))
    x = xt.T.tocsr()  # question rows (CSR)
    vecs = [index.vectorizer.vector(index.tokens(q)) for q in qs]
    rows = [sparse.csr_matrix((v, i, [0, len(i)]), shape=(1, n_features)) for i, v in vecs]
    dense = []
    for i, v in vecs:
        d = np.zeros(n_features, dtype=np.float32)
        d[i] = v
        dense.append(d)
    inverted = timed(lambda k: (rows[k] @ xt).toarray(), len(qs))
    scan = timed(lambda k: x @ dense[k], len(qs))
    return ("q @ X.T", *inverted) if inverted[0] <= scan[0] else ("X @ q", *scan)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kinds", nargs="*", default=["clinc150", "synthetic100k"])
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    print(
        "| knowledge | questions | engine p50 ms | engine p99 ms | floor | floor p50 ms "
        "| floor p99 ms | p50 ratio |"
    )
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            directory = Path(tmp) / kind
            make(kind, directory)
            engine = Engine(load_knowledge(directory))
            qs = queries(engine.knowledge, args.queries, random.Random(7))
            e50, e99 = timed(lambda k, e=engine, q=qs: e.answer(q[k]), len(qs))
            name, f50, f99 = floors(engine, qs)
            print(
                f"| {kind} | {engine.knowledge.index.n_questions:,} | {e50:.3f} | {e99:.3f} "
                f"| {name} | {f50:.3f} | {f99:.3f} | {e50 / f50:.2f}x |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
