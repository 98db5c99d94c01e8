"""``explainbot discord sync`` and ``explainbot serve discord`` against the fake Discord."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from adapters.cli.main import build_parser, main

SNIPPET_YAML = """\
id: {id}
title: {title}
summary: A short plain sentence about {title}.
questions:
  - what is {id}
  - explain {id}
  - tell me about {id}
body: |
  **{title}** in a few plain words.
"""


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, discord_globals: None, tmp_path: Path) -> Any:
    def point_at(fake: Any, token: str) -> None:
        monkeypatch.setenv("EXPLAINBOT_DB", str(tmp_path / "questions.db"))
        monkeypatch.setenv("DISCORD_TOKEN", token)
        # A bare host, as proxies are usually given: /api/v10 is appended.
        monkeypatch.setenv("DISCORD_API_BASE_URL", f"http://127.0.0.1:{fake.port}")
        monkeypatch.setenv("DISCORD_GATEWAY_URL", fake.gateway_url)

    return point_at


def test_sync_registers_commands_globally_and_per_guild(env: Any, kit: Any, capsys: Any) -> None:
    async def scenario() -> None:
        fake = kit.fake()
        await fake.start()
        try:
            env(fake, kit.token)
            assert await asyncio.to_thread(main, ["discord", "sync"]) == 0
            put = await fake.next_call("PUT", rf"/applications/{kit.app_id}/commands")
            by_name = {c["name"]: c for c in put.body}
            assert set(by_name) == {"explain", "Explain this"}
            assert by_name["Explain this"]["type"] == 3
            (topic,) = by_name["explain"]["options"]
            assert topic["autocomplete"] is True
            assert topic["max_length"] <= 6000

            argv = ["discord", "sync", "--guild", kit.guild_id]
            assert await asyncio.to_thread(main, argv) == 0
            pattern = rf"/applications/{kit.app_id}/guilds/{kit.guild_id}/commands"
            guild_put = await fake.next_call("PUT", pattern)
            assert {c["name"] for c in guild_put.body} == {"explain", "Explain this"}
            assert not fake.unexpected
        finally:
            await fake.close()

    asyncio.run(scenario())
    out = capsys.readouterr().out
    assert "registered 2 command(s) globally" in out
    assert f"guild {kit.guild_id}" in out


def test_rejected_token_is_one_clear_line(
    env: Any, kit: Any, capsys: Any, tmp_path: Path, caplog: Any
) -> None:
    for sid, title in (("gan", "GAN"), ("llm", "LLM")):
        (tmp_path / f"{sid}.yaml").write_text(SNIPPET_YAML.format(id=sid, title=title))
    wrong = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.WRONG0.a-revoked-token"

    async def scenario() -> int:
        fake = kit.fake()
        await fake.start()
        try:
            env(fake, wrong)
            argv = ["serve", "discord", "--knowledge", str(tmp_path)]
            code: int = await asyncio.to_thread(main, argv)
            me = await fake.next_call("GET", "/users/@me")
            assert me.authorization == f"Bot {wrong}"
            return code
        finally:
            await fake.close()

    assert asyncio.run(scenario()) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "explainbot: Discord rejected DISCORD_TOKEN "
        "(reset it on the Bot page of the Developer Portal)"
    ]
    assert wrong not in captured.out + captured.err + caplog.text


def test_missing_token_is_a_config_error(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["discord", "sync"]) == 1
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


def test_the_token_can_come_from_a_secret_file(
    env: Any, kit: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    secret = tmp_path / "discord_token"
    secret.write_text(kit.token + "\n")  # as `echo TOKEN > file` leaves it

    async def scenario() -> None:
        fake = kit.fake()
        await fake.start()
        try:
            env(fake, "")
            monkeypatch.setenv("DISCORD_TOKEN_FILE", str(secret))
            assert await asyncio.to_thread(main, ["discord", "sync"]) == 0
            put = await fake.next_call("PUT", rf"/applications/{kit.app_id}/commands")
            assert put.authorization == f"Bot {kit.token}"
        finally:
            await fake.close()

    asyncio.run(scenario())
    assert "registered 2 command(s)" in capsys.readouterr().out


def test_a_missing_secret_file_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("DISCORD_TOKEN_FILE", str(tmp_path / "absent"))
    assert main(["serve", "discord", "--knowledge", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"explainbot: DISCORD_TOKEN_FILE: {tmp_path / 'absent'} does not exist "
        "(is the secret mounted into the container?)"
    ]


def test_parser_has_serve_discord_and_discord_sync() -> None:
    parser = build_parser()
    args = parser.parse_args(["discord", "sync", "--guild", "123"])
    assert args.guild == 123
    assert callable(args.func)
    assert callable(parser.parse_args(["serve", "discord"]).func)
    with pytest.raises(SystemExit):
        parser.parse_args(["discord", "sync", "--guild", "not-an-id"])


def test_building_the_cli_does_not_import_discord() -> None:
    code = (
        "import sys; from adapters.cli.main import build_parser; build_parser(); "
        "print([m for m in sys.modules if m == 'discord' or m.startswith('discord.')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
