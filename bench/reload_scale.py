"""Reload at scale: edit one snippet of the 100,000-question base while answering; time until
the edit is served and the longest answer meanwhile, for the incremental reload (the
reloader's default, ``bot.runtime.incremental.IncrementalLoader``: changed files validated and
analysed again, the index built in a child process from the last build's analysis) beside the
same reload from scratch in a separate process (``bot.runtime.buildproc``, the previous default)
and, optionally, built in process.

Usage: flock /work/notes/heavy.lock .venv/bin/python bench/reload_scale.py [--modes incremental
       separate in-process]

The engine answers ``bench/engine.py`` queries one at a time without pause on the main thread;
a worker thread runs the loader, prepares the engine for the new knowledge and swaps it in, as
``KnowledgeReloader`` does (a short switch interval while loading and preparing, the heap
frozen after the swap: ``bot.runtime.pauses``; the file watcher's debounce is not counted).
RSS is sampled every
5 ms for the reload's peak. After the incremental reload its answers are compared with a build
from scratch of the same files.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import make
from engine import queries

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.models import Answer
from bot.runtime.buildproc import load_knowledge_separately
from bot.runtime.incremental import IncrementalLoader
from bot.runtime.memory import release_freed_memory
from bot.runtime.pauses import freeze_survivors, quick_switches


def rss() -> float:
    with open("/proc/self/status") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) / 1024


def edit(target: Path, n: int) -> str:
    """Add a question with made-up words to one snippet file; the words."""
    doc = yaml.safe_load(target.read_text())
    marker = f"zebracorn{n} quokkafish"
    doc["questions"] = [*doc["questions"], f"what is a {marker}"]
    target.write_text(yaml.safe_dump(doc, sort_keys=False))
    return marker


def as_text(answer: Answer) -> str:
    return json.dumps(asdict(answer), default=str, sort_keys=True)


def same_as_scratch(engine: Engine, directory: Path, questions: list[str]) -> None:
    """The reloaded engine answers as one over a build from scratch of the same files (built
    in another process: a build here would leave this one larger for the next row)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(questions, f)
    script = [sys.executable, __file__, "--scratch-answers", str(directory), f.name]
    try:
        done = subprocess.run(script, capture_output=True, text=True, check=True)
    finally:
        Path(f.name).unlink()
    expected = json.loads(done.stdout)
    for q, want in zip(questions, expected, strict=True):
        assert as_text(engine.answer(q)) == want, q


def scratch_answers(directory: Path, questions_file: Path) -> None:
    scratch = Engine(load_knowledge(directory))
    questions = json.loads(questions_file.read_text())
    print(json.dumps([as_text(scratch.answer(q)) for q in questions]))


def reload(
    engine: Engine, load: Callable[[Path], KnowledgeBase], directory: Path, done: threading.Event
) -> None:
    """Load, prepare and swap as ``KnowledgeReloader`` does."""
    with quick_switches():
        kb = load(directory)
        engine.prepare(kb)
    engine.swap(kb)
    freeze_survivors()
    done.set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    hidden = argparse.SUPPRESS
    parser.add_argument("--modes", nargs="*", default=["incremental", "separate"])
    parser.add_argument("--scratch-answers", nargs=2, metavar=("DIR", "QUESTIONS"), help=hidden)
    args = parser.parse_args()
    if args.scratch_answers:
        scratch_answers(Path(args.scratch_answers[0]), Path(args.scratch_answers[1]))
        return 0
    incremental = IncrementalLoader()
    loaders: dict[str, Callable[[Path], KnowledgeBase]] = {
        "incremental": incremental,
        "separate": load_knowledge_separately,
        "in-process": load_knowledge,
    }
    print(
        "| reload | edit served after s | answers meanwhile | p50 ms | p99 ms | max ms "
        "| steady RSS MiB | reload peak MiB | peak / steady |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "synthetic100k"
        make("synthetic100k", directory)
        engine = Engine(incremental(directory))
        engine.prepare(engine.knowledge)
        freeze_survivors()  # as a serving start does
        qs = queries(engine.knowledge, 2000, random.Random(7))
        for q in qs[:200]:
            engine.answer(q)
        for n, mode in enumerate(args.modes):
            gc.collect()
            release_freed_memory()
            steady = rss()
            marker = edit(directory / "s000042.yaml", n)
            t0 = time.perf_counter()
            done = threading.Event()
            peak = [steady]

            def sample(done: threading.Event = done, peak: list[float] = peak) -> None:
                while not done.is_set():
                    peak[0] = max(peak[0], rss())
                    time.sleep(0.005)

            threading.Thread(target=reload, args=(engine, loaders[mode], directory, done)).start()
            sampler = threading.Thread(target=sample)
            sampler.start()
            times: list[float] = []
            i = 0
            while not done.is_set():
                a0 = time.perf_counter()
                engine.answer(qs[i % len(qs)])
                times.append((time.perf_counter() - a0) * 1000)
                i += 1
            served = time.perf_counter() - t0
            sampler.join()
            hit = engine.answer(f"what is a {marker}")
            assert hit.primary is not None and hit.primary.id == "s000042", hit
            if mode == "incremental":
                same_as_scratch(engine, directory, [*qs[:300], f"what is a {marker}"])
            times.sort()
            print(
                f"| {mode} | {served:.2f} | {len(times):,} | {statistics.median(times):.3f} "
                f"| {times[int(0.99 * (len(times) - 1))]:.3f} | {times[-1]:.1f} | {steady:.0f} "
                f"| {peak[0]:.0f} | {peak[0] / steady:.2f}x |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
