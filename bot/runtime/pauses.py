"""Keep answers flowing while the serving process reloads its knowledge.

Two things made answers wait during a reload of 100,000 questions (``bench/reload_scale.py``):

- The interpreter lock. An answer gives the lock up many times (numpy calls, I/O); each time,
  a reload thread running Python (reading and hashing 20,000 files) keeps it for the switch
  interval, 5 ms by default, so an answer that gave it up 20 times waited 100 ms more.
  :func:`quick_switches` shortens the interval while a reload's own Python runs.
- The garbage collector. A full collection traverses every object it tracks, the live
  knowledge's included (the validated files kept for the next reload, snippets, coverage
  sets: 150-190 ms at that size), in one pass that stops every thread; it came every few
  reloads. :func:`freeze_survivors` moves what is alive after a swap into the permanent
  generation, which collections skip. The knowledge a swap replaces is still freed: it holds
  no reference cycles, so reference counting frees it, frozen or not
  (``tests/bot/runtime/test_pauses.py`` reloads 20 times and checks that nothing piles up).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

RELOAD_SWITCH_INTERVAL = 0.0005  # seconds; CPython's default is 0.005


@contextmanager
def quick_switches(interval: float = RELOAD_SWITCH_INTERVAL) -> Iterator[None]:
    """Shorten the interpreter's switch interval (process-wide) inside the block.

    On the way out the interval is put back only if it is still the one set here: of two
    overlapping blocks, whichever ends last leaves the interval the first one found.
    """
    saved = sys.getswitchinterval()
    short = min(saved, interval)
    sys.setswitchinterval(short)
    try:
        yield
    finally:
        if sys.getswitchinterval() == short:
            sys.setswitchinterval(saved)


def freeze_survivors() -> None:
    """After a swap: collect the young generations (garbage cycles made by the reload must
    not be frozen), then move every tracked object into the permanent generation
    (:func:`gc.freeze`), so later collections traverse only what is made after it."""
    gc.collect(1)
    gc.freeze()
