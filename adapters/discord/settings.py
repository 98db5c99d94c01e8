"""Discord settings read from the environment (``DISCORD_*``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from yarl import URL

from bot.settings import invalid, not_set, text

TOKEN_VAR = "DISCORD_TOKEN"
API_VAR = "DISCORD_API_BASE_URL"
GATEWAY_VAR = "DISCORD_GATEWAY_URL"
SHARD_COUNT_VAR = "DISCORD_SHARD_COUNT"
SHARD_IDS_VAR = "DISCORD_SHARD_IDS"
MAX_SHARDS = 10_000  # far above any bot's count; catches a typo such as an id pasted here
API_PATH = "/api/v10"
SECRET_VARS = (TOKEN_VAR,)  # DISCORD_TOKEN_FILE: the token from a mounted secret file


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscordSettings:
    """How to reach Discord and how patient to be.

    Attributes:
        token: the bot token (never printed: excluded from repr).
        api_base_url: REST base such as ``http://nirn:8080/api/v10``; None for discord.com.
        gateway_url: websocket gateway such as ``ws://127.0.0.1:9000/gateway``; None for Discord's.
        defer_after: seconds an interaction answer may take before it is deferred first
            (Discord gives 3 seconds for the first response).
        sharded: run discord.py's ``AutoShardedClient`` (``DISCORD_SHARD_COUNT`` is set).
        shard_count: the bot's total number of shards; None while sharded: ask Discord.
        shard_ids: the shards this process runs; None: all of them.
    """

    token: str = field(repr=False)
    api_base_url: str | None = None
    gateway_url: str | None = None
    defer_after: float = 1.5
    sharded: bool = False
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> DiscordSettings:
        """Read ``DISCORD_TOKEN`` (required), ``DISCORD_API_BASE_URL``, ``DISCORD_GATEWAY_URL``
        and the shard settings from ``env`` (:func:`bot.settings.read_environ`)."""
        token = text(env, TOKEN_VAR)
        if token is None:
            raise not_set(
                TOKEN_VAR,
                f"copy the token from the Bot page of your application in the Discord Developer "
                f"Portal (or set {TOKEN_VAR}_FILE to a file that holds it)",
            )
        sharded, count, ids = shards(env.get(SHARD_COUNT_VAR, ""), env.get(SHARD_IDS_VAR, ""))
        return cls(
            token=token,
            api_base_url=api_base_url(env.get(API_VAR, "")),
            gateway_url=gateway_url(env.get(GATEWAY_VAR, "")),
            sharded=sharded,
            shard_count=count,
            shard_ids=ids,
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


def shards(count_raw: str, ids_raw: str) -> tuple[bool, int | None, tuple[int, ...] | None]:
    """(sharded, shard count, shard ids) from ``DISCORD_SHARD_COUNT`` and ``DISCORD_SHARD_IDS``.

    The count is a number, or ``auto`` to take Discord's recommendation; the ids are a list
    such as ``0,1,2`` or ranges such as ``0-3,8-11``, each below the count. Both empty: not
    sharded (one connection, as a small bot needs).

    Raises:
        ConfigError: naming the variable and what is wrong.
    """
    count_raw, ids_raw = count_raw.strip().lower(), ids_raw.strip()
    if not count_raw:
        if ids_raw:
            raise invalid(SHARD_IDS_VAR, f"needs {SHARD_COUNT_VAR}: the bot's total shards")
        return False, None, None
    if count_raw == "auto":
        if ids_raw:
            raise invalid(
                SHARD_IDS_VAR,
                f"needs a number in {SHARD_COUNT_VAR}, not 'auto': every process must agree "
                "on the total",
            )
        return True, None, None
    if not count_raw.isdigit() or not 1 <= int(count_raw) <= MAX_SHARDS:
        raise invalid(
            SHARD_COUNT_VAR,
            f"expected a number of shards from 1 to {MAX_SHARDS}, or 'auto'; got {count_raw!r}",
        )
    count = int(count_raw)
    if not ids_raw:
        return True, count, None
    ids: list[int] = []
    for part in ids_raw.split(","):
        first, dash, last = part.strip().partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise invalid(
                SHARD_IDS_VAR,
                f"expected shard numbers such as 0,1,2 or ranges such as 0-3; got {part.strip()!r}",
            )
        ids.extend(range(int(first), int(last if dash else first) + 1))
    if not ids or len(set(ids)) != len(ids) or max(ids) >= count:
        raise invalid(
            SHARD_IDS_VAR,
            f"expected distinct shards from 0 to {count - 1} ({SHARD_COUNT_VAR}={count}); "
            f"got {ids_raw!r}",
        )
    return True, count, tuple(sorted(ids))


def _parse(var: str, raw: str, schemes: tuple[str, ...]) -> URL:
    try:
        url = URL(raw)
    except ValueError as exc:
        raise invalid(var, f"not a URL: {raw!r} ({exc})") from None
    if url.scheme not in schemes or not url.host:
        wanted = " or ".join(f"{s}://" for s in schemes)
        raise invalid(var, f"expected a {wanted} URL with a host, got {raw!r}")
    return url
