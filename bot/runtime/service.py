"""The answer service adapters call: engine plus the cross-cutting concerns around it.

Adapters hand it a neutral :class:`Question` and get a :class:`Reply`; recording, rate limits,
metrics and feedback live here so that both platforms behave the same.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from bot.matching.engine import Engine
from bot.models import Answer, ChannelKind, Question, Reply, Status, Suggestion
from bot.runtime.logs import user_ref

if TYPE_CHECKING:  # prometheus_client, sqlite3: only for the servers that pass them in
    from bot.runtime.metrics import Metrics
    from bot.runtime.ratelimit import RateLimiter
    from bot.store import QuestionRecord

log = logging.getLogger(__name__)


class Recorder(Protocol):
    """Where questions and votes go (:class:`bot.store.QuestionStore`); must never block."""

    def record(self, entry: QuestionRecord) -> int | None: ...

    def vote(self, *, question_id: int, user_id: str, helpful: bool, at: float) -> object: ...


def outcome_of(answer: Answer) -> str:
    """The outcome recorded for an answer: its status, or ``topics`` for a topic listing."""
    return "topics" if answer.topics else answer.status.value


class AnswerService:
    """Answers questions for adapters.

    Adapters render feedback buttons only when ``Reply.question_id`` is not None, and a
    ``Reply.throttled`` reply as a "slow down" note (:func:`bot.presentation.present.present`).
    A throttled user is told once per rate-limit window; later throttled replies carry
    ``notify=False``, and an adapter that may stay silent (mentions, direct messages) does.

    Args:
        engine: answers the questions.
        recorder: records questions and votes; None records nothing.
        limiter: per-user limit; None never throttles. Questions without a user id (the
            command line) are never throttled.
        metrics: counts questions and answer latency; None counts nothing.
        clock: wall clock (Unix seconds) stamped on recorded questions and votes.
        timer: monotonic timer for latency.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        recorder: Recorder | None = None,
        limiter: RateLimiter | None = None,
        metrics: Metrics | None = None,
        clock: Callable[[], float] = time.time,
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._engine = engine
        self._recorder = recorder
        self._limiter = limiter
        self._told: RateLimiter | None = None
        if limiter is not None:
            from bot.runtime.ratelimit import RateLimit, RateLimiter

            # "Slow down" once per window and user, then silence; per process, as it only
            # spares a channel the repeats.
            window = limiter.limit.per_seconds
            self._told = RateLimiter(RateLimit(max_questions=1, per_seconds=window))
        self._metrics = metrics
        self._clock = clock
        self._timer = timer
        self._record_failed = False

    @property
    def engine(self) -> Engine:
        return self._engine

    def ask(self, question: Question) -> Reply:
        """Answer one question; never raises because of rate limits or recording."""
        started = self._timer()
        user = f"{question.platform}:{question.user_id}"
        throttled = bool(
            self._limiter is not None and question.user_id and not self._limiter.allow(user)
        )
        notify = not throttled or self._told is None or self._told.allow(user)
        if throttled:
            answer = Answer(question=question.text, status=Status.NONE)
        else:
            answer = self._engine.answer(question.text)
        outcome = "throttled" if throttled else outcome_of(answer)
        question_id = self._record(question, answer, outcome)
        if self._metrics is not None:
            self._metrics.questions.labels(platform=question.platform, outcome=outcome).inc()
            self._metrics.latency.labels(platform=question.platform).observe(
                self._timer() - started
            )
        log.info(
            "question platform=%s kind=%s user=%s outcome=%s id=%s score=%.1f",
            question.platform,
            question.channel_kind.value,
            user_ref(question.user_id),
            outcome,
            answer.primary.id if answer.primary else "-",
            answer.score,
        )
        return Reply(
            answer=answer,
            question_id=None if throttled else question_id,
            throttled=throttled,
            notify=notify,
        )

    def suggest(self, typed: str, limit: int) -> tuple[Suggestion, ...]:
        """Autocomplete choices for what someone is typing (nothing is recorded)."""
        return self._engine.suggest(typed, limit)

    def explain(self, snippet_id: str) -> Answer:
        """The answer for a snippet picked from a button (did-you-mean or related)."""
        return self._engine.explain(snippet_id)

    def pick(
        self, snippet_id: str, *, platform: str, user_id: str, channel_kind: ChannelKind
    ) -> Answer:
        """The answer for a did-you-mean choice, recorded as a ``pick`` so that the report can
        suggest the question the user had asked as an example for that snippet."""
        answer = self._engine.explain(snippet_id)
        if answer.primary is not None and user_id:
            question = Question(
                text="", platform=platform, channel_kind=channel_kind, user_id=user_id
            )
            self._record(question, answer, "pick")
        return answer

    def feedback(self, *, question_id: int, user_id: str, helpful: bool) -> None:
        """Record a Helpful / Not helpful vote (one per user per answer, changeable)."""
        if self._metrics is not None:
            self._metrics.feedback.labels(helpful="yes" if helpful else "no").inc()
        if self._recorder is None:
            return
        try:
            self._recorder.vote(
                question_id=question_id, user_id=user_id, helpful=helpful, at=self._clock()
            )
        except Exception:
            self._recording_failed()

    def _record(self, question: Question, answer: Answer, outcome: str) -> int | None:
        if self._recorder is None:
            return None
        from bot.store import QuestionRecord

        primary = answer.primary
        try:
            return self._recorder.record(
                QuestionRecord(
                    asked_at=self._clock(),
                    platform=question.platform,
                    channel_kind=question.channel_kind.value,
                    question=question.text,
                    outcome=outcome,
                    snippet_id=primary.id if primary else None,
                    score=answer.score,
                    user_id=question.user_id,
                )
            )
        except Exception:  # recording is best effort: the answer matters more
            self._recording_failed()
            return None

    def _recording_failed(self) -> None:
        if not self._record_failed:
            self._record_failed = True
            log.exception("recording failed; answering continues without the question log")
