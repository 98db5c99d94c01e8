"""DISCORD_* settings."""

from __future__ import annotations

import re

import pytest

from adapters.discord.settings import DiscordSettings
from bot.errors import ConfigError


def test_token_is_required_and_never_shown() -> None:
    with pytest.raises(ConfigError, match="DISCORD_TOKEN is not set"):
        DiscordSettings.from_env({"DISCORD_TOKEN": "  "})
    settings = DiscordSettings.from_env({"DISCORD_TOKEN": " secret-token \n"})
    assert settings.token == "secret-token"
    assert "secret-token" not in repr(settings)
    assert settings.api_base_url is None and settings.gateway_url is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("http://nirn:8080", "http://nirn:8080/api/v10"),
        ("http://nirn:8080/", "http://nirn:8080/api/v10"),
        ("https://proxy.example/api/v10/", "https://proxy.example/api/v10"),
        ("http://127.0.0.1:9/api/v9", "http://127.0.0.1:9/api/v9"),
    ],
)
def test_api_base_url(raw: str, expected: str) -> None:
    env = {"DISCORD_TOKEN": "t", "DISCORD_API_BASE_URL": raw}
    assert DiscordSettings.from_env(env).api_base_url == expected


@pytest.mark.parametrize(
    ("var", "raw"),
    [
        ("DISCORD_API_BASE_URL", "ws://nirn:8080"),
        ("DISCORD_API_BASE_URL", "nirn:8080"),
        ("DISCORD_GATEWAY_URL", "http://127.0.0.1:9/gateway"),
        ("DISCORD_GATEWAY_URL", "ws://"),
    ],
)
def test_bad_urls_name_the_variable(var: str, raw: str) -> None:
    with pytest.raises(ConfigError, match=f"^{var}: "):
        DiscordSettings.from_env({"DISCORD_TOKEN": "t", var: raw})


def test_gateway_url() -> None:
    env = {"DISCORD_TOKEN": "t", "DISCORD_GATEWAY_URL": "wss://gw.example/"}
    assert DiscordSettings.from_env(env).gateway_url == "wss://gw.example/"


@pytest.mark.parametrize(
    ("count", "ids", "expected"),
    [
        ("", "", (False, None, None)),
        ("auto", "", (True, None, None)),
        ("4", "", (True, 4, None)),
        ("4", "1,3", (True, 4, (1, 3))),
        (" 16 ", "8-11, 0", (True, 16, (0, 8, 9, 10, 11))),
    ],
)
def test_shard_settings(count: str, ids: str, expected: tuple[object, ...]) -> None:
    env = {"DISCORD_TOKEN": "t", "DISCORD_SHARD_COUNT": count, "DISCORD_SHARD_IDS": ids}
    settings = DiscordSettings.from_env(env)
    assert (settings.sharded, settings.shard_count, settings.shard_ids) == expected


@pytest.mark.parametrize(
    ("count", "ids", "message"),
    [
        ("", "0", "DISCORD_SHARD_IDS: needs DISCORD_SHARD_COUNT"),
        ("auto", "0", "DISCORD_SHARD_IDS: needs a number in DISCORD_SHARD_COUNT, not 'auto'"),
        ("0", "", "DISCORD_SHARD_COUNT: expected a number of shards from 1"),
        ("four", "", "DISCORD_SHARD_COUNT: expected a number of shards from 1"),
        ("4", "4", "DISCORD_SHARD_IDS: expected distinct shards from 0 to 3"),
        ("4", "1,1", "DISCORD_SHARD_IDS: expected distinct shards from 0 to 3"),
        ("4", "1-x", "DISCORD_SHARD_IDS: expected shard numbers such as 0,1,2"),
        ("4", "-1", "DISCORD_SHARD_IDS: expected shard numbers such as 0,1,2"),
    ],
)
def test_bad_shard_settings_name_the_variable(count: str, ids: str, message: str) -> None:
    env = {"DISCORD_TOKEN": "t", "DISCORD_SHARD_COUNT": count, "DISCORD_SHARD_IDS": ids}
    with pytest.raises(ConfigError, match="^" + re.escape(message)):
        DiscordSettings.from_env(env)
