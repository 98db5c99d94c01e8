"""Engine.prepare updates the autocomplete index and the coverage statistics from the last
ones it built: the result is what a build from scratch makes, edit after edit."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bot.knowledge.base import KnowledgeBase, build_knowledge
from bot.knowledge.loader import load_knowledge
from bot.matching.autocomplete import Completer
from bot.matching.engine import RETIRED_S, Engine
from bot.matching.trust.coverage import Coverage
from bot.models import Snippet
from bot.settings import bundled_knowledge_dir

QUESTIONS = (
    "what is a zebracorn",
    "llm vs genai",
    "what is a gan",
    "how do transformers work",
    "what is a large pizza",
    "explain quokkafish grazing",
    "is chatgpt an llm",
)
TYPED = ("g", "ge", "zebra", "quo", "llm v", "trans", "chat", "new")


def same_completer(a: Completer, b: Completer) -> None:
    assert (a.ids, a.titles, a.idf) == (b.ids, b.titles, b.idf)
    for name in ("names", "phrases", "questions", "anywhere", "named"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.words == y.words, name
        assert np.array_equal(x.starts, y.starts) and np.array_equal(x.rows, y.rows), name


def same_coverage(a: Coverage, b: Coverage) -> None:
    assert {k: dict(v) for k, v in a.asked.items()} == {k: dict(v) for k, v in b.asked.items()}
    assert (dict(a.names), dict(a.sizes), dict(a.users)) == (
        dict(b.names),
        dict(b.sizes),
        dict(b.users),
    )
    assert (a.named, a.total, a.samples) == (b.named, b.total, b.samples)
    for stem in {*a.asked, *a.named, "synthetic", "network", "imag"}:
        assert a.body.users(stem) == b.body.users(stem), stem


def edits(snippets: Sequence[Snippet]) -> list[list[Snippet]]:
    """Knowledge after each of a series of edits: a question added, a snippet removed, one
    added, a title and aliases changed, a body changed, nothing changed."""
    first = list(snippets)
    out = [first]
    edited = [replace(s, questions=(*s.questions, "what is a zebracorn")) for s in first[:1]]
    out.append(edited + first[1:])
    out.append(out[-1][:3] + out[-1][4:])
    new = Snippet(
        id="zz-quokkafish",
        title="Quokkafish",
        summary="s",
        questions=("what is a quokkafish", "explain quokkafish grazing", "quokkafish"),
        body="A made-up fish that grazes on synthetic images.",
        aliases=("quokka fish",),
    )
    out.append([*out[-1], new])
    out.append([replace(s, title="New title", aliases=("newer",)) if s.id == new.id else s
                for s in out[-1]])  # fmt: skip
    out.append([replace(s, body="A network that paints.") if i == 5 else s
                for i, s in enumerate(out[-1])])  # fmt: skip
    out.append(list(out[-1]))
    return out


def test_prepare_after_prepare_builds_what_a_build_from_scratch_builds() -> None:
    base = load_knowledge(bundled_knowledge_dir())
    engine = Engine(base)
    engine.prepare(base)
    engine.answer("what is a synthetic thing")  # builds the bodies index of the first
    for version in edits(tuple(base.snippets.values()))[1:]:
        kb = build_knowledge(version, base.synonyms)
        engine.prepare(kb)
        engine.swap(kb)
        scratch = Engine(kb)
        scratch.prepare(kb)
        same_completer(engine._completer(kb), scratch._completer(kb))
        same_coverage(engine._judge(kb).coverage, scratch._judge(kb).coverage)
        for q in QUESTIONS:
            assert engine.answer(q) == scratch.answer(q), q
        for typed in TYPED:
            assert engine.suggest(typed) == scratch.suggest(typed), typed


def test_other_synonyms_mean_a_build_from_scratch() -> None:
    base = load_knowledge(bundled_knowledge_dir())
    engine = Engine(base)
    engine.prepare(base)
    kb: KnowledgeBase = build_knowledge(base.snippets.values(), {"gan": ["zebracorn"]})
    engine.prepare(kb)
    engine.swap(kb)
    scratch = Engine(kb)
    scratch.prepare(kb)
    same_coverage(engine._judge(kb).coverage, scratch._judge(kb).coverage)
    assert engine.answer("what is a zebracorn") == scratch.answer("what is a zebracorn")


def test_an_update_leaves_the_structures_in_use_unchanged() -> None:
    base = load_knowledge(bundled_knowledge_dir())
    engine = Engine(base)
    engine.prepare(base)
    before = engine._judge(base).coverage
    asked = {k: dict(v) for k, v in before.asked.items()}
    users = dict(before.users)
    completer = engine._completer(base)
    rows = completer.questions.rows.copy()
    version = edits(tuple(base.snippets.values()))[3]
    engine.prepare(build_knowledge(version, base.synonyms))
    assert {k: dict(v) for k, v in before.asked.items()} == asked
    assert dict(before.users) == users
    assert np.array_equal(completer.questions.rows, rows)


def test_a_swap_lets_go_of_the_replaced_knowledge() -> None:
    base = load_knowledge(bundled_knowledge_dir())
    engine = Engine(base)
    engine.prepare(base)
    engine.swap(base)
    engine.answer("what is a gan")
    engine.suggest("ge")
    kb = build_knowledge(edits(tuple(base.snippets.values()))[1], base.synonyms)
    engine.prepare(kb)
    engine.swap(kb)
    # No question has run since: still, no cache keeps the old knowledge (and its index)...
    caches = (engine._judges, engine._completers, engine._thresholds)
    current = [cache.current for cache in caches if cache.current]
    assert current and all(pair[0] is kb for pair in current)
    # ...but an answer begun before the swap still finds it, until RETIRED_S have passed.
    assert engine._judge(base) is not engine._judge(kb)
    assert engine._judges.current is not None and engine._judges.current[0] is kb  # not cached
    engine.release_replaced(now=time.monotonic() + RETIRED_S - 1)
    assert any(base in cache.holds() for cache in caches)
    engine.release_replaced(now=time.monotonic() + RETIRED_S + 1)
    assert all(cache.holds() == [kb] for cache in caches if cache.current)


def test_a_swap_lets_go_of_the_knowledge_a_whom_question_read() -> None:
    base = load_knowledge(bundled_knowledge_dir())
    engine = Engine(base)
    engine.answer("who do i call")  # reads whether base's example questions ask so
    kb = build_knowledge(edits(tuple(base.snippets.values()))[1], base.synonyms)
    engine.prepare(kb)
    engine.swap(kb)
    engine.release_replaced(now=time.monotonic() + RETIRED_S + 1)
    assert engine._whom.holds() == [kb]
