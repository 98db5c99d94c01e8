"""How well the engine's confidence separates right from wrong answers, on CLINC150.

Usage: .venv/bin/python bench/calibration.py [--datasets full small full-10] [--split val|test]

For each knowledge base (CLINC150 full, small, and full reduced to 10 training questions per
intent, drawn with a fixed seed), every in-scope and out-of-scope question of the split goes
through ``Engine.answer``. A question's top candidate is *right* when it is the question's
intent (out-of-scope questions have no right candidate); the report gives:

- AUROC of right vs wrong for the raw top score and for ``Answer.confidence``;
- answered / right / wrong rates of the engine's own decision (status ``answer``): right and
  wrong are shares of all questions answered.

Tune on ``val``; ``test`` is for the report only. AUROC via scikit-learn (bench-only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.clinc150 import DATA, OOS, Pair, intent_of, write_knowledge
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.models import Status

PER_INTENT = 10
SEED = 0


def dataset(name: str) -> dict[str, list[Pair]]:
    base, _, cut = name.partition("-")
    raw = json.loads((DATA / f"data_{base}.json").read_text())
    d = {k: [(t, g) for t, g in v] for k, v in raw.items()}
    if cut:
        by_intent: dict[str, list[Pair]] = {}
        for pair in d["train"]:
            by_intent.setdefault(pair[1], []).append(pair)
        rng = random.Random(SEED)
        d["train"] = [p for g in sorted(by_intent) for p in rng.sample(by_intent[g], int(cut))]
    return d


def row(name: str, split: str) -> str:
    d = dataset(name)
    with tempfile.TemporaryDirectory() as tmp:
        write_knowledge(d["train"], Path(tmp))
        engine = Engine(load_knowledge(Path(tmp)))
    data = d[split] + d[f"oos_{split}"]
    right_top: list[int] = []
    raw: list[float] = []
    conf: list[float] = []
    answered = right = wrong = 0
    for text, gold in data:
        ans = engine.answer(text)
        top = ans.primary.id if ans.primary else (ans.suggestions[0].id if ans.suggestions else "")
        is_right = gold != OOS and intent_of(top) == gold
        right_top.append(int(is_right))
        raw.append(ans.score)
        conf.append(ans.confidence)
        if ans.status is Status.ANSWER:
            answered += 1
            ok = ans.primary is not None and intent_of(ans.primary.id) == gold
            right += ok
            wrong += not ok
    n = len(data)
    return (
        f"| {name} | {split} | {n:,} | {roc_auc_score(right_top, raw):.3f} | "
        f"{roc_auc_score(right_top, conf):.3f} | {100 * answered / n:.1f}% | "
        f"{100 * right / max(answered, 1):.1f}% | {100 * wrong / max(answered, 1):.1f}% |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", nargs="*", default=["full", "small", "full-10"])
    parser.add_argument("--split", choices=["val", "test"], default="val")
    args = parser.parse_args()
    print(
        "| knowledge | split | questions | AUROC top score | AUROC confidence | answered "
        "| right of answered | wrong of answered |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name in args.datasets:
        print(row(name, args.split), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
