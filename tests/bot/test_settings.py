"""Every EXPLAINBOT_* setting, read in one place, with one message style: ``NAME: problem``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.matching.matchconfig import MatchConfig
from bot.runtime.ratelimit import RateLimit
from bot.settings import Settings, bundled_knowledge_dir, flag, match_config, missing


def test_settings_from_env(tmp_path: Path) -> None:
    env = {
        "EXPLAINBOT_KNOWLEDGE": str(tmp_path),
        "EXPLAINBOT_DB": str(tmp_path / "q.db"),
        "EXPLAINBOT_SALT": "pepper",
        "EXPLAINBOT_ADMIN_CHANNEL": "C0ADMIN",
        "EXPLAINBOT_HEALTH_PORT": "0",
        "EXPLAINBOT_RATE_LIMIT": "3/10s",
    }
    s = Settings.from_env(env, knowledge=None)
    assert s == Settings(
        knowledge_dir=tmp_path,
        db_path=tmp_path / "q.db",
        salt="pepper",
        admin_channel="C0ADMIN",
        health=("127.0.0.1", 0),
        rate_limit=RateLimit(max_questions=3, per_seconds=10),
    )
    assert Settings.from_env(env, knowledge="/k").knowledge_dir == Path("/k")
    assert Settings.from_env({}).knowledge_dir == bundled_knowledge_dir()
    assert (bundled_knowledge_dir() / "gan.yaml").is_file()
    with pytest.raises(ConfigError, match=r"^EXPLAINBOT_RATE_LIMIT"):
        Settings.from_env({"EXPLAINBOT_RATE_LIMIT": "lots"})


def test_database_salt_and_retention_settings() -> None:
    url = "postgresql://bot:pw@db:5432/explainbot"
    with pytest.raises(ConfigError, match=r"^EXPLAINBOT_USER_SALT is not set"):
        Settings.from_env({"EXPLAINBOT_DATABASE_URL": url}).require_salt()
    s = Settings.from_env(
        {"EXPLAINBOT_DATABASE_URL": url, "EXPLAINBOT_USER_SALT": "s", "EXPLAINBOT_SALT": "old"}
    )
    s.require_salt()
    assert (s.database_url, s.salt, s.retention_days) == (url, "s", 90.0)
    assert Settings.from_env({"EXPLAINBOT_RETENTION_DAYS": "0"}).retention_days is None
    assert Settings.from_env({"EXPLAINBOT_RETENTION_DAYS": "7.5"}).retention_days == 7.5
    for bad in ("-1", "forever", "nan", "inf"):
        with pytest.raises(ConfigError, match=r"^EXPLAINBOT_RETENTION_DAYS: "):
            Settings.from_env({"EXPLAINBOT_RETENTION_DAYS": bad})


def test_default_db_path() -> None:
    def path(env: dict[str, str]) -> Path:
        return Settings.from_env(env).db_path

    assert path({"EXPLAINBOT_DB": "/data/x.db"}) == Path("/data/x.db")
    assert path({"XDG_DATA_HOME": "/xdg"}) == Path("/xdg/explainbot/explainbot.db")
    assert path({}).parts[-4:] == (".local", "share", "explainbot", "explainbot.db")


def test_health_address() -> None:
    def health(env: dict[str, str]) -> tuple[str, int] | None:
        return Settings.from_env(env).health

    assert health({}) is None
    assert health({"EXPLAINBOT_HEALTH_PORT": "8080"}) == ("127.0.0.1", 8080)
    assert health({"EXPLAINBOT_HEALTH_PORT": "9000", "EXPLAINBOT_HEALTH_HOST": "0.0.0.0"}) == (
        "0.0.0.0",
        9000,
    )
    for bad in ("http", "-1", "70000"):
        with pytest.raises(ConfigError, match=r"^EXPLAINBOT_HEALTH_PORT: "):
            health({"EXPLAINBOT_HEALTH_PORT": bad})


def test_rate_limit() -> None:
    assert Settings.from_env({}).rate_limit == RateLimit(max_questions=10, per_seconds=60)
    assert Settings.from_env({"EXPLAINBOT_RATE_LIMIT": "2/30s"}).rate_limit.per_seconds == 30


def test_thresholds_unset_or_empty_keep_the_defaults() -> None:
    assert match_config({}) == MatchConfig()
    assert match_config({"EXPLAINBOT_ANSWER_THRESHOLD": " "}) == MatchConfig()
    assert Settings.from_env({}).match == MatchConfig()


def test_thresholds_override_each() -> None:
    config = Settings.from_env(
        {
            "EXPLAINBOT_ANSWER_THRESHOLD": "60",
            "EXPLAINBOT_SUGGEST_THRESHOLD": "30.5",
            "EXPLAINBOT_MIN_MARGIN": "0",
        }
    ).match
    assert (config.answer_threshold, config.suggest_threshold, config.min_margin) == (60, 30.5, 0)
    assert config.max_suggestions == MatchConfig().max_suggestions


@pytest.mark.parametrize("value", ["high", "-1", "101", "nan", "inf"])
def test_a_bad_threshold_names_the_variable(value: str) -> None:
    with pytest.raises(ConfigError, match=r"^EXPLAINBOT_ANSWER_THRESHOLD: expected a number"):
        match_config({"EXPLAINBOT_ANSWER_THRESHOLD": value})


def test_suggest_above_answer_is_refused() -> None:
    env = {"EXPLAINBOT_ANSWER_THRESHOLD": "40", "EXPLAINBOT_SUGGEST_THRESHOLD": "50"}
    with pytest.raises(ConfigError, match=r"^EXPLAINBOT_SUGGEST_THRESHOLD: 50 is above"):
        Settings.from_env(env)


def test_missing_and_idle_without_token() -> None:
    env = {"A": "x", "B": "  ", "EXPLAINBOT_IDLE_WITHOUT_TOKEN": "1"}
    assert missing(env, ["A", "B", "C"]) == ["B", "C"]
    assert Settings.from_env(env).idle_without_token
    assert not Settings.from_env({}).idle_without_token
    assert not flag({"EXPLAINBOT_IDLE_WITHOUT_TOKEN": "0"}, "EXPLAINBOT_IDLE_WITHOUT_TOKEN")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"EXPLAINBOT_INDEX_CACHE": "/x/y"}, Path("/x/y")),
        ({"EXPLAINBOT_INDEX_CACHE": "off", "HOME": "/h"}, None),
        ({"XDG_CACHE_HOME": "/c"}, Path("/c/explainbot")),
        ({"HOME": "/h"}, Path("/h/.cache/explainbot")),
        ({}, None),
    ],
)
def test_index_cache(env: dict[str, str], expected: Path | None) -> None:
    assert Settings.from_env(env).index_cache == expected


def test_logging_and_polling() -> None:
    s = Settings.from_env({"EXPLAINBOT_LOG_FORMAT": " JSON ", "EXPLAINBOT_LOG_LEVEL": "debug"})
    assert (s.log_json, s.log_level) == (True, "DEBUG")
    assert (Settings.from_env({}).log_json, Settings.from_env({}).log_level) == (False, "INFO")
    for value, polling in (("1", True), ("yes", True), ("false", False), ("disabled", False)):
        assert Settings.from_env({"WATCHFILES_FORCE_POLLING": value}).force_polling is polling
