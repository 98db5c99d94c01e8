"""Print the pinned runtime requirements (``requirements.lock``) from the installed environment.

Starts from ``[project].dependencies`` in ``pyproject.toml`` (no extras: tests and linters stay
out of the image), walks their dependencies as installed, and pins each package to the installed
version, so the Docker image gets exactly what the test suite ran with. Regenerate after
changing dependencies::

    .venv/bin/python scripts/lock_requirements.py > requirements.lock
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(pyproject: Path) -> dict[str, str]:
    """Canonical name -> installed version, for the project's runtime dependencies."""
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins: dict[str, str] = {}
    todo: list[list[str]] = [list(declared)]
    while todo:
        for req in todo.pop():
            if ";" in req and "extra ==" in req.split(";", 1)[1]:
                continue  # optional extras are not runtime dependencies
            if ";" in req and not _marker_applies(req.split(";", 1)[1]):
                continue
            match = _NAME.match(req)
            if match is None:
                continue
            name = canonical(match.group(1))
            if name not in pins:
                pins[name] = metadata.version(name)
                todo.append(metadata.distribution(name).requires or [])
    return pins


def _marker_applies(marker: str) -> bool:
    # Markers here are about Python versions and platforms; evaluate with packaging when present.
    try:
        from packaging.markers import Marker
    except ImportError:
        return True
    return Marker(marker).evaluate({"extra": ""})


if __name__ == "__main__":
    print("# Pinned runtime dependencies of explainbot (for the Docker image).")
    print("# Regenerate: .venv/bin/python scripts/lock_requirements.py > requirements.lock")
    root = Path(__file__).resolve().parent.parent
    for name, version in sorted(runtime_closure(root / "pyproject.toml").items()):
        print(f"{name}=={version}")
