"""Load a knowledge directory. PLACEHOLDER: minimal, no validation yet; to be replaced."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import yaml

from bot.knowledge import KnowledgeBase, build_knowledge
from bot.models import Snippet, Source

ENV_VAR = "EXPLAINBOT_KNOWLEDGE"


def default_knowledge_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$EXPLAINBOT_KNOWLEDGE`` if set, else the ``knowledge/`` bundled beside the packages."""
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    return Path(__file__).resolve().parent.parent / "knowledge"


def load_knowledge(directory: Path) -> KnowledgeBase:
    snippets = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        snippets.append(
            Snippet(
                id=data["id"],
                title=data["title"],
                summary=data["summary"],
                questions=tuple(data["questions"]),
                body=data["body"],
                aliases=tuple(data.get("aliases", ())),
                related=tuple(data.get("related", ())),
                tags=tuple(data.get("tags", ())),
                sources=tuple(Source(title=str(x)) for x in data.get("sources", ())),
                path=path,
            )
        )
    syn_path = directory / "_synonyms.yaml"
    synonyms = yaml.safe_load(syn_path.read_text()) if syn_path.exists() else {}
    return build_knowledge(snippets, synonyms or {}, source=directory)
