"""Everything a serving process runs around the engine, assembled from its settings.

An adapter's serve command builds one :class:`Ops`, hands ``ops.service`` to its handlers and
gives both to the run loop (:func:`bot.runtime.run.run`), which starts and stops it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.errors import ConfigError
from bot.knowledge.snapshot import Snapshot
from bot.matching.engine import Engine
from bot.runtime.health import HealthServer
from bot.runtime.incremental import IncrementalLoader
from bot.runtime.lifecycle import Lifecycle
from bot.runtime.metrics import Metrics
from bot.runtime.pauses import freeze_survivors
from bot.runtime.ratelimit import RateLimiter
from bot.runtime.reload import KnowledgeReloader, ProblemsCallback, ReloadStatus
from bot.runtime.service import AnswerService
from bot.settings import Settings
from bot.store import QuestionStore, SharedState, open_backend

log = logging.getLogger(__name__)


class Ops:
    """Question log, rate limit, metrics, hot reload, health server and clean shutdown.

    Args:
        platform: recorded with each question and reported by ``/healthz``.
        engine: answers; its knowledge is kept current by the reloader.
        settings: from :meth:`bot.settings.Settings.from_env`.
        baseline: what the engine's knowledge was read from, taken before loading it, so that
            a save made before the watcher starts is reloaded (default: as it is at start).
    """

    def __init__(
        self,
        platform: str,
        engine: Engine,
        settings: Settings,
        *,
        baseline: Snapshot | None = None,
        loader: IncrementalLoader | None = None,
    ) -> None:
        settings.require_salt()
        self.platform = platform
        self.baseline = baseline
        self.loader = loader
        self.engine = engine
        self.settings = settings
        self.metrics = Metrics.create()
        backend = None
        if settings.database_url:
            backend = open_backend(database_url=settings.database_url, db_path=settings.db_path)
        self.store = QuestionStore(
            settings.db_path,
            backend=backend,
            salt=settings.salt,
            retention_days=settings.retention_days,
            metrics=self.metrics,
            busy_timeout=settings.busy_timeout,
            max_pending=settings.max_pending,
        )
        # A shared database also holds what replicas must agree on; SQLite (one host) keeps it
        # in memory, so that a locked file never holds up answering.
        self.shared: SharedState | None = None
        if settings.database_url:
            shared = open_backend(
                database_url=settings.database_url, db_path=settings.db_path, timeout=0.5
            )
            assert settings.salt is not None  # Settings.require_salt: a database URL needs one
            self.shared = SharedState(shared, salt=settings.salt)
        self.limiter = RateLimiter(settings.rate_limit, shared=self.shared)
        self.service = AnswerService(
            engine, recorder=self.store, limiter=self.limiter, metrics=self.metrics
        )
        self.lifecycle = Lifecycle()
        self.reloader: KnowledgeReloader | None = None
        self.health: HealthServer | None = None

    @classmethod
    def from_settings(cls, platform: str, settings: Settings) -> Ops:
        """Load the knowledge and build the engine with the configured thresholds.

        Raises:
            ConfigError: a setting is malformed (the message names it).
            KnowledgeError: the knowledge directory does not validate.
        """
        settings.require_salt()
        if not settings.knowledge_dir.is_dir():  # one clear line before anything slow
            raise ConfigError(f"--knowledge: {settings.knowledge_dir} is not a directory")
        baseline = Snapshot.take(settings.knowledge_dir)
        # A large base is built in a child process: the server keeps only the index. The
        # same loader reloads: it keeps what it read and analysed for the next change.
        loader = IncrementalLoader()
        kb = loader(settings.knowledge_dir, fallback=True)
        engine = Engine(kb, config=settings.match)
        engine.prepare(kb)  # at start, not on the first questions
        freeze_survivors()  # as after each reload (bot.runtime.pauses)
        return cls(platform, engine, settings, baseline=baseline, loader=loader)

    async def start(
        self,
        *,
        connected: Callable[[], bool],
        on_problems: ProblemsCallback | None = None,
    ) -> None:
        """Start the question log, watching knowledge and serving health; call from the loop.

        The run loop (:func:`bot.runtime.run.run`) calls it once the platform is connected.

        Args:
            connected: True while the platform connection is up (for ``/healthz``).
            on_problems: hears about each refused knowledge change (the admin notices).
        """
        lc = self.lifecycle
        lc.on_shutdown(self.store.close)  # registered first: runs last
        self.store.start()  # writes what a killed predecessor left in the spool
        if self.shared is not None:
            lc.on_shutdown(self.shared.close)
        self.reloader = KnowledgeReloader(
            self.settings.knowledge_dir,
            self.engine,
            on_problems=on_problems,
            metrics=self.metrics,
            baseline=self.baseline,
            force_polling=self.settings.force_polling,
            load=self.loader,
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
                question_log=lambda: self.store.status().as_dict(),
            )
            await self.health.start(*self.settings.health)
            lc.on_shutdown(self.health.stop)

    def _reload_status(self) -> ReloadStatus:
        return self.reloader.status if self.reloader is not None else ReloadStatus()

    async def stop(self) -> None:
        """Finish in-flight answers, stop serving health and watching, close the database."""
        await self.lifecycle.shutdown()
