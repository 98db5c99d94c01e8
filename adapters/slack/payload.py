"""Reading fields of Slack payloads that may lack them or carry another shape."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def text_field(payload: Mapping[str, Any], key: str) -> str:
    """A string field; "" when it is missing or not a string."""
    value = payload.get(key)
    return value if isinstance(value, str) else ""


def object_field(payload: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """An object field; empty when it is missing or not an object."""
    value = payload.get(key)
    return value if isinstance(value, dict) else {}


def action_place(body: Mapping[str, Any]) -> tuple[str, str]:
    """(channel id, clicking user id) of a block action; "" for what the body lacks."""
    channel = text_field(object_field(body, "channel"), "id") or text_field(
        object_field(body, "container"), "channel_id"
    )
    return channel, text_field(object_field(body, "user"), "id")
