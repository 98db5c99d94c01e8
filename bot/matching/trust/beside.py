"""Plain words beside a named term, in its own clause: talk or not, by part of speech.

"my boss keeps talking about embeddings", "how risky is generative ai", "the pros and cons of
fine tuning", "rag in simple terms": the plain words share the term's clause but say nothing
about what is asked. "the transformer in the basement", "adjust the temperature on the office
thermostat", "sparse embeddings": they are bound to the term and may make it another subject.
Grammar and English parts of speech (:meth:`bot.matching.lexicon.Lexicon.parts`) tell them
apart; :mod:`bot.matching.trust.context` asks here.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.lexicon import DESCRIBING, SALIENT_ZIPF, Lexicon
from bot.matching.trust.grammar import (
    ARTICLES,
    AUXILIARIES,
    CLAUSE_OPENERS,
    DETERMINERS,
    EVERYDAY,
    LINKING,
    MAX_GAP,
    PREPOSITIONS,
    QUALIFIERS,
    REQUEST,
    TOPICAL,
    possessed,
    reach,
)
from bot.matching.trust.talk import HABIT, SAYING


def asks(question: str, tokens: Sequence[str]) -> bool:
    """Whether the question asks or requests something (a wh-word, "explain", "please", a
    question mark, or an opening auxiliary), rather than stating something."""
    if "?" in question or any(t in REQUEST for t in tokens):
        return True
    return bool(tokens) and tokens[0] in AUXILIARIES


def is_beside(
    tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon, asking: bool
) -> bool:
    """Whether a plain word in the term's own clause is talk beside the term ("my boss keeps
    talking about embeddings", "how risky is generative ai", "the cons of fine tuning").

    A verb acting on the term may set its sense ("buy a used transformer", "adjust the
    temperature"): never talk. Otherwise a word that can only be a verb or an adverb names no
    subject: talk wherever it is; so is an adjective qualifying a phrasing word that ends a
    phrase ("rag in simple terms"). A noun or an adjective is talk only when it is

    - not the complement of a term or field word ("transformer in the basement", "the
      temperature on the office thermostat": reached back over linking words, or over the
      noun before it);
    - not right before one over articles or possessives only ("sparse embeddings"): only a
      preposition between makes it the head and the term its object ("the cons of fine
      tuning");
    - for a noun, before the clause's term ("what temperature should i bake bread at": the
      bread may be what it is about), and in a question or a request (a statement such as
      "my car needs a fine tune" may be about the car).
    """
    token = tokens[at]
    if asked_subject(tokens, at):
        return False  # "what is a cnn in deep learning": the question asks what it is
    if acts_on(tokens, kinds, at, lexicon):
        # A verb acting on the term may set its sense ("buy a used transformer", "adjust
        # the temperature"); "talking about" it does not.
        return False
    if not lexicon.can_describe(token):
        return True
    if not possessed(tokens, at) and (
        subject(tokens, kinds, at, lexicon) or lexicon.zipf(token) <= SALIENT_ZIPF
    ):
        # What acts on the term, or a word this rare, may be what is asked about ("can a
        # high fever cause hallucinations", "what is dropout in neural networks"); someone
        # of the asker's is only who spoke of it ("my friend says gans are outdated").
        return False
    if generic_phrase(tokens, kinds, at, lexicon):
        return True
    start = at
    while start > 0 and kinds[start - 1] in EVERYDAY and lexicon.can_describe(tokens[start - 1]):
        start -= 1  # a compound noun: "the office thermostat"
    if reach(tokens, kinds, start, -1, TOPICAL)[0] >= 0:
        return False
    ahead, preposition = reach(tokens, kinds, at, 1, TOPICAL)
    if ahead >= 0 and not (preposition and names_term(kinds, ahead)):
        return False
    if not lexicon.can_name(token):
        return True
    return asking and "term" not in kinds[:at]


# What asks for a definition of the noun phrase right after it ("what is a", "explain the").
ASKS_WHAT = frozenset({"whats", "explain", "define", "describe"})
_IS = frozenset({"is", "are", "s"})
_WHAT = frozenset({"what", "wat"})


def asked_subject(tokens: Sequence[str], at: int) -> bool:
    """Whether a word opens the noun phrase a definition question asks about: right after
    "what is", "what's", "explain" or "define", over articles only ("what is a cnn in deep
    learning", "explain dropout in neural networks"); not a head whose object is the term
    ("what are the cons of rag")."""
    if tokens[at + 1 : at + 2] in (["of"], ["about"]):
        return False
    i = at - 1
    while i >= 0 and tokens[i] in ARTICLES:
        i -= 1
    if i < 0:
        return False
    if tokens[i] in ASKS_WHAT:
        return i == 0 or tokens[i - 1] in {",", "pls", "please", "can", "you"}
    return tokens[i] in _IS and i >= 1 and tokens[i - 1] in _WHAT


def acts_on(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a verb takes a term or field word as its object: only articles, possessives
    and plain modifiers between ("buy a used transformer"), no preposition. A word "or" or
    "and" follows is a noun joined to another ("a screenshot of the departures board or a
    pdf": a board, not boarding)."""
    i = at + 1
    if tokens[i : i + 1] in (["or"], ["and"]):
        return False
    while i < len(tokens) and i - at <= MAX_GAP:
        token, found = tokens[i], kinds[i]
        if found in TOPICAL:
            return True
        if token in PREPOSITIONS or token == "," or token in CLAUSE_OPENERS:
            return False
        if not (token in LINKING or (not found and lexicon.parts(token) & DESCRIBING)):
            return False
        i += 1
    return False


def generic_phrase(
    tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon | None
) -> bool:
    """Whether an adjective after a preposition only qualifies a phrasing word that ends the
    phrase ("rag in simple terms"): the phrase says how to answer, not what about."""
    if lexicon is None or "ADJ" not in lexicon.parts(tokens[at]):
        return False
    after = at + 1
    if after >= len(tokens) or kinds[after] or tokens[after] in LINKING or tokens[after] == ",":
        return False
    if after + 1 < len(tokens) and tokens[after + 1] != ",":
        return False
    before = at - 1
    while before >= 0 and tokens[before] in DETERMINERS:
        before -= 1
    return before >= 0 and tokens[before] in QUALIFIERS


def names_term(kinds: Sequence[str], at: int) -> bool:
    """Whether the field words from ``at`` on hold a term word ("fine tuning": "fine" alone
    is a plain word of the field)."""
    while at < len(kinds) and kinds[at] in TOPICAL:
        if kinds[at] == "term":
            return True
        at += 1
    return False


# Pronouns that open a clause of their own: the word before one ends a noun phrase. Not
# "you", which is an object too ("can a fever give you hallucinations").
SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "im", "ive", "weve"})


