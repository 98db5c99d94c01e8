"""The neutral :class:`Answer` each decision of the engine becomes.

No sentences here: an answer says what happened (status, reason, what is missing) and
:mod:`bot.presentation` words it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.matching.matchconfig import MatchConfig
from bot.matching.matcher import Hit
from bot.models import Answer, Reason, SmallTalk, Snippet, Status, Suggestion


def suggestion(snippet: Snippet, score: float) -> Suggestion:
    return Suggestion(id=snippet.id, title=snippet.title, summary=snippet.summary, score=score)


@dataclass(frozen=True, slots=True)
class Replies:
    """Builds answers over one knowledge base with one set of thresholds."""

    kb: KnowledgeBase
    config: MatchConfig

    def answer(self, question: str, used: Sequence[Snippet], score: float) -> Answer:
        return Answer(
            question=question,
            status=Status.ANSWER,
            snippets=tuple(used),
            score=min(100.0, score),
            related=self._related(used),
        )

    def topics(self, question: str) -> Answer:
        listed = tuple(suggestion(s, 100.0) for s in self.kb.snippets.values())
        return Answer(question=question, status=Status.NONE, topics=listed, reason=Reason.TOPICS)

    @staticmethod
    def small_talk(question: str, kind: SmallTalk) -> Answer:
        return Answer(
            question=question, status=Status.NONE, reason=Reason.SMALLTALK, small_talk=kind
        )

    @staticmethod
    def declined(question: str) -> Answer:
        return Answer(question=question, status=Status.NONE, reason=Reason.NO_MATCH)

    def did_you_mean(self, question: str, hits: Sequence[Hit]) -> Answer:
        candidates = self._candidates(hits)
        if not candidates:
            return self.declined(question)
        return Answer(
            question=question,
            status=Status.SUGGEST,
            score=candidates[0].score,
            suggestions=tuple(suggestion(self.kb.snippets[h.id], h.score) for h in candidates),
            reason=Reason.UNSURE,
        )

    @staticmethod
    def unsure_of(question: str, answer: Answer) -> Answer:
        """A did-you-mean offering the snippets ``answer`` used: too weak to answer with."""
        return Answer(
            question=question,
            status=Status.SUGGEST,
            score=answer.score,
            suggestions=tuple(suggestion(s, answer.score) for s in answer.snippets),
            reason=Reason.UNSURE,
        )

    def uncovered(self, question: str, missing: Sequence[str], hits: Sequence[Hit]) -> Answer:
        """No snippet explains what the question is about: say so, offer the closest."""
        terms = tuple(dict.fromkeys(m for m in missing if m))
        candidates = self._candidates(hits)
        if not candidates:
            return Answer(
                question=question,
                status=Status.NONE,
                reason=Reason.UNCOVERED,
                missing=terms,
            )
        return Answer(
            question=question,
            status=Status.SUGGEST,
            score=candidates[0].score,
            suggestions=tuple(suggestion(self.kb.snippets[h.id], h.score) for h in candidates),
            reason=Reason.UNCOVERED,
            missing=terms,
        )

    def _candidates(self, hits: Sequence[Hit]) -> list[Hit]:
        best: dict[str, Hit] = {}
        for h in sorted(hits, key=lambda h: -h.score):
            best.setdefault(h.id, h)  # each snippet once, at its best score
        found = [h for h in best.values() if h.score >= self.config.suggest_threshold]
        return found[: self.config.max_suggestions]

    def _related(self, used: Sequence[Snippet]) -> tuple[Snippet, ...]:
        seen = {s.id for s in used}
        out: list[Snippet] = []
        for s in used:
            for rid in s.related:
                if rid not in seen and rid in self.kb.snippets:
                    seen.add(rid)
                    out.append(self.kb.snippets[rid])
        return tuple(out)
