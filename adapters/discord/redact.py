"""Discord's secret and id shapes, masked in every log line (:mod:`bot.runtime.logs`)."""

from __future__ import annotations

import re

from bot.runtime.logs import Redaction

PATTERNS: tuple[Redaction, ...] = (
    # The bot token: base64 user id . timestamp . hmac.
    (re.compile(r"\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}"), "***.***.***"),
    # Interaction and webhook tokens in URLs.
    (re.compile(r"(/(?:webhooks|interactions)/\d+/)[A-Za-z0-9_.-]{20,}"), r"\1***"),
    (re.compile(r"\b(Bot)\s+[A-Za-z0-9_.=-]{8,}"), r"\1 ***"),
    # Snowflake ids (users, channels); a short prefix is kept.
    (re.compile(r"\b(\d{4})\d{13,16}\b"), r"\1…"),
)
