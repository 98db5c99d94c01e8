"""What the admin channel is told, decided once for every platform.

The run loop turns refused knowledge changes into one plain-text notice, posts it through the
adapter (which only fits it to its platform), and, with replicas sharing a database, lets only
the first replica that sees a problem post it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging

from bot.models import Problem
from bot.runtime.adapter import Adapter
from bot.runtime.reload import format_problems
from bot.store import SharedState

log = logging.getLogger(__name__)

NOTICE_TTL = 600.0  # replicas refusing the same change within this post it once


def fit_lines(text: str, max_chars: int) -> str:
    """``text`` cut at a line boundary to at most ``max_chars``, saying how much was left out.

    A single line longer than the limit is cut with an ellipsis.
    """
    if len(text) <= max_chars:
        return text
    lines = text.splitlines()
    kept: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        rest = f"... and {len(lines) - i} more (see the logs)"
        room = max_chars - used - len(rest) - 1
        if len(line) + 1 > room:
            if not kept:  # even the first line is too long: keep its start
                kept.append(line[: max(0, room - 1)] + "…")
            kept.append(rest)
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join(kept)[:max_chars]


class AdminNotices:
    """Tells the admin channel, through ``adapter``, about knowledge changes that were refused.

    Args:
        adapter: posts the text it is given.
        channel: the admin channel, already checked by ``adapter.notice_channel``.
        shared: the database replicas share; each notice is then posted by one replica only.
        ttl: seconds during which the same notice is not posted again by another replica.
    """

    def __init__(
        self,
        adapter: Adapter[object],
        channel: str,
        *,
        shared: SharedState | None = None,
        ttl: float = NOTICE_TTL,
    ) -> None:
        self._adapter = adapter
        self._channel = channel
        self._shared = shared
        self._ttl = ttl

    async def refused(self, problems: tuple[Problem, ...]) -> None:
        """Post the problems of a refused change (the reloader calls this once per set)."""
        text = format_problems(problems)
        if not await self._first_replica(text):
            log.info("knowledge problems already posted to the admin channel by a replica")
            return
        await self._adapter.post_notice(self._channel, text)

    async def _first_replica(self, text: str) -> bool:
        """Claim the notice in the shared database; without one (or when it fails), post."""
        shared = self._shared
        if shared is None:
            return True
        key = f"{self._adapter.platform}:{hashlib.sha256(text.encode()).hexdigest()}"
        try:
            return await asyncio.to_thread(shared.claim, "admin-notice", key, ttl=self._ttl)
        except Exception:  # logged by SharedState: better twice than never
            return True


def admin_notices(
    adapter: Adapter[object], admin_channel: str | None, *, shared: SharedState | None = None
) -> AdminNotices | None:
    """The notices for ``admin_channel`` (``EXPLAINBOT_ADMIN_CHANNEL``); None when it is unset
    or not a channel of this platform (refused changes are then only logged)."""
    if not admin_channel:
        return None
    channel = adapter.notice_channel(admin_channel)
    if channel is None:
        return None
    return AdminNotices(adapter, channel, shared=shared)
