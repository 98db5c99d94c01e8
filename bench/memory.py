"""Memory goal: a serving process's RSS growth against its live index, the live index against
the equivalent scipy.sparse TF-IDF matrix, and a reload's peak against the steady state.

Usage: flock /work/notes/heavy.lock .venv/bin/python bench/memory.py [--kinds clinc150
       synthetic100k]

Each knowledge base is measured in a fresh process. Baseline: RSS after imports, a warm-up
and the YAML scan. The warm-up is an engine over the bundled knowledge answering 200
questions, then dropped: it imports what a first answer imports lazily (wordfreq, ftfy, regex)
and loads the English word list (``bot.matching.lexicon``, one per process, kept for the measured
engine as a server keeps it across reloads); that fixed cost, the same whatever the knowledge,
is printed apart. Steady: after the knowledge is loaded as ``explainbot serve`` loads it
(``bot.runtime.buildproc.load_knowledge_separately``: 5,000+ questions are built in a child process)
and 500 answers; the "in process" rows build it in the serving process instead
(``build_knowledge``), as before. The live index is the bytes its arrays and Python containers
hold. The peer matrix is scikit-learn's TF-IDF (word 1-2
+ char_wb 2-5) of the same texts as scipy.sparse CSR (data + indices + indptr), built in
another process. A reload is the same load again while the old knowledge still answers,
then the swap (what ``bot.runtime.reload.KnowledgeReloader`` does); its peak RSS is sampled every 5
ms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import make

CHILD = r"""
import gc, json, random, sys, threading, time
from pathlib import Path
import numpy as np
sys.path.insert(0, sys.argv[2])
from engine import queries
from bot.runtime.buildproc import load_knowledge_separately
from bot.matching.engine import Engine
from bot.knowledge.base import build_knowledge
from bot.matching.lexicon import Lexicon
from bot.knowledge.loader import load_knowledge, scan_knowledge
from bot.settings import bundled_knowledge_dir
from bot.runtime.memory import release_freed_memory

def rss():
    with open("/proc/self/status") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) / 1024

def size(obj, seen):
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        return obj.nbytes + 112
    total = sys.getsizeof(obj)
    if isinstance(obj, dict):
        total += sum(size(k, seen) + size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (tuple, list, frozenset, set)):
        total += sum(size(x, seen) for x in obj)
    elif hasattr(obj, "__slots__") and not isinstance(obj, (str, bytes, int, float)):
        for name in obj.__slots__:
            if hasattr(obj, name):
                total += size(getattr(obj, name), seen)
    return total

directory, separate = Path(sys.argv[1]), sys.argv[3] == "serve"
import scipy.sparse  # the index's kernels: imported before the baseline, counted apart
gc.collect(); release_freed_memory()
imported = rss()
lexicon = Lexicon()
warm = Engine(load_knowledge(bundled_knowledge_dir()), lexicon=lexicon)
for q in queries(warm.knowledge, 200, random.Random(7)):
    warm.answer(q)
del warm, q
gc.collect(); release_freed_memory()
warmed = rss()
scan = scan_knowledge(directory)
gc.collect(); release_freed_memory()
base = rss()
load = load_knowledge_separately if separate else load_knowledge
if separate:  # the server scans for itself: its snippets take the place of these
    del scan
    kb = load(directory)
else:
    kb = build_knowledge(scan.snippets, scan.synonyms, source=directory)
    del scan
engine = Engine(kb, lexicon=lexicon)
qs = queries(kb, 500, random.Random(7))
for q in qs:
    engine.answer(q)
gc.collect()
steady = rss()
index_bytes = size(kb.index, set())
peak = [steady]
done = threading.Event()
def sample():
    while not done.is_set():
        peak[0] = max(peak[0], rss())
        time.sleep(0.005)
sampler = threading.Thread(target=sample)
sampler.start()
engine.swap(load(directory))
del kb
gc.collect(); release_freed_memory()
done.set(); sampler.join()
after = rss()
print(json.dumps({"imported": imported, "warmed": warmed, "base": base, "steady": steady,
                  "index": index_bytes / 2**20, "reload_peak": peak[0], "after_reload": after}))
"""

PEER = r"""
import json, sys
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
texts = json.load(open(sys.argv[1]))
words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
m = hstack([words, chars.fit_transform(texts)]).tocsr()
print(json.dumps((m.data.nbytes + m.indices.nbytes + m.indptr.nbytes) / 2**20))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kinds", nargs="*", default=["clinc150", "synthetic100k"])
    args = parser.parse_args()
    here = str(Path(__file__).resolve().parent)
    print(
        "| knowledge | build | warm-up MiB | baseline MiB | steady MiB | RSS growth MiB "
        "| live index MiB "
        "| growth / index | scipy matrix MiB | index / matrix | reload peak MiB | peak / steady |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            directory = Path(tmp) / kind
            texts = make(kind, directory)
            peer = subprocess.run(
                [sys.executable, "-c", PEER, str(texts)], capture_output=True, text=True, check=True
            )
            matrix = json.loads(peer.stdout)
            for build in ("serve", "in process"):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(directory), here, build],
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
                m = json.loads(out.stdout)
                growth = m["steady"] - m["base"]
                how = "child process (serve)" if build == "serve" else "in process"
                print(
                    f"| {kind} | {how} | {m['warmed'] - m['imported']:.0f} | {m['base']:.0f} | "
                    f"{m['steady']:.0f} | {growth:.0f} | {m['index']:.1f} | "
                    f"{growth / m['index']:.2f}x | {matrix:.1f} | {m['index'] / matrix:.2f}x | "
                    f"{m['reload_peak']:.0f} | {m['reload_peak'] / m['steady']:.2f}x |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
