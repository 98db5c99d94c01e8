"""Per-question latency of the engine beside the single-pass rapidfuzz WRatio floor.

Usage: .venv/bin/python bench/engine.py [--queries N] [--sizes 1000 10000]

For the bundled knowledge and for synthetic knowledge bases (5 questions per snippet) it times
``Engine.answer`` and, over the same question strings, ``rapidfuzz.process.extractOne(q,
all_questions, scorer=fuzz.WRatio, processor=utils.default_process)``, one question at a time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.knowledge.base import KnowledgeBase, build_knowledge
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.models import Snippet
from bot.settings import bundled_knowledge_dir

STEMS = ["what is", "how does", "explain", "why do we need", "when should i use"]


def synthetic(n_snippets: int, rng: random.Random) -> list[Snippet]:
    """Snippets about made-up terms, 5 questions each, over a shared 3,000-word vocabulary."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = sorted({"".join(rng.choices(letters, k=rng.randint(4, 9))) for _ in range(3000)})
    out = []
    for i in range(n_snippets):
        term = " ".join(rng.sample(vocab, 2))
        qs = tuple(f"{rng.choice(STEMS)} {term} {' '.join(rng.sample(vocab, 3))}" for _ in range(5))
        out.append(
            Snippet(
                id=f"s{i:06d}", title=term.title(), summary=f"About {term}.", questions=qs, body="b"
            )
        )
    return out


def queries(kb: KnowledgeBase, n: int, rng: random.Random) -> list[str]:
    """Example questions with one typo and a filler prefix, plus one off-topic question in 5."""
    pool = [q for s in kb.snippets.values() for q in s.questions]
    out = []
    for i in range(n):
        if i % 5 == 4:
            out.append(f"what is the weather like in city {i}")
            continue
        q = rng.choice(pool)
        pos = rng.randrange(len(q))
        out.append("hey bot " + q[:pos] + q[pos + 1 :])
    return out


def timed(fn: Callable[[str], object], qs: Sequence[str]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    fn(qs[0])  # warm caches and lazy imports
    times = []
    for q in qs:
        t0 = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))]


def row(name: str, kb: KnowledgeBase, build_s: float, n: int, rng: random.Random) -> str:
    engine = Engine(kb)
    qs = queries(kb, n, rng)
    all_q = [q for s in kb.snippets.values() for q in s.questions]

    def floor(q: str) -> object:
        return process.extractOne(
            q, all_q, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=0
        )

    e50, e99 = timed(engine.answer, qs)
    f50, f99 = timed(floor, qs[: max(20, n // 5)])
    sizes = kb.index.vectorizer.char_sizes
    return (
        f"| {name} | {len(kb.snippets):,} | {len(all_q):,} | {sizes[0]}-{sizes[-1]} | "
        f"{build_s:.2f} | {e50:.3f} | "
        f"{e99:.3f} | {f50:.3f} | {f99:.3f} | {f50 / e50:.1f}x |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args()
    rng = random.Random(7)
    print(
        "| knowledge | snippets | questions | char n-grams | build s | engine p50 ms "
        "| engine p99 ms | WRatio p50 ms | WRatio p99 ms | p50 speed-up |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    t0 = time.perf_counter()
    kb = load_knowledge(bundled_knowledge_dir())
    print(row("bundled", kb, time.perf_counter() - t0, args.queries, rng), flush=True)
    for size in args.sizes:
        snippets = synthetic(size, rng)
        t0 = time.perf_counter()
        kb = build_knowledge(snippets)
        print(row(f"synthetic {size:,}", kb, time.perf_counter() - t0, args.queries, rng))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
