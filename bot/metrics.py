"""Prometheus metrics of one serving process, on a registry the caller owns (never the global)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

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
        self.feedback = Counter(
            "explainbot_feedback",
            "Helpful / Not helpful votes.",
            ("helpful",),
            registry=registry,
        )

    @classmethod
    def create(cls) -> Metrics:
        """Metrics on a fresh registry of their own."""
        return cls(CollectorRegistry(auto_describe=True))

    def render(self) -> tuple[bytes, str]:
        """The Prometheus text exposition and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
