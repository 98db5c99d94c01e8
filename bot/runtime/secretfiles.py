"""Secrets from files (``NAME_FILE``), as Docker and Kubernetes secrets are mounted.

A serve command calls :func:`with_secret_files` once, before reading any setting, and reads
every setting from the mapping it returns; the values never appear in messages (only the file
paths do), and logging masks them like any ``*_TOKEN`` or ``*_SECRET`` variable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from bot.errors import ConfigError

MAX_SECRET_BYTES = 64 * 1024  # a token is tens of bytes; a bigger file is the wrong file


def with_secret_files(environ: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """A copy of ``environ`` in which each set ``NAME_FILE`` became ``NAME`` (the file's text,
    without surrounding whitespace such as the final newline).

    Raises:
        ConfigError: both ``NAME`` and ``NAME_FILE`` are set, or the file is missing,
            unreadable, not UTF-8 text, too large or empty (the message names the variable
            and the path, never any of the file's content).
    """
    out = dict(environ)
    for name in names:
        var = f"{name}_FILE"
        path = environ.get(var, "").strip()
        if not path:
            continue
        if environ.get(name, "").strip():
            raise ConfigError(f"{name} and {var} are both set: keep one")
        out[name] = _read(var, Path(path))
    return out


def _read(var: str, path: Path) -> str:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_SECRET_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(
            f"{var}: {path} does not exist (is the secret mounted into the container?)"
        ) from None
    except IsADirectoryError:
        raise ConfigError(f"{var}: {path} is a directory, not a file") from None
    except OSError as exc:
        raise ConfigError(f"{var}: cannot read {path}: {exc.strerror or 'error'}") from None
    if len(data) > MAX_SECRET_BYTES:
        raise ConfigError(f"{var}: {path} is larger than {MAX_SECRET_BYTES} bytes")
    try:
        value = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise ConfigError(f"{var}: {path} is not UTF-8 text") from None
    if not value:
        raise ConfigError(f"{var}: {path} is empty")
    return value
