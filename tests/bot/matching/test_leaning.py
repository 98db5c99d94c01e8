"""Which of two snippets the rest of a question leans to (bot/matching/leaning.py)."""

from __future__ import annotations

from bot.matching.compare import plain
from bot.matching.engine import Engine
from bot.matching.leaning import leans_to

TOOLS, DIFFUSION = "genai-examples", "diffusion"
NAME = {"midjourney"}


def _leans(engine: Engine, question: str, towards: str, away: str) -> bool:
    kb = engine.knowledge
    content = plain(kb.index.tokens(question, typo_cutoff=100.0))
    coverage = engine._judge(kb).coverage
    return leans_to(coverage, content, towards=towards, away=away, skip=NAME)


def test_words_asked_of_one_snippet_only_lean_to_it(engine: Engine) -> None:
    # "kind" and "model" are asked of in diffusion's examples, not the tools snippet's
    question = "midjourney what kind of model is it"
    assert _leans(engine, question, DIFFUSION, TOOLS)
    assert not _leans(engine, question, TOOLS, DIFFUSION)


def test_a_word_leaning_the_other_way_vetoes(engine: Engine) -> None:
    # "generative ai" is the tools snippet's, "model" diffusion's
    assert not _leans(engine, "is midjourney a generative ai model", DIFFUSION, TOOLS)


def test_nothing_but_the_name_leans_nowhere(engine: Engine) -> None:
    assert not _leans(engine, "midjourney", DIFFUSION, TOOLS)
    assert not _leans(engine, "midjourney", TOOLS, DIFFUSION)
