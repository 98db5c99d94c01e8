"""Validated scans of knowledge directories, cached as JSON by a hash of the files' bytes.

A start whose knowledge files are byte for byte the ones of a cached scan skips parsing and
validating them (and importing the modules that do it). The key hashes the directory path, each
file's name and bytes (and what reading it found), the Python version and the source of every
module that validates and of PyYAML (whose version is in its
``__init__.py``), so a cached scan is never stale: any change to
a file or to the code gives another key. A missing, unreadable, corrupt or unwritable cache
only means a full validation. ``explainbot check`` and reloads never use it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from bot.cachefiles import keep_newest
from bot.knowledge.loader import Files, Scan, validate_files
from bot.models import Problem, Snippet, Source

log = logging.getLogger(__name__)

FORMAT = 1
# The modules of ``bot`` (dotted, under it) that reading and validating a directory runs
# (tests/bot/knowledge/test_scancache.py checks that validation imports no other), and this one.
VALIDATING = (
    "__init__", "errors", "models", "knowledge", "knowledge.crosscheck", "knowledge.excerpt",
    "knowledge.fieldcheck", "knowledge.loader", "knowledge.scancache", "knowledge.synonyms",
    "knowledge.validate", "knowledge.yamlpos",
)  # fmt: skip


def cached_scan(read: Files, cache_dir: Path) -> Scan:
    """The validated scan of ``read``: from ``cache_dir`` when stored for exactly these bytes
    and this code, else validated (and stored, best effort)."""
    key = scan_key(read)
    if key is None:
        return validate_files(read)
    path = cache_dir / f"scan-{key[:32]}.json"
    found = read_scan(path, key)
    if found is not None:
        return found
    scan = validate_files(read)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_scan(scan, path, key)
        keep_newest(cache_dir, "scan-*.json")
    except OSError as exc:
        log.debug("scan cache not written to %s: %s", cache_dir, exc)
    return scan


def scan_key(read: Files) -> str | None:
    """Hash of everything a scan is computed from; None when the code cannot be hashed."""
    code = _code_hash()
    if code is None:
        return None
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{code}\0".encode())

    def add(*parts: str | bytes | None) -> None:
        for part in parts:
            raw = b"\xff" if part is None else part if isinstance(part, bytes) else part.encode()
            # Length-prefixed: no two different sequences of parts hash alike.
            digest.update(len(raw).to_bytes(8, "big") + raw)

    add(str(read.directory), str(read.listed), *(str(p) for p in read.problems))
    for file in read.files:
        add(str(file.path), str(file.skipped), file.data, *(str(p) for p in file.problems))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_hash() -> str | None:
    """Hash of the source of the modules that read and validate (:data:`VALIDATING`) and of
    PyYAML, read from disk without importing them; None when a source is missing."""
    root = Path(__file__).resolve().parent.parent  # the bot package
    spec = find_spec("yaml")
    if spec is None or spec.origin is None:
        return None
    yaml_dir = Path(spec.origin).parent
    digest = hashlib.sha256()
    try:
        sources = [_source(root, name) for name in VALIDATING]
        sources += sorted(p for p in yaml_dir.iterdir() if p.suffix == ".py")
        for source in sources:
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    except OSError:  # installed without sources: cannot tell a code change
        return None
    return digest.hexdigest()


def _source(root: Path, name: str) -> Path:
    path = root.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def write_scan(scan: Scan, path: Path, key: str) -> None:
    """Store ``scan`` at ``path`` as JSON (atomically: a temporary file, then a rename)."""
    data = {
        "key": key,
        "snippets": [_snippet_json(s) for s in scan.snippets],
        "synonyms": [[k, list(v)] for k, v in scan.synonyms.items()],
        "problems": [[str(p.path), p.line, p.field, p.message, p.warning] for p in scan.problems],
    }
    import tempfile  # writing only: a start that finds its cache never writes

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".scan-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_scan(path: Path, key: str) -> Scan | None:
    """The scan stored at ``path`` for ``key``; None when absent, unreadable or another key."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("key") != key:
            return None
        return Scan(
            snippets=tuple(_snippet(s) for s in data["snippets"]),
            synonyms={str(k): tuple(map(str, v)) for k, v in data["synonyms"]},
            problems=tuple(
                Problem(path=Path(p), line=int(n), field=str(f), message=str(m), warning=bool(w))
                for p, n, f, m, w in data["problems"]
            ),
        )
    except FileNotFoundError:
        return None
    except Exception as exc:  # a corrupt or foreign file is a cache miss, never an error
        log.debug("scan cache %s not used: %s", path, exc)
        return None


def _snippet_json(s: Snippet) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "summary": s.summary,
        "questions": list(s.questions),
        "body": s.body,
        "aliases": list(s.aliases),
        "related": list(s.related),
        "tags": list(s.tags),
        "sources": [[src.title, src.url] for src in s.sources],
        "path": None if s.path is None else str(s.path),
    }


def _snippet(d: dict[str, Any]) -> Snippet:
    def texts(name: str) -> tuple[str, ...]:
        return tuple(str(x) for x in d[name])

    return Snippet(
        id=str(d["id"]),
        title=str(d["title"]),
        summary=str(d["summary"]),
        questions=texts("questions"),
        body=str(d["body"]),
        aliases=texts("aliases"),
        related=texts("related"),
        tags=texts("tags"),
        sources=tuple(Source(title=str(t), url=str(u)) for t, u in d["sources"]),
        path=None if d["path"] is None else Path(d["path"]),
    )
