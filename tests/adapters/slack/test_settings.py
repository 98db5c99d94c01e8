"""Settings parsing: one clear line naming the variable, never the secret."""

from __future__ import annotations

import logging

import pytest

from adapters.slack.redact import PATTERNS, mask
from adapters.slack.settings import SlackSettings, load_settings
from bot.errors import ConfigError
from bot.runtime.logs import RedactingFilter

BOT = "xoxb-1111-2222-SeCrEtBoTtOkEn"
APP = "xapp-1-A1-3333-SeCrEtApPtOkEn"
SECRET = "abcdef0123456789abcdef0123456789"


def test_http_mode():
    settings = load_settings({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET})
    assert settings == SlackSettings(bot_token=BOT, signing_secret=SECRET)
    assert not settings.socket_mode
    assert settings.response_type == "in_channel"


def test_socket_mode_needs_no_signing_secret():
    settings = load_settings({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": f" {APP}\n"})
    assert settings.socket_mode and settings.app_token == APP
    assert settings.signing_secret is None


def test_base_url_gets_its_trailing_slash_and_response_type_is_read():
    settings = load_settings(
        {
            "SLACK_BOT_TOKEN": BOT,
            "SLACK_APP_TOKEN": APP,
            "SLACK_API_BASE_URL": "https://slack-gov.com/api",
            "EXPLAINBOT_SLACK_RESPONSE": "ephemeral",
        }
    )
    assert settings.api_base_url == "https://slack-gov.com/api/"
    assert settings.response_type == "ephemeral"


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "  "}, "SLACK_BOT_TOKEN is not set"),
        ({"SLACK_BOT_TOKEN": "xoxp-1-SeCrEtUsEr"}, "SLACK_BOT_TOKEN: "),
        ({"SLACK_BOT_TOKEN": "SeCrEtNoPrefix"}, "SLACK_BOT_TOKEN: "),
        ({"SLACK_BOT_TOKEN": "xoxb-SeCrEt with space"}, "SLACK_BOT_TOKEN: "),
        ({"SLACK_BOT_TOKEN": BOT}, "SLACK_SIGNING_SECRET is not set"),
        (
            {"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": "SeCrEt-!"},
            "SLACK_SIGNING_SECRET: ",
        ),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": BOT}, "SLACK_APP_TOKEN: "),
        (
            {"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "SLACK_API_BASE_URL": "slack.com/api"},
            "SLACK_API_BASE_URL: ",
        ),
        (
            {"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "EXPLAINBOT_SLACK_RESPONSE": "loud"},
            "EXPLAINBOT_SLACK_RESPONSE: ",
        ),
    ],
)
def test_bad_settings_stop_with_one_line_naming_the_variable(env, variable):
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    message = str(caught.value)
    assert message.startswith(variable)
    assert "\n" not in message
    assert "SeCrEt" not in message


def test_swapped_tokens_are_named_by_kind_only():
    with pytest.raises(ConfigError, match="got a token starting with 'xapp-'"):
        load_settings({"SLACK_BOT_TOKEN": APP})


def test_secrets_do_not_show_in_repr():
    text = repr(
        load_settings(
            {"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "SLACK_SIGNING_SECRET": SECRET}
        )
    )
    assert "SeCrEt" not in text and SECRET not in text


def test_mask_hides_tokens():
    line = f"calling with {BOT} and {APP}, body token=gIkuvaNzQIHg97ATvDxqgjtO&text=hi"
    assert mask(line) == "calling with x***-*** and x***-***, body token=***&text=hi"


def test_the_log_filter_masks_slack_shapes_in_formatted_records():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token %s used", (BOT,), None)
    assert RedactingFilter(patterns=PATTERNS).filter(record)
    assert record.getMessage() == "token x***-*** used"
