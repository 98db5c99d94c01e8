"""The user-hash salt lives outside the database, so that the database alone cannot tell who
asked what: a setting (``EXPLAINBOT_USER_SALT``), else a file beside the SQLite database
(``<db>.salt``, mode 0600) generated on first use. A salt an older release kept in the database
is moved to that file, so existing hashes stay comparable.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from pathlib import Path


def salt_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".salt")


def _legacy_salt(db_path: Path) -> str | None:
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])


def file_salt(db_path: Path) -> str:
    """The salt kept beside ``db_path``, created (0600) when missing.

    Raises:
        OSError: the file cannot be read or created.
    """
    path = salt_path(db_path)
    with contextlib.suppress(FileNotFoundError):
        return _read(path)
    path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    value = _legacy_salt(db_path) or secrets.token_hex(16)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race: use theirs
        return _read(path)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(value + "\n")
        f.flush()
        os.fsync(f.fileno())
    return value


def _read(path: Path) -> str:
    value = path.read_text(encoding="ascii").strip()
    if not value:
        raise OSError(f"{path} is empty")
    return value
