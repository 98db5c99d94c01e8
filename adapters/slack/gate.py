"""The HTTP front door: what a Slack request must be before bolt parses it.

Bolt parses the body before it checks the signature, so a body that is not UTF-8, not JSON or
not an object ends in a 500 and a traceback, and a badly signed request is logged whole. The gate
refuses both first, with one WARNING line that names the reason and the size, never the content.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from slack_sdk.signature import Clock, SignatureVerifier

FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True, slots=True, kw_only=True)
class Refusal:
    """Why a request was refused and with which HTTP status."""

    status: int
    reason: str


class _Clock(Clock):
    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now

    def now(self) -> float:
        return self._now()


class RequestGate:
    """Checks a raw request: a UTF-8 JSON object or form, then Slack's signature.

    A malformed body is a 400 whether it is signed or not (it could never be handled); a
    well-formed one without a valid signature is a 401.

    Args:
        signing_secret: the app's signing secret.
        logger: gets the one WARNING line per refused request.
        clock: Unix time, for the five-minute window of the signature's timestamp.
    """

    def __init__(
        self,
        signing_secret: str,
        *,
        logger: logging.Logger,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._verifier = SignatureVerifier(signing_secret, clock=_Clock(clock))
        self._log = logger

    def check(self, raw: bytes, headers: Mapping[str, str]) -> tuple[str, Refusal | None]:
        """The decoded body, and a Refusal unless bolt may have the request."""
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return "", self._refuse(400, "body is not UTF-8", raw, headers)
        problem = body_problem(text, headers.get("Content-Type", ""))
        if problem is not None:
            return text, self._refuse(400, problem, raw, headers)
        if not self._signed(text, headers):
            return text, self._refuse(401, "missing or invalid signature", raw, headers)
        return text, None

    def _signed(self, text: str, headers: Mapping[str, str]) -> bool:
        try:
            return self._verifier.is_valid(
                text,
                headers.get("X-Slack-Request-Timestamp"),
                headers.get("X-Slack-Signature"),
            )
        except ValueError:  # a timestamp that is not a number
            return False

    def _refuse(self, status: int, reason: str, raw: bytes, headers: Mapping[str, str]) -> Refusal:
        # The content type is Slack's vocabulary, not the sender's data; cut all the same.
        kind = headers.get("Content-Type", "-")[:60]
        self._log.warning(
            "refused a request (%d): %s (%d bytes, %s)", status, reason, len(raw), kind
        )
        return Refusal(status=status, reason=reason)


def body_problem(text: str, content_type: str) -> str | None:
    """What makes ``text`` unfit for bolt, or None; follows bolt's choice of JSON or form."""
    if not text:
        return None  # bolt treats an empty body as {} (ssl_check and the like)
    media = content_type.partition(";")[0].strip().lower()
    if media == "application/json" or text.startswith("{"):
        return _object(text, "body")
    try:
        fields = parse_qsl(text, keep_blank_values=True, strict_parsing=True, errors="strict")
    except (ValueError, UnicodeDecodeError):
        return "body is not a well-formed form"
    if "payload" in text:  # bolt's own test: the interactivity form's one JSON field
        payload = dict(fields).get("payload")
        if payload is not None:
            return _object(payload, "payload field")
    return None


def _object(text: str, what: str) -> str | None:
    try:
        value: Any = json.loads(text)
    except ValueError:
        return f"{what} is not JSON"
    return None if isinstance(value, dict) else f"{what} is not a JSON object"
