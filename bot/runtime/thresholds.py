"""Match thresholds from the environment, so admins can tune the bot without code.

``EXPLAINBOT_ANSWER_THRESHOLD``, ``EXPLAINBOT_SUGGEST_THRESHOLD`` (scores 0-100) and
``EXPLAINBOT_MIN_MARGIN`` (points the best snippet must lead the runner-up by) override the
defaults of :class:`bot.matching.engine.MatchConfig`; unset or empty keeps the default. An answer
threshold set here is used as set; the default one is fitted to each knowledge base.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from bot.errors import ConfigError
from bot.matching.engine import MatchConfig

ANSWER_ENV = "EXPLAINBOT_ANSWER_THRESHOLD"
SUGGEST_ENV = "EXPLAINBOT_SUGGEST_THRESHOLD"
MARGIN_ENV = "EXPLAINBOT_MIN_MARGIN"


def match_config_from_env(environ: Mapping[str, str]) -> MatchConfig:
    """The engine's thresholds with any overrides from ``environ``.

    Raises:
        ConfigError: a value is not a number from 0 to 100, or the suggest threshold is above
            the answer threshold (the message names the variable).
    """
    config = MatchConfig()
    answer = _score(environ, ANSWER_ENV, config.answer_threshold)
    suggest = _score(environ, SUGGEST_ENV, config.suggest_threshold)
    margin = _score(environ, MARGIN_ENV, config.min_margin)
    if suggest > answer:
        raise ConfigError(
            f"{SUGGEST_ENV}: {suggest:g} is above the answer threshold {answer:g}; "
            "did-you-mean candidates must score lower than answers"
        )
    return replace(
        config,
        answer_threshold=answer,
        suggest_threshold=suggest,
        min_margin=margin,
        fit_threshold=not environ.get(ANSWER_ENV, "").strip(),  # the admin's value, as set
    )


def _score(environ: Mapping[str, str], name: str, default: float) -> float:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise ConfigError(f"{name}: expected a number from 0 to 100, got {text!r}") from None
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise ConfigError(f"{name}: expected a number from 0 to 100, got {text!r}")
    return value
