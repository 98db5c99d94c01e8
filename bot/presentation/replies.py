"""Every sentence the engine says, and the neutral :class:`Answer` each decision becomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.matching.matchconfig import MatchConfig
from bot.matching.matcher import Hit
from bot.matching.smalltalk import Chat
from bot.models import Answer, Reason, Snippet, Status, Suggestion

HOW_TO_LIST = "Ask for `topics` to see everything I can explain."
FALLBACK = "Sorry, I don't have an explanation for that yet. " + HOW_TO_LIST
UNSURE = "I'm not sure which one you mean. " + HOW_TO_LIST
_CHAT = {
    Chat.GREETING: "Hi! I explain AI terms in plain words, for example `llm vs genai`.",
    Chat.THANKS: "You're welcome! Ask me about another AI term any time.",
    Chat.REACTION: "Glad to help. Ask me about another AI term any time.",
    Chat.ABOUT_BOT: "I'm a bot that explains AI terms from a curated list written by people.",
}


def chat_reply(chat: Chat) -> str:
    """The friendly reply to small talk, ending with how to list the topics."""
    return f"{_CHAT[chat]} {HOW_TO_LIST}"


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
        return Answer(
            question=question,
            status=Status.NONE,
            topics=listed,
            message=HOW_TO_LIST,
            reason=Reason.TOPICS,
        )

    @staticmethod
    def small_talk(question: str, chat: Chat) -> Answer:
        return Answer(
            question=question, status=Status.NONE, message=chat_reply(chat), reason=Reason.SMALLTALK
        )

    @staticmethod
    def declined(question: str) -> Answer:
        return Answer(
            question=question, status=Status.NONE, message=FALLBACK, reason=Reason.NO_MATCH
        )

    def did_you_mean(self, question: str, hits: Sequence[Hit]) -> Answer:
        candidates = self._candidates(hits)
        if not candidates:
            return self.declined(question)
        return Answer(
            question=question,
            status=Status.SUGGEST,
            score=candidates[0].score,
            suggestions=tuple(suggestion(self.kb.snippets[h.id], h.score) for h in candidates),
            message=UNSURE,
            reason=Reason.UNSURE,
        )

    def uncovered(self, question: str, missing: Sequence[str], hits: Sequence[Hit]) -> Answer:
        """No snippet explains what the question is about: say so, offer the closest."""
        terms = tuple(dict.fromkeys(m for m in missing if m))
        said = _quote(terms) if terms else "that"
        candidates = self._candidates(hits)
        if not candidates:
            return Answer(
                question=question,
                status=Status.NONE,
                message=f"Sorry, I don't have an explanation for {said} yet. {HOW_TO_LIST}",
                reason=Reason.UNCOVERED,
                missing=terms,
            )
        return Answer(
            question=question,
            status=Status.SUGGEST,
            score=candidates[0].score,
            suggestions=tuple(suggestion(self.kb.snippets[h.id], h.score) for h in candidates),
            message=f"I don't have an explanation for {said} yet. The closest topics I have:",
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


def _quote(terms: Sequence[str]) -> str:
    quoted = [f"“{t}”" for t in terms]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
