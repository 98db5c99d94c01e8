"""Issue 9's question sets: near-domain, off-topic, small talk and chatty on-topic questions.

``trust_dev.yaml`` is the set the engine was tuned on; ``trust_questions.yaml`` was written
beside it, before the engine changed, and is only measured. The bars guard against
regressions; the figures themselves are printed (``pytest -s``) and quoted in bench/README.md.
A wrong confident answer is what the bars are strictest about.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.markup import as_asked
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.matching.questionset import KINDS, Verdict, load_cases, run, summary
from bot.settings import bundled_knowledge_dir

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# Per set: the share of near-domain / off-topic questions not answered and of small talk
# answered kindly (at least), of on-topic questions answered with the wrong snippet (at
# most) and with the right one (at least; the rest get a did-you-mean). The held-out bars sit
# just under what was measured (bench/README.md), as a regression guard: they are below issue
# 9's targets, and say so.
BARS = {
    # trust_dev.yaml's near bar fell from 0.97 when 13 harder near-domain questions (a clause
    # that changes the subject: "what is a token, im a crypto trader") were added: 98 / 103.
    "trust_dev.yaml": {"near": 0.94, "off": 1.0, "smalltalk": 1.0, "wrong": 0.03, "right": 0.7},
    # The two held-out sets of 2026-12-02 (never tuned on): 83 / 104 and 98 / 114 right.
    "trust_holdout.yaml": {
        "near": 0.96,
        "off": 1.0,
        "smalltalk": 0.95,
        "wrong": 0.02,
        "right": 0.77,
    },
    "trust_holdout3.yaml": {
        "near": 0.94,
        "off": 1.0,
        "smalltalk": 0.85,
        "wrong": 0.02,
        "right": 0.84,
    },
    "trust_questions.yaml": {
        "near": 0.94,
        "off": 0.98,
        "smalltalk": 0.75,
        "wrong": 0.03,
        "right": 0.65,
    },
}
MIN_OFFERED = 0.75  # declined on-topic questions whose did-you-mean offers a right snippet


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(bundled_knowledge_dir()))


@pytest.mark.parametrize("name", sorted(BARS))
def test_trust_question_set(engine: Engine, name: str) -> None:
    cases = load_cases(FIXTURES / name)
    assert len(cases) >= 150
    known = set(engine.knowledge.snippets)
    assert all(c.expect <= known for c in cases), "expected ids missing from the knowledge"
    outcomes = run(cases, lambda q: engine.answer(as_asked(q)))
    table = summary(outcomes)
    lines = [name]
    for kind in KINDS:
        counts = table[kind]
        total = sum(counts.values())
        lines.append(
            f"  {kind:<9} {total:3d}: right {counts[Verdict.RIGHT]}, wrong {counts[Verdict.WRONG]}"
            f", declined {counts[Verdict.DECLINED]}"
        )
    report = "\n".join(lines)
    print(report)
    failures = [o for o in outcomes if o.verdict is not Verdict.RIGHT]
    detail = "\n".join(
        f"{o.verdict.value:<8} {o.case.kind:<9} {o.case.question!r} -> "
        f"{o.answer.status.value} {'+'.join(o.answer.ids)} {o.answer.reason.value}"
        for o in failures
    )
    bars = BARS[name]
    for kind in ("near", "off", "smalltalk"):
        counts = table[kind]
        assert counts[Verdict.RIGHT] >= bars[kind] * sum(counts.values()), f"{report}\n{detail}"
    on = table["on"]
    assert on[Verdict.WRONG] <= bars["wrong"] * sum(on.values()), f"{report}\n{detail}"
    assert on[Verdict.RIGHT] >= bars["right"] * sum(on.values()), f"{report}\n{detail}"
    # A declined on-topic question still offers a snippet that answers it.
    declined = [o for o in outcomes if o.verdict is Verdict.DECLINED]
    offered = [o for o in declined if o.case.expect & {s.id for s in o.answer.suggestions}]
    assert len(offered) >= MIN_OFFERED * len(declined), f"{report}\n{detail}"
