"""Cold start goal: ``explainbot ask "llm vs genai"`` beside ``python -c "import numpy,
rapidfuzz, yaml"``, each a whole process, on the bundled knowledge.

Usage: .venv/bin/python bench/coldstart.py [--runs 15]

Runs alternate; medians and 90th percentiles of wall time are reported. The cache
(``$EXPLAINBOT_INDEX_CACHE``: validated scans and built indexes) points at a temporary
directory: the first ask validates, builds and stores (reported apart, as "no cache"), the
others load them. The project's modules are compiled to bytecode first, as ``pip install``
does for an installed package (and for numpy, rapidfuzz and PyYAML here): with
``PYTHONDONTWRITEBYTECODE=1`` an editable checkout would otherwise compile every module from
source on every start, which the floor never does.
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

PY = sys.executable
EXPLAINBOT = str(Path(PY).parent / "explainbot")


def wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(root / "bot"), str(root / "adapters")], check=True
    )
    floor_cmd = [PY, "-c", "import numpy, rapidfuzz, yaml"]
    ask_cmd = [EXPLAINBOT, "ask", "llm vs genai"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EXPLAINBOT_INDEX_CACHE": tmp}
        nocache_env = {**os.environ, "EXPLAINBOT_INDEX_CACHE": "off"}
        wall(floor_cmd, env)  # warm the page cache
        first = wall(ask_cmd, env)
        floor, ask, nocache = [], [], []
        for _ in range(args.runs):
            floor.append(wall(floor_cmd, env))
            ask.append(wall(ask_cmd, env))
            nocache.append(wall(ask_cmd, nocache_env))

    def p(xs: list[float], q: float) -> float:
        return sorted(xs)[int(q * (len(xs) - 1))] * 1000

    f50, a50, n50 = (statistics.median(x) * 1000 for x in (floor, ask, nocache))
    print("| process | p50 ms | p90 ms | ratio to floor (p50) |")
    print("|---|---:|---:|---:|")
    print(
        f"| python -c 'import numpy, rapidfuzz, yaml' | {f50:.0f} | {p(floor, 0.9):.0f} | 1.00x |"
    )
    print(f"| explainbot ask 'llm vs genai' (scan + index cache) | {a50:.0f} | {p(ask, 0.9):.0f} "
          f"| {a50 / f50:.2f}x |")  # fmt: skip
    print(f"| explainbot ask 'llm vs genai' (no cache: builds) | {n50:.0f} | {p(nocache, 0.9):.0f} "
          f"| {n50 / f50:.2f}x |")  # fmt: skip
    print(f"first ask, validating, building and storing: {first * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
