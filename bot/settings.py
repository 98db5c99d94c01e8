"""Every ``EXPLAINBOT_*`` setting, read from the environment once, in this module only.

A command reads the environment once (:func:`read_environ`, which also reads ``NAME_FILE``
secrets), builds :class:`Settings` from it and hands the values to what it constructs; nothing
else in ``bot/`` or ``adapters/`` reads ``os.environ``. Platform settings (tokens and the
like) live in ``adapters/*/settings.py`` and use the helpers here, so that every
message has one style: it starts with the variable's name, then says what is wrong.
See ``.env.example`` for what each variable does.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.errors import ConfigError
from bot.matching.matchconfig import MatchConfig
from bot.runtime.secretfiles import with_secret_files

if TYPE_CHECKING:
    from bot.runtime.ratelimit import RateLimit

T = TypeVar("T")
Environ = Mapping[str, str]

KNOWLEDGE = "EXPLAINBOT_KNOWLEDGE"
DB = "EXPLAINBOT_DB"
DATABASE_URL = "EXPLAINBOT_DATABASE_URL"
SALT = "EXPLAINBOT_USER_SALT"
LEGACY_SALT = "EXPLAINBOT_SALT"
RETENTION = "EXPLAINBOT_RETENTION_DAYS"
ADMIN_CHANNEL = "EXPLAINBOT_ADMIN_CHANNEL"
HEALTH_PORT = "EXPLAINBOT_HEALTH_PORT"
HEALTH_HOST = "EXPLAINBOT_HEALTH_HOST"
RATE_LIMIT = "EXPLAINBOT_RATE_LIMIT"
ANSWER_THRESHOLD = "EXPLAINBOT_ANSWER_THRESHOLD"
SUGGEST_THRESHOLD = "EXPLAINBOT_SUGGEST_THRESHOLD"
MIN_MARGIN = "EXPLAINBOT_MIN_MARGIN"
INDEX_CACHE = "EXPLAINBOT_INDEX_CACHE"
IDLE_WITHOUT_TOKEN = "EXPLAINBOT_IDLE_WITHOUT_TOKEN"
LOG_FORMAT = "EXPLAINBOT_LOG_FORMAT"
LOG_LEVEL = "EXPLAINBOT_LOG_LEVEL"
FORCE_POLLING = "WATCHFILES_FORCE_POLLING"  # the name watchfiles itself reads
DEFAULT_HEALTH_HOST = "127.0.0.1"
_TRUE = {"1", "true", "yes", "on"}


# One error style for every setting.


def invalid(name: str, problem: str) -> ConfigError:
    """``NAME: problem``: a variable is set but unusable (never quote a secret's value)."""
    return ConfigError(f"{name}: {problem}")


def not_set(name: str, hint: str) -> ConfigError:
    """``NAME is not set: hint``: a required variable is missing or empty."""
    return ConfigError(f"{name} is not set: {hint}")


# Helpers that read one variable.


def read_environ(secrets: Iterable[str] = ()) -> dict[str, str]:
    """The process environment, with each set ``NAME_FILE`` of ``secrets`` read into ``NAME``.

    Raises:
        ConfigError: a secret file is missing, unreadable or empty, or set twice.
    """
    return with_secret_files(os.environ, secrets)


def text(env: Environ, name: str) -> str | None:
    """The variable without surrounding white space; None when unset or empty."""
    return env.get(name, "").strip() or None


def flag(env: Environ, name: str) -> bool:
    """True for ``1``, ``true``, ``yes`` or ``on`` (any case); anything else is False."""
    return (text(env, name) or "").lower() in _TRUE


def parsed(env: Environ, name: str, parse: Callable[[str], T], default: T) -> T:
    """``parse(value)``, or ``default`` when unset; ``parse`` raises ValueError with what is
    wrong, which becomes ``NAME: what is wrong``."""
    value = text(env, name)
    if value is None:
        return default
    try:
        return parse(value)
    except ValueError as exc:
        raise invalid(name, str(exc)) from None


def missing(env: Environ, names: Iterable[str]) -> list[str]:
    """The variables among ``names`` that are unset or empty."""
    return [n for n in names if text(env, n) is None]


# Parsers of one value each (ValueError says what is wrong).


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        score = math.nan
    if not 0 <= score <= 100:  # NaN fails too
        raise ValueError(f"expected a number from 0 to 100, got {value!r}")
    return score


def _days(value: str) -> float | None:
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not days >= 0 or days == math.inf:
        raise ValueError(f"{value!r} is not a number of days (0 keeps all)")
    return days or None


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65_535:
        raise ValueError(f"{value!r} is not a port number (0-65535)")
    return int(value)


def _rate_limit(value: str) -> RateLimit:
    from bot.runtime.ratelimit import parse_rate_limit

    return parse_rate_limit(value)


def _index_cache(env: Environ) -> Path | None:
    given = env.get(INDEX_CACHE)
    if given is not None:
        return None if given.strip().lower() in {"", "off", "0", "no"} else Path(given)
    home = env.get("HOME")
    base = env.get("XDG_CACHE_HOME") or (str(Path(home) / ".cache") if home else "")
    return Path(base) / "explainbot" if base else None


def bundled_knowledge_dir() -> Path:
    """The ``knowledge/`` beside the ``bot`` package: in a checkout and in an installed wheel
    (it ships as package data)."""
    return Path(__file__).resolve().parent.parent / "knowledge"


def _db_path(env: Environ) -> Path:
    if env.get(DB):
        return Path(env[DB]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "explainbot" / "explainbot.db"


def match_config(env: Environ) -> MatchConfig:
    """The engine's thresholds with any overrides from the environment. An answer threshold
    set here is used as set; the default one is fitted to each knowledge base."""
    config = MatchConfig()
    answer = parsed(env, ANSWER_THRESHOLD, _score, config.answer_threshold)
    suggest = parsed(env, SUGGEST_THRESHOLD, _score, config.suggest_threshold)
    margin = parsed(env, MIN_MARGIN, _score, config.min_margin)
    if suggest > answer:
        raise invalid(
            SUGGEST_THRESHOLD,
            f"{suggest:g} is above the answer threshold {answer:g}; "
            "did-you-mean candidates must score lower than answers",
        )
    return replace(
        config,
        answer_threshold=answer,
        suggest_threshold=suggest,
        min_margin=margin,
        fit_threshold=text(env, ANSWER_THRESHOLD) is None,  # the admin's value, as set
    )


def _default_rate_limit() -> RateLimit:
    from bot.runtime.ratelimit import RateLimit

    return RateLimit()


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Every ``EXPLAINBOT_*`` setting (see ``.env.example``).

    Attributes:
        knowledge_dir: ``--knowledge``, else ``EXPLAINBOT_KNOWLEDGE``, else the bundled one.
        db_path: ``EXPLAINBOT_DB``, else ``$XDG_DATA_HOME/explainbot/explainbot.db``.
        salt: ``EXPLAINBOT_USER_SALT`` (or the older ``EXPLAINBOT_SALT``).
        admin_channel: ``EXPLAINBOT_ADMIN_CHANNEL``; each adapter checks it is one of its own.
        health: (host, port) of the health server; None: no server.
        rate_limit: ``EXPLAINBOT_RATE_LIMIT``.
        force_polling: ``WATCHFILES_FORCE_POLLING`` as watchfiles reads it.
        database_url: ``EXPLAINBOT_DATABASE_URL`` (PostgreSQL); None: SQLite at ``db_path``.
        retention_days: ``EXPLAINBOT_RETENTION_DAYS`` (default 90); None keeps everything.
        busy_timeout: seconds a SQLite write waits for a lock.
        max_pending: question records held while the database does not take writes.
        match: the engine's thresholds (``EXPLAINBOT_ANSWER_THRESHOLD`` and the others).
        index_cache: ``EXPLAINBOT_INDEX_CACHE`` (``off``: none), else the user's cache folder.
        idle_without_token: ``EXPLAINBOT_IDLE_WITHOUT_TOKEN``: idle when a token is missing.
        log_json: ``EXPLAINBOT_LOG_FORMAT=json``: one JSON object a line.
        log_level: ``EXPLAINBOT_LOG_LEVEL`` (default INFO).
    """

    knowledge_dir: Path = field(default_factory=bundled_knowledge_dir)
    db_path: Path
    salt: str | None = None
    admin_channel: str | None = None
    health: tuple[str, int] | None = None
    rate_limit: RateLimit = field(default_factory=_default_rate_limit)
    force_polling: bool = False
    database_url: str | None = None
    retention_days: float | None = 90.0
    busy_timeout: float = 1.0
    max_pending: int = 10_000
    match: MatchConfig = field(default_factory=MatchConfig)
    index_cache: Path | None = None
    idle_without_token: bool = False
    log_json: bool = False
    log_level: str = "INFO"

    @classmethod
    def from_env(
        cls, env: Environ | None = None, *, knowledge: str | Path | None = None
    ) -> Settings:
        """Read every setting (``env`` default: the process environment); ``knowledge`` (a
        ``--knowledge`` option) wins over ``EXPLAINBOT_KNOWLEDGE``.

        Raises:
            ConfigError: a variable is malformed (the message names it and what is wrong).
        """
        env = os.environ if env is None else env
        given = knowledge or text(env, KNOWLEDGE)
        port = parsed(env, HEALTH_PORT, _port, None)
        keep: float | None = 90.0
        polling = (text(env, FORCE_POLLING) or "").lower()
        return cls(
            knowledge_dir=Path(given) if given else bundled_knowledge_dir(),
            db_path=_db_path(env),
            salt=env.get(SALT) or env.get(LEGACY_SALT) or None,
            database_url=text(env, DATABASE_URL),
            retention_days=parsed(env, RETENTION, _days, keep),
            admin_channel=text(env, ADMIN_CHANNEL),
            health=None if port is None else (text(env, HEALTH_HOST) or DEFAULT_HEALTH_HOST, port),
            rate_limit=parsed(env, RATE_LIMIT, _rate_limit, _default_rate_limit()),
            force_polling=bool(polling) and polling not in {"false", "disable", "disabled"},
            match=match_config(env),
            index_cache=_index_cache(env),
            idle_without_token=flag(env, IDLE_WITHOUT_TOKEN),
            log_json=(text(env, LOG_FORMAT) or "").lower() == "json",
            log_level=(text(env, LOG_LEVEL) or "INFO").upper(),
        )

    def require_salt(self) -> None:
        """A shared database needs the salt every replica uses.

        Raises:
            ConfigError: ``EXPLAINBOT_DATABASE_URL`` is set without ``EXPLAINBOT_USER_SALT``.
        """
        if self.database_url and not self.salt:
            raise not_set(
                SALT,
                f"with {DATABASE_URL} every replica needs the same salt (a long random string, "
                "e.g. from `openssl rand -hex 32`)",
            )
