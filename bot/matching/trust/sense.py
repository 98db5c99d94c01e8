"""Which sense a term of one English word has: whether the things and trades around it tell
another one ("a transformer blew on our street", "as an electrician, what's a transformer")
or are only talk ("as a video editor, what can generative AI do for me")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.grammar import DETERMINERS, TOPICAL
from bot.matching.trust.occasion import EVENTS, TIME

# Too short for the grammar's kinds (:data:`bot.matching.trust.grammar.MIN_LETTERS`), yet they
# put the word after them in the field: "ai agents" are no everyday agents.
FIELD_QUALIFIERS = frozenset({"ai", "ml"})
FIELD_AFTER = frozenset((p, f) for p in ("in", "for") for f in FIELD_QUALIFIERS)


def trades_ask(sentences: Sequence[tuple[list[str], list[str]]], lexicon: Lexicon) -> bool:
    """Whether a trade in the question names who asks ("as a video editor"): when no term of
    it is an English word on its own, with another sense a trade may mean ("as an
    electrician, what's a transformer")."""
    return not any(
        lone_word(tokens, kinds, i, lexicon)
        for tokens, kinds in sentences
        for i in range(len(tokens))
    )


def unsupported(
    sentences: Sequence[tuple[list[str], list[str]]], lexicon: Lexicon, question: str
) -> bool:
    """Whether every word of the field in the question is a term of one English word
    ("transformer", "closed"), with no other word of the field beside it (a term typed in
    capitals, "RAG", is an abbreviation)."""
    lone = False
    for tokens, kinds in sentences:
        for i, k in enumerate(kinds):
            if k == "domain" or (k == "term" and not lone_word(tokens, kinds, i, lexicon)):
                return False
            if k == "term" and re.search(rf"\b{re.escape(tokens[i].upper())}\b", question):
                return False
            if k == "term" and i > 0 and tokens[i - 1] in FIELD_QUALIFIERS:
                return False
            if k == "term" and tuple(tokens[i + 1 : i + 3]) in FIELD_AFTER:
                return False  # "temperature in ai": the field says which sense
            lone |= k == "term"
    return lone


def field_framed(sentences: Sequence[tuple[list[str], list[str]]]) -> bool:
    """Whether the question puts a term in the field after it ("a prompt in ai terms",
    "tokens in ml"): then nothing beside it tells another sense. Not "ai" before it, which
    may be part of a name ("ai ethics policy template", "the ai assistant in teams")."""
    return any(
        k == "term" and tuple(tokens[i + 1 : i + 3]) in FIELD_AFTER
        for tokens, kinds in sentences
        for i, k in enumerate(kinds)
    )


def thing(token: str, lexicon: Lexicon | None, unknown: Callable[[str], bool] | None) -> bool:
    """A noun for a thing (not a person) that the knowledge never uses ("street", "garage")."""
    return unknown is not None and common_noun(token, lexicon) and unknown(token)


def common_noun(token: str, lexicon: Lexicon | None) -> bool:
    """An English noun for a thing: not a person, a trade, an event or a time ("kitchen",
    "behaviour")."""
    return (
        lexicon is not None
        and lexicon.is_word(token)
        and lexicon.can_name(token)
        and not lexicon.names_person(token)
        and not lexicon.names_trade(token)
        and token not in EVENTS
        and token not in TIME
    )


def lone_word(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """A term of one word that English knows ("transformer", "temperature", "tokens"): one a
    trade may give another sense."""
    if kinds[at] != "term":
        return False
    alone = (at == 0 or kinds[at - 1] != "term") and (
        at + 1 >= len(kinds) or kinds[at + 1] != "term"
    )
    return alone and lexicon.is_word(tokens[at])


def of_the_ones(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word follows "the one(s)" opening a phrase after a comma, nothing of the
    field between: the term, named again by a pronoun, with what tells its sense ("tokens,
    the ones for the arcade", "agents, the ones that book our flights")."""
    comma = at
    while comma >= 0 and tokens[comma] != ",":
        comma -= 1
    start = comma + 1
    while start < at and tokens[start] in DETERMINERS:
        start += 1
    return (
        comma >= 0
        and start < at
        and tokens[start] in {"one", "ones"}
        and all(k not in TOPICAL for k in kinds[start:at])
    )


# Pronouns standing for the thing a term word acts on ("how do i fine tune it").
OBJECT_PRONOUNS = frozenset({"it", "them"})


def pronoun_referents(
    sentences: Sequence[tuple[list[str], list[str]]],
    lexicon: Lexicon | None,
    unknown: Callable[[str], bool] | None,
) -> list[str]:
    """The things a term word's pronoun object stands for ("my guitar sounds off, how do i
    fine tune it"): when the term acts on "it" and the question names nothing else of the
    field, the things named before it, which the knowledge never speaks of, are what it acts
    on: another sense of the term, not talk."""
    flat = [(t, k) for tokens, kinds in sentences for t, k in zip(tokens, kinds, strict=True)]
    acted = [
        i for i, (_, k) in enumerate(flat[:-1]) if k == "term" and flat[i + 1][0] in OBJECT_PRONOUNS
    ]
    if len(acted) != 1:
        return []
    at = acted[0]
    start = at
    while start > 0 and flat[start - 1][1] in TOPICAL:
        start -= 1  # the whole term ("fine tune")
    if any(k in TOPICAL for i, (_, k) in enumerate(flat) if not start <= i <= at):
        return []
    return [t for t, k in flat[:start] if k in {"everyday", "plain"} and thing(t, lexicon, unknown)]
