"""Per-keystroke autocomplete latency beside a rapidfuzz title search, in the same run.

Usage: .venv/bin/python bench/autocomplete.py [--sizes 21 1000] [--words 300]

Types example questions' words one keystroke at a time ("t", "te", "ter", ...) and times
``Engine.suggest(typed, 25)`` for each keystroke. The peer is what many tag bots do per
keystroke: ``rapidfuzz.process.extract(typed, titles, scorer=fuzz.WRatio,
processor=utils.default_process, limit=25)`` over the snippet titles only.
Discord allows 3 s per autocomplete answer; the target is p99 under 5 ms at 1,000 snippets.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.engine import synthetic, timed
from bot.knowledge.base import KnowledgeBase, build_knowledge
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.settings import bundled_knowledge_dir


def keystrokes(kb: KnowledgeBase, n_words: int, rng: random.Random) -> list[str]:
    """Prefixes of example-question words, typed after zero or one earlier word."""
    pool = [q.split() for s in kb.snippets.values() for q in s.questions]
    out: list[str] = []
    for _ in range(n_words):
        q = rng.choice(pool)
        i = rng.randrange(len(q))
        head = f"{q[i - 1]} " if i and rng.random() < 0.5 else ""
        out += [head + q[i][:n] for n in range(1, len(q[i]) + 1)]
    return out


def row(name: str, kb: KnowledgeBase, n_words: int, rng: random.Random) -> str:
    engine = Engine(kb)
    typed = keystrokes(kb, n_words, rng)
    titles = [s.title for s in kb.snippets.values()]

    def peer(text: str) -> object:
        return process.extract(
            text, titles, scorer=fuzz.WRatio, processor=utils.default_process, limit=25
        )

    e50, e99 = timed(lambda t: engine.suggest(t, 25), typed)
    p50, p99 = timed(peer, typed)
    return (
        f"| {name} | {len(titles):,} | {len(typed):,} | {e50:.3f} | {e99:.3f} | "
        f"{p50:.3f} | {p99:.3f} | {e99 / p99:.2f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(11)
    print(
        "| knowledge | snippets | keystrokes | suggest p50 ms | suggest p99 ms "
        "| WRatio titles p50 ms | WRatio titles p99 ms | p99 ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(row("bundled", load_knowledge(bundled_knowledge_dir()), args.words, rng), flush=True)
    for size in args.sizes:
        kb = build_knowledge(synthetic(size, rng))
        print(row(f"synthetic {size:,}", kb, args.words, rng), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
