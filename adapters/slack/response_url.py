"""Posting through an interaction's ``response_url``, a failure logged instead of raised."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond


async def via_response_url(respond: AsyncRespond, log: logging.Logger, **fields: Any) -> bool:
    """Post ``fields`` (text, blocks, response_type...) through ``respond``.

    Returns:
        False, after one WARNING line, when Slack refused (an expired URL is a 404) or could
        not be reached; the caller decides where the message goes instead.
    """
    try:
        response = await respond(**fields)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        log.warning("posting to response_url failed: %s", type(exc).__name__)
        return False
    if response.status_code >= 300:
        log.warning("posting to response_url failed: HTTP %d", response.status_code)
        return False
    return True
