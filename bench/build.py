"""Build goal: a whole ``explainbot ask --knowledge DIR`` process beside a whole process that runs
scikit-learn's TF-IDF ``fit_transform`` (word 1-2 + char_wb 2-5, sublinear tf) on the same texts.

Usage: flock /work/notes/heavy.lock .venv/bin/python bench/build.py [--kinds clinc150 synthetic100k]
                                                                     [--repeats 2]

Knowledge: CLINC150 ``data_full`` train (150 snippets, 15,000 questions) and the synthetic
100,000-question base (20,000 snippets x 5), written as YAML (``bench/corpora.py``); the peer
reads the same question, alias and title texts from a JSON file. Each process is timed on its
own (wall, CPU) with its own peak RSS (``os.wait4``); runs alternate, medians are reported.
The index cache is off: every explainbot run builds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import make

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
EXPLAINBOT = str(Path(PY).parent / "explainbot")
PEER = """
import json, sys
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
texts = json.load(open(sys.argv[1]))
words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
matrix = hstack([words, chars.fit_transform(texts)]).tocsr()
print(matrix.shape, matrix.nnz)
"""


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one process (no index cache: a build)."""
    env = {**os.environ, "EXPLAINBOT_INDEX_CACHE": "off"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"{cmd[:3]} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kinds", nargs="*", default=["clinc150", "synthetic100k"])
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    print(
        "| knowledge | explainbot wall s | CPU s | peak MiB | scikit-learn wall s | CPU s "
        "| peak MiB | wall ratio | peak ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            directory = Path(tmp) / kind
            texts = make(kind, directory)
            ours_cmd = [EXPLAINBOT, "ask", "--knowledge", str(directory), "what is this about"]
            peer_cmd = [PY, "-c", PEER, str(texts)]
            ours, peer = [], []
            for _ in range(args.repeats):
                ours.append(run(ours_cmd))
                peer.append(run(peer_cmd))
            o = [statistics.median(x) for x in zip(*ours, strict=True)]
            p = [statistics.median(x) for x in zip(*peer, strict=True)]
            print(
                f"| {kind} | {o[0]:.2f} | {o[1]:.2f} | {o[2]:.0f} | {p[0]:.2f} | {p[1]:.2f} "
                f"| {p[2]:.0f} | {o[0] / p[0]:.2f}x | {o[2] / p[2]:.2f}x |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
