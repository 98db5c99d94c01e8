"""Everything a serving process runs around the engine, assembled from the environment.

An adapter's serve command builds one :class:`Ops`, hands ``ops.service`` to its handlers, and
brackets its platform client with ``await ops.start(...)`` and ``await ops.stop()``.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import ConfigError
from bot.knowledge.loader import default_knowledge_dir
from bot.knowledge.snapshot import Snapshot
from bot.matching.engine import Engine
from bot.models import Problem
from bot.runtime.health import HealthServer, health_address
from bot.runtime.incremental import IncrementalLoader
from bot.runtime.lifecycle import Callback, Lifecycle
from bot.runtime.metrics import Metrics
from bot.runtime.ratelimit import RateLimit, RateLimiter, rate_limit_from_env
from bot.runtime.reload import KnowledgeReloader, ProblemsCallback, ReloadStatus
from bot.runtime.service import AnswerService
from bot.runtime.thresholds import match_config_from_env
from bot.store import (
    DATABASE_URL_ENV,
    LEGACY_SALT_ENV,
    RETENTION_ENV,
    SALT_ENV,
    QuestionStore,
    SharedState,
    default_db_path,
    open_backend,
)

log = logging.getLogger(__name__)

ADMIN_CHANNEL_ENV = "EXPLAINBOT_ADMIN_CHANNEL"
NOTICE_TTL = 600.0  # replicas refusing the same change within this post it once
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
    database_url: str | None = None
    retention_days: float | None = 90.0
    busy_timeout: float = 1.0
    max_pending: int = 10_000  # records held while the database does not take writes

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, knowledge: str | Path | None = None
    ) -> OpsSettings:
        """Read the settings; ``knowledge`` (a ``--knowledge`` option) wins over the variable.

        Raises:
            ConfigError: a variable is malformed (the message names it).
        """
        env = os.environ if environ is None else environ
        database_url = env.get(DATABASE_URL_ENV, "").strip() or None
        salt = env.get(SALT_ENV) or env.get(LEGACY_SALT_ENV) or None
        if database_url and not salt:
            raise ConfigError(
                f"{SALT_ENV} is not set: with {DATABASE_URL_ENV} every replica needs the same "
                "salt (a long random string, e.g. from `openssl rand -hex 32`)"
            )
        return cls(
            knowledge_dir=Path(knowledge) if knowledge else default_knowledge_dir(env),
            db_path=default_db_path(env),
            salt=salt,
            database_url=database_url,
            retention_days=retention_from_env(env),
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
        loader: IncrementalLoader | None = None,
    ) -> None:
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
            assert settings.salt is not None  # OpsSettings requires one with a database URL
            self.shared = SharedState(shared, salt=settings.salt)
        self.limiter = RateLimiter(settings.rate_limit, shared=self.shared)
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
        # A large base is built in a child process: the server keeps only the index. The
        # same loader reloads: it keeps what it read and analysed for the next change.
        loader = IncrementalLoader()
        kb = loader(settings.knowledge_dir, fallback=True)
        engine = Engine(kb, config=config)
        engine.prepare(kb)  # at start, not on the first questions
        return cls(platform, engine, settings, baseline=baseline, loader=loader)

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
                :func:`bot.runtime.reload.format_problems`); only used when one is configured.
            close_client: closes the platform connection at shutdown (runs first, after
                in-flight answers finish).
            signals: install SIGTERM/SIGINT handlers that request a stop.
        """
        lc = self.lifecycle
        lc.on_shutdown(self.store.close)  # registered first: runs last
        self.store.start()  # writes what a killed predecessor left in the spool
        if self.shared is not None:
            lc.on_shutdown(self.shared.close)
        if on_problems is not None and self.settings.admin_channel:
            on_problems = self.once_across_replicas(on_problems)
        self.reloader = KnowledgeReloader(
            self.settings.knowledge_dir,
            self.engine,
            on_problems=on_problems if self.settings.admin_channel else None,
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
        if close_client is not None:
            lc.on_shutdown(close_client)
        if signals:
            lc.install_signal_handlers()

    def once_across_replicas(self, post: ProblemsCallback) -> ProblemsCallback:
        """``post``, skipped when another replica posted the same problems moments ago.

        The "already told the admins" mark is claimed in the shared database; without one (or
        when it fails) every call posts, as the reloader already posts each breakage once.
        """
        shared = self.shared
        if shared is None:
            return post

        async def once(problems: tuple[Problem, ...]) -> None:
            text = "\n".join(str(p) for p in problems)
            key = f"{self.platform}:{hashlib.sha256(text.encode()).hexdigest()}"
            try:
                first = await asyncio.to_thread(shared.claim, "admin-notice", key, ttl=NOTICE_TTL)
            except Exception:  # logged by SharedState: better twice than never
                first = True
            if not first:
                log.info("knowledge problems already posted to the admin channel by a replica")
                return
            result = post(problems)
            if inspect.isawaitable(result):
                await result

        return once

    def _reload_status(self) -> ReloadStatus:
        return self.reloader.status if self.reloader is not None else ReloadStatus()

    async def wait_for_stop(self) -> None:
        """Until SIGTERM/SIGINT (or ``ops.lifecycle.request_stop()``)."""
        await self.lifecycle.wait_for_stop()

    async def stop(self) -> None:
        """Finish in-flight answers, close the client, stop watching and serving, close the db."""
        await self.lifecycle.shutdown()


def retention_from_env(environ: Mapping[str, str]) -> float | None:
    """Days to keep questions (``EXPLAINBOT_RETENTION_DAYS``, default 90; 0 keeps them all).

    Raises:
        ConfigError: not a number of days.
    """
    text = environ.get(RETENTION_ENV, "").strip()
    if not text:
        return 90.0
    try:
        days = float(text)
    except ValueError:
        days = -1.0
    if not days >= 0 or days == float("inf"):
        raise ConfigError(f"{RETENTION_ENV}: {text!r} is not a number of days (0 keeps all)")
    return days or None
