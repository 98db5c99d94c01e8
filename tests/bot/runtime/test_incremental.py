"""Reloading through IncrementalLoader: only changed files are validated and analysed again,
and the knowledge answers as a load from scratch of the same files."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
import yaml

from bot.errors import KnowledgeError
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.analysis import Analysis
from bot.matching.engine import Engine
from bot.matching.indexfile import code_hash
from bot.matching.matcher import TYPO_CUTOFF
from bot.matching.trust.threshold import MIN_FOUND, held_out_trials
from bot.models import Answer
from bot.runtime.incremental import IncrementalLoader
from bot.runtime.reload import KnowledgeReloader

WORDS = ["token", "embedding", "attention", "diffusion", "agent", "prompt", "vector", "layer"]


def write(directory: Path, sid: str, questions: list[str], title: str = "") -> None:
    doc = {
        "id": sid,
        "title": title or sid.replace("-", " ").title(),
        "summary": f"About {sid}.",
        "questions": questions,
        "body": f"A made-up explanation of {sid}.",
    }
    (directory / f"{sid}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))


def make(directory: Path, n: int = 30) -> None:
    rng = random.Random(5)
    for i in range(n):
        a, b = rng.sample(WORDS, 2)
        questions = [f"what is {a} w{i}x", f"how do {b}s help with w{i}x", f"explain {a} {b}"]
        write(directory, f"s{i:02d}", questions)
    comparison = ["token vs vector", "difference between token and vector", "token or vector"]
    write(directory, "token-vs-vector", comparison)


def same_answers(kb: KnowledgeBase, directory: Path, questions: list[str]) -> None:
    scratch = load_knowledge(directory)
    assert kb.snippets == scratch.snippets and kb.index.ids == scratch.index.ids
    a, b = Engine(kb), Engine(scratch)
    # The answer threshold's held-out trials, made by the child from its analysis, are those
    # a second build from scratch makes (the scratch engine fits the threshold itself).
    assert scratch.trials is None
    trials = kb.trials or (kb.pending_trials.result(60) if kb.pending_trials else None)
    if trials is not None:
        assert trials == held_out_trials(
            tuple(scratch.snippets.values()), scratch.synonyms, typo_cutoff=TYPO_CUTOFF
        )
    assert a.answer_threshold() == b.answer_threshold()
    for q in questions:
        assert a.answer(q) == b.answer(q), q


QUESTIONS = ["what is a zebracorn", "token vs vector", "how do agents help", "w3x", "hi"]


def test_a_reload_answers_as_a_load_from_scratch(tmp_path: Path) -> None:
    make(tmp_path)
    load = IncrementalLoader(min_questions=1)  # a child process builds even this small base
    first = load(tmp_path)
    # The index is handed over first; the child makes the threshold's trials after it.
    assert first.trials is None and first.pending_trials is not None
    trials = first.pending_trials.result(60)
    assert trials is not None and len(trials.found) >= MIN_FOUND  # a real fit
    same_answers(first, tmp_path, QUESTIONS)
    write(
        tmp_path, "s07", ["what is a zebracorn", "how do zebracorns graze", "explain zebracorns"]
    )  # edited
    (tmp_path / "s08.yaml").unlink()  # removed
    write(tmp_path, "new-one", ["what is brand new", "brand new", "new brand"])  # added
    second = load(tmp_path)
    same_answers(second, tmp_path, [*QUESTIONS, "what is brand new"])
    assert Engine(second).answer("what is a zebracorn").primary is not None
    # Unchanged files were not validated again: their snippets are the same objects.
    assert second.snippets["s01"] is first.snippets["s01"]
    assert second.snippets["s07"] is not first.snippets["s07"]
    stored = Analysis.load(load.state, code_hash())
    assert stored is not None and stored.snippet_ids == tuple(second.snippets)


def test_a_broken_edit_is_refused_and_the_next_one_loads(tmp_path: Path) -> None:
    make(tmp_path, 8)
    load = IncrementalLoader(min_questions=1)
    load(tmp_path)
    (tmp_path / "s03.yaml").write_text("id: [not, text]\n")
    with pytest.raises(KnowledgeError):
        load(tmp_path)
    write(tmp_path, "s03", ["what is a quokkafish", "quokkafish", "explain quokkafish"])
    same_answers(load(tmp_path), tmp_path, ["what is a quokkafish", *QUESTIONS])


def test_a_corrupt_or_missing_state_means_a_full_analysis(tmp_path: Path) -> None:
    make(tmp_path, 8)
    load = IncrementalLoader(min_questions=1)
    load(tmp_path)
    load.state.write_bytes(b"garbage")
    write(tmp_path, "s02", ["what is a zebracorn", "zebracorn", "explain zebracorn"])
    same_answers(load(tmp_path), tmp_path, QUESTIONS)
    load.state.unlink()
    write(tmp_path, "s02", ["what is a quokkafish", "quokkafish", "explain quokkafish"])
    same_answers(load(tmp_path), tmp_path, ["what is a quokkafish", *QUESTIONS])
    folder = load.state.parent
    load.close()
    assert not folder.exists()


def test_a_reload_answers_from_the_old_knowledge_until_the_edit_is_served(tmp_path: Path) -> None:
    make(tmp_path)
    load = IncrementalLoader(min_questions=1)
    engine = Engine(load(tmp_path))
    engine.prepare(engine.knowledge)
    old = engine.knowledge
    during: list[Answer] = []

    def loading(directory: Path) -> KnowledgeBase:
        kb = load(directory)  # built and read back; not yet swapped in
        during.append(engine.answer("what is a zebracorn"))
        return kb

    write(tmp_path, "s05", ["what is a zebracorn", "zebracorns", "explain zebracorns"])
    assert asyncio.run(KnowledgeReloader(tmp_path, engine, load=loading).reload())
    assert during[0].primary is None or during[0].primary.id != "s05"  # the old knowledge
    assert engine.knowledge is not old
    served = engine.answer("what is a zebracorn")  # at once, whatever the threshold
    assert served.primary is not None and served.primary.id == "s05"
    assert engine.threshold_settled(timeout=60)
    same_answers(engine.knowledge, tmp_path, QUESTIONS)
    assert engine.answer_threshold() == Engine(load_knowledge(tmp_path)).answer_threshold()


def test_a_failed_build_keeps_the_old_knowledge(tmp_path: Path) -> None:
    make(tmp_path)
    engine = Engine(IncrementalLoader(min_questions=1)(tmp_path))
    old = engine.knowledge
    before = engine.answer("how do agents help")
    write(tmp_path, "s05", ["what is a zebracorn", "zebracorns", "explain zebracorns"])
    failing = IncrementalLoader(min_questions=1, timeout=0.001)  # the child is killed
    reloader = KnowledgeReloader(tmp_path, engine, load=failing)
    assert not asyncio.run(reloader.reload())
    assert engine.knowledge is old and engine.answer("how do agents help") == before
    assert "separate process" in (reloader.status.last_error or "")
