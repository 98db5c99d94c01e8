"""A :class:`Coverage` as a JSON document and back, for :mod:`bot.matching.derived`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.matching.derived import MATCHING
from bot.matching.trust.bodies import Bodies
from bot.matching.trust.coverage import Analyse, Coverage, _stemmer
from bot.matching.trust.vocabulary import Stems
from bot.models import Snippet

KIND = "coverage"
# The code that makes the statistics from analysed words (the analysis itself is in the
# index's content key).
SOURCES = tuple(MATCHING / "trust" / f"{name}.py" for name in ("coverage", "vocabulary"))
SOURCES += (MATCHING / "spelling.py",)
SOURCES += (Path(__file__).resolve(),)


def to_doc(coverage: Coverage) -> dict[str, Any]:
    """Everything but the bodies' index (read on first need) and the stemmer's memo."""
    return {
        "asked": {stem: dict(ids) for stem, ids in coverage.asked.items()},
        "names": {sid: sorted(stems) for sid, stems in coverage.names.items()},
        "sizes": dict(coverage.sizes),
        "users": dict(coverage.users),
        "total": coverage.total,
        "samples": [[sid, list(words)] for sid, words in coverage.samples],
        "summaries": {sid: sorted(stems) for sid, stems in coverage.summaries.items()},
    }


def from_doc(doc: dict[str, Any], snippets: Sequence[Snippet], analyse: Analyse) -> Coverage:
    """The coverage :func:`to_doc` wrote for ``snippets`` (analysed with ``analyse``); raises
    ValueError (or KeyError, TypeError) on a document of another shape."""
    names = {str(sid): frozenset(map(str, stems)) for sid, stems in doc["names"].items()}
    if set(names) != {s.id for s in snippets}:
        raise ValueError("snippet ids differ")
    stems = Stems()
    return Coverage(
        asked={
            str(stem): {str(sid): int(n) for sid, n in ids.items()}
            for stem, ids in doc["asked"].items()
        },
        names=names,
        sizes={str(sid): int(n) for sid, n in doc["sizes"].items()},
        body=Bodies(snippets, _stemmer(analyse, stems)),
        users={str(stem): int(n) for stem, n in doc["users"].items()},
        named=frozenset().union(*names.values()) if names else frozenset(),
        total=int(doc["total"]),
        stems=stems,
        samples=tuple((str(sid), tuple(map(str, words))) for sid, words in doc["samples"]),
        summaries={str(sid): frozenset(map(str, stems)) for sid, stems in doc["summaries"].items()},
    )
