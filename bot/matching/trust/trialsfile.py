"""The answer threshold's held-out :class:`Trials` as a JSON document and back: kept beside a
cached index (:mod:`bot.matching.derived`) and handed over by a build child
(:mod:`bot.runtime.buildproc`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.matching.derived import MATCHING
from bot.matching.trust.threshold import Trials

KIND = "trials"
# The code that holds questions out and asks them (the index it builds is in the content key).
SOURCES = (MATCHING / "trust" / "threshold.py", Path(__file__).resolve())


def to_doc(trials: Trials) -> dict[str, Any]:
    return {"typo_cutoff": trials.typo_cutoff, "found": [list(f) for f in trials.found]}


def from_doc(doc: dict[str, Any]) -> Trials:
    """The trials :func:`to_doc` wrote; raises KeyError, TypeError or ValueError on a
    document of another shape."""
    found = tuple((bool(own), float(score), float(margin)) for own, score, margin in doc["found"])
    return Trials(typo_cutoff=float(doc["typo_cutoff"]), found=found)
