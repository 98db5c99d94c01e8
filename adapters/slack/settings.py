"""Slack settings (``SLACK_*``) from the environment, validated before anything starts.

Read through :mod:`bot.settings` helpers, with the same message style as every setting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from bot.settings import invalid, not_set, text

ResponseType = Literal["in_channel", "ephemeral"]
# Each may come from a file instead (NAME_FILE), as Docker and Kubernetes secrets are mounted.
SECRET_VARS = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")

_TOKEN_BODY = re.compile(r"^[A-Za-z0-9-]+$")
_TOKEN_KIND = re.compile(r"^(xox[a-z]|xapp)-")


@dataclass(frozen=True, slots=True, kw_only=True)
class SlackSettings:
    """Everything the Slack adapter reads from the environment.

    Attributes:
        bot_token: ``SLACK_BOT_TOKEN`` (``xoxb-``), used for every Web API call.
        signing_secret: ``SLACK_SIGNING_SECRET``; required in HTTP mode.
        app_token: ``SLACK_APP_TOKEN`` (``xapp-``); when set the bot runs in Socket Mode.
        api_base_url: ``SLACK_API_BASE_URL``, always ending in ``/``; None for slack_sdk's default.
        response_type: ``EXPLAINBOT_SLACK_RESPONSE``: where ``/explain`` posts confident
            answers, ``in_channel`` (default) or ``ephemeral`` (only the asker sees them).
    """

    bot_token: str = field(repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_base_url: str | None = None
    response_type: ResponseType = "in_channel"

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None


def load_settings(environ: Mapping[str, str]) -> SlackSettings:
    """Read and validate the Slack settings.

    Raises:
        ConfigError: one line naming the variable at fault; never the secret itself.
    """
    bot_token = _token(environ, "SLACK_BOT_TOKEN", "xoxb-")
    if bot_token is None:
        raise not_set(
            "SLACK_BOT_TOKEN",
            "expected a bot token starting with 'xoxb-' "
            "(or SLACK_BOT_TOKEN_FILE naming a file that holds it)",
        )
    app_token = _token(environ, "SLACK_APP_TOKEN", "xapp-")
    secret = text(environ, "SLACK_SIGNING_SECRET")
    if secret is None and app_token is None:
        raise not_set(
            "SLACK_SIGNING_SECRET",
            "HTTP mode needs the app's signing secret (or set SLACK_APP_TOKEN to use Socket Mode)",
        )
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9]+", secret):
        raise invalid("SLACK_SIGNING_SECRET", "expected letters and digits only")
    return SlackSettings(
        bot_token=bot_token,
        signing_secret=secret,
        app_token=app_token,
        api_base_url=_base_url(environ),
        response_type=_response_type(environ),
    )


def _token(environ: Mapping[str, str], name: str, prefix: str) -> str | None:
    value = text(environ, name)
    if value is None or (value.startswith(prefix) and _TOKEN_BODY.match(value)):
        return value
    # Name only a known token kind (enough to spot swapped tokens), never any secret part.
    kind = _TOKEN_KIND.match(value)
    got = f"a token starting with {kind.group(0)!r}" if kind else "something else"
    raise invalid(name, f"expected a token starting with {prefix!r}, got {got}")


def _base_url(environ: Mapping[str, str]) -> str | None:
    value = text(environ, "SLACK_API_BASE_URL")
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise invalid(
            "SLACK_API_BASE_URL",
            f"expected an http(s) URL such as 'https://slack.com/api/', got {value!r}",
        )
    # slack_sdk joins method names onto the base URL and needs the trailing slash.
    return value if value.endswith("/") else value + "/"


def _response_type(environ: Mapping[str, str]) -> ResponseType:
    value = text(environ, "EXPLAINBOT_SLACK_RESPONSE") or "in_channel"
    if value == "in_channel":
        return "in_channel"
    if value == "ephemeral":
        return "ephemeral"
    raise invalid(
        "EXPLAINBOT_SLACK_RESPONSE", f"expected 'in_channel' or 'ephemeral', got {value!r}"
    )
