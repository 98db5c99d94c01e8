"""A word of a term's name that a snippet's title quotes: 'What "large" means in LLM' answers
"what's 'large' about a large language model? large how" though the snippet defining the
whole term scores higher. The question must quote the word in a clause that also names the
term it belongs to ("our 'large' print run, what's an llm" quotes a word of its own)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.knowledge.base import KnowledgeBase
from bot.matching.compare import plain
from bot.matching.comparing import Check
from bot.matching.focus import CLAUSE_END
from bot.matching.matcher import Hit
from bot.matching.trust.grammar import QUOTED
from bot.matching.trust.judge import Judgement

# A word a snippet's title quotes: 'What "large" means in LLM'.
TITLE_QUOTE = re.compile(r'"([^"]+)"')


def title_quoted_first(
    kb: KnowledgeBase,
    question: str,
    *,
    hits: list[Hit],
    content: list[str],
    check: Check,
    analyse: Callable[[str], list[str]],
) -> tuple[list[Hit], Judgement] | None:
    """The hits with the snippet whose title quotes a word the question quotes first, and
    its judgement, when its clause names the term again and the snippet explains the whole
    question; None otherwise."""
    for clause in CLAUSE_END.split(question):
        for typed in QUOTED.findall(clause or ""):
            hit = _quoting(kb, typed, hits)
            if hit is None or typed.strip().lower() not in plain(analyse(QUOTED.sub(" ", clause))):
                continue
            verdict = check(content, (hit.id,), definition=True, clear=True, lenient=True)
            if verdict.explained and verdict.solid:
                return [hit, *(h for h in hits if h.id != hit.id)], verdict
    return None


def _quoting(kb: KnowledgeBase, typed: str, hits: Sequence[Hit]) -> Hit | None:
    """The hit of the snippet whose title quotes ``typed``, whole, if it is among ``hits``."""
    said = typed.strip().lower()
    for hit in hits:
        if any(q.lower() == said for q in TITLE_QUOTE.findall(kb.snippets[hit.id].title)):
            return hit
    return None
