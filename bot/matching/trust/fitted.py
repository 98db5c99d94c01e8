"""The fitted answer threshold of one knowledge base, which may still be settling after a reload.

A large base's build child hands its index over before it asks the threshold's held-out
questions (:mod:`bot.runtime.buildproc`), so an edit is served about as soon as the index is
read; the held-out trials follow a few seconds later (at 100,000 questions: a second index
and 600 searches, about 2.5 s). Until they arrive the new knowledge answers with the
threshold fitted to the knowledge it replaced (:meth:`FittedThreshold.provisional`), then
with its own, which is exactly the one a load from scratch fits. Only an answer whose best
score falls between the two thresholds can differ meanwhile, and only for those seconds: the
fit is a quantile of about 600 held-out scores, so one edited snippet moves it little
(``bench/reload_scale.py`` prints both).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from bot.matching.matchconfig import MatchConfig
    from bot.matching.trust.threshold import Trials
    from bot.models import Snippet

log = logging.getLogger(__name__)


class FittedThreshold:
    """A threshold and whether it is final; :meth:`settle` sets the final one (once).

    Readers on other threads see the provisional or the final value: one attribute read.
    """

    __slots__ = ("_settled", "value")

    def __init__(self, value: float, *, settled: bool = True) -> None:
        self.value = value
        self._settled = threading.Event()
        if settled:
            self._settled.set()

    @classmethod
    def provisional(cls, value: float) -> FittedThreshold:
        return cls(value, settled=False)

    @property
    def settled(self) -> bool:
        return self._settled.is_set()

    def settle(self, value: float) -> None:
        self.value = value
        self._settled.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the final value is set; True when it is."""
        return self._settled.wait(timeout)


def fit(
    config: MatchConfig,
    snippets: Sequence[Snippet],
    synonyms: Mapping[str, Sequence[str]],
    trials: Trials | None,
) -> float:
    """The threshold from the build's ``trials``, or fitted here (a second build) without
    them or when they were asked with another typo cutoff."""
    # Imported here: only a question scored near the threshold, or a (re)load, needs it.
    from bot.matching.trust.threshold import fit_answer_threshold, threshold_from

    if trials is not None and trials.typo_cutoff == config.typo_cutoff:
        return threshold_from(
            trials,
            configured=config.answer_threshold,
            floor=config.suggest_threshold,
            min_margin=config.min_margin,
        )
    return fit_answer_threshold(
        snippets,
        synonyms,
        configured=config.answer_threshold,
        floor=config.suggest_threshold,
        min_margin=config.min_margin,
        typo_cutoff=config.typo_cutoff,
    )


def settle_later(
    fitted: FittedThreshold,
    pending: Future[Trials | None],
    config: MatchConfig,
    snippets: Sequence[Snippet],
    synonyms: Mapping[str, Sequence[str]],
) -> None:
    """Settle ``fitted`` when ``pending`` trials arrive (None: the child did not make them,
    and the threshold is fitted in this process, as a load without trials always did).

    The callback holds the snippets, never the knowledge base: the base holds ``pending``,
    and a reference cycle would outlive the base in the frozen heap (:mod:`bot.runtime.pauses`).
    """

    def done(future: Future[Trials | None]) -> None:
        try:
            value = fit(config, snippets, synonyms, future.result())
        except Exception:  # a failed fit keeps the provisional threshold, never the thread
            log.exception("fitting the answer threshold failed; keeping %.2f", fitted.value)
            value = fitted.value
        fitted.settle(value)

    pending.add_done_callback(done)
