"""What sharing state through PostgreSQL costs per question, beside the in-memory peer.

    python bench/shared_state.py [--calls 2000]

Starts a throwaway PostgreSQL from the installed binaries (as the tests do) and times, per call:
the per-user rate-limit check (``RateLimiter.allow``, which runs on the answering path) against
the in-memory limiter a single replica uses, and the Slack event claim (run off the event loop).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.runtime.ratelimit import RateLimit, RateLimiter  # noqa: E402
from bot.store import SharedState, open_backend  # noqa: E402
from tests.conftest import PostgresServer, _bindir  # noqa: E402


def timed(call: Callable[[int], object], n: int) -> tuple[float, float]:
    times = []
    for i in range(n):
        started = time.perf_counter()
        call(i)
        times.append(time.perf_counter() - started)
    times.sort()
    return times[n // 2] * 1e3, times[int(n * 0.99)] * 1e3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2_000)
    args = parser.parse_args()
    bindir = _bindir()
    assert bindir is not None, "PostgreSQL server binaries are not installed"
    server = PostgresServer(bindir)
    server.start()
    try:
        backend = open_backend(database_url=server.new_database(), db_path=Path("unused"))
        shared = SharedState(backend, salt="bench")
        limit = RateLimit(max_questions=10**9, per_seconds=60)
        rows = {
            "rate limit, PostgreSQL": RateLimiter(limit, shared=shared).allow,
            "rate limit, memory (peer)": RateLimiter(limit).allow,
        }
        for name, allow in rows.items():
            p50, p99 = timed(lambda i, allow=allow: allow(f"slack:U{i % 50}"), args.calls)
            print(f"{name:<28} p50 {p50:.3f} ms  p99 {p99:.3f} ms")
        p50, p99 = timed(lambda i: shared.claim("slack-event", f"Ev{i}", ttl=7_200), args.calls)
        print(f"{'event claim, PostgreSQL':<28} p50 {p50:.3f} ms  p99 {p99:.3f} ms")
        shared.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
