"""How the engine does on trust question sets: right / wrong / declined per kind.

Usage: .venv/bin/python bench/trust.py [SET.yaml ...] [--knowledge DIR] [--show wrong|all]

Defaults to tests/fixtures/trust_dev.yaml (tune on this one only). An ``on`` case whose
expected ids are all missing from the knowledge counts as ``near`` (nothing can answer it).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapters.markup import as_asked
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.matching.questionset import Case, Verdict, load_cases, run, summary
from bot.models import Status
from bot.settings import bundled_knowledge_dir

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--knowledge", type=Path, default=bundled_knowledge_dir())
    parser.add_argument("--show", choices=["wrong", "all", "none"], default="wrong")
    args = parser.parse_args()
    engine = Engine(load_knowledge(args.knowledge))
    known = set(engine.knowledge.snippets)
    for path in args.sets or [ROOT / "tests" / "fixtures" / "trust_dev.yaml"]:
        cases: list[Case] = []
        for case in load_cases(path):
            unknowable = case.kind == "on" and not case.expect & known
            cases.append(replace(case, kind="near", expect=frozenset()) if unknowable else case)
        outcomes = run(cases, lambda q: engine.answer(as_asked(q)))
        print(f"## {path.name}")
        for kind, counts in summary(outcomes).items():
            total = sum(counts.values())
            if total:
                cells = ", ".join(f"{v.value} {counts[v]}" for v in Verdict)
                print(f"{kind:<10} {total:4d}: {cells} ({counts[Verdict.RIGHT] / total:.1%} right)")
        for o in outcomes:
            if args.show == "all" or (args.show == "wrong" and o.verdict is not Verdict.RIGHT):
                a = o.answer
                got = "+".join(a.ids) if a.status is Status.ANSWER else a.status.value
                if a.suggestions:
                    got += " ?" + ",".join(s.id for s in a.suggestions)
                print(
                    f"  {o.verdict.value:<8} {o.case.kind:<9} {o.case.question[:60]!r:<64} "
                    f"exp={','.join(sorted(o.case.expect)) or '-'} got={got} "
                    f"{a.reason.value} {a.score:.1f} {' '.join(a.missing)}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
