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
from bot.matching.trust.grammar import POSSESSIVES, vocabulary
from bot.matching.trust.talk import WH

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
# A subject pronoun of the asker after a word for the answer opens a clause about the asker
# ("llm definition i can send my mom").
_SUBJECT = frozenset({"i", "im", "ive", "we", "weve"})
_ANSWER_WORDS = vocabulary(
    """
    definition definitions explanation explanations summary overview answer answers version
    description intro introduction eli5 tldr
    """
)
_THE = frozenset({"the"}) | POSSESSIVES
# Verbs of someone's saying, wanting or feeling (closed: what a reported clause turns on).
_REPORTING = vocabulary(
    """
    keeps keep kept wants want wanted says said asks asked thinks thought needs needed
    insists insisted claims claimed told tells worries worried hates loves likes
    """
)
# What opens a clause about the topic itself, never about someone: pronouns, wh-words.
_NOT_SOMEONE = vocabulary(
    "it this that these those there what which who how why when where whats hows"
)
_ASKING_VERBS = frozenset({"will", "would", "can", "could", "should", "shall", "do", "does", "did"})
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
    """Whether a subject pronoun after ``before`` opens a clause of its own: a contact clause
    after a word for the answer ("a definition i can send my mom": what the asker will do
    with it). After any other word it may say which thing is meant ("rag i use for
    cleaning", "agents we hired for the house sale"): part of what is asked."""
    return bool(before) and before[-1] in _ANSWER_WORDS


def is_aside(clause: list[str]) -> bool:
    """Speaks in the first or second person, opens with a participle, or reports what
    someone else does ("procurement keeps putting it in every rfp", "the board wants a
    feel")."""
    first = clause[0] if clause else ""
    if first in _OPENERS and len(clause) > 1:
        first = clause[1]
    participle = len(first) >= PARTICIPLE_MIN and first.endswith("ing")
    if _asks(clause):
        return False  # "when will we get agi": a question of its own, whoever it speaks of
    return participle or any(w in _PERSON for w in clause) or _reports(clause)


def _asks(clause: list[str]) -> bool:
    """Whether a clause is a direct question: a wh-word, then a modal or an auxiliary."""
    return len(clause) >= 3 and clause[0] in WH and clause[1] in _ASKING_VERBS


def _reports(clause: list[str]) -> bool:
    """Whether a clause opens with one noun, an article or possessive before it at most,
    and then a verb of saying, wanting or feeling: someone's doings, never a question."""
    words = clause[1:] if clause and clause[0] in _THE else clause
    return len(words) >= 3 and words[0] not in _NOT_SOMEONE and words[1] in _REPORTING


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
