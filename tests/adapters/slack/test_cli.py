"""``explainbot serve slack``: arguments, start-up errors, and staying light for other commands."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from adapters.cli.main import build_parser, main
from adapters.slack.app import create_app
from adapters.slack.connection import check_tokens, http_server
from adapters.slack.settings import SlackSettings
from bot.errors import ConfigError

SLACK_VARS = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_API_BASE_URL",
    "EXPLAINBOT_IDLE_WITHOUT_TOKEN",
)


def test_serve_slack_options():
    args = build_parser().parse_args(["serve", "slack", "--host", "::1", "--port", "0"])
    assert (args.host, args.port) == ("::1", 0)
    assert callable(args.func)
    defaults = build_parser().parse_args(["serve", "slack"])
    assert (defaults.host, defaults.port) == ("127.0.0.1", 3000)


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_bad_port_is_a_usage_error(port, capsys):
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(["serve", "slack", "--port", port])
    assert caught.value.code == 2
    assert "not a port number" in capsys.readouterr().err


@pytest.mark.parametrize("idle", [None, "0", "no"])
def test_missing_token_stops_start_up_with_one_line(monkeypatch, capsys, idle):
    for name in SLACK_VARS:
        monkeypatch.delenv(name, raising=False)
    if idle is not None:
        monkeypatch.setenv("EXPLAINBOT_IDLE_WITHOUT_TOKEN", idle)
    assert main(["serve", "slack"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("explainbot: SLACK_BOT_TOKEN is not set")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("variable", "value"),
    [("EXPLAINBOT_HEALTH_PORT", "http"), ("EXPLAINBOT_RATE_LIMIT", "lots")],
)
def test_malformed_ops_setting_stops_start_up_with_one_line(
    monkeypatch, capsys, slack, variable, value
):
    monkeypatch.setenv("SLACK_BOT_TOKEN", slack.BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", slack.SECRET)
    monkeypatch.setenv(variable, value)
    assert main(["serve", "slack"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"explainbot: {variable}") and err.count("\n") == 1


def test_a_port_in_use_is_a_config_error(slack):
    async def scenario():
        app = create_app(slack.make_service(), settings=SlackSettings(
            bot_token=slack.BOT_TOKEN, signing_secret=slack.SECRET
        ))  # fmt: skip
        key = slack.SECRET
        async with http_server(app, signing_secret=key, host="127.0.0.1", port=0) as (host, port):
            with pytest.raises(ConfigError, match=f"^--port: cannot listen on {host}:{port}: "):
                async with http_server(app, signing_secret=key, host=host, port=port):
                    pass

    asyncio.run(scenario())


def test_missing_knowledge_directory_is_reported(monkeypatch, capsys, tmp_path, slack):
    monkeypatch.setenv("SLACK_BOT_TOKEN", slack.BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", slack.SECRET)
    assert main(["serve", "slack", "--knowledge", str(tmp_path / "nope")]) == 1
    assert "is not a directory" in capsys.readouterr().err


def test_building_the_cli_does_not_import_slack_libraries():
    code = (
        "import sys; from adapters.cli.main import build_parser; build_parser(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'slack_bolt', 'slack_sdk'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("method", "variable"),
    [("auth.test", "SLACK_BOT_TOKEN"), ("apps.connections.open", "SLACK_APP_TOKEN")],
)
def test_tokens_slack_rejects_stop_start_up(slack, method, variable):
    async def scenario():
        api = slack.MockSlackApi()
        api.errors[method] = "invalid_auth"
        async with slack.serving(api.app) as url:
            settings = SlackSettings(
                bot_token=slack.BOT_TOKEN, app_token=slack.APP_TOKEN, api_base_url=f"{url}/api/"
            )
            with pytest.raises(
                ConfigError, match=f"^{variable} was rejected by Slack: invalid_auth$"
            ):
                await check_tokens(create_app(slack.make_service(), settings=settings), settings)

    asyncio.run(scenario())


def test_http_mode_app_refuses_to_exist_without_a_signing_secret(slack):
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        create_app(slack.make_service(), settings=SlackSettings(bot_token=slack.BOT_TOKEN))
