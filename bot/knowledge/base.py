"""The immutable knowledge base: validated snippets plus their search index."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.matching.matcher import MatchIndex
from bot.models import Problem, Snippet
from bot.runtime.memory import LARGE_BUILD_QUESTIONS, release_freed_memory

if TYPE_CHECKING:
    from concurrent.futures import Future

    from bot.matching.derived import DerivedCache
    from bot.matching.trust.threshold import Trials


@dataclass(frozen=True, slots=True, kw_only=True)
class KnowledgeBase:
    """Everything the engine answers from. Never mutated: a reload builds a new one.

    Attributes:
        snippets: by id, sorted by id.
        synonyms: canonical term -> its variants, from ``_synonyms.yaml``.
        index: the matcher's search structure over the snippets.
        loaded_at: when it was built (UTC).
        source: the directory it was loaded from, if any.
        warnings: non-fatal problems found while loading.
        trials: the held-out questions of the answer threshold's fit, when the build made
            them (:mod:`bot.runtime.buildproc`); None: the engine makes them when needed.
        pending_trials: the same, still being made by the build's child process after it
            handed the index over (the result is None if it failed: the engine then makes
            them); see :mod:`bot.matching.trust.fitted` for the threshold meanwhile.
        derived: where structures derived from this content are kept (the index cache,
            :mod:`bot.matching.derived`); None: nowhere.
    """

    snippets: Mapping[str, Snippet]
    synonyms: Mapping[str, tuple[str, ...]]
    index: MatchIndex
    loaded_at: datetime
    source: Path | None = None
    warnings: tuple[Problem, ...] = ()
    trials: Trials | None = None
    pending_trials: Future[Trials | None] | None = None
    derived: DerivedCache | None = None


def build_knowledge(
    snippets: Iterable[Snippet],
    synonyms: Mapping[str, Iterable[str]] | None = None,
    *,
    source: Path | None = None,
    warnings: Iterable[Problem] = (),
    now: datetime | None = None,
    cache_dir: Path | None = None,
    index: MatchIndex | None = None,
    trials: Trials | None = None,
    pending_trials: Future[Trials | None] | None = None,
) -> KnowledgeBase:
    """Build a knowledge base (and its index) from already validated snippets.

    ``cache_dir``: where built indexes are kept by content hash (:mod:`bot.matching.indexfile`);
    ``index``: one already built for these snippets and synonyms (:mod:`bot.runtime.buildproc`);
    ``trials``: the answer threshold's held-out questions asked of the same build's data;
    ``pending_trials``: the same, still on their way.
    """
    by_id = {s.id: s for s in sorted(snippets, key=lambda s: s.id)}
    syn = {k: tuple(v) for k, v in (synonyms or {}).items()}
    derived = None
    if index is None and cache_dir is not None:
        from bot.matching.derived import DerivedCache
        from bot.matching.indexfile import cached_index

        index, key = cached_index(tuple(by_id.values()), syn, cache_dir)
        derived = None if key is None else DerivedCache(directory=cache_dir, key=key)
    elif index is None:
        index = MatchIndex.build(tuple(by_id.values()), syn)
    if index.n_questions >= LARGE_BUILD_QUESTIONS:
        release_freed_memory()
    return KnowledgeBase(
        snippets=MappingProxyType(by_id),
        synonyms=MappingProxyType(syn),
        index=index,
        loaded_at=now or datetime.now(UTC),
        source=source,
        warnings=tuple(warnings),
        trials=trials,
        pending_trials=pending_trials,
        derived=derived,
    )
