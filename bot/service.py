"""The answer service adapters call: engine plus the cross-cutting concerns around it.

Adapters hand it a neutral :class:`Question` and get a :class:`Reply`; recording, rate limiting
and feedback live here so that both platforms behave the same.
"""

from __future__ import annotations

from bot.engine import Engine
from bot.models import Answer, Question, Reply


class AnswerService:
    """Answers questions for adapters."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        return self._engine

    def ask(self, question: Question) -> Reply:
        return Reply(answer=self._engine.answer(question.text))

    def explain(self, snippet_id: str) -> Answer:
        return self._engine.explain(snippet_id)
