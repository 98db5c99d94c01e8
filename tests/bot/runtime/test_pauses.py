"""Reloads shorten the interpreter's switch interval while they run and freeze what survives
a swap; the knowledge a swap replaces is still freed, reload after reload."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.knowledge.base import KnowledgeBase
from bot.matching.engine import Engine
from bot.runtime.incremental import IncrementalLoader
from bot.runtime.pauses import RELOAD_SWITCH_INTERVAL, quick_switches
from bot.runtime.reload import KnowledgeReloader

RELOADS = 20


def write(directory: Path, sid: str, extra: str = "") -> None:
    doc = {
        "id": sid,
        "title": sid.replace("-", " ").title(),
        "summary": f"About {sid}.",
        "questions": [f"what is {sid}", f"explain {sid} to me", f"{sid} {extra}".strip()],
        "body": f"A made-up explanation of {sid}.",
    }
    (directory / f"{sid}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))


@pytest.fixture
def frozen_heap() -> Iterator[None]:
    """Start from a collected heap (unfrozen: earlier reloads froze theirs); leave nothing
    frozen for the tests that follow."""
    gc.unfreeze()
    gc.collect()
    yield
    gc.unfreeze()
    gc.collect()


def test_the_switch_interval_is_short_inside_and_restored_after() -> None:
    before = sys.getswitchinterval()
    with quick_switches():
        assert sys.getswitchinterval() == min(before, RELOAD_SWITCH_INTERVAL)
        with quick_switches():  # overlapping blocks: the last to end restores
            pass
        assert sys.getswitchinterval() == min(before, RELOAD_SWITCH_INTERVAL)
    assert sys.getswitchinterval() == before


def live_knowledge_bases() -> int:
    return sum(isinstance(o, KnowledgeBase) for o in gc.get_objects())


@pytest.mark.usefixtures("frozen_heap")
def test_twenty_reloads_freeze_no_pile_of_old_knowledge(tmp_path: Path) -> None:
    for i in range(12):
        write(tmp_path, f"topic-{i}")
    others = live_knowledge_bases()  # other tests' fixtures may hold some
    load = IncrementalLoader()
    engine = Engine(load(tmp_path))
    reloader = KnowledgeReloader(tmp_path, engine, load=load)
    frozen: list[int] = []
    for n in range(RELOADS):  # bounded: one edit and one reload each
        write(tmp_path, f"topic-{n % 12}", extra=f"edit{n}")
        assert asyncio.run(reloader.reload())
        assert engine.answer(f"topic-{n % 12} edit{n}").primary is not None
        frozen.append(gc.get_freeze_count())
    # What survives each swap is frozen; what the swap replaced is freed all the same, so
    # the frozen heap stops growing after the first reloads (caches and imports warm up).
    assert frozen[-1] - frozen[4] < 100, frozen  # one old knowledge base kept would be more
    gc.unfreeze()
    # Before any collection: an old knowledge base kept alive, or waiting in a frozen garbage
    # cycle, would be counted here; only the live one and the one it replaced (kept for
    # answers begun before the swap, RETIRED_S) are left.
    assert live_knowledge_bases() - others <= 2


@pytest.mark.usefixtures("frozen_heap")
def test_knowledge_whose_threshold_settled_later_is_freed_all_the_same(tmp_path: Path) -> None:
    # Built in a child process: each knowledge base holds the trials still being made when
    # it was swapped in (a future with the engine's callback); no cycle may keep it alive.
    for i in range(6):
        write(tmp_path, f"topic-{i}")
    others = live_knowledge_bases()
    load = IncrementalLoader(min_questions=1)
    engine = Engine(load(tmp_path))
    engine.prepare(engine.knowledge)
    reloader = KnowledgeReloader(tmp_path, engine, load=load)
    for n in range(4):  # bounded: one edit and one reload each
        write(tmp_path, f"topic-{n}", extra=f"edit{n}")
        assert asyncio.run(reloader.reload())
        assert engine.knowledge.pending_trials is not None
        assert engine.threshold_settled(timeout=60)
    gc.unfreeze()
    assert live_knowledge_bases() - others <= 2
