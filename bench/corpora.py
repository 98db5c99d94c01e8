"""Knowledge directories for the scale benchmarks: CLINC150 full (15,000 questions) and the
synthetic 100,000-question base of ``bench/engine.py`` (20,000 snippets x 5), as YAML, plus the
texts that were indexed (questions, aliases and titles) for the peers."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from clinc150 import DATA, write_knowledge
from engine import synthetic

from bot.models import Snippet


def write_snippets(snippets: list[Snippet], directory: Path) -> None:
    for s in snippets:
        doc = {
            "id": s.id,
            "title": s.title,
            "summary": s.summary,
            "questions": list(s.questions),
            "body": "This synthetic snippet stands for a made-up term.",
        }
        (directory / f"{s.id}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False))


def make(kind: str, directory: Path) -> Path:
    """Write knowledge ``kind`` ("clinc150" or "synthetic100k") into ``directory``; return the
    JSON file of its texts (one list of strings)."""
    directory.mkdir(parents=True, exist_ok=True)
    if kind == "clinc150":
        train = json.loads((DATA / "data_full.json").read_text())["train"]
        write_knowledge([(t, g) for t, g in train], directory)
        texts = [t for t, _ in train]
        texts += sorted({g.replace("_", " ").capitalize() for _, g in train})
    else:
        snippets = synthetic(20_000, random.Random(7))
        write_snippets(snippets, directory)
        texts = [q for s in snippets for q in s.questions] + [s.title for s in snippets]
    out = directory.parent / f"{directory.name}.texts.json"
    out.write_text(json.dumps(texts))
    return out
