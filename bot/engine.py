"""The answer engine: question text in, neutral :class:`Answer` out.

Thread-safe: the engine only reads an immutable :class:`KnowledgeBase`, and :meth:`Engine.swap`
replaces it with one reference assignment, so a question is answered wholly from the old or
wholly from the new knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import KnowledgeBase
from bot.models import Answer, Snippet, Status, Suggestion

HOW_TO_LIST = "Ask for `topics` to see everything I can explain."


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchConfig:
    """Thresholds (scores 0-100) that decide between answer, suggest and none."""

    answer_threshold: float = 80.0
    suggest_threshold: float = 55.0
    max_suggestions: int = 3


class Engine:
    """Answers questions from a swappable knowledge base."""

    def __init__(self, knowledge: KnowledgeBase, *, config: MatchConfig | None = None) -> None:
        self._kb = knowledge
        self._config = config or MatchConfig()

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._kb

    @property
    def config(self) -> MatchConfig:
        return self._config

    def swap(self, knowledge: KnowledgeBase) -> None:
        """Atomically replace the knowledge base (one reference assignment)."""
        self._kb = knowledge

    def topics(self) -> tuple[Suggestion, ...]:
        """Every snippet, sorted by id, as (id, title, summary)."""
        return tuple(_suggestion(s, 100.0) for s in self._kb.snippets.values())

    def explain(self, snippet_id: str) -> Answer:
        """The answer for a snippet chosen by id (a did-you-mean or related button)."""
        kb = self._kb
        snippet = kb.snippets.get(snippet_id)
        if snippet is None:
            return Answer(question=snippet_id, status=Status.NONE, message=_fallback())
        return Answer(
            question=snippet_id,
            status=Status.ANSWER,
            snippets=(snippet,),
            score=100.0,
            related=_related(kb, (snippet,)),
        )

    def suggest(self, prefix: str, limit: int = 25) -> tuple[Suggestion, ...]:
        """Autocomplete candidates for a partly typed question."""
        kb = self._kb
        if not prefix.strip():
            return self.topics()[:limit]
        hits = kb.index.search(prefix, limit=limit)
        return tuple(_suggestion(kb.snippets[h.id], h.score) for h in hits)

    def answer(self, question: str) -> Answer:
        """Answer one question; never raises for any string."""
        kb = self._kb
        cfg = self._config
        text = question.strip().lower()
        if text in {"", "help", "list", "topics"}:
            return Answer(
                question=question, status=Status.NONE, topics=self.topics(), message=HOW_TO_LIST
            )
        hits = kb.index.search(question, limit=cfg.max_suggestions)
        if hits and hits[0].score >= cfg.answer_threshold:
            snippet = kb.snippets[hits[0].id]
            return Answer(
                question=question,
                status=Status.ANSWER,
                snippets=(snippet,),
                score=hits[0].score,
                related=_related(kb, (snippet,)),
            )
        candidates = [h for h in hits if h.score >= cfg.suggest_threshold]
        if candidates:
            return Answer(
                question=question,
                status=Status.SUGGEST,
                score=candidates[0].score,
                suggestions=tuple(_suggestion(kb.snippets[h.id], h.score) for h in candidates),
                message="I'm not sure which one you mean. " + HOW_TO_LIST,
            )
        return Answer(question=question, status=Status.NONE, message=_fallback())


def _fallback() -> str:
    return "Sorry, I don't have an explanation for that yet. " + HOW_TO_LIST


def _suggestion(snippet: Snippet, score: float) -> Suggestion:
    return Suggestion(id=snippet.id, title=snippet.title, summary=snippet.summary, score=score)


def _related(kb: KnowledgeBase, used: tuple[Snippet, ...]) -> tuple[Snippet, ...]:
    seen = {s.id for s in used}
    out: list[Snippet] = []
    for s in used:
        for rid in s.related:
            if rid not in seen and rid in kb.snippets:
                seen.add(rid)
                out.append(kb.snippets[rid])
    return tuple(out)
