"""A word a snippet's title quotes, quoted by the question (bot/matching/titled.py)."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.titled import _quoting
from bot.settings import bundled_knowledge_dir


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(bundled_knowledge_dir())


def test_the_title_quoting_the_word_is_found_among_the_hits(kb: KnowledgeBase) -> None:
    hits = kb.index.search(kb.index.tokens("what's 'large' about a large language model"), 5)
    assert "large-in-llm" in {h.id for h in hits}
    found = _quoting(kb, " Large", hits)
    assert found is not None and found.id == "large-in-llm"


def test_no_title_quotes_other_words_or_absent_hits(kb: KnowledgeBase) -> None:
    hits = kb.index.search(kb.index.tokens("what are tokens"), 5)
    assert _quoting(kb, "tokens", hits) is None  # no title quotes it
    assert all(h.id != "large-in-llm" for h in hits)
    assert _quoting(kb, "large", hits) is None  # the snippet is not a candidate
