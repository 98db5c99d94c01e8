"""The engine's thresholds (scores 0-100): answer, did-you-mean or decline."""

from __future__ import annotations

from dataclasses import dataclass

from bot.matching.matcher import TYPO_CUTOFF


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchConfig:
    """Thresholds (scores 0-100) that decide between answer, suggest and none.

    Attributes:
        answer_threshold: the best snippet's score needed to answer.
        suggest_threshold: a candidate's score needed to be offered as did-you-mean.
        min_margin: lead over the runner-up needed to answer (else: did-you-mean).
        max_suggestions: did-you-mean candidates at most.
        typo_cutoff: rapidfuzz ratio an unknown word needs to be read as a known one.
        trusted_score: a best score from which, with ``trusted_margin``, the answer may leave
            more of the question's words unexplained (:mod:`bot.matching.trust`).
        trusted_margin: the lead over the runner-up that goes with ``trusted_score``.
        explained_discount: points off ``answer_threshold`` when the snippet explains every
            salient word of the question and the question names its term (a word of its title
            or aliases): chatty questions score low but are no risk then;
            only where the explanation check is on.
        fit_threshold: lower ``answer_threshold`` (never below ``suggest_threshold``) to the
            score the knowledge base's own held-out example questions reach
            (:mod:`bot.matching.trust.threshold`); off when an admin sets the threshold.
    """

    # Defaults chosen on CLINC150 val and our own bundled-knowledge dev questions: a close call
    # (lead under 3 points) becomes a did-you-mean rather than a possibly wrong answer.
    answer_threshold: float = 35.0
    suggest_threshold: float = 25.0
    min_margin: float = 3.0
    max_suggestions: int = 3
    typo_cutoff: float = TYPO_CUTOFF
    trusted_score: float = 55.0
    trusted_margin: float = 10.0
    explained_discount: float = 7.0
    fit_threshold: bool = True
