"""Old cache files go; the newest and other kinds stay."""

from __future__ import annotations

import os
from pathlib import Path

from bot.cachefiles import keep_newest


def test_only_the_newest_files_of_the_pattern_are_kept(tmp_path: Path) -> None:
    for n in range(5):
        path = tmp_path / f"index-{n}.npz"
        path.write_text("x")
        os.utime(path, (1_000 + n, 1_000 + n))
    other = tmp_path / "scan-0.json"
    other.write_text("x")
    os.utime(other, (1, 1))
    keep_newest(tmp_path, "index-*.npz", keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "index-3.npz",
        "index-4.npz",
        "scan-0.json",
    ]
