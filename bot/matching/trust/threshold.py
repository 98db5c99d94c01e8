"""The answer threshold fitted to the knowledge base it serves, from its own example questions.

The default threshold was chosen on CLINC150 with 100 example questions per topic. A base
whose topics have ten examples each scores its own real questions lower (fewer phrasings to
meet), so the same threshold leaves many of them unanswered. So, when first needed, some of
the admin's example questions are held out: a second index is built without them, each is
asked of it, and those that find their own snippet clearly (top, by ``min_margin``) give the
scores real questions reach on this base. The threshold comes down to the score that
``ANSWERED`` of them reach, never above the configured one (a base that scores high keeps
it) and never below the did-you-mean floor. CLINC150 with 10 questions per intent (val): the
threshold falls from 35 to about 26; with 100 per intent it stays at 35.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.matching.matcher import MatchIndex
from bot.models import Snippet

SAMPLES = 600  # held-out example questions at most, spread evenly over the base
SHARE = 0.2  # of a snippet's example questions held out at most (one at least)
MIN_KEPT = 2  # a snippet keeps at least this many examples, else none is held out
ANSWERED = 0.95  # of the held-out questions that find their snippet, answered
MIN_FOUND = 30  # fewer held-out questions found than this: keep the configured threshold

Held = tuple[str, str]  # (snippet id, held-out question)


def held_out(
    snippets: Sequence[Snippet], samples: int = SAMPLES
) -> tuple[list[Snippet], list[Held]]:
    """The snippets without their held-out questions, and those questions."""
    total = sum(len(s.questions) for s in snippets)
    every = max(1, total // max(samples, 1))
    kept: list[Snippet] = []
    held: list[Held] = []
    n = 0
    for s in snippets:
        most = max(1, int(len(s.questions) * SHARE)) if len(s.questions) > MIN_KEPT else 0
        keep: list[str] = []
        taken = 0
        for q in s.questions:
            if taken < most and n % every == 0:
                held.append((s.id, q))
                taken += 1
            else:
                keep.append(q)
            n += 1
        kept.append(replace(s, questions=tuple(keep)))
    return kept, held[:samples]


@dataclass(frozen=True, slots=True, kw_only=True)
class Trials:
    """The held-out example questions asked of an index built without them.

    Building that index is a whole second build (seconds at 100,000 questions), so a build
    in a separate process (:mod:`bot.runtime.buildproc`) makes these too and hands them over
    with the knowledge; the threshold itself is then a quantile (:func:`threshold_from`).

    Attributes:
        typo_cutoff: the typo cutoff the questions were analysed with.
        found: per held-out question, whether its own snippet came first, the first hit's
            score, and its lead over the runner-up (False, 0, 0 without hits). Empty when
            fewer than ``MIN_FOUND`` questions could be held out (nothing was built).
    """

    typo_cutoff: float
    found: tuple[tuple[bool, float, float], ...]


def held_out_trials(
    snippets: Sequence[Snippet],
    synonyms: Mapping[str, Sequence[str]],
    *,
    typo_cutoff: float,
    build: Callable[[Sequence[Snippet]], MatchIndex] | None = None,
) -> Trials:
    """Ask each held-out question of an index of the rest (see the module docstring).

    Args:
        build: builds the index of the kept snippets (default: ``MatchIndex.build``; a
            build in a separate process reuses its analysis); must build the same index.
    """
    kept, held = held_out(snippets)
    if len(held) < MIN_FOUND:
        return Trials(typo_cutoff=typo_cutoff, found=())
    index = build(kept) if build is not None else MatchIndex.build(kept, synonyms)
    found: list[tuple[bool, float, float]] = []
    for sid, question in held:
        hits = index.search(index.tokens(question, typo_cutoff=typo_cutoff), limit=2)
        if not hits:
            found.append((False, 0.0, 0.0))
            continue
        margin = hits[0].score - (hits[1].score if len(hits) > 1 else 0.0)
        found.append((hits[0].id == sid, hits[0].score, margin))
    return Trials(typo_cutoff=typo_cutoff, found=tuple(found))


def threshold_from(trials: Trials, *, configured: float, floor: float, min_margin: float) -> float:
    """The answer threshold the held-out questions call for (see the module docstring)."""
    if len(trials.found) < MIN_FOUND:
        return configured
    found = [score for own, score, margin in trials.found if own and margin >= min_margin]
    if len(found) < MIN_FOUND:
        return configured
    import statistics  # here: fitting runs once per knowledge base, and only when needed

    reached = statistics.quantiles(found, n=100, method="inclusive")[
        round(100 * (1 - ANSWERED)) - 1
    ]
    return max(floor, min(configured, reached))


def fit_answer_threshold(
    snippets: Sequence[Snippet],
    synonyms: Mapping[str, Sequence[str]],
    *,
    configured: float,
    floor: float,
    min_margin: float,
    typo_cutoff: float,
) -> float:
    """The answer threshold for this knowledge base (see the module docstring)."""
    trials = held_out_trials(snippets, synonyms, typo_cutoff=typo_cutoff)
    return threshold_from(trials, configured=configured, floor=floor, min_margin=min_margin)
