"""Closed English word classes and the walks over a question's words that
:mod:`bot.matching.trust.context` and :mod:`bot.matching.trust.beside` share.

A question is split into runs at strong breaks; each word of a run has a *kind* from the judge
("term", "domain", "everyday", "plain" or "" for phrasing and chat glue).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from bot.matching.normalize import fold, strip_links


# Words that join a noun to a noun ("diffusion in chemistry", "tune my guitar", "tokens,
# like the ones in a board game", "knowledge graph or vector db"): closed word classes only.
def vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


LINKING = vocabulary(
    """
    in of for on at from with like as a an the my your our their his her its this that these
    those some ones one kind sort type and or vs versus than
    """
)
# A comma is crossed only when what follows qualifies what came before ("tokens, like ...").
QUALIFIERS = frozenset({"like", "as", "in", "of", "for", "on", "at", "from", "with"})
STRONG_BREAK = re.compile(r"[;:!?()\[\]]+|\s[-\u2013\u2014]+\s|\.(?:\s|$)")
# Chat ends a sentence with an emoji as often as with a mark ("... a wire transfer 😬 what is a
# deepfake"); a colon inside quotes ("spell out 'Attention:'") ends none.
PICTURE_BREAK = r"\s[\U0001F300-\U0001FAFF\u2600-\u27BF\u200d\ufe0f]+\s"  # an emoji between words
SENTENCE_BREAK = re.compile(
    r"[;!?()\[\]]+|(?<!\d):+(?![\'\"\u2019\u201d])|:+(?![\d\'\"\u2019\u201d])"
    r"|\s[-\u2013\u2014]+\s|\.(?:\s|$)"
    r"|" + PICTURE_BREAK
)
# A comma between digits groups thousands ("4,000 past classifications"); it breaks nothing.
TOKEN = re.compile(r"[a-z0-9]+|(?<!\d),|,(?!\d)")
# A quote opens after no letter and closes before none ("it's 'agentic'" quotes "agentic");
# an apostrophe between letters is a word's own ("'boiler won't start'").
QUOTED = re.compile(
    r"(?<![A-Za-z])[\"\u201c\u2018']"
    r"((?:[^\"\u201d\u2019']|(?<=[A-Za-z])['\u2019](?=[A-Za-z]))"
    r"{2,60})[\"\u201d\u2019'](?![A-Za-z])"
)
# What may open a clause that asks about the term itself.
ASKING = vocabulary(
    """
    what whats wat why which where when who is are was a an the so um uh ok okay exactly does do
    mean means explain
    define tell me about how hey yo pls please
    """
)
WHAT = vocabulary("what whats wat which define explain")  # asking what a thing is
# Words that open a clause: talk in another clause than the term's is talk around it.
CLAUSE_OPENERS = vocabulary(
    """
    what whats which who whom why how when where whether and but so if because cause cuz since
    while though although then whenever
    """
)
# "every time i ask", "each time we run it": a clause of when, opened by two words.
TIME_OPENERS = frozenset({"every", "each"})
# A verb with one of these before the term talks about it ("talking about embeddings").
PREPOSITIONS = QUALIFIERS | vocabulary(
    "about by into onto over under to through without between among against around"
)
# Closed classes that make a message a question or a request rather than a statement.
REQUEST = vocabulary(
    """
    what whats wat which who why how when where explain define describe tell please pls plz
    """
)
AUXILIARIES = vocabulary("is are was were do does did can could would should will")
TERM = frozenset({"term"})
EVERYDAY = frozenset({"everyday", "plain"})
TOPICAL = frozenset({"term", "domain"})
MAX_GAP = 5  # linking words between a term word and an attached one, at most
COMPOUND = 2  # plain nouns before a term in one noun phrase at most ("the board game tokens")
MIN_LETTERS = 3  # "db", "go": abbreviations and particles, not a sense of the term
# An appositive naming a sense of the term: "transformer, the electrical kind".
SENSE = frozenset({"kind", "sort", "type", "one", "ones", "version", "sense", "thing"})
ARTICLES = frozenset({"a", "an", "the"})
POSSESSIVES = frozenset({"my", "your", "our", "their", "his", "her"})
DETERMINERS = ARTICLES | {"my", "your", "our", "their", "his", "her", "its", "this", "that"}
# What a clause opened by "cause" (because) starts with.
SUBJECTS = vocabulary(
    "i im ive we you u they it its theres there he she the a an my our your this that thats"
)
# Pronouns that look like nouns ("the setting everybody mentions").
PRONOUNS = frozenset(
    {"everybody", "everyone", "somebody", "someone", "anybody", "anyone", "nobody", "people"}
)

Sentences = Sequence[tuple[list[str], list[str]]]  # each sentence's tokens and kinds
# Relative pronouns opening a clause about the noun before them ("a bot that logs into").
RELATIVE = frozenset({"that", "which"})
# How the asker asks how to do something themselves ("how do i upload", "where do i set").
HOW_DO_I = (("how", "do", "i"), ("how", "can", "i"), ("where", "do", "i"), ("how", "do", "we"))


def past(tokens: Sequence[str], at: int, words: frozenset[str]) -> int:
    """Where ``tokens`` stop being ``words``, from ``at`` on ("the", "our" before a noun)."""
    while at < len(tokens) and tokens[at] in words:
        at += 1
    return at


def runs(question: str) -> list[list[str]]:
    """The question's words, split at strong breaks; a comma stays as ","."""
    return [
        TOKEN.findall(part)
        for typed in re.split(PICTURE_BREAK, strip_links(question))
        for part in STRONG_BREAK.split(fold(typed).replace("'", ""))
    ]


