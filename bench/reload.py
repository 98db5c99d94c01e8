"""Does a reload that builds a CLINC150-size knowledge base block answering? (issue 6)

Usage: .venv/bin/python bench/reload.py [--queries N]

An engine over the bundled knowledge answers questions one at a time, first idle, then while a
worker thread loads the CLINC150 ``data_full`` knowledge (150 snippets, 15,000 questions,
written as YAML by ``bench/clinc150.py``'s writer) through
:func:`bot.knowledge.loader.load_knowledge`,
which is what :class:`bot.runtime.reload.KnowledgeReloader` runs in its worker thread. The engine
keeps
answering from the old knowledge during the build and swaps the new one in when it is ready.
Both phases use the same questions; the busy phase repeats them until the build is done.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from clinc150 import DATA, write_knowledge
from engine import queries

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.settings import bundled_knowledge_dir


def stats(times: Sequence[float]) -> str:
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    return f"{len(ordered):,} | {p50:.3f} | {p99:.3f} | {ordered[-1]:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    engine = Engine(load_knowledge(bundled_knowledge_dir()))
    qs = queries(engine.knowledge, args.queries, random.Random(7))
    train = [(t, g) for t, g in json.loads((DATA / "data_full.json").read_text())["train"]]

    def answer_once(q: str) -> float:
        t0 = time.perf_counter()
        engine.answer(q)
        return (time.perf_counter() - t0) * 1000

    answer_once(qs[0])  # warm caches
    idle = [answer_once(q) for q in qs]
    built: list[KnowledgeBase] = []
    with tempfile.TemporaryDirectory() as tmp:
        write_knowledge(train, Path(tmp))

        def build() -> None:
            built.append(load_knowledge(Path(tmp)))

        worker = threading.Thread(target=build, name="reload-build")
        t0 = time.perf_counter()
        worker.start()
        busy: list[float] = []
        while worker.is_alive():
            busy.extend(answer_once(q) for q in qs[:100])
        worker.join()
        build_s = time.perf_counter() - t0
    engine.swap(built[0])
    after = engine.answer("how do i transfer money to my savings account")
    print("| phase | questions answered | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    print(f"| idle (bundled knowledge) | {stats(idle)} |")
    print(f"| during the 15,000-question build in a thread | {stats(busy)} |")
    print(
        f"build in the worker thread took {build_s:.2f} s while answering; after the swap: "
        f"{len(engine.knowledge.snippets)} snippets, a sample question -> "
        f"{after.status.value} {after.primary.id if after.primary else None}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
