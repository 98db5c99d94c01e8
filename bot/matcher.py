"""Fuzzy matching of questions against snippets. The only module that imports rapidfuzz.

PLACEHOLDER: a naive single-pass matcher so that the other layers can be built; to be replaced.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from bot.models import Snippet


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A scored snippet candidate (score 0-100)."""

    id: str
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchIndex:
    """Search structure over a set of snippets."""

    texts: tuple[str, ...]
    owners: tuple[str, ...]

    @classmethod
    def build(
        cls, snippets: Sequence[Snippet], synonyms: Mapping[str, Sequence[str]]
    ) -> MatchIndex:
        texts: list[str] = []
        owners: list[str] = []
        for s in snippets:
            for q in (*s.questions, *s.aliases, s.title):
                texts.append(q)
                owners.append(s.id)
        return cls(texts=tuple(texts), owners=tuple(owners))

    def search(self, text: str, limit: int = 5) -> list[Hit]:
        best: dict[str, float] = {}
        for _, score, i in process.extract(
            text,
            self.texts,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=0,
            limit=limit * 10,
        ):
            owner = self.owners[i]
            best[owner] = max(best.get(owner, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [Hit(id=k, score=v) for k, v in ranked]
