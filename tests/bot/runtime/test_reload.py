"""The reloader with the real watcher (inotify where available) on a temporary directory."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.models import Problem, Status
from bot.runtime.metrics import Metrics
from bot.runtime.reload import KnowledgeReloader, format_problems

SNIPPETS = {
    "alpha": ("Alpha particles", "what is an alpha particle", "explain alpha particles"),
    "beta": ("Beta decay", "what is beta decay", "explain beta decay"),
    "gamma": ("Gamma rays", "what are gamma rays", "explain gamma rays"),
}


def snippet_yaml(sid: str, body: str, *, questions_key: str = "questions") -> str:
    title, q1, q2 = SNIPPETS[sid]
    return (
        f"id: {sid}\n"
        f"title: {title}\n"
        f"summary: {title} explained in one short plain sentence.\n"
        f"{questions_key}:\n"
        f"  - {q1}\n"
        f"  - {q2}\n"
        f"  - {sid} meaning\n"
        f"body: |\n"
        f"  {body}\n"
    )


def write(directory: Path, sid: str, body: str, **kw: str) -> None:
    (directory / f"{sid}.yaml").write_text(snippet_yaml(sid, body, **kw), encoding="utf-8")


def answered(engine: Engine, question: str) -> tuple[str, str] | None:
    """(snippet id, body) answered for ``question``, or None when not answered."""
    answer = engine.answer(question)
    if answer.status is not Status.ANSWER or answer.primary is None:
        return None
    return answer.primary.id, answer.primary.body.strip()


async def eventually(check: Callable[[], bool], timeout: float = 5.0) -> None:
    """Bounded polling of engine state: the watcher works in its own time."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached within the time limit")
        await asyncio.sleep(0.02)


def failures(metrics: Metrics) -> float:
    return metrics.registry.get_sample_value("explainbot_reload_failures_total") or 0.0


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    for sid in SNIPPETS:
        write(directory, sid, f"{sid} version one.")
    return directory


def test_edit_break_fix_delete_and_atomic_rename(knowledge: Path) -> None:
    engine = Engine(load_knowledge(knowledge))
    metrics = Metrics.create()
    reported: list[tuple[Problem, ...]] = []

    async def on_problems(problems: tuple[Problem, ...]) -> None:
        reported.append(problems)

    reloader = KnowledgeReloader(knowledge, engine, on_problems=on_problems, metrics=metrics)

    async def scenario() -> None:
        await reloader.start()
        try:
            assert answered(engine, "what is an alpha particle") == ("alpha", "alpha version one.")

            # Edit: the new body is answered.
            write(knowledge, "alpha", "alpha version two.")
            await eventually(
                lambda: (
                    answered(engine, "explain alpha particles") == ("alpha", "alpha version two.")
                )
            )
            assert reloader.status.last_error is None
            assert reloader.status.last_reload_at is not None

            # Break: a typo in a field name is refused whole; the old knowledge answers on.
            write(knowledge, "beta", "beta version two.", questions_key="qestions")
            write(knowledge, "alpha", "alpha version three.")
            await eventually(lambda: failures(metrics) >= 1)
            assert answered(engine, "what is beta decay") == ("beta", "beta version one.")
            assert answered(engine, "what is an alpha particle") == ("alpha", "alpha version two.")
            error = reloader.status.last_error
            assert error is not None and "beta.yaml:" in error and "qestions" in error
            await eventually(lambda: len(reported) == 1)
            assert any(p.path.name == "beta.yaml" and p.line > 0 for p in reported[0])

            # The same problems again: logged and counted, not reported twice.
            before = failures(metrics)
            write(knowledge, "beta", "beta version two.", questions_key="qestions")
            await eventually(lambda: failures(metrics) > before)
            assert len(reported) == 1

            # Fix: picked up as usual, with the edit made while broken.
            write(knowledge, "beta", "beta version three.")
            await eventually(lambda: reloader.status.last_error is None)
            assert answered(engine, "what is beta decay") == ("beta", "beta version three.")
            assert answered(engine, "what is an alpha particle") == (
                "alpha",
                "alpha version three.",
            )

            # Delete a file: its snippet is gone, the others still answer.
            (knowledge / "gamma.yaml").unlink()
            await eventually(lambda: "gamma" not in engine.knowledge.snippets)
            assert (answered(engine, "what are gamma rays") or ("",))[0] != "gamma"
            assert answered(engine, "what is beta decay") == ("beta", "beta version three.")

            # Atomic save: write a temporary file, then rename it over the snippet.
            tmp = knowledge / ".alpha.yaml.tmp123"
            tmp.write_text(snippet_yaml("alpha", "alpha version four."), encoding="utf-8")
            os.replace(tmp, knowledge / "alpha.yaml")
            await eventually(
                lambda: (
                    answered(engine, "what is an alpha particle")
                    == ("alpha", "alpha version four.")
                )
            )

            # Broken again after a fix: news again, reported again.
            write(knowledge, "beta", "beta version four.", questions_key="qestions")
            await eventually(lambda: len(reported) == 2)
            assert answered(engine, "what is beta decay") == ("beta", "beta version three.")
        finally:
            await reloader.stop()

    asyncio.run(scenario())
    assert (metrics.registry.get_sample_value("explainbot_reloads_total") or 0) >= 4


