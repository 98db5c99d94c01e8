"""The answer service adapters call: engine plus the cross-cutting concerns around it.

Adapters hand it a neutral :class:`Question` and get a :class:`Reply`; recording, rate limiting
and feedback live here so that both platforms behave the same.
"""

from __future__ import annotations

from bot.engine import Engine
from bot.models import Answer, Question, Reply


class AnswerService:
    """Answers questions for adapters.

    Recording questions, per-user rate limits and feedback votes are added here (issue 5);
    adapters render feedback buttons only when ``Reply.question_id`` is not None, and a
    ``Reply.throttled`` reply as its ``answer.message``.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        return self._engine

    def ask(self, question: Question) -> Reply:
        return Reply(answer=self._engine.answer(question.text))

    def explain(self, snippet_id: str) -> Answer:
        """The answer for a snippet picked from a button (did-you-mean or related)."""
        return self._engine.explain(snippet_id)

    def feedback(self, *, question_id: int, user_id: str, helpful: bool) -> None:
        """Record a Helpful / Not helpful vote (one per user per answer, changeable)."""
