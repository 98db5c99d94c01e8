"""The one rule every on-disk cache of explainbot follows for its old files."""

from __future__ import annotations

from pathlib import Path

KEEP_FILES = 8  # newest files kept per kind of cached file and directory


def keep_newest(directory: Path, pattern: str, keep: int = KEEP_FILES) -> None:
    """Remove all but the ``keep`` newest files of ``directory`` matching ``pattern``
    (raises OSError, as the cache writes around it do)."""
    found = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in found[keep:]:
        old.unlink(missing_ok=True)
