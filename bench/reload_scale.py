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
5 ms for the reload's peak. "Served" is when the new knowledge is swapped in (the edited
snippet answers from then on, checked at once); "settled" when its own fitted answer threshold
replaces the one of the knowledge it replaced (the build child makes the held-out trials after
handing the index over); answers are timed, and RSS sampled, until then. After the incremental
reload, settled, its answers are compared with a build from scratch of the same files.
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
    assert engine.answer_threshold() == expected["threshold"]
    for q, want in zip(questions, expected["answers"], strict=True):
        assert as_text(engine.answer(q)) == want, q


def scratch_answers(directory: Path, questions_file: Path) -> None:
    scratch = Engine(load_knowledge(directory))
    questions = json.loads(questions_file.read_text())
    answers = [as_text(scratch.answer(q)) for q in questions]
    print(json.dumps({"threshold": scratch.answer_threshold(), "answers": answers}))


def reload(
    engine: Engine,
    load: Callable[[Path], KnowledgeBase],
    directory: Path,
    served: threading.Event,
    settled: threading.Event,
) -> None:
    """Load, prepare and swap as ``KnowledgeReloader`` does; then wait until the new
    knowledge's own fitted threshold is in use (``bot.matching.trust.fitted``)."""
    with quick_switches():
        kb = load(directory)
        engine.prepare(kb)
    engine.swap(kb)
    freeze_survivors()
    served.set()
    engine.threshold_settled(kb, timeout=600)
    settled.set()


def measure(
    engine: Engine,
    load: Callable[[Path], KnowledgeBase],
    directory: Path,
    *,
    qs: list[str],
    n: int,
    mode: str,
) -> str:
    """One reload of one edit while answering; its table row."""
    gc.collect()
    release_freed_memory()
    steady = rss()
    marker = edit(directory / "s000042.yaml", n)
    before = engine.answer_threshold()
    t0 = time.perf_counter()
    served, settled = threading.Event(), threading.Event()
    peak = [steady]

    def sample() -> None:
        while not settled.is_set():
            peak[0] = max(peak[0], rss())
            time.sleep(0.005)

    worker = threading.Thread(target=reload, args=(engine, load, directory, served, settled))
    worker.start()
    sampler = threading.Thread(target=sample)
    sampler.start()
    times: list[float] = []
    served_s = meanwhile = None
    i = 0
    while not settled.is_set():
        if served_s is None and served.is_set():
            served_s = time.perf_counter() - t0
            # Served: the edit answers now, whatever the threshold.
            hit = engine.answer(f"what is a {marker}")
            assert hit.primary is not None and hit.primary.id == "s000042", hit
            meanwhile = engine.answer_threshold()
        a0 = time.perf_counter()
        engine.answer(qs[i % len(qs)])
        times.append((time.perf_counter() - a0) * 1000)
        i += 1
    settled_s = time.perf_counter() - t0
    worker.join()
    sampler.join()
    if served_s is None or meanwhile is None:  # settled at the swap (no trials pending)
        served_s, meanwhile = settled_s, engine.answer_threshold()
    hit = engine.answer(f"what is a {marker}")
    assert hit.primary is not None and hit.primary.id == "s000042", hit
    if mode == "incremental":
        same_as_scratch(engine, directory, [*qs[:300], f"what is a {marker}"])
    times.sort()
    return (
        f"| {mode} | {served_s:.2f} | {settled_s:.2f} | {before:.2f}, {meanwhile:.2f}, "
        f"{engine.answer_threshold():.2f} | {len(times):,} "
        f"| {statistics.median(times):.3f} | {times[int(0.99 * (len(times) - 1))]:.3f} "
        f"| {times[-1]:.1f} | {steady:.0f} | {peak[0]:.0f} | {peak[0] / steady:.2f}x |"
    )


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
        "| reload | edit served after s | threshold settled after s | threshold before, "
        "served, settled | answers meanwhile | p50 ms | p99 ms | max ms | steady RSS MiB "
        "| reload peak MiB | peak / steady |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
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
            print(measure(engine, loaders[mode], directory, qs=qs, n=n, mode=mode), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
