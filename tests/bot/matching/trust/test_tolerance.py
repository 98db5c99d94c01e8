"""The tolerance fitted to a knowledge base's own example questions."""

from __future__ import annotations

import random

from bot.knowledge.base import build_knowledge
from bot.knowledge.loader import load_knowledge
from bot.matching.lexicon import Lexicon
from bot.matching.trust.coverage import Coverage, Verdict
from bot.matching.trust.tolerance import LEAD, SHARE, Tolerance
from bot.models import Snippet
from bot.settings import bundled_knowledge_dir


def _fit(snippets: list[Snippet]) -> Tolerance:
    kb = build_knowledge(snippets)
    coverage = Coverage.build(tuple(kb.snippets.values()), kb.index.content_words)
    return Tolerance.fit(coverage, Lexicon())


def test_a_glossary_keeps_the_strict_default() -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    coverage = Coverage.build(tuple(kb.snippets.values()), kb.index.content_words)
    fitted = Tolerance.fit(coverage, Lexicon())
    assert not fitted.off
    assert fitted.lead == LEAD and fitted.share == SHARE


def test_intent_style_examples_full_of_names_turn_the_check_off() -> None:
    rng = random.Random(3)

    def name() -> str:  # a restaurant or place no other question mentions
        return "".join(rng.choices("bcdfghklmnprstvz", k=3)) + rng.choice(["ano", "ia", "ers"])

    snippets = [
        Snippet(
            id=f"intent-{i}",
            title=f"Intent {i}",
            summary="s",
            body="b",
            questions=tuple(f"book a table at {name()} in {name()} for {verb}" for _ in range(12)),
        )
        for i, verb in enumerate(["lunch", "dinner", "brunch", "supper"])
    ]
    assert _fit(snippets).off


def test_allows_nothing_named_missing_and_refuses_a_dominant_unknown() -> None:
    strict = Tolerance()
    quiet = Verdict(uncovered=0.2, covered=0.1, top_uncovered=0.2, top_covered=0.1, missing=())
    assert strict.allows(quiet)
    loud = Verdict(
        uncovered=0.9, covered=0.3, top_uncovered=0.9, top_covered=0.3, missing=("pizza",)
    )
    assert not strict.allows(loud)
    assert Tolerance(off=True).allows(loud)
    term = Verdict(
        uncovered=0.35,
        covered=1.0,
        top_uncovered=0.35,
        top_covered=1.0,
        missing=("chemistry",),
        term_missing=True,
    )
    assert not strict.allows(term) and strict.allows(
        Verdict(**{**_fields(term), "term_missing": False})
    )


def _fields(v: Verdict) -> dict[str, object]:
    return {k: getattr(v, k) for k in Verdict.__dataclass_fields__}
