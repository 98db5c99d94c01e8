"""The one run loop of every serving process, whatever the platform.

``run(ops, adapter)``:

1. The adapter connects; a refused token stops here, before anything else started.
2. SIGTERM/SIGINT request a stop from now on (:class:`~bot.runtime.lifecycle.Lifecycle`).
3. ``ops`` starts: the question log, the knowledge watcher (refused changes go to the admin
   channel through :class:`~bot.runtime.notices.AdminNotices`, decided here and nowhere else)
   and the health server, which reports ``adapter.connected()``.
4. It serves until a stop is requested or the connection ends by itself.
5. Shutdown, in this order: the adapter takes no new questions, the answers in flight finish
   (bounded), the adapter disconnects, then the health server, the watcher and the database.

Without an adapter (its token is absent and ``EXPLAINBOT_IDLE_WITHOUT_TOKEN`` is set) it idles,
reported unhealthy, until stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from bot.runtime.adapter import Adapter
from bot.runtime.lifecycle import Lifecycle, idle
from bot.runtime.notices import admin_notices
from bot.runtime.ops import Ops

log = logging.getLogger(__name__)


async def run(
    ops: Ops,
    adapter: Adapter[object] | None,
    *,
    missing: Sequence[str] = (),
    signals: bool = True,
) -> int:
    """Serve ``adapter`` with ``ops`` around it until stopped; the exit status.

    Args:
        ops: the service, question log, watcher and health of this process.
        adapter: the platform; None idles (``missing`` names the unset variables).
        signals: make SIGTERM/SIGINT request a stop (only from the main thread); without
            them, ``ops.lifecycle.request_stop()`` does.

    Raises:
        ConfigError: the platform refused a token or cannot be reached, at start or later.
    """
    lifecycle = ops.lifecycle
    if adapter is None:
        if signals:
            lifecycle.install_signal_handlers()
        await ops.start(connected=lambda: False)
        return await idle(ops.platform, missing, lifecycle=lifecycle)
    closed: asyncio.Task[None] | None = None
    try:
        await adapter.start()
        if signals:  # after a refused token, which ends the process without them
            lifecycle.install_signal_handlers()
        closed = asyncio.create_task(adapter.wait_closed(), name="explainbot-connection")
        notices = admin_notices(adapter, ops.settings.admin_channel, shared=ops.shared)
        await ops.start(
            connected=adapter.connected, on_problems=notices.refused if notices else None
        )
        await _until_stopped(lifecycle, closed, adapter.platform)
    except BaseException:
        await _shut_down(ops, adapter)
        if closed is not None:
            closed.cancel()
            with contextlib.suppress(BaseException):
                await closed
        raise
    await _shut_down(ops, adapter)
    await closed  # how the connection ended: a ConfigError (a revoked token) is raised here
    return 0


async def _until_stopped(lifecycle: Lifecycle, closed: asyncio.Task[None], platform: str) -> None:
    stop = asyncio.create_task(lifecycle.wait_for_stop(), name="explainbot-stop")
    try:
        done, _ = await asyncio.wait({closed, stop}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stop.cancel()
    if stop not in done:
        log.warning("the %s connection ended by itself; stopping", platform)


async def _shut_down(ops: Ops, adapter: Adapter[object]) -> None:
    """Stop taking questions, let those in flight finish, disconnect, stop the rest."""
    try:
        await adapter.stop()
    except Exception:  # shutdown goes on: the answers in flight still matter
        log.exception("stopping the %s adapter failed", adapter.platform)
    await ops.lifecycle.drain()
    try:
        await adapter.close()
    except Exception:
        log.exception("closing the %s connection failed", adapter.platform)
    await ops.stop()