def subject(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a noun is the subject of a verb acting on the term ("can a high fever cause
    hallucinations"): it may be what the question is about, unlike a speaker who talks
    *about* the term ("my boss keeps talking about embeddings")."""
    verb = at + 1
    said = verb
    while said < len(tokens) and tokens[said] in HABIT:
        said += 1
    if said < len(tokens) and tokens[said] in SAYING:
        return False  # "everyone in the office says 'foundation model'": who speaks of it
    if tokens[verb + 1 : verb + 2] and tokens[verb + 1] in SUBJECT_PRONOUNS:
        return False  # "the arrangement notes i pasted in": a noun a clause of the asker's ends
    return (
        verb < len(tokens)
        and kinds[verb] in EVERYDAY
        and "VERB" in lexicon.parts(tokens[verb])
        and acts_on(tokens, kinds, verb, lexicon)
    )


# What stands before a term used as a verb: its subject, an auxiliary or "to" ("how do i fine
# tune", "we're fine tuning", "can we embed").
VERB_OPENERS = frozenset(
    {"i", "we", "you", "they", "to", "do", "can", "should", "could", "were", "are", "im"}
    | {"lets", "will", "would", "gonna", "wanna", "must"}
)


def verb_object(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a plain noun is the object of a term used as a verb, after an article or a
    possessive and one describing word at most ("how do i fine tune the budget", "we're fine
    tuning the q3 budget", "can we embed the video"): what the term acts on, so a thing its
    snippet does not explain gives it another sense. A term used as a noun ("the prompt the
    customer sees") has no such object."""
    if kinds[at] != "plain" or not lexicon.can_name(tokens[at]):
        return False
    i = at - 1
    figure = any(c.isdigit() for c in tokens[i]) if i >= 0 else False
    if i >= 0 and (figure or (kinds[i] in EVERYDAY and lexicon.can_describe(tokens[i]))):
        i -= 1  # "the q3 budget", "the old guitar"
    if i < 1 or tokens[i] not in DETERMINERS or kinds[i - 1] != "term":
        return False
    start = i - 1
    while start > 0 and kinds[start - 1] in TOPICAL:
        start -= 1
    return start > 0 and tokens[start - 1] in VERB_OPENERS


# Prepositions that set the term as a place ("python on windows", "a screenshot on windows").
LOCATIVE = frozenset({"on", "in", "at"})  # the ones grammar.reach crosses as linking words


def placed_on_term(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether the term follows the word at ``at`` over a preposition of place, linking words
    and at most ``COMPOUND`` other plain or everyday words (:func:`reach`; "python on
    windows", "python script on windows"): where the thing is, so, beside a lone English
    term, the thing tells its sense (not "the cons of rag", which asks a judgement of it)."""
    ahead, preposition = reach(tokens, kinds, at, 1, TOPICAL, over=lambda i: kinds[i] in EVERYDAY)
    return preposition and ahead > at and not LOCATIVE.isdisjoint(tokens[at + 1 : ahead])
