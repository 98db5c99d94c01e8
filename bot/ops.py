"""Everything a serving process runs around the engine, assembled from the environment.

An adapter's serve command builds one :class:`Ops`, hands ``ops.service`` to its handlers, and
brackets its platform client with ``await ops.start(...)`` and ``await ops.stop()``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine import Engine
from bot.errors import ConfigError
from bot.health import HealthServer, health_address
from bot.lifecycle import Callback, Lifecycle
from bot.loader import default_knowledge_dir, load_knowledge
from bot.metrics import Metrics
from bot.ratelimit import RateLimit, RateLimiter, rate_limit_from_env
from bot.reload import KnowledgeReloader, ProblemsCallback, ReloadStatus
from bot.service import AnswerService
from bot.snapshot import Snapshot
from bot.store import SALT_ENV, QuestionStore, default_db_path
from bot.thresholds import match_config_from_env

log = logging.getLogger(__name__)

ADMIN_CHANNEL_ENV = "EXPLAINBOT_ADMIN_CHANNEL"
POLLING_ENV = "WATCHFILES_FORCE_POLLING"  # the name watchfiles itself reads


def force_polling(environ: Mapping[str, str]) -> bool:
    """``WATCHFILES_FORCE_POLLING`` as watchfiles reads it: set and not false/disable(d)."""
    value = environ.get(POLLING_ENV, "").strip().lower()
    return bool(value) and value not in {"false", "disable", "disabled"}


@dataclass(frozen=True, slots=True, kw_only=True)
class OpsSettings:
    """The operational settings, read once from the environment (see ``.env.example``)."""

    knowledge_dir: Path
    db_path: Path
    salt: str | None = None
    admin_channel: str | None = None
    health: tuple[str, int] | None = None
    rate_limit: RateLimit = field(default_factory=RateLimit)
    force_polling: bool = False

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, knowledge: str | Path | None = None
    ) -> OpsSettings:
        """Read the settings; ``knowledge`` (a ``--knowledge`` option) wins over the variable.

        Raises:
            ConfigError: a variable is malformed (the message names it).
        """
        env = os.environ if environ is None else environ
        return cls(
            knowledge_dir=Path(knowledge) if knowledge else default_knowledge_dir(env),
            db_path=default_db_path(env),
            salt=env.get(SALT_ENV) or None,
            admin_channel=env.get(ADMIN_CHANNEL_ENV, "").strip() or None,
            health=health_address(env),
            rate_limit=rate_limit_from_env(env),
            force_polling=force_polling(env),
        )


class Ops:
    """Question log, rate limit, metrics, hot reload, health server and clean shutdown.

    Args:
        platform: recorded with each question and reported by ``/healthz``.
        engine: answers; its knowledge is kept current by the reloader.
        settings: from :meth:`OpsSettings.from_env`.
        baseline: what the engine's knowledge was read from, taken before loading it, so that
            a save made before the watcher starts is reloaded (default: as it is at start).
    """

    def __init__(
        self,
        platform: str,
        engine: Engine,
        settings: OpsSettings,
        *,
        baseline: Snapshot | None = None,
    ) -> None:
        self.platform = platform
        self.baseline = baseline
        self.engine = engine
        self.settings = settings
        self.metrics = Metrics.create()
        self.store = QuestionStore(settings.db_path, salt=settings.salt)
        self.limiter = RateLimiter(settings.rate_limit)
        self.service = AnswerService(
            engine, recorder=self.store, limiter=self.limiter, metrics=self.metrics
        )
        self.lifecycle = Lifecycle()
        self.reloader: KnowledgeReloader | None = None
        self.health: HealthServer | None = None

    @classmethod
    def from_env(
        cls, platform: str, environ: Mapping[str, str], *, knowledge: str | Path | None = None
    ) -> Ops:
        """Read the settings and thresholds, load the knowledge, build the engine.

        Raises:
            ConfigError: a setting is malformed (the message names it).
            KnowledgeError: the knowledge directory does not validate.
        """
        settings = OpsSettings.from_env(environ, knowledge=knowledge)
        if not settings.knowledge_dir.is_dir():  # one clear line before anything slow
            raise ConfigError(f"--knowledge: {settings.knowledge_dir} is not a directory")
        config = match_config_from_env(environ)
        baseline = Snapshot.take(settings.knowledge_dir)
        engine = Engine(load_knowledge(settings.knowledge_dir), config=config)
        return cls(platform, engine, settings, baseline=baseline)

    async def start(
        self,
        *,
        connected: Callable[[], bool],
        on_problems: ProblemsCallback | None = None,
        close_client: Callback | None = None,
        signals: bool = True,
    ) -> None:
        """Start watching knowledge and serving health; call from the running event loop.

        Args:
            connected: True while the platform connection is up (for ``/healthz``).
            on_problems: posts refused-change problems to the admin channel (see
                :func:`bot.reload.format_problems`); only used when one is configured.
            close_client: closes the platform connection at shutdown (runs first, after
                in-flight answers finish).
            signals: install SIGTERM/SIGINT handlers that request a stop.
        """
        lc = self.lifecycle
        lc.on_shutdown(self.store.close)  # registered first: runs last
        self.reloader = KnowledgeReloader(
            self.settings.knowledge_dir,
            self.engine,
            on_problems=on_problems if self.settings.admin_channel else None,
            metrics=self.metrics,
            baseline=self.baseline,
            force_polling=self.settings.force_polling,
        )
        await self.reloader.start()
        lc.on_shutdown(self.reloader.stop)
        if self.settings.health is not None:
            self.health = HealthServer(
                self.platform,
                engine=self.engine,
                connected=connected,
                metrics=self.metrics,
                reload_status=self._reload_status,
            )
            await self.health.start(*self.settings.health)
            lc.on_shutdown(self.health.stop)
        if close_client is not None:
            lc.on_shutdown(close_client)
        if signals:
            lc.install_signal_handlers()

    def _reload_status(self) -> ReloadStatus:
        return self.reloader.status if self.reloader is not None else ReloadStatus()

    async def wait_for_stop(self) -> None:
        """Until SIGTERM/SIGINT (or ``ops.lifecycle.request_stop()``)."""
        await self.lifecycle.wait_for_stop()

    async def stop(self) -> None:
        """Finish in-flight answers, close the client, stop watching and serving, close the db."""
        await self.lifecycle.shutdown()