def split_sentences(question: str) -> list[str]:
    """The question as typed, split at strong breaks (as :func:`runs` splits its words, but
    never inside a time or a ratio: "6:30 pm")."""
    return [part for part in SENTENCE_BREAK.split(strip_links(question)) if part.strip()]


def reach(
    tokens: Sequence[str],
    kinds: Sequence[str],
    start: int,
    step: int,
    targets: frozenset[str],
    *,
    over: Callable[[int], bool] | None = None,
) -> tuple[int, bool]:
    """The position of a word of one of the ``targets`` kinds reached from ``start`` going
    ``step`` over linking words only (-1 if none), and whether a preposition was crossed.

    ``over``: words it may also cross, at most ``COMPOUND`` of them (the other words of a noun
    phrase: "temperature in new york", "hallucinations from lack of sleep")."""
    gap = crossed = 0
    preposition = False
    i = start + step
    while 0 <= i < len(tokens):
        token = tokens[i]
        if kinds[i] in targets:
            return i, preposition
        if token == ",":
            if not qualifies(tokens, i):
                return -1, preposition
            preposition = True
        elif token in LINKING:
            gap += 1
            preposition |= token in QUALIFIERS
            if gap > MAX_GAP:
                return -1, preposition
        elif over is not None and crossed < COMPOUND and over(i):
            crossed += 1
        else:
            return -1, preposition
        i += step
    return -1, preposition


def qualifies(tokens: Sequence[str], comma: int) -> bool:
    """Whether the clause after a comma qualifies what came before: it opens with a
    preposition ("tokens, like the ones in ..."), or it is "the/a ... kind" (a sense)."""
    rest = list(tokens[comma + 1 :])
    if "," in rest:
        rest = rest[: rest.index(",")]
    if not rest:
        return False
    return rest[0] in QUALIFIERS or (rest[0] in ARTICLES and rest[-1] in SENSE)


def clauses(tokens: Sequence[str]) -> list[int]:
    """Which clause each token is in: a comma, a wh-word or a conjunction opens a new one."""
    out: list[int] = []
    n = 0
    for i, token in enumerate(tokens):
        opens = token in CLAUSE_OPENERS and not _verb(tokens, i)
        opens |= token in TIME_OPENERS and i + 1 < len(tokens) and tokens[i + 1] == "time"
        if token == "," or (opens and out):
            n += 1
        out.append(n)
    return out


def _verb(tokens: Sequence[str], at: int) -> bool:
    """Whether chat's "cause" (because) is the verb ("can a high fever cause
    hallucinations"): a clause it opens starts with a subject or a determiner."""
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    return tokens[at] == "cause" and after not in SUBJECTS and tokens[at - 1] != ","


def asks_about(tokens: Sequence[str], at: int) -> bool:
    """Whether the clause holding ``tokens[at]`` opens with the term or with a question about
    it ("what is diffusion in chemistry"), not with someone's doings ("i keep hearing the
    word tokens in meetings"): only then does a preposition after the term qualify it."""
    i = at - 1
    while i >= 0 and tokens[i] != ",":
        if tokens[i] not in ASKING:
            return False
        i -= 1
    return True


def asked(tokens: Sequence[str], at: int) -> bool:
    """Whether ``tokens[at]`` is what its clause asks about: only asking words before it,
    one of them asking what ("what's an epoch when you're training a model"; not "for a
    slide", nor a clause the word opens)."""
    start = at
    while start > 0 and tokens[start - 1] != ",":
        start -= 1
    before = tokens[start:at]
    return any(t in WHAT for t in before) and asks_about(tokens, at)


# Asking how the thing just named works, by a pronoun ("voice biometrics for caller checks -
# how does it work").
_POINTERS = frozenset({"it", "that", "this", "they", "those", "these"})
_DOES = frozenset({"does", "do", "would", "could", "can", "did"})
# The verbs of "what is it", "what are they", "what does it mean".
_WHAT_VERBS = frozenset({"is", "are", "does", "do"})
NAMED_WORDS = 4  # words of a term asked of by "what is it", at most ("mixture of experts")
# What may follow the pronoun of "what is it": the rest of the ask, no noun it points at.
_AFTER_POINTER = frozenset({"in", "for", "about", "exactly", "actually", "and", "mean", ","})
_SPEAKERS = frozenset({"i", "im", "we", "were", "you", "my", "me", "us"})


