"""Content keys: what an index is built from, hashed (reuse of analysed snippets, the index
cache), without importing the building code."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from bot.models import Snippet


def snippet_key(snippet: Snippet) -> str:
    """Hash of what the index reads of a snippet."""
    content = [snippet.id, snippet.title, list(snippet.aliases), list(snippet.questions)]
    return hashlib.sha256(json.dumps(content, ensure_ascii=True).encode()).hexdigest()[:32]


def synonyms_key(synonyms: Mapping[str, Sequence[str]]) -> str:
    content = sorted((k, list(v)) for k, v in synonyms.items())
    return hashlib.sha256(json.dumps(content, ensure_ascii=True).encode()).hexdigest()[:32]
