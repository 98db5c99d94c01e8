"""Thresholds from the environment."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from bot.matching.engine import MatchConfig
from bot.runtime.thresholds import match_config_from_env


def test_unset_or_empty_keeps_the_defaults() -> None:
    assert match_config_from_env({}) == MatchConfig()
    assert match_config_from_env({"EXPLAINBOT_ANSWER_THRESHOLD": " "}) == MatchConfig()


def test_overrides_each_threshold() -> None:
    config = match_config_from_env(
        {
            "EXPLAINBOT_ANSWER_THRESHOLD": "60",
            "EXPLAINBOT_SUGGEST_THRESHOLD": "30.5",
            "EXPLAINBOT_MIN_MARGIN": "0",
        }
    )
    assert (config.answer_threshold, config.suggest_threshold, config.min_margin) == (60, 30.5, 0)
    assert config.max_suggestions == MatchConfig().max_suggestions


@pytest.mark.parametrize("value", ["high", "-1", "101", "nan", "inf"])
def test_a_bad_value_names_the_variable(value: str) -> None:
    with pytest.raises(ConfigError, match=r"^EXPLAINBOT_ANSWER_THRESHOLD: expected a number"):
        match_config_from_env({"EXPLAINBOT_ANSWER_THRESHOLD": value})


def test_suggest_above_answer_is_refused() -> None:
    env = {"EXPLAINBOT_ANSWER_THRESHOLD": "40", "EXPLAINBOT_SUGGEST_THRESHOLD": "50"}
    with pytest.raises(ConfigError, match=r"^EXPLAINBOT_SUGGEST_THRESHOLD: 50 is above"):
        match_config_from_env(env)