def bare_phrase(tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` are a bare noun phrase: no clause opener, nobody speaking."""
    return bool(tokens) and not any(t in CLAUSE_OPENERS or t in _SPEAKERS for t in tokens)


def pointed_at(sentence: Sequence[str], after: Sequence[str]) -> bool:
    """Whether ``sentence`` is a bare noun phrase (no clause opener, nobody speaking) that the
    sentence ``after`` it asks how works, or what it is, by a pronoun ("voice biometrics for
    caller authentication - how does it work", "gradient descent - what is it in machine
    learning"): what is asked, not talk."""
    if not bare_phrase(sentence):
        return False
    if after[:1] in (["whats"], ["what"]) and len(sentence) > NAMED_WORDS:
        return False  # a statement ("a vendor keeps pitching ..."), not a term's name
    if after[:1] == ["whats"]:
        # "gradient descent - what's that", not "what's that method called"
        return len(after) > 1 and after[1] in _POINTERS and _points_back(after[2:3])
    # "how does it work", "what is it in machine learning", "what does it mean"
    verbs = {"how": _DOES, "what": _WHAT_VERBS}.get(after[0] if after else "", frozenset())
    if not (len(after) > 2 and after[1] in verbs and after[2] in _POINTERS):
        return False
    # "what is that method called": "that" points at a noun after it, not back
    return after[0] == "how" or _points_back(after[3:4])


def _points_back(next_word: Sequence[str]) -> bool:
    """Whether the word after the pronoun of "what is it" (none, or one of the rest of the
    ask) leaves the pronoun pointing back, not at a noun after it."""
    return not next_word or next_word[0] in _AFTER_POINTER


def pointed_phrase_end(tokens: Sequence[str]) -> int:
    """Where the sentence's first comma stands when the phrase before it is what the rest
    asks how works by a pronoun ("gradient descent, how does it find the weights"); 0 when
    no phrase is. Only the first comma: a phrase after a greeting ("ok, gradient descent,
    how ...") is not looked for."""
    comma = tokens.index(",") if "," in tokens else 0
    return comma if comma and pointed_at(tokens[:comma], tokens[comma + 1 :]) else 0


# Kinds of thing a question describes in a clause of its own ("a setup where the ai looks up
# the guide first"): the clause is the description, what is asked.
# "what's the setup where ...": the kinds a question may ask the name of (vocabulary.py).
NAMED_KINDS = (
    "thing", "setup", "technique", "trick", "approach", "method", "concept", "idea",
    "step", "stage",
)  # fmt: skip
_DESCRIBED = frozenset(NAMED_KINDS) | {"way", "system", "process", "pattern", "practice"}
_DESCRIBING = frozenset({"where", "when", "that", "which", "whereby"})


def describing(tokens: Sequence[str], clause: Sequence[int], at: int) -> bool:
    """Whether ``tokens[at]`` is in a clause describing a kind of thing named right before it
    ("a setup *where the ai first looks up the relevant guide*")."""
    start = clause.index(clause[at])
    return start > 0 and tokens[start] in _DESCRIBING and tokens[start - 1] in _DESCRIBED


def pointed_sentences(sentences: Sequence[Sequence[str]]) -> set[int]:
    """Which of a question's sentences the next one asks how works (:func:`pointed_at`)."""
    return {
        at
        for at, (sentence, after) in enumerate(itertools.pairwise(sentences))
        if pointed_at(sentence, after)
    }


def possessed(tokens: Sequence[str], at: int) -> bool:
    """Whether a possessive opens the noun phrase ending at ``at`` ("my new professor")."""
    for token in reversed(tokens[max(0, at - COMPOUND - 1) : at]):
        if token in POSSESSIVES:
            return True
        if token in DETERMINERS or token == ",":
            return False
    return False


def _short(token: str) -> bool:
    """A word too short to be judged alone that may end a term ("gen ai", "gpt 4")."""
    return len(token) < MIN_LETTERS and token not in LINKING and token != ","


def join_terms(tokens: Sequence[str], kinds: list[str], kind: Callable[[str], str]) -> None:
    """Mark the words of a term typed as two or three ("pre-training", "fine tuning", "gen ai",
    "retrieval-augmented generation") as the term when together they name it, though none
    does alone (in place)."""
    for size in (3, 2):
        for i in range(len(tokens) - size + 1):
            rest = range(i + 1, i + size)
            joined = kinds[i] == "domain" and all(
                kinds[j] in {"domain", "plain"} or _short(tokens[j]) for j in rest
            )
            if joined and kind(" ".join(tokens[i : i + size])) == "term":
                kinds[i : i + size] = ["term"] * size
