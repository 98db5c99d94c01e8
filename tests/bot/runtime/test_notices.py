"""Admin notices: one plain text, fitted by whole lines, posted once across replicas."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.models import Problem
from bot.runtime.notices import AdminNotices, admin_notices, fit_lines
from bot.runtime.reload import format_problems
from bot.store import SharedState, SqliteBackend


def _problems(n: int) -> tuple[Problem, ...]:
    return tuple(
        Problem(path=Path(f"knowledge/s{i}.yaml"), line=i, field="title", message="x" * 80)
        for i in range(n)
    )


def test_fit_lines_keeps_whole_lines_and_says_how_many_were_left_out() -> None:
    text = format_problems(_problems(100))
    fitted = fit_lines(text, 1_900)
    assert len(fitted) <= 1_900
    assert "knowledge/s0.yaml:0: title: " in fitted
    lines = fitted.splitlines()
    assert all(line in text.splitlines() for line in lines[:-1])  # nothing cut mid-line
    left = len(text.splitlines()) - (len(lines) - 1)
    assert lines[-1] == f"... and {left} more (see the logs)"
    assert fit_lines("short\ntext", 1_900) == "short\ntext"


def test_fit_lines_cuts_a_single_overlong_line() -> None:
    fitted = fit_lines("y" * 5_000 + "\nsecond", 100)
    assert len(fitted) <= 100 and fitted.startswith("y") and "more (see the logs)" in fitted


class Recorder:
    """An adapter that records what it is asked to post (only what notices use of it)."""

    platform = "test"

    def __init__(self) -> None:
        self.posts: list[tuple[str, str]] = []

    def notice_channel(self, raw: str) -> str | None:
        return raw if raw.startswith("C") else None

    async def post_notice(self, channel: str, text: str) -> None:
        self.posts.append((channel, text))


def test_no_notices_without_a_channel_of_the_platform() -> None:
    adapter = Recorder()
    assert admin_notices(adapter, None) is None  # type: ignore[arg-type]
    assert admin_notices(adapter, "") is None  # type: ignore[arg-type]
    assert admin_notices(adapter, "1234") is None  # type: ignore[arg-type]
    assert isinstance(admin_notices(adapter, "C1"), AdminNotices)  # type: ignore[arg-type]


def test_replicas_sharing_a_database_post_a_notice_once(tmp_path: Path) -> None:
    one, two = Recorder(), Recorder()
    shared = [SharedState(SqliteBackend(tmp_path / "s.db"), salt="s") for _ in range(2)]
    notices = [
        AdminNotices(adapter, "C1", shared=state)  # type: ignore[arg-type]
        for adapter, state in zip((one, two), shared, strict=True)
    ]
    problems = _problems(2)

    async def scenario() -> None:
        for n in notices:
            await n.refused(problems)
        await notices[0].refused(_problems(3))  # other problems are news

    asyncio.run(scenario())
    for state in shared:
        state.close()
    assert [c for c, _ in one.posts] == ["C1", "C1"] and two.posts == []
    assert one.posts[0][1] == format_problems(problems)  # the whole text: the adapter fits it
