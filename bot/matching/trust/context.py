"""Everyday words beside the term: context around it, or a sense of it we do not explain.

Two failures of the coverage check (:mod:`bot.matching.trust.coverage`) have the same cause,
an ordinary English word the knowledge never uses:

- "my boss keeps talking about embeddings and i nod along, what are they": "boss" and "nod"
  are talk around the term; the question is about embeddings and should be answered;
- "how do i fine tune my guitar", "what is diffusion in chemistry", "best transformers movie":
  the plain word is attached to the term and changes its sense (music, chemistry, films); the
  question must not get a confident answer, however well the snippet names the term.

What tells them apart is grammar, not topic lists: a word *attached* to a term word is joined
to it only by words that link nouns (prepositions, articles, possessives, "and"/"or", "the
ones"), so it qualifies the term; a word separated from it by a verb, a wh-word, a pronoun
or a clause break is talk around it. Only words the knowledge never uses anywhere (titles,
aliases, example questions or bodies) and that are real English words count: a rare
technical word is never "everyday", and a word of the domain is judged by coverage as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.matching.lexicon import CHATTY_ZIPF, DESCRIBING, Lexicon
from bot.matching.normalize import fold, strip_links


# Words that join a noun to a noun ("diffusion in chemistry", "tune my guitar", "tokens,
# like the ones in a board game", "knowledge graph or vector db"): closed word classes only.
def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


LINKING = _vocabulary(
    """
    in of for on at from with like as a an the my your our their his her its this that these
    those some ones one kind sort type and or vs versus than
    """
)
# A comma is crossed only when what follows qualifies what came before ("tokens, like ...").
_QUALIFIERS = frozenset({"like", "as", "in", "of", "for", "on", "at", "from", "with"})
_STRONG_BREAK = re.compile(r"[;:!?()\[\]]+|\s[-\u2013\u2014]+\s|\.(?:\s|$)")
_TOKEN = re.compile(r"[a-z0-9]+|,")
# What may open a clause that asks about the term itself.
_ASKING = _vocabulary(
    """
    what whats wat is are was a an the so um uh ok okay exactly does do mean means explain
    define tell me about how hey yo pls please
    """
)
# Words that open a clause: talk in another clause than the term's is talk around it.
_CLAUSE_OPENERS = _vocabulary(
    """
    what whats which who whom why how when where whether and but so if because cause cuz since
    while though although then
    """
)
# Closed classes that make a message a question or a request rather than a statement.
_PREPOSITIONS = _QUALIFIERS | _vocabulary(
    "about by into onto over under to through without between among against around"
)
_REQUEST = _vocabulary(
    """
    what whats wat which who why how when where explain define describe tell please pls plz
    """
)
_AUXILIARIES = _vocabulary("is are was were do does did can could would should will")
_TERM = frozenset({"term"})
_EVERYDAY = frozenset({"everyday", "plain"})
_TOPICAL = frozenset({"term", "domain"})
MAX_GAP = 5  # "tokens, like the ones in a board game"
COMPOUND = 2  # plain nouns before a term in one noun phrase at most ("the board game tokens")
MIN_LETTERS = 3  # "db", "go": abbreviations and particles, not a sense of the term
# An appositive naming a sense of the term: "transformer, the electrical kind".
_SENSE = frozenset({"kind", "sort", "type", "one", "ones", "version", "sense"})
_ARTICLES = frozenset({"a", "an", "the"})
_POSSESSIVES = frozenset({"my", "your", "our", "their", "his", "her"})
_DETERMINERS = _ARTICLES | {"my", "your", "our", "their", "his", "her", "its", "this", "that"}
# Pronouns that look like nouns ("the setting everybody mentions").
_PRONOUNS = frozenset(
    {"everybody", "everyone", "somebody", "someone", "anybody", "anyone", "nobody", "people"}
)  # linking words between a term word and an attached one, at most

# A raw word -> "term" (names the snippet's subject), "domain" (another word of the field:
# some snippet's name, a word the snippet explains, a word English does not know),
# "everyday" (an English word the knowledge never uses), "plain" (an English word the
# knowledge uses in passing), or "" (phrasing, chat glue).
Kind = Callable[[str], str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """The everyday words of a question, by how they stand to its term words."""

    attached: tuple[str, ...]  # qualify a term word: another sense of it
    around: tuple[str, ...]  # talk around the term
    beside: tuple[str, ...] = ()  # talk beside the term, in its own clause
    named: bool  # a term word is in the question


def _runs(question: str) -> list[list[str]]:
    """The question's words, split at strong breaks; a comma stays as ","."""
    text = fold(strip_links(question)).replace("'", "")
    return [_TOKEN.findall(part) for part in _STRONG_BREAK.split(text)]


