"""Health and metrics endpoints of a serving process (aiohttp).

``GET /healthz``: 200 when the platform connection is up, knowledge is loaded and the knowledge
watcher is checking (not deaf), else 503; JSON ``{platform, connected, snippets,
knowledge_loaded_at, knowledge_checked_at, watch_mode, watcher_stale, last_reload_error}``.
``GET /metrics``: the Prometheus text format from the process's own registry.
The listening port comes from ``EXPLAINBOT_HEALTH_PORT`` (unset: no server) and the address from
``EXPLAINBOT_HEALTH_HOST`` (default 127.0.0.1, in the container too: set 0.0.0.0 to publish it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bot.errors import ConfigError
from bot.matching.engine import Engine
from bot.runtime.metrics import Metrics
from bot.runtime.reload import ReloadStatus
from bot.settings import DEFAULT_HEALTH_HOST, HEALTH_PORT

log = logging.getLogger(__name__)

# The watcher checks twice a second; a minute without a check (a reload of a huge knowledge
# base takes seconds) means it is stuck or dead, and edits would go unseen.
STALE_AFTER = 60.0


class HealthServer:
    """Serves ``/healthz`` and ``/metrics``.

    Args:
        platform: the platform name reported in the body.
        engine: its knowledge is what "loaded" means (at least one snippet).
        connected: True while the adapter is connected to its platform (adapter-provided).
        metrics: rendered at ``/metrics``.
        reload_status: the reloader's status (omit when not reloading).
        stale_after: seconds without a knowledge check after which the watcher counts as deaf.
        clock: the current time (tests inject one).
        question_log: the question log's status (``QuestionStore.status().as_dict()``).
    """

    def __init__(
        self,
        platform: str,
        *,
        engine: Engine,
        connected: Callable[[], bool],
        metrics: Metrics,
        reload_status: Callable[[], ReloadStatus] | None = None,
        stale_after: float = STALE_AFTER,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        question_log: Callable[[], Mapping[str, Any]] | None = None,
    ) -> None:
        self._platform = platform
        self._engine = engine
        self._connected = connected
        self._metrics = metrics
        self._reload_status = reload_status or ReloadStatus
        self._stale_after = stale_after
        self._clock = clock
        self._question_log = question_log
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics_text)
        return app

    def report(self) -> tuple[bool, dict[str, Any]]:
        """(healthy, JSON body) as ``/healthz`` returns them."""
        kb = self._engine.knowledge
        try:
            connected = bool(self._connected())
        except Exception:  # a broken probe means "not connected", never a 500
            log.exception("connection probe failed")
            connected = False
        status = self._reload_status()
        checked = status.last_checked_at
        stale = (
            checked is not None
            and not status.reloading
            and (self._clock() - checked).total_seconds() > self._stale_after
        )
        if stale:
            log.error("the knowledge watcher has not checked since %s", checked)
        body = {
            "platform": self._platform,
            "connected": connected,
            "snippets": len(kb.snippets),
            "knowledge_loaded_at": kb.loaded_at.isoformat(),
            "knowledge_checked_at": checked.isoformat() if checked else None,
            "watch_mode": status.watch_mode,
            "watcher_stale": stale,
            "last_reload_error": status.last_error,
        }
        if self._question_log is not None:
            # Pending, dropped and refused records: a full queue is reported, not hidden.
            body["question_log"] = dict(self._question_log())
        return connected and len(kb.snippets) > 0 and not stale, body

    async def start(self, host: str = DEFAULT_HEALTH_HOST, port: int = 0) -> int:
        """Listen on ``host:port`` (0: any free port); the port actually bound.

        Raises:
            ConfigError: the address cannot be bound (in use, not local, no permission).
        """
        runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise ConfigError(f"{HEALTH_PORT}: cannot listen for health checks: {exc}") from None
        self._runner = runner
        self.port = site.port  # the bound one, when 0 was asked for
        log.info("health and metrics on http://%s:%d/healthz", host, self.port)
        return self.port

    async def stop(self) -> None:
        """Stop listening (idempotent)."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def _healthz(self, request: web.Request) -> web.Response:
        healthy, body = self.report()
        return web.json_response(body, status=200 if healthy else 503)

    async def _metrics_text(self, request: web.Request) -> web.Response:
        data, content_type = self._metrics.render()
        return web.Response(body=data, headers={"Content-Type": content_type})
