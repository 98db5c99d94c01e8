"""Slack's secret and id shapes, masked in every log line (:mod:`bot.runtime.logs`)."""

from __future__ import annotations

import re

from bot.runtime.logs import Redaction

PATTERNS: tuple[Redaction, ...] = (
    # Bot, user and app tokens.
    (re.compile(r"\bx(?:ox[a-z]|app)-[A-Za-z0-9-]{4,}"), "x***-***"),
    # The legacy verification token that slash-command bodies carry.
    (re.compile(r"(?<=token=)[^&\s'\"]+"), "***"),
    # User ids: U/W + letters and digits; a short prefix is kept.
    (re.compile(r"\b([UW][A-Z0-9]{3})(?=[A-Z]*\d)[A-Z0-9]{5,11}\b"), r"\1…"),
)


def mask(text: str) -> str:
    """``text`` with every Slack token and user id masked."""
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text
