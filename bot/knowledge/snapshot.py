"""What a knowledge directory holds right now, cheaply (stat) and exactly (content hash).

The reloader compares these instead of trusting file-system events alone: events only wake it
up early. Both follow symlinks, so a Kubernetes ConfigMap update (the ``..data`` symlink swapped
to a new directory; the ``*.yaml`` symlinks themselves never change) shows as a change too.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

# Read at most this much of one file for the hash (the loader refuses larger files anyway).
_MAX_READ = 1_000_001

Identity = tuple[int, int]
Fingerprint = frozenset[tuple[str, int, int, int, int]]


def is_knowledge_name(name: str) -> bool:
    """Whether the loader looks at a file of this name (hidden files and others are ignored)."""
    return not name.startswith(".") and name.endswith((".yaml", ".yml"))


def identity(directory: Path) -> Identity | None:
    """(device, inode) of the directory the path leads to now; None if there is none.

    A changed identity means the directory was replaced (deleted and recreated, renamed over,
    or a symlink to it flipped): a native watch on the old one hears nothing more.
    """
    try:
        st = os.stat(directory)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _names(directory: Path) -> list[str]:
    try:
        with os.scandir(directory) as it:
            return sorted(e.name for e in it if is_knowledge_name(e.name))
    except OSError:
        return []


def fingerprint(directory: Path) -> Fingerprint:
    """Name, inode, device, modification time and size of each knowledge file (following
    symlinks): changes whenever a file is saved, replaced, added or removed."""
    out = set()
    for name in _names(directory):
        try:
            st = os.stat(directory / name)
        except OSError:  # a dangling symlink, or deleted meanwhile: its absence is the change
            continue
        out.add((name, st.st_ino, st.st_dev, st.st_mtime_ns, st.st_size))
    return frozenset(out)


def content_digest(directory: Path) -> str:
    """SHA-256 over the names and bytes of the knowledge files; catches what stat cannot (a
    same-size rewrite within the file system's timestamp granularity). Never raises."""
    digest = hashlib.sha256()
    if identity(directory) is None:
        digest.update(b"\0missing")
    for name in _names(directory):
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            if not stat.S_ISREG(os.stat(directory / name).st_mode):
                digest.update(b"\0not a file")  # never open a FIFO or a device
                continue
            with open(directory / name, "rb") as f:
                digest.update(hashlib.sha256(f.read(_MAX_READ)).digest())
        except OSError as exc:
            digest.update(f"\0unreadable {exc.errno}".encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """What a directory held when its knowledge was read: take it *before* loading, so that a
    save made during the load shows as a change afterwards."""

    fingerprint: Fingerprint
    digest: str

    @classmethod
    def take(cls, directory: Path) -> Snapshot:
        return cls(fingerprint=fingerprint(directory), digest=content_digest(directory))
