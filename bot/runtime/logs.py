"""Logging set-up: one line per event, human-readable or JSON, with secrets masked.

``EXPLAINBOT_LOG_FORMAT=json`` switches to one JSON object per line. Every record passes
:class:`RedactingFilter` on the handler, so library log lines are masked too: the values of
configured secrets, ``Bearer`` authorization values, and what each platform adapter adds
(its token and user id shapes: ``adapters/*/redact.py``).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TextIO

# Environment variables whose values are secrets whatever their platform.
_SECRET_NAME = re.compile(r"(TOKEN|SECRET|SALT|PASSWORD|API_KEY)$")
# A pattern and its replacement (``re.sub`` syntax).
Redaction = tuple[re.Pattern[str], str]
_PATTERNS: tuple[Redaction, ...] = ((re.compile(r"\b(Bearer)\s+[A-Za-z0-9_.=-]{8,}"), r"\1 ***"),)


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` a UTF-8 stream can take: a lone surrogate (valid in JSON, never in UTF-8) becomes
    U+FFFD and a NUL ``\\x00``, so one odd question cannot break a log line."""
    return _SURROGATE.sub("\ufffd", text).replace("\x00", "\\x00")


def user_ref(user_id: str) -> str:
    """A user id fit for a log line: a short prefix, never the whole id."""
    return f"{user_id[:4]}…" if user_id else "-"


def secrets_from_env(environ: Mapping[str, str]) -> tuple[str, ...]:
    """Values of variables named like ``*_TOKEN``, ``*_SECRET``, ``*_SALT``: never logged."""
    return tuple(v for k, v in environ.items() if _SECRET_NAME.search(k) and len(v) >= 4)


class RedactingFilter(logging.Filter):
    """Masks secrets in a record's message, arguments and traceback (never drops a record)."""

    def __init__(self, secrets: Iterable[str] = (), patterns: Iterable[Redaction] = ()) -> None:
        super().__init__()
        self._patterns = (*_PATTERNS, *patterns)
        # Longest first so that a secret containing another is masked whole.
        self._secrets = tuple(sorted({s for s in secrets if s}, key=len, reverse=True))

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        for pattern, replacement in self._patterns:
            text = pattern.sub(replacement, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class HumanFormatter(logging.Formatter):
    """``2026-01-02T03:04:05Z INFO bot.runtime.reload: message``, newlines escaped to stay one
    line."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        line = f"{when} {record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line += " | " + record.exc_text
        return printable(line.replace("\n", "\\n"))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and exc when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, str] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": printable(record.getMessage()),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            data["exc"] = printable(record.exc_text)
        return json.dumps(data, ensure_ascii=False)


def setup_logging(
    *,
    json_format: bool = False,
    level: str = "INFO",
    secrets: Iterable[str] = (),
    patterns: Iterable[Redaction] = (),
    stream: TextIO | None = None,
    logger: logging.Logger | None = None,
) -> logging.Handler:
    """Send ``logger`` (default: the root logger) to ``stream`` (default stderr).

    Replaces handlers installed by an earlier call, so calling it twice is harmless.

    Args:
        json_format: one JSON object a line (``EXPLAINBOT_LOG_FORMAT=json``), else for humans.
        level: a level name (``EXPLAINBOT_LOG_LEVEL``); an unknown one means INFO.
        secrets: values to mask (:func:`secrets_from_env`, tokens given on the command line).
        patterns: what a platform adapter masks besides (its token and id shapes).
    """
    target = logger or logging.getLogger()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if json_format else HumanFormatter())
    handler.addFilter(RedactingFilter(tuple(secrets), patterns))
    handler.set_name("explainbot")
    for old in [h for h in target.handlers if h.get_name() == "explainbot"]:
        target.removeHandler(old)
    target.addHandler(handler)
    known = logging.getLevelNamesMapping().get(level.strip().upper())
    target.setLevel(known if known is not None else logging.INFO)
    return handler
