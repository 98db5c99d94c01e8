"""What a sentence's bare "it" points at: a term named, unquoted, in a sentence before it
("the board wants a one-line explanation of generative AI for the deck. what is it?").
Quoted terms are :func:`bot.matching.focus.with_quoted_term`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.knowledge.base import KnowledgeBase
from bot.matching.normalize import words

# "what is it?", "what's that, in simple terms?", "what does it mean": asks what the thing
# named before is.
POINTER = re.compile(
    r"(?:(?<=\bwhat is )|(?<=\bwhat's )|(?<=\bwhats ))(?:it|that|this)(?=\s*(?:[?.!,]|$))"
    r"|(?<=\bwhat does )(?:it|that|this)(?= mean\b)",
    re.IGNORECASE,
)


def with_named_term(
    kb: KnowledgeBase, question: str, sentence: str, is_word: Callable[[str], bool]
) -> str:
    """``sentence`` with its pointing "it" replaced by the last snippet name the message
    names before it; unchanged when it points at nothing named. A name of one English word
    ("alignment", "transformer") may be meant in another sense there, so only names of
    several words or coined ones ("llm") stand in."""
    pointer = POINTER.search(sentence)
    if pointer is None:
        return sentence
    before = question[: max(question.find(sentence), 0)]
    name = last_name(kb, before, is_word)
    if name is None:
        return sentence
    return sentence[: pointer.start()] + name + sentence[pointer.end() :]


def last_name(kb: KnowledgeBase, text: str, is_word: Callable[[str], bool]) -> str | None:
    """The snippet title or alias ``text`` names last, as typed (not folded by the synonyms:
    "rag" typed is no "retrieval augmented generation"); None if none."""
    typed = words(text)
    if not typed:
        return None
    best: tuple[int, int, str] | None = None  # where it ends, its length, its words
    for snippet in kb.snippets.values():
        for name in (snippet.title, *snippet.aliases):
            said = words(name)
            n = len(said)
            if n == 0 or (n == 1 and is_word(said[0])):
                continue
            for start in range(len(typed) - n + 1):
                if typed[start : start + n] == said:
                    found = (start + n, n, " ".join(said))
                    if best is None or found[:2] > best[:2]:
                        best = found
    return None if best is None else best[2]
