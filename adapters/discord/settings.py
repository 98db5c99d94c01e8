"""Discord settings read from the environment (``DISCORD_*``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from yarl import URL

from bot.errors import ConfigError
from bot.secretfiles import with_secret_files

TOKEN_VAR = "DISCORD_TOKEN"
API_VAR = "DISCORD_API_BASE_URL"
GATEWAY_VAR = "DISCORD_GATEWAY_URL"
API_PATH = "/api/v10"
SECRET_VARS = (TOKEN_VAR,)  # DISCORD_TOKEN_FILE: the token from a mounted secret file


def discord_environ(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` with ``DISCORD_TOKEN_FILE`` read in; read every setting from it.

    Raises:
        ConfigError: the secret file is missing, unreadable or empty, or set twice.
    """
    return with_secret_files(environ, SECRET_VARS)


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscordSettings:
    """How to reach Discord and how patient to be.

    Attributes:
        token: the bot token (never printed: excluded from repr).
        api_base_url: REST base such as ``http://nirn:8080/api/v10``; None for discord.com.
        gateway_url: websocket gateway such as ``ws://127.0.0.1:9000/gateway``; None for Discord's.
        defer_after: seconds an interaction answer may take before it is deferred first
            (Discord gives 3 seconds for the first response).
    """

    token: str = field(repr=False)
    api_base_url: str | None = None
    gateway_url: str | None = None
    defer_after: float = 1.5

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> DiscordSettings:
        """Read ``DISCORD_TOKEN`` (required), ``DISCORD_API_BASE_URL``, ``DISCORD_GATEWAY_URL``."""
        env = os.environ if environ is None else environ
        token = env.get(TOKEN_VAR, "").strip()
        if not token:
            raise ConfigError(
                f"{TOKEN_VAR} is not set (nor {TOKEN_VAR}_FILE): copy the token from the Bot "
                "page of your application in the Discord Developer Portal"
            )
        return cls(
            token=token,
            api_base_url=api_base_url(env.get(API_VAR, "")),
            gateway_url=gateway_url(env.get(GATEWAY_VAR, "")),
        )


def api_base_url(raw: str) -> str | None:
    """Validate a REST base URL; a bare host gets ``/api/v10`` appended. Empty means default."""
    raw = raw.strip()
    if not raw:
        return None
    url = _parse(API_VAR, raw, ("http", "https"))
    base = str(url).rstrip("/")
    # Proxies are usually given as a bare host; discord.py's routes start after /api/vN.
    return base if "/api/v" in url.path else base + API_PATH


def gateway_url(raw: str) -> str | None:
    """Validate a gateway websocket URL. Empty means Discord's own gateway."""
    raw = raw.strip()
    if not raw:
        return None
    return str(_parse(GATEWAY_VAR, raw, ("ws", "wss")))


def _parse(var: str, raw: str, schemes: tuple[str, ...]) -> URL:
    try:
        url = URL(raw)
    except ValueError as exc:
        raise ConfigError(f"{var}: not a URL: {raw!r} ({exc})") from None
    if url.scheme not in schemes or not url.host:
        wanted = " or ".join(f"{s}://" for s in schemes)
        raise ConfigError(f"{var} must be a {wanted} URL with a host, got {raw!r}")
    return url
