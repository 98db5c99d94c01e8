"""Prometheus metrics of one serving process, on a registry the caller owns (never the global)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

WATCH_MODES = ("events", "polling", "periodic", "stopped")

# Answering is sub-millisecond to a few ms; slow buckets catch a starving event loop.
_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    """The counters and histograms explainbot exports at ``/metrics``.

    Args:
        registry: where the metrics live; one per process (or per test), injected.
    """

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.questions = Counter(
            "explainbot_questions",
            "Questions by outcome (answer, suggest, none, topics, throttled) and platform.",
            ("platform", "outcome"),
            registry=registry,
        )
        self.latency = Histogram(
            "explainbot_answer_latency_seconds",
            "Time to answer one question (engine, rate limit and recording).",
            ("platform",),
            buckets=_LATENCY_BUCKETS,
            registry=registry,
        )
        self.reloads = Counter(
            "explainbot_reloads", "Knowledge reloads that were swapped in.", registry=registry
        )
        self.reload_failures = Counter(
            "explainbot_reload_failures",
            "Knowledge reloads refused because the files did not validate.",
            registry=registry,
        )
        self.knowledge_checked = Gauge(
            "explainbot_knowledge_last_checked_timestamp_seconds",
            "When the knowledge directory was last compared with the loaded knowledge (Unix "
            "time); alert when it falls behind: the watcher is deaf.",
            registry=registry,
        )
        self.knowledge_loaded = Gauge(
            "explainbot_knowledge_last_loaded_timestamp_seconds",
            "When the knowledge being answered from was loaded (Unix time).",
            registry=registry,
        )
        self.watch_mode = Gauge(
            "explainbot_knowledge_watch_mode",
            "1 for how the knowledge directory is watched now: events, polling, periodic "
            "(no watch armed, checks only) or stopped.",
            ("mode",),
            registry=registry,
        )
        self.watch_arms = Gauge(
            "explainbot_knowledge_watch_arms",
            "Times a watch was armed on the knowledge directory (more than 1: it was replaced "
            "and watched anew).",
            registry=registry,
        )
        self.feedback = Counter(
            "explainbot_feedback",
            "Helpful / Not helpful votes.",
            ("helpful",),
            registry=registry,
        )
        # The question log (bot.store): what is waiting, and what was lost or refused.
        self.question_log_pending = Gauge(
            "explainbot_question_log_pending",
            "Records accepted but not yet written to the question log.",
            registry=registry,
        )
        self.question_log_dropped = Counter(
            "explainbot_question_log_dropped",
            "Records dropped because the question log's queue was full.",
            registry=registry,
        )
        self.question_log_rejected = Counter(
            "explainbot_question_log_rejected",
            "Records the database refused on their own (logged and skipped).",
            registry=registry,
        )
        self.question_log_write_errors = Counter(
            "explainbot_question_log_write_errors",
            "Failed attempts to write the question log (each is retried).",
            registry=registry,
        )

    def set_watch_mode(self, mode: str, *, arms: int) -> None:
        for name in WATCH_MODES:
            self.watch_mode.labels(mode=name).set(1 if name == mode else 0)
        self.watch_arms.set(arms)

    @classmethod
    def create(cls) -> Metrics:
        """Metrics on a fresh registry of their own."""
        return cls(CollectorRegistry(auto_describe=True))

    def render(self) -> tuple[bytes, str]:
        """The Prometheus text exposition and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
