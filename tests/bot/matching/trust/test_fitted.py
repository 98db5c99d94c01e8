"""After a reload whose build hands the held-out trials over later, the new knowledge answers
with the replaced knowledge's fitted threshold until they arrive, then with its own: the one a
load from scratch fits."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import replace

from bot.knowledge.base import KnowledgeBase, build_knowledge
from bot.matching.engine import Engine
from bot.matching.matchconfig import MatchConfig
from bot.matching.matcher import TYPO_CUTOFF
from bot.matching.trust.threshold import Trials, held_out_trials
from bot.models import Snippet

# A high configured threshold: the fit then comes down to what each base's questions reach.
CONFIG = replace(MatchConfig(), answer_threshold=95.0)
TOPICS = ("weather", "music", "alarm", "recipe", "flight", "balance", "timer", "joke")
PHRASINGS = (
    "what about the {t}", "tell me the {t} now", "i need my {t}", "{t} please",
    "can you check {t}", "show {t} for today", "how is the {t}", "{t} update",
    "give me {t} info", "{t} status right now", "open {t}", "what is my {t} like",
)  # fmt: skip


def base(per_topic: int, extra: tuple[str, ...] = ()) -> list[Snippet]:
    """Intent-style snippets; few questions per topic fit a lower threshold than many."""
    return [
        Snippet(
            id=t,
            title=t.capitalize(),
            summary="s",
            questions=tuple(p.format(t=t) for p in PHRASINGS[:per_topic]) + extra,
            body="b",
        )
        for t in (*TOPICS, *(f"{t}x" for t in TOPICS))
    ]


def trials_of(kb: KnowledgeBase) -> Trials:
    """What the build child makes (of the snippets in the knowledge base's order)."""
    return held_out_trials(tuple(kb.snippets.values()), {}, typo_cutoff=TYPO_CUTOFF)


def pending(snippets: list[Snippet]) -> tuple[KnowledgeBase, Future[Trials | None]]:
    later: Future[Trials | None] = Future()
    return build_knowledge(snippets, pending_trials=later), later


def test_the_replaced_threshold_answers_until_the_trials_come() -> None:
    old = build_knowledge(base(12))
    engine = Engine(old, config=CONFIG)
    engine.prepare(old)
    engine.swap(old)
    before = engine.answer_threshold()
    edited = base(6, extra=("a brand new way to ask",))
    new, later = pending(edited)
    scratch = Engine(build_knowledge(edited), config=CONFIG).answer_threshold()
    assert scratch != before  # otherwise this test could not tell them apart
    engine.prepare(new)
    engine.swap(new)
    assert engine.knowledge is new and not engine.threshold_settled()
    assert engine.answer_threshold() == before  # provisional: the replaced knowledge's
    later.set_result(trials_of(new))
    assert engine.threshold_settled()
    assert engine.answer_threshold() == scratch  # exactly a fit from scratch


def test_trials_the_build_could_not_make_are_made_here() -> None:
    old = build_knowledge(base(12))
    engine = Engine(old, config=CONFIG)
    engine.prepare(old)
    new, later = pending(base(10))
    engine.prepare(new)
    engine.swap(new)
    later.set_result(None)  # the child failed after the index
    assert engine.threshold_settled()
    assert (
        engine.answer_threshold()
        == Engine(build_knowledge(base(10)), config=CONFIG).answer_threshold()
    )


def test_with_no_threshold_to_stand_in_the_first_load_waits_for_its_own() -> None:
    new, later = pending(base(10))
    engine = Engine(new, config=CONFIG)
    threading.Thread(target=later.set_result, args=(trials_of(new),)).start()
    engine.prepare(new)  # a serving start: waits for the child's trials
    assert engine.threshold_settled()
    assert (
        engine.answer_threshold()
        == Engine(build_knowledge(base(10)), config=CONFIG).answer_threshold()
    )


def test_a_reload_before_the_trials_come_stands_in_again_and_both_settle() -> None:
    old = build_knowledge(base(12))
    engine = Engine(old, config=CONFIG)
    engine.prepare(old)
    before = engine.answer_threshold()
    first, first_later = pending(base(10))
    engine.prepare(first)
    engine.swap(first)
    second, second_later = pending(base(12))
    engine.prepare(second)
    engine.swap(second)
    assert engine.answer_threshold() == before
    second_later.set_result(trials_of(second))
    first_later.set_result(trials_of(first))  # late, for the replaced knowledge: no effect
    assert (
        engine.answer_threshold()
        == Engine(build_knowledge(base(12)), config=CONFIG).answer_threshold()
    )
    assert engine.threshold_settled(first)
