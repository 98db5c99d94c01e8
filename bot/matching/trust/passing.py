"""The term a question asks about, when English does not know it: "how does backpropagation
work in a neural network", "backpropagation explained pls", "what's bm25", "is bm25 better
than embeddings". A snippet that only mentions such a term in passing (the neural network
body names backpropagation in brackets) has not explained it, however much of the rest of
the question it explains (:meth:`bot.matching.trust.judge.Judge.__call__`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.alone import opens_asking_of_before
from bot.matching.compare import COMPARATIVES
from bot.matching.trust.beside import ASKS_WHAT
from bot.matching.trust.grammar import ARTICLES, runs

# "how does X work", "what is X": an auxiliary after a question word.
_AUXILIARY = frozenset({"is", "are", "does", "do", "did", "s"})
_WH = frozenset({"what", "wat", "how", "why"})
# Opening its sentence, the term asked about comes before these ("X explained", "X in a
# neural network, how does it work", "X, how does it work"); before others it may be held
# up to a term instead ("deepseek is great, is it an llm").
_AFTER_OPENING = frozenset({"explained", "in", "vs", "versus", ","})


def opens_subject(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` opens what its sentence asks about: after "explain" or
    "what's", after a question word's auxiliary ("how does X work"), first in its sentence
    before "explained", "in", "vs" or a comma, or set against something ("is X better than
    ..."); articles between do not count. Not a thing asked whether it is one ("is qwen
    open weights", "qwen, is it open weights"): that is an example held up to the term."""
    i = at - 1
    while i >= 0 and tokens[i] in ARTICLES:
        i -= 1
    # Alone in its sentence it may be held up to what follows ("deepseek - is that an open
    # weights model").
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    if i < 0:
        # "deepseek, is that an open weights model": held up to what follows the comma
        held_up = after == "," and opens_asking_of_before(tokens[at + 2 :])
        return after in _AFTER_OPENING and not held_up
    if tokens[i] in ASKS_WHAT:  # "explain X", "what's X"
        return True
    if tokens[i] not in _AUXILIARY:
        return False
    if i > 0 and tokens[i - 1] in _WH:
        return True
    return i == 0 and after in COMPARATIVES


def asked_terms(question: str, knows: Callable[[str], bool]) -> list[str]:
    """The words, as typed (folded), that open what the question asks about and that
    English does not ``knows`` (jargon, products, coined names)."""
    return [
        token
        for tokens in runs(question)
        for at, token in enumerate(tokens)
        if token.isalnum() and not knows(token) and opens_subject(tokens, at)
    ]
