"""Speed work must not change answers: compare against hits recorded before it.

Recorded (``--record``) on the engine before the vectorised build: for every question, the top
3 hits of ``MatchIndex.search`` (ids, scores) and ``Engine.answer``'s status and snippet ids.
Two sets: the bundled knowledge with ``tests/fixtures/questions.yaml``, and CLINC150 ``val`` +
``oos_val`` indexed from ``data_full`` ``train`` (skipped when ``../shared/benchmarks`` is not
beside the repository). Scores may differ by float rounding; ids may swap only between hits
whose scores tie.

Re-record only when answers change on purpose (say so in the commit):
``.venv/bin/python tests/bot/matching/test_recorded_hits.py --record``.
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.markup import as_asked
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.settings import bundled_knowledge_dir

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"
QUESTIONS = FIXTURES / "questions.yaml"
BUNDLED_RECORD = FIXTURES / "recorded_hits_bundled.jsonl"
CLINC_RECORD = FIXTURES / "recorded_hits_clinc150_val.jsonl.gz"
CLINC_DATA = ROOT.parent / "shared" / "benchmarks" / "clinc150" / "data_full.json"
TOLERANCE = 0.02  # score points (0-100); recorded scores are rounded to 2 decimals
LIMIT = 3

Row = list[Any]  # [hit ids, hit scores, status, answer ids]


def clinc_knowledge(directory: Path) -> tuple[KnowledgeBase, list[str]]:
    """CLINC150 ``data_full`` train as one snippet per intent, and val + oos_val questions."""
    data = json.loads(CLINC_DATA.read_text())
    by_intent: dict[str, list[str]] = {}
    for text, intent in data["train"]:
        by_intent.setdefault(intent, []).append(text)
    for intent, questions in sorted(by_intent.items()):
        sid = intent.replace("_", "-")
        doc = {
            "id": sid,
            "title": intent.replace("_", " ").capitalize(),
            "summary": f"Help with {intent.replace('_', ' ')}.",
            "questions": questions,
            "body": f"This snippet stands for the CLINC150 intent **{intent}**.",
        }
        (directory / f"{sid}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))
    return load_knowledge(directory), [t for t, _ in data["val"] + data["oos_val"]]


def bundled_questions() -> list[str]:
    # Typed in chat: markup resolved as the adapters do before the engine sees a question.
    return [as_asked(str(case["q"])) for case in yaml.safe_load(QUESTIONS.read_text())]


def rows(kb: KnowledgeBase, questions: Sequence[str]) -> Iterator[Row]:
    engine = Engine(kb)
    index = kb.index
    for q in questions:
        hits = index.search(index.tokens(q), LIMIT)
        ans = engine.answer(q)
        yield [
            [h.id for h in hits],
            [h.score for h in hits],
            ans.status.value,
            [s.id for s in ans.snippets],
        ]


def compare(recorded: Sequence[Row], current: Sequence[Row], questions: Sequence[str]) -> None:
    assert len(recorded) == len(current) == len(questions)
    bad: list[str] = []
    for q, old, new in zip(questions, recorded, current, strict=True):
        if not same(old, new):
            bad.append(f"{q!r}: recorded {old}, now {new}")
    assert not bad, f"{len(bad)} answer(s) changed:\n" + "\n".join(bad[:20])


def same(old: Row, new: Row) -> bool:
    (old_ids, old_scores, old_status, old_used) = old
    (new_ids, new_scores, new_status, new_used) = new
    if len(old_ids) != len(new_ids) or old_status != new_status:
        return False
    if any(abs(a - b) > TOLERANCE for a, b in zip(old_scores, new_scores, strict=True)):
        return False
    for i, (a, b) in enumerate(zip(old_ids, new_ids, strict=True)):
        # An id may differ only where its score ties another hit's (order among equals).
        tied = [j for j, s in enumerate(old_scores) if abs(s - old_scores[i]) <= TOLERANCE]
        if a != b and b not in {old_ids[j] for j in tied}:
            return False
    tie = len(old_ids) > 1 and abs(old_scores[0] - old_scores[1]) <= TOLERANCE
    return sorted(old_used) == sorted(new_used) or tie


def _read(path: Path) -> list[Row]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _write(path: Path, data: Sequence[Row]) -> None:
    text = "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in data)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode(), mtime=0))
    else:
        path.write_text(text)


def test_bundled_question_set_answers_unchanged() -> None:
    questions = bundled_questions()
    kb = load_knowledge(bundled_knowledge_dir())
    compare(_read(BUNDLED_RECORD), list(rows(kb, questions)), questions)


@pytest.mark.skipif(not CLINC_DATA.exists(), reason="CLINC150 data not beside the repository")
def test_clinc150_val_answers_unchanged(tmp_path: Path) -> None:
    kb, questions = clinc_knowledge(tmp_path)
    compare(_read(CLINC_RECORD), list(rows(kb, questions)), questions)


def record() -> None:
    questions = bundled_questions()
    _write(BUNDLED_RECORD, list(rows(load_knowledge(bundled_knowledge_dir()), questions)))
    with tempfile.TemporaryDirectory() as tmp:
        kb, clinc = clinc_knowledge(Path(tmp))
        _write(CLINC_RECORD, list(rows(kb, clinc)))


if __name__ == "__main__" and "--record" in sys.argv:
    record()
