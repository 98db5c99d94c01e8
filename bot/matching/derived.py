"""Structures derived from a knowledge base's content, kept as JSON beside its cached index.

The trust statistics (:class:`bot.matching.trust.coverage.Coverage`) are made from every
example question, on the first question a process answers: on the bundled knowledge that is
7-10 ms of a one-shot ``explainbot ask`` (cold start), seconds at 100,000 questions. A process
that found its index in the cache finds them there too. Each file is keyed by the index's
content key (content and the code that analyses it) and by the source of the modules that
derive it, so an edit of either is a miss; a missing, corrupt, foreign or unwritable file is a
miss too, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from bot.cachefiles import keep_newest

log = logging.getLogger(__name__)
T = TypeVar("T")

MATCHING = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivedCache:
    """Where the structures derived from one knowledge base's content are kept."""

    directory: Path
    key: str  # the index's content key (bot.matching.indexfile.content_key)

    def load(self, kind: str, sources: Sequence[Path]) -> dict[str, Any] | None:
        """The document stored for ``kind`` made by the code in ``sources``, or None."""
        path, digest = self._where(kind, sources)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.debug("derived cache %s not used: %s", path.name, exc)
            return None
        if not isinstance(doc, dict) or doc.get("key") != digest:
            return None
        body = doc.get("body")
        return body if isinstance(body, dict) else None

    def load_or_make(
        self,
        kind: str,
        sources: Sequence[Path],
        *,
        read: Callable[[dict[str, Any]], T],
        make: Callable[[], T],
        write: Callable[[T], dict[str, Any]],
    ) -> T:
        """The structure stored for ``kind``, read with ``read`` (which raises KeyError,
        TypeError, ValueError or AttributeError on a document it cannot use), else made with
        ``make`` and stored as ``write`` has it."""
        doc = self.load(kind, sources)
        if doc is not None:
            try:
                return read(doc)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # another shape: made again and rewritten below
        made = make()
        self.store(kind, sources, write(made))
        return made

    def store(self, kind: str, sources: Sequence[Path], body: dict[str, Any]) -> None:
        """Keep ``body`` for ``kind`` (best effort, atomically: a temporary file, a rename)."""
        path, digest = self._where(kind, sources)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"key": digest, "body": body}), encoding="utf-8")
            os.replace(tmp, path)
            keep_newest(self.directory, f"{kind}-*.json")
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            log.debug("derived cache %s not written: %s", path.name, exc)

    def _where(self, kind: str, sources: Sequence[Path]) -> tuple[Path, str]:
        digest = hashlib.sha256(f"{kind}\0{self.key}".encode())
        for source in sources:
            digest.update(source.read_bytes())
        text = digest.hexdigest()
        return self.directory / f"{kind}-{text[:32]}.json", text
