"""Batch goal: ``explainbot ask --json`` with questions on stdin, questions per CPU second, on
the bundled knowledge, beside one batched scipy.sparse product over the same question vectors.

Usage: .venv/bin/python bench/batch.py [--repeat 40]

Three figures of ours: whole processes with the index cache off (the build of the bundled
index and of the threshold trials is counted) and as installed (the default cache, warmed by
one ``ask`` first), and the steady state (the issue's measure): the difference between the
installed run and one a tenth as long, so that start-up and one-time loads cancel out.

Input: ``tests/fixtures/questions.yaml`` repeated ``--repeat`` times, one per line. Ours is the
whole process's CPU time (user + system, start-up included, ``os.wait4``). The peer vectorises
the same questions with our vectorizer (not timed) and times one product of the stacked query
rows with the example-question matrix (CSR) in process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.knowledge.loader import load_knowledge
from bot.settings import bundled_knowledge_dir

ROOT = Path(__file__).resolve().parent.parent
EXPLAINBOT = str(Path(sys.executable).parent / "explainbot")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    cases = yaml.safe_load((ROOT / "tests" / "fixtures" / "questions.yaml").read_text())
    questions = [str(c["q"]).replace("\n", " ") for c in cases] * args.repeat
    with tempfile.TemporaryDirectory() as cache:
        warm = {**os.environ, "EXPLAINBOT_INDEX_CACHE": cache}
        subprocess.run(
            [EXPLAINBOT, "ask", "llm vs genai"], env=warm, check=True, capture_output=True
        )
        runs = [
            ("cache off", batch(questions, {**os.environ, "EXPLAINBOT_INDEX_CACHE": "off"})),
            ("index cache warm", batch(questions, warm)),
        ]
        # Steady state: what each further question costs, from two runs of different lengths
        # (start-up, the lexicon's load and the threshold trials cancel out).
        short = batch(questions[: max(1, len(questions) // 10)], warm)
        long_run = runs[1][1]
        steady = ((long_run[0] - short[0]), max(long_run[1] - short[1], 1e-9))
    index = load_knowledge(bundled_knowledge_dir()).index
    post = index.questions.postings
    n_features = len(post.indptr) - 1
    xt = sparse.csr_matrix((post.values, post.ids, post.indptr), (n_features, index.n_questions))
    vecs = [index.vectorizer.vector(index.tokens(q)) for q in questions]
    indptr = [0]
    for ids, _vals in vecs:
        indptr.append(indptr[-1] + len(ids))
    q = sparse.csr_matrix(
        (
            [v for _, vals in vecs for v in vals.tolist()],
            [i for ids, _ in vecs for i in ids.tolist()],
            indptr,
        ),
        shape=(len(vecs), n_features),
    )
    c0 = time.process_time()
    (q @ xt).toarray()
    peer_cpu = time.process_time() - c0
    print("| run | questions | CPU s | questions per CPU s | ratio |")
    print("|---|---:|---:|---:|---:|")
    peer_rate = len(vecs) / peer_cpu

    def row(name: str, n: int, cpu: float) -> str:
        return f"| explainbot ask --json, {name} | {n:,} | {cpu:.2f} | {n / cpu:,.0f} | " + (
            f"{(n / cpu) / peer_rate:.3f}x |"
        )

    for name, (lines, cpu) in runs:
        print(row(f"{name} (whole process)", lines, cpu))
    print(row(f"steady state (run of {long_run[0]:,} minus run of {short[0]:,})", *steady))
    print(f"| one batched scipy.sparse product | {len(vecs):,} | {peer_cpu:.3f} "
          f"| {len(vecs) / peer_cpu:,.0f} | 1.000x |")  # fmt: skip
    return 0


def batch(questions: list[str], env: dict[str, str]) -> tuple[int, float]:
    """Answer ``questions`` in one ``ask --json`` process: (answers, CPU seconds)."""
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout:
        stdin.write(("\n".join(questions) + "\n").encode())
        stdin.seek(0)
        proc = subprocess.Popen([EXPLAINBOT, "ask", "--json"], stdin=stdin, stdout=stdout, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        stdout.seek(0)
        lines = stdout.read().decode().count("\n")
    return lines, usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    raise SystemExit(main())
