from __future__ import annotations

import threading

import pytest

from bot.errors import ConfigError
from bot.runtime.ratelimit import RateLimit, RateLimiter, parse_rate_limit


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_allows_up_to_the_limit_then_refuses_until_the_window_slides() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimit(max_questions=3, per_seconds=60), clock=clock)
    assert [limiter.allow("u1") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("u2")  # another user is not affected
    clock.now += 59.9
    assert not limiter.allow("u1")
    clock.now += 0.2  # the first three questions are now more than 60 s old
    assert [limiter.allow("u1") for _ in range(4)] == [True, True, True, False]


def test_refused_questions_do_not_extend_the_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimit(max_questions=1, per_seconds=10), clock=clock)
    assert limiter.allow("u")
    for _ in range(5):
        clock.now += 1
        assert not limiter.allow("u")
    clock.now += 5.1
    assert limiter.allow("u")


def test_default_is_ten_a_minute() -> None:
    limiter = RateLimiter(clock=FakeClock())
    assert sum(limiter.allow("u") for _ in range(15)) == 10


def test_zero_disables_the_limit() -> None:
    limiter = RateLimiter(parse_rate_limit("0"), clock=FakeClock())
    assert all(limiter.allow("u") for _ in range(1000))


def test_memory_is_bounded_by_forgetting_the_least_recent_users() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimit(max_questions=1, per_seconds=60), clock=clock, max_keys=100)
    assert limiter.allow("first")
    for i in range(1000):
        limiter.allow(f"user{i}")
    assert len(limiter) == 100
    assert limiter.allow("first")  # forgotten, so it gets a fresh allowance


def test_thread_safe_exact_count_under_contention() -> None:
    limiter = RateLimiter(RateLimit(max_questions=500, per_seconds=60), clock=FakeClock())
    allowed: list[bool] = []
    lock = threading.Lock()

    def worker() -> None:
        mine = [limiter.allow("shared") for _ in range(200)]
        with lock:
            allowed.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(allowed) == 500


@pytest.mark.parametrize(
    ("text", "count", "seconds"),
    [
        ("10", 10, 60.0),
        ("10/60s", 10, 60.0),
        ("10/60", 10, 60.0),
        ("5/m", 5, 60.0),
        ("30/5m", 30, 300.0),
        ("100/1h", 100, 3600.0),
        (" 3 / 10s ", 3, 10.0),
    ],
)
def test_parse(text: str, count: int, seconds: float) -> None:
    assert parse_rate_limit(text) == RateLimit(max_questions=count, per_seconds=seconds)


@pytest.mark.parametrize("text", ["ten", "10/", "10/0s", "-1", "10/5x", "1.5"])
def test_parse_rejects_with_the_variable_named(text: str) -> None:
    with pytest.raises(ConfigError, match="EXPLAINBOT_RATE_LIMIT"):
        parse_rate_limit(text)
