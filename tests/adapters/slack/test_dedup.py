"""The bounded, time-limited memory of handled events."""

from __future__ import annotations

from adapters.slack.dedup import SeenEvents


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_event_id_is_new_only_once():
    seen = SeenEvents()
    assert seen.first_time("Ev1")
    assert not seen.first_time("Ev1")
    assert seen.first_time("Ev2")


def test_entries_expire_after_the_ttl():
    clock = Clock()
    seen = SeenEvents(ttl=60.0, clock=clock)
    assert seen.first_time("Ev1")
    clock.now += 59.0
    assert not seen.first_time("Ev1")
    clock.now += 2.0
    assert seen.first_time("Ev1")
    assert len(seen) == 1


def test_memory_is_bounded_oldest_first():
    seen = SeenEvents(size=3)
    for n in range(5):
        assert seen.first_time(f"Ev{n}")
    assert len(seen) == 3
    assert seen.first_time("Ev0")  # forgotten: the oldest went first
    assert not seen.first_time("Ev4")
