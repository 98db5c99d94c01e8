"""The manifest names exactly what the code listens for, with the minimum scopes."""

from __future__ import annotations

from pathlib import Path

import yaml

from adapters.slack import app as slack_app
from adapters.slack.convert import SHORTCUT_CALLBACK

MANIFEST = Path(slack_app.__file__).with_name("manifest.yaml")


def test_manifest_matches_the_code():
    manifest = yaml.safe_load(MANIFEST.read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == [slack_app.COMMAND]
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [
        ("message", SHORTCUT_CALLBACK)
    ]
    assert settings["event_subscriptions"]["bot_events"] == ["app_mention", "message.im"]
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is True
    assert features["app_home"]["messages_tab_enabled"] is True
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == [
        "app_mentions:read",
        "channels:history",
        "chat:write",
        "commands",
        "groups:history",
        "im:history",
    ]
    assert "user" not in manifest["oauth_config"]["scopes"]