def _reach(
    tokens: Sequence[str], kinds: Sequence[str], start: int, step: int, targets: frozenset[str]
) -> tuple[int, bool]:
    """The position of a word of one of the ``targets`` kinds reached from ``start`` going
    ``step`` over linking words only (-1 if none), and whether a preposition was crossed."""
    gap = 0
    preposition = False
    i = start + step
    while 0 <= i < len(tokens):
        token = tokens[i]
        if kinds[i] in targets:
            return i, preposition
        if token == ",":
            if not _qualifies(tokens, i):
                return -1, preposition
            preposition = True
        elif token in LINKING:
            gap += 1
            preposition |= token in _QUALIFIERS
            if gap > MAX_GAP:
                return -1, preposition
        else:
            return -1, preposition
        i += step
    return -1, preposition


def _qualifies(tokens: Sequence[str], comma: int) -> bool:
    """Whether the clause after a comma qualifies what came before: it opens with a
    preposition ("tokens, like the ones in ..."), or it is "the/a ... kind" (a sense)."""
    rest = list(tokens[comma + 1 :])
    if "," in rest:
        rest = rest[: rest.index(",")]
    if not rest:
        return False
    return rest[0] in _QUALIFIERS or (rest[0] in _ARTICLES and rest[-1] in _SENSE)


def _modifies(
    tokens: Sequence[str], kinds: Sequence[str], at: int, describes: Callable[[str], bool]
) -> bool:
    """A noun before the term: after an article or possessive, right before a term word
    ("my body temperature", "the board game tokens"); a word that can only be a verb ends
    the noun phrase ("my friend says gans")."""
    if at == 0 or tokens[at - 1] not in _DETERMINERS or not describes(tokens[at]):
        return False
    i = at + 1
    while i < len(tokens) and kinds[i] in _EVERYDAY:
        if not describes(tokens[i]) or i - at >= COMPOUND:
            return False  # "my manager keeps saying rag": a verb, not a longer noun
        i += 1
    return i < len(tokens) and kinds[i] == "term"


def _clauses(tokens: Sequence[str]) -> list[int]:
    """Which clause each token is in: a comma, a wh-word or a conjunction opens a new one."""
    out: list[int] = []
    n = 0
    for token in tokens:
        if token == "," or (token in _CLAUSE_OPENERS and out):
            n += 1
        out.append(n)
    return out


def _asks_about(tokens: Sequence[str], at: int) -> bool:
    """Whether the clause holding ``tokens[at]`` opens with the term or with a question about
    it ("what is diffusion in chemistry"), not with someone's doings ("i keep hearing the
    word tokens in meetings"): only then does a preposition after the term qualify it."""
    i = at - 1
    while i >= 0 and tokens[i] != ",":
        if tokens[i] not in _ASKING:
            return False
        i -= 1
    return True


def everyday(lexicon: Lexicon, word: str) -> bool:
    """A real English word, but not one so frequent it is chat glue ("thing", "right")."""
    return lexicon.is_word(word) and lexicon.zipf(word) < CHATTY_ZIPF


def _asks(question: str, tokens: Sequence[str]) -> bool:
    """Whether the question asks or requests something (a wh-word, "explain", "please", a
    question mark, or an opening auxiliary), rather than stating something."""
    if "?" in question or any(t in _REQUEST for t in tokens):
        return True
    return bool(tokens) and tokens[0] in _AUXILIARIES


