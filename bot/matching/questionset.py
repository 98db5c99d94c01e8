"""Question sets with expected outcomes, and how the engine did on them.

A set is a YAML list of ``{q, kind, expect}``: ``kind`` is ``on`` (must be answered with one
of the ``expect`` ids), ``near`` or ``off`` (must not be answered: a did-you-mean or a polite
decline is right), or ``smalltalk`` (must get the friendly small-talk reply, or the topic
list it points to). Used by the
tests, ``bench/trust.py`` and admins checking their own questions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from bot.errors import ExplainbotError
from bot.models import Answer, Reason, Status

KINDS = ("on", "near", "off", "smalltalk")


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One question and what a right reply to it is."""

    question: str
    kind: str
    expect: frozenset[str] = frozenset()


class Verdict(StrEnum):
    RIGHT = "right"  # answered with an expected id, or rightly not answered
    WRONG = "wrong"  # a confident answer that should not have been given
    DECLINED = "declined"  # an on-topic question not answered


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    case: Case
    answer: Answer
    verdict: Verdict


def load_cases(path: Path) -> list[Case]:
    """Read a question set; raises ExplainbotError naming the entry at fault."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ExplainbotError(f"{path}: expected a list of {{q, kind, expect}}")
    cases = []
    for n, item in enumerate(raw, start=1):
        where = f"{path}: entry {n}"
        if not isinstance(item, dict) or not isinstance(item.get("q"), str):
            raise ExplainbotError(f"{where}: q: expected text")
        kind, expect = str(item.get("kind", "")), item.get("expect")
        if kind not in KINDS:
            raise ExplainbotError(f"{where}: kind: expected one of {', '.join(KINDS)}")
        ids = frozenset(expect) if isinstance(expect, list) else frozenset()
        if (kind == "on") != bool(ids):
            raise ExplainbotError(f"{where}: expect: a list of ids for kind on, else none")
        cases.append(Case(question=item["q"], kind=kind, expect=ids))
    return cases


def judge(case: Case, answer: Answer) -> Verdict:
    """How one reply measures up to what the case expects."""
    answered = answer.status is Status.ANSWER
    if case.kind == "on":
        if not answered:
            return Verdict.DECLINED
        primary = answer.primary
        hit = primary is not None and primary.id in case.expect
        composed = len(answer.ids) > 1 and bool(case.expect & set(answer.ids))
        return Verdict.RIGHT if hit or composed else Verdict.WRONG
    if answered:
        return Verdict.WRONG
    if case.kind == "smalltalk" and answer.reason not in {Reason.SMALLTALK, Reason.TOPICS}:
        return Verdict.WRONG
    return Verdict.RIGHT


def run(cases: Iterable[Case], ask: Callable[[str], Answer]) -> list[Outcome]:
    """Ask every case and judge the replies."""
    out = []
    for case in cases:
        answer = ask(case.question)
        out.append(Outcome(case=case, answer=answer, verdict=judge(case, answer)))
    return out


def summary(outcomes: Sequence[Outcome]) -> dict[str, Counter[Verdict]]:
    """Verdict counts per kind."""
    table: dict[str, Counter[Verdict]] = {k: Counter() for k in KINDS}
    for o in outcomes:
        table[o.case.kind][o.verdict] += 1
    return table
