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

from collections.abc import Mapping, Sequence
from dataclasses import replace

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
    kept, held = held_out(snippets)
    if len(held) < MIN_FOUND:
        return configured
    index = MatchIndex.build(kept, synonyms)
    found: list[float] = []
    for sid, question in held:
        hits = index.search(index.tokens(question, typo_cutoff=typo_cutoff), limit=2)
        if not hits or hits[0].id != sid:
            continue
        margin = hits[0].score - (hits[1].score if len(hits) > 1 else 0.0)
        if margin >= min_margin:
            found.append(hits[0].score)
    if len(found) < MIN_FOUND:
        return configured
    import statistics  # here: fitting runs once per knowledge base, and only when needed

    reached = statistics.quantiles(found, n=100, method="inclusive")[
        round(100 * (1 - ANSWERED)) - 1
    ]
    return max(floor, min(configured, reached))