def _beside(
    tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon, asking: bool
) -> bool:
    """Whether a plain word in the term's own clause is talk beside the term ("my boss keeps
    talking about embeddings", "how risky is generative ai", "the cons of fine tuning").

    A word that can only be a verb or an adverb names no subject: it is talk wherever it is.
    A noun or an adjective is talk only when it is

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
    if _acts_on(tokens, kinds, at, lexicon):
        # A verb acting on the term may set its sense ("buy a used transformer", "adjust
        # the temperature"); "talking about" it does not.
        return False
    if not lexicon.can_describe(token):
        return True
    if _generic_phrase(tokens, kinds, at, lexicon):
        return True
    start = at
    while start > 0 and kinds[start - 1] in _EVERYDAY and lexicon.can_describe(tokens[start - 1]):
        start -= 1  # a compound noun: "the office thermostat"
    if _reach(tokens, kinds, start, -1, _TOPICAL)[0] >= 0:
        return False
    ahead, preposition = _reach(tokens, kinds, at, 1, _TOPICAL)
    if ahead >= 0 and not (preposition and _names_term(kinds, ahead)):
        return False
    if not lexicon.can_name(token):
        return True
    return asking and "term" not in kinds[:at]


def _acts_on(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a verb takes a term or field word as its object: only articles, possessives
    and plain modifiers between ("buy a used transformer"), no preposition."""
    i = at + 1
    while i < len(tokens) and i - at <= MAX_GAP:
        token, found = tokens[i], kinds[i]
        if found in _TOPICAL:
            return True
        if token in _PREPOSITIONS or token == "," or token in _CLAUSE_OPENERS:
            return False
        if not (token in LINKING or (not found and lexicon.parts(token) & DESCRIBING)):
            return False
        i += 1
    return False


def _generic_phrase(
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
    while before >= 0 and tokens[before] in _DETERMINERS:
        before -= 1
    return before >= 0 and tokens[before] in _QUALIFIERS


def _names_term(kinds: Sequence[str], at: int) -> bool:
    """Whether the field words from ``at`` on hold a term word ("fine tuning": "fine" alone
    is a plain word of the field)."""
    while at < len(kinds) and kinds[at] in _TOPICAL:
        if kinds[at] == "term":
            return True
        at += 1
    return False


def context(question: str, kind: Kind, lexicon: Lexicon | None = None) -> Context:
    """Sort the everyday words of ``question``: attached to a term word that follows them
    ("fine tune my guitar", "transformers movie", "diffusion in chemistry"), around the term
    (linked to no term or knowledge word at all), or, given the ``lexicon`` to tell nouns
    from verbs, beside the term in its own clause (:func:`_beside`)."""
    attached: list[str] = []
    around: list[str] = []
    beside: list[str] = []
    named = False
    everything = [t for tokens in _runs(question) for t in tokens]
    asking = _asks(question, everything)

    def describes(token: str) -> bool:
        return lexicon is None or lexicon.can_describe(token)

    for tokens in _runs(question):
        kinds = [
            "" if t == "," or t in LINKING or t in _PRONOUNS or len(t) < MIN_LETTERS else kind(t)
            for t in tokens
        ]
        clause = _clauses(tokens)
        term_clauses = {clause[i] for i, k in enumerate(kinds) if k == "term"}
        for i, token in enumerate(tokens):
            named |= kinds[i] == "term"
            if token in _PRONOUNS and lexicon is not None and kind(token) in _EVERYDAY:
                beside.append(token)  # "everybody", "people": never the subject asked about
            if kinds[i] not in _EVERYDAY:
                continue
            term, preposition = _reach(tokens, kinds, i, -1, _TERM)
            # A verb or an adverb after the term ("deepfakes honestly") is no sense of it.
            qualifies = (
                kinds[i] == "everyday"
                and term >= 0
                and describes(token)
                and not _generic_phrase(tokens, kinds, i, lexicon)
            )
            # A question about the term "in my car": a possessed thing the knowledge only
            # mentions in passing gives it another sense just as well (not "in simple terms").
            placed = (
                lexicon is not None
                and term >= 0
                and preposition
                and any(t in _POSSESSIVES for t in tokens[term + 1 : i])
                and lexicon.can_name(token)
                and _asks_about(tokens, term)
            )
            if (
                (qualifies and (not preposition or _asks_about(tokens, term)))
                or placed
                or _modifies(tokens, kinds, i, describes)
            ):
                attached.append(token)
            elif (
                clause[i] not in term_clauses
                and _reach(tokens, kinds, i, -1, _TOPICAL)[0] < 0
                and _reach(tokens, kinds, i, 1, _TOPICAL)[0] < 0
            ):
                around.append(token)
            elif lexicon is not None and _beside(tokens, kinds, i, lexicon, asking):
                beside.append(token)
    return Context(
        attached=tuple(attached), around=tuple(around), beside=tuple(beside), named=named
    )
