"""Give the heap pages freed by a large index build back to the operating system.

glibc keeps freed heap memory for reuse, so after a build's temporaries are freed a process
would stay at nearly its peak size; ``malloc_trim(0)`` returns the free pages. Elsewhere (no
glibc) this does nothing.
"""

from __future__ import annotations

import sys

LARGE_BUILD_QUESTIONS = 5_000  # below this a build's temporaries are too small to matter


def release_freed_memory() -> bool:
    """Return free heap pages to the operating system; True when glibc did it."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return False
    return bool(trim(0))
