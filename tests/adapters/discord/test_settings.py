"""DISCORD_* settings."""

from __future__ import annotations

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
    with pytest.raises(ConfigError, match=var):
        DiscordSettings.from_env({"DISCORD_TOKEN": "t", var: raw})


def test_gateway_url() -> None:
    env = {"DISCORD_TOKEN": "t", "DISCORD_GATEWAY_URL": "wss://gw.example/"}
    assert DiscordSettings.from_env(env).gateway_url == "wss://gw.example/"
