"""The answer engine: question text in, neutral :class:`Answer` out.

Thread-safe: the engine only reads an immutable :class:`KnowledgeBase`, and :meth:`Engine.swap`
replaces it with one reference assignment, so a question is answered wholly from the old or
wholly from the new knowledge.

Decision: the best snippet is answered when its score reaches ``answer_threshold`` and leads the
runner-up by ``min_margin``; otherwise the candidates above ``suggest_threshold`` become a
did-you-mean; otherwise a polite none. A comparison ("X vs Y") resolves each side on its own and
answers the comparison snippet covering both, or composes one answer from the two snippets.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.autocomplete import Completer
from bot.compare import parse_comparison
from bot.knowledge import KnowledgeBase
from bot.matcher import TYPO_CUTOFF, Hit
from bot.models import Answer, Snippet, Status, Suggestion
from bot.normalize import words

HOW_TO_LIST = "Ask for `topics` to see everything I can explain."
_LIST_WORDS = frozenset({"help", "list", "topics", "topic", "menu", "index", "all", "?"})


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchConfig:
    """Thresholds (scores 0-100) that decide between answer, suggest and none.

    Attributes:
        answer_threshold: the best snippet's score needed to answer.
        suggest_threshold: a candidate's score needed to be offered as did-you-mean.
        min_margin: lead over the runner-up needed to answer (else: did-you-mean).
        max_suggestions: did-you-mean candidates at most.
        typo_cutoff: rapidfuzz ratio an unknown word needs to be read as a known one.
    """

    # Defaults chosen on CLINC150 val and our own bundled-knowledge dev questions: a close call
    # (lead under 3 points) becomes a did-you-mean rather than a possibly wrong answer.
    answer_threshold: float = 35.0
    suggest_threshold: float = 25.0
    min_margin: float = 3.0
    max_suggestions: int = 3
    typo_cutoff: float = TYPO_CUTOFF


class Engine:
    """Answers questions from a swappable knowledge base."""

    def __init__(self, knowledge: KnowledgeBase, *, config: MatchConfig | None = None) -> None:
        self._kb = knowledge
        self._config = config or MatchConfig()
        self._completion: tuple[KnowledgeBase, Completer] | None = None

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
        return _answer(kb, snippet_id, (snippet,), 100.0)

    def suggest(self, prefix: str, limit: int = 25) -> tuple[Suggestion, ...]:
        """Autocomplete choices for a partly typed question, best first, at most ``limit``.

        Prefix and word matches first (:mod:`bot.autocomplete`), then fuzzy matches from the
        answer index; never empty while any topic exists.
        """
        kb = self._kb
        if limit <= 0:
            return ()
        ids = self._completer(kb).rank(prefix, limit)
        if len(ids) < limit and words(prefix):
            index = kb.index
            tokens = index.tokens(prefix, typo_cutoff=self._config.typo_cutoff)
            floor = self._config.suggest_threshold / 2
            ids += [h.id for h in index.search(tokens, limit) if h.score >= floor]
        if not ids:
            return self.topics()[:limit]
        unique = list(dict.fromkeys(ids))[:limit]
        return tuple(_suggestion(kb.snippets[i], 100.0) for i in unique)

    def _completer(self, kb: KnowledgeBase) -> Completer:
        cached = self._completion
        if cached is None or cached[0] is not kb:
            cached = (kb, Completer.build(tuple(kb.snippets.values())))
            self._completion = cached  # one reference assignment: safe across threads
        return cached[1]

    def answer(self, question: str) -> Answer:
        """Answer one question; never raises for any string."""
        kb = self._kb
        cfg = self._config
        raw = words(question)
        if not raw or (len(raw) <= 2 and all(w in _LIST_WORDS for w in raw)):
            return Answer(
                question=question, status=Status.NONE, topics=self.topics(), message=HOW_TO_LIST
            )
        index = kb.index
        tokens = index.tokens(question, typo_cutoff=cfg.typo_cutoff)
        hits = index.search(tokens, limit=max(cfg.max_suggestions, 2))
        sides = parse_comparison(tokens)
        if sides is not None:
            compared = self._compare(question, sides, hits)
            if compared is not None:
                return compared
        return self._decide(question, hits)

    def _decide(self, question: str, hits: list[Hit]) -> Answer:
        kb, cfg = self._kb, self._config
        if hits:
            top = hits[0]
            margin = top.score - (hits[1].score if len(hits) > 1 else 0.0)
            if top.score >= cfg.answer_threshold and margin >= cfg.min_margin:
                return _answer(kb, question, (kb.snippets[top.id],), top.score)
        return self._did_you_mean(question, hits)

    def _did_you_mean(self, question: str, hits: list[Hit]) -> Answer:
        kb, cfg = self._kb, self._config
        candidates = [h for h in hits if h.score >= cfg.suggest_threshold]
        candidates = candidates[: cfg.max_suggestions]
        if not candidates:
            return Answer(question=question, status=Status.NONE, message=_fallback())
        return Answer(
            question=question,
            status=Status.SUGGEST,
            score=candidates[0].score,
            suggestions=tuple(_suggestion(kb.snippets[h.id], h.score) for h in candidates),
            message="I'm not sure which one you mean. " + HOW_TO_LIST,
        )

    def _compare(
        self, question: str, sides: tuple[tuple[str, ...], tuple[str, ...]], hits: list[Hit]
    ) -> Answer | None:
        """Answer "X vs Y": the comparison snippet covering both, else both snippets."""
        kb, cfg = self._kb, self._config
        left = kb.index.search(sides[0], 1, plain_only=True)
        right = kb.index.search(sides[1], 1, plain_only=True)
        if not left or not right or left[0].id == right[0].id:
            return None
        a, b = left[0], right[0]
        score = min(a.score, b.score)
        if score < cfg.suggest_threshold:
            return None
        top = hits[0] if hits else None
        if (
            top is not None
            and top.id not in {a.id, b.id}
            and top.score > score
            and top.id not in set(kb.index.pairs.values())
        ):
            return None  # "what came first, llm or genai": a plain snippet fits better
        covering = kb.index.pairs.get(frozenset((a.id, b.id)))
        if covering is not None:
            whole = next((h.score for h in hits if h.id == covering), 0.0)
            return _answer(kb, question, (kb.snippets[covering],), max(score, whole))
        if score >= cfg.answer_threshold:
            pair = (kb.snippets[a.id], kb.snippets[b.id])
            return _answer(kb, question, pair, score)
        # One side is unsure: offer both sides first.
        merged = [a, b, *(h for h in hits if h.id not in {a.id, b.id})]
        return self._did_you_mean(question, merged)


def _answer(kb: KnowledgeBase, question: str, used: tuple[Snippet, ...], score: float) -> Answer:
    return Answer(
        question=question,
        status=Status.ANSWER,
        snippets=used,
        score=min(100.0, score),
        related=_related(kb, used),
    )


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
