"""The Discord adapter's share of admin notices: fit the whole text into one message."""

from __future__ import annotations

from pathlib import Path

from adapters.discord.adapter import NOTICE_MAX, notice_content
from bot.models import Problem
from bot.runtime.reload import format_problems


def test_a_long_notice_fits_one_discord_message_by_whole_lines() -> None:
    problems = tuple(
        Problem(path=Path(f"knowledge/s_{i}.yaml"), line=i, field="title", message="x" * 80)
        for i in range(100)
    )
    text = format_problems(problems)
    content = notice_content(text)
    assert len(content) <= 2_000 and len(content) <= NOTICE_MAX + 8
    assert content.startswith("```\n") and content.endswith("\n```")
    body = content[4:-4].splitlines()
    assert body[0] == text.splitlines()[0]
    assert "knowledge/s_0.yaml:0: title: " in body[1]  # underscores kept: a code block
    assert body[-1].endswith("more (see the logs)")


def test_fences_inside_the_notice_cannot_end_the_code_block() -> None:
    content = notice_content("head\nfile.yaml:1: body: has ``` inside")
    assert content.count("```") == 2 and "'''" in content
