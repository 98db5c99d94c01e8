"""Asides: clauses of a question that talk about the asker, not about the topic.

People wrap a question in their own situation: "what's a foundation model, asking for a slide
deck", "can someone explain ai agents like im not a dev", "we have 10k pdfs, do we fine tune
or do rag". The words of such a clause are rare in the knowledge ("deck", "dev", "pdfs") and
would read as a topic the snippet does not explain. The signal is grammatical, never about
particular topic words: a clause set off by punctuation or by a subordinating word ("like",
"because") that either speaks in the first or second person (the asker's situation: "we
have", "im not") or opens with a participle ("asking for", "trying to"). A clause that
qualifies the term instead ("transformer, the electrical kind", "temperature, in physics")
opens with an article or a preposition and is never an aside.

Whether an aside may be left out is the judge's call (:mod:`bot.matching.trust.judge`): only
when the snippet explains none of its words, no snippet is about any of them, and the rest of
the question is fully explained.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.matching.normalize import fold, strip_links, words
from bot.matching.trust.grammar import vocabulary

# Where one clause ends and another starts: punctuation, a dash between spaces, and the
# subordinating words that open a clause in chat.
_BREAK = re.compile(r"[,;:!?()\[\]]+|\s[-\u2013\u2014]+\s|\.(?:\s|$)")
_OPENERS = frozenset({"like", "because", "cause", "cuz", "coz", "since", "bc"})
# Grammatical person: the asker and the people addressed (closed word classes).
_PERSON = frozenset(
    {
        "i", "im", "ive", "me", "my", "mine", "we", "weve", "our", "ours", "us",
        "you", "youre", "your", "yours", "u", "ur", "someone", "somebody", "anyone", "anybody",
    }
)  # fmt: skip
# A subject pronoun of the asker opens a clause of its own when no function word leads into it
# ("definition of llm i can send my dad", "what is rlhf we keep hearing it"): a contact or
# relative clause about the asker. After an auxiliary, a wh-word, a conjunction or a
# preposition it is the subject of the question itself ("how do i", "what should we").
_SUBJECT = frozenset({"i", "im", "ive", "we", "weve"})
_LEADS_IN = vocabulary(
    """
    is are was were am be do does did dont doesnt can could cant would should will wont shall
    may might must have has had what whats which who whom why how when where whether if that
    and or but so as than because cause cuz since while though although then like
    in of for on at from with to about by into over under after before until
    """
)
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her"}
)
PARTICIPLE_MIN = 5  # "asking", "trying": shorter -ing words are nouns ("king", "ring")

Analyse = Callable[[str], list[str]]


def clauses(question: str) -> list[list[str]]:
    """The question's words, clause by clause."""
    out: list[list[str]] = []
    for part in _BREAK.split(fold(strip_links(question)).replace("'", "")):
        current: list[str] = []
        for word in words(part):
            opens = word in _OPENERS or (word in _SUBJECT and _contact(current))
            if opens and current:
                out.append(current)
                current = []
            current.append(word)
        if current:
            out.append(current)
    return out


def _contact(before: list[str]) -> bool:
    """Whether a subject pronoun after ``before`` opens a clause of its own: no function word
    leads into it, and the word before it is no noun a determiner opens ("the rag i use to
    clean my keyboard": a relative clause saying which rag, so what it is about)."""
    if not before or before[-1] in _LEADS_IN:
        return False
    return len(before) < 2 or before[-2] not in _DETERMINERS


def is_aside(clause: list[str]) -> bool:
    """Speaks in the first or second person, or opens with a participle."""
    first = clause[0] if clause else ""
    if first in _OPENERS and len(clause) > 1:
        first = clause[1]
    participle = len(first) >= PARTICIPLE_MIN and first.endswith("ing")
    return participle or any(w in _PERSON for w in clause)


def asides(found: list[list[str]], analyse: Analyse) -> tuple[tuple[str, ...], ...]:
    """The analysed topic words of each aside among a question's :func:`clauses`, when it
    has more than one."""
    if len(found) < 2:
        return ()
    out = []
    for clause in found:
        if is_aside(clause):
            analysed = tuple(analyse(" ".join(clause)))
            if analysed:
                out.append(analysed)
    return tuple(out)