def test_thread_mode_with_a_plain_callback(knowledge: Path) -> None:
    engine = Engine(load_knowledge(knowledge))
    reported: list[tuple[Problem, ...]] = []
    reloader = KnowledgeReloader(knowledge, engine, on_problems=reported.append)
    reloader.start_thread()
    try:
        write(knowledge, "gamma", "gamma version two.")
        deadline = time.monotonic() + 5
        while answered(engine, "what are gamma rays") != ("gamma", "gamma version two."):
            assert time.monotonic() < deadline, "reload not seen"
            time.sleep(0.02)
        (knowledge / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
        while not reported:
            assert time.monotonic() < deadline + 5, "problems not reported"
            time.sleep(0.02)
        assert any(p.path.name == "broken.yaml" for p in reported[0])
        assert answered(engine, "what are gamma rays") == ("gamma", "gamma version two.")
    finally:
        reloader.stop_thread()


def test_a_save_before_the_watcher_is_armed_is_not_lost(knowledge: Path) -> None:
    engine = Engine(load_knowledge(knowledge))
    reloader = KnowledgeReloader(knowledge, engine)
    write(knowledge, "alpha", "alpha saved during start-up.")  # after load, before watching

    async def scenario() -> None:
        await reloader.start()
        try:
            await eventually(
                lambda: (
                    answered(engine, "what is an alpha particle")
                    == ("alpha", "alpha saved during start-up.")
                )
            )
        finally:
            await reloader.stop()

    asyncio.run(scenario())


def test_unreadable_directory_is_a_refused_change(tmp_path: Path) -> None:
    directory = tmp_path / "k"
    directory.mkdir()
    write(directory, "alpha", "alpha one.")
    engine = Engine(load_knowledge(directory))
    reported: list[tuple[Problem, ...]] = []
    reloader = KnowledgeReloader(directory, engine, on_problems=reported.append)
    for p in directory.iterdir():
        p.unlink()
    directory.rmdir()

    assert asyncio.run(reloader.reload()) is False
    assert answered(engine, "what is an alpha particle") == ("alpha", "alpha one.")
    assert reloader.status.last_error is not None
    assert len(reported) == 1


def test_format_problems_names_file_and_line() -> None:
    problems = tuple(
        Problem(path=Path(f"knowledge/s{i}.yaml"), line=i, field="title", message="x" * 80)
        for i in range(100)
    )
    text = format_problems(problems)
    assert text.startswith("Knowledge change refused (100 problem(s))")
    assert "knowledge/s0.yaml:0: title: " in text and "knowledge/s99.yaml:99: title: " in text
    assert format_problems(problems[:1]).splitlines()[1] == str(problems[0])


def _sample(metrics: Metrics, name: str, **labels: str) -> float:
    return metrics.registry.get_sample_value(name, labels) or 0.0


def test_a_directory_replaced_twice_is_watched_anew_and_metrics_show_it(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    for sid in SNIPPETS:
        write(knowledge, sid, f"{sid} version one.")
    engine = Engine(load_knowledge(knowledge))
    metrics = Metrics.create()
    reloader = KnowledgeReloader(knowledge, engine, metrics=metrics)

    def replace_with(version: str) -> None:
        staged = tmp_path / f"staged-{version}"
        staged.mkdir()
        for sid in SNIPPETS:
            write(staged, sid, f"{sid} {version}.")
        knowledge.rename(tmp_path / f"old-{version}")
        staged.rename(knowledge)

    async def scenario() -> None:
        await reloader.start()
        try:
            for version in ("two", "three"):
                replace_with(version)
                await eventually(
                    lambda v=version: (
                        answered(engine, "what is beta decay") == ("beta", f"beta {v}.")
                    )
                )
            await eventually(lambda: _sample(metrics, "explainbot_knowledge_watch_arms") >= 3)
            assert reloader.status.watch_mode == "events"
            assert _sample(metrics, "explainbot_knowledge_watch_mode", mode="events") == 1
            checked = _sample(metrics, "explainbot_knowledge_last_checked_timestamp_seconds")
            loaded = _sample(metrics, "explainbot_knowledge_last_loaded_timestamp_seconds")
            assert checked >= loaded > time.time() - 60
        finally:
            await reloader.stop()
        assert reloader.status.watch_mode == "stopped"

    asyncio.run(scenario())


def test_a_missing_directory_is_checked_until_it_returns(knowledge: Path, tmp_path: Path) -> None:
    engine = Engine(load_knowledge(knowledge))
    reported: list[tuple[Problem, ...]] = []
    reloader = KnowledgeReloader(knowledge, engine, on_problems=reported.append, tick=0.1)

    async def scenario() -> None:
        await reloader.start()
        try:
            knowledge.rename(tmp_path / "away")
            await eventually(lambda: reloader.status.watch_mode == "periodic")
            await eventually(lambda: len(reported) == 1)  # gone for good is worth an alert
            assert answered(engine, "what is beta decay") == ("beta", "beta version one.")
            (tmp_path / "away").rename(knowledge)
            write(knowledge, "beta", "beta is back.")
            await eventually(
                lambda: answered(engine, "what is beta decay") == ("beta", "beta is back.")
            )
            await eventually(lambda: reloader.status.watch_mode == "events")
        finally:
            await reloader.stop()

    asyncio.run(scenario())


def test_a_change_stat_cannot_see_is_found_by_the_content_hash(knowledge: Path) -> None:
    engine = Engine(load_knowledge(knowledge))
    reloader = KnowledgeReloader(knowledge, engine, verify_interval=0.2, force_polling=True)
    path = knowledge / "gamma.yaml"
    before = path.stat()

    async def scenario() -> None:
        await reloader.start()
        try:
            # Same size, same inode, modification time put back: only the bytes differ.
            text = path.read_text(encoding="utf-8").replace("version one", "version 1ne")
            with path.open("r+", encoding="utf-8") as f:
                f.write(text)
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
            assert path.stat().st_size == before.st_size
            await eventually(
                lambda: answered(engine, "what are gamma rays") == ("gamma", "gamma version 1ne.")
            )
            assert reloader.status.watch_mode == "polling"
        finally:
            await reloader.stop()

    asyncio.run(scenario())


def test_a_flipped_release_symlink_is_followed(tmp_path: Path) -> None:
    """Capistrano-style deploys: ``knowledge -> releases/N``, flipped by renaming a new link."""
    releases = tmp_path / "releases"
    for version in ("one", "two", "three"):
        (releases / version).mkdir(parents=True)
        for sid in SNIPPETS:
            write(releases / version, sid, f"{sid} release {version}.")
    link = tmp_path / "knowledge"
    link.symlink_to(releases / "one")
    engine = Engine(load_knowledge(link))
    reloader = KnowledgeReloader(link, engine)

    async def scenario() -> None:
        await reloader.start()
        try:
            for version in ("two", "three"):
                (tmp_path / "next").symlink_to(releases / version)
                os.replace(tmp_path / "next", link)
                await eventually(
                    lambda v=version: (
                        answered(engine, "what is beta decay") == ("beta", f"beta release {v}.")
                    )
                )
            # Still watching by events on the release the link leads to now.
            write(releases / "three", "alpha", "alpha edited in place.")
            await eventually(
                lambda: (
                    answered(engine, "explain alpha particles")
                    == ("alpha", "alpha edited in place.")
                )
            )
            assert reloader.status.watch_mode == "events"
        finally:
            await reloader.stop()

    asyncio.run(scenario())
