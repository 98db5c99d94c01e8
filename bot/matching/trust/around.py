"""Where a word stands around the term: what the question sets aside, who the asker is, and
where an aspect of the term would serve; when or what for the answer is needed
(:mod:`bot.matching.trust.occasion`), whom the explanation is for
(:mod:`bot.matching.trust.audience`) and its form and size (:mod:`bot.matching.trust.amounts`)
live apart.

Each function takes a sentence's words and their kinds (:mod:`bot.matching.trust.context`)
and says whether the word at a position is talk by its place; :func:`around_term` asks them
all. The closed word classes they use live beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from bot.matching.lexicon import Lexicon
from bot.matching.trust.amounts import answer_form, measure
from bot.matching.trust.asker import TEAMS
from bot.matching.trust.audience import EXPLAINING, addressed
from bot.matching.trust.contrast import contrast, disowned, disowned_before, disowned_clause
from bot.matching.trust.grammar import DETERMINERS, MAX_GAP, TOPICAL, runs, vocabulary
from bot.matching.trust.occasion import occasion, source
from bot.matching.trust.organisation import served
from bot.matching.trust.purpose import purpose

# What a question sets aside ("besides", "other than"): closed prepositions.
EXCLUDING = frozenset({"besides", "beside", "except", "excluding", "beyond"})

# "following on from the gan thing, what's a vae": what was asked before, not now.
EXCLUDING_PAIRS = frozenset(
    {("other", "than"), ("apart", "from"), ("aside", "from"), ("on", "from")}
)


def excluded(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is in a phrase opened by "besides", "except", "other than", "apart
    from" or "aside from" ("llm use cases besides writing emails"): what the question sets
    aside is by its own words not what it asks about."""
    i = at - 1
    while i >= 0 and at - i <= MAX_GAP and tokens[i] != "," and kinds[i] != "term":
        if tokens[i] in EXCLUDING or (i > 0 and (tokens[i - 1], tokens[i]) in EXCLUDING_PAIRS):
            return True
        i -= 1
    return False


def set_aside(question: str) -> list[str]:
    """The words of the phrases ``question`` sets aside ("use cases beyond chatbots",
    "besides writing emails"), whatever they are: another snippet named there is what the
    question is not about."""
    found: list[str] = []
    for tokens in runs(question):
        kinds = [""] * len(tokens)
        found += [
            t for i, t in enumerate(tokens) if t != "," and i > 0 and excluded(tokens, kinds, i)
        ]
        found += disowned_sense(tokens)
    return found


# What closes a sense set aside after the subject ("not the rlhf stuff", "not the chatbot
# kind"): a word for a sense or a lot of things.
DISOWNED_ENDS = frozenset({"stuff", "kind", "type", "sort", "one", "thing", "things", "side"})
# What opens it: a determiner, or "those" and "these" ("not those chatbot things"); shared
# with :data:`bot.matching.pointing.DISOWNED_SENSE`, so "it" never points at what is set aside.
DISOWNED_OPENERS = DETERMINERS | {"these", "those"}
DISOWNED_WORDS = 3  # words between the determiner and the closing word, at most


def disowned_sense(tokens: Sequence[str]) -> list[str]:
    """The words of a sense the question sets aside after a comma ("reinforcement learning
    in general, not the rlhf stuff"): the thing asked about comes first, so a snippet named
    in the phrase is what the asker does not mean. A word the question asks about before
    stays ("ai agents, not the travel agent kind")."""
    found: list[str] = []
    for i in range(1, len(tokens) - 2):
        if tokens[i - 1] != "," or tokens[i] != "not" or tokens[i + 1] not in DISOWNED_OPENERS:
            continue
        asked = {_singular(t) for t in tokens[:i]}
        for end in range(i + 3, min(len(tokens), i + 3 + DISOWNED_WORDS)):
            if tokens[end] == ",":
                break
            if tokens[end] in DISOWNED_ENDS:
                found += [t for t in tokens[i + 2 : end] if _singular(t) not in asked]
                break
    return found


def _singular(word: str) -> str:
    """``word`` less a plural "s" ("agents" is "agent" asked again)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def around_term(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
    lexicon: Lexicon | None = None,
) -> bool:
    """Whether a word is talk around the term by where it stands: the explanation's
    audience, what it is not, its size or form, or what it is needed for (with the
    ``lexicon``, an occasion may be someone's: "in a vendor deck")."""
    owner = partial(served, lexicon) if lexicon is not None else _nobody
    return (
        addressed(tokens, kinds, at)
        or (lexicon is not None and unit(tokens, kinds, at, lexicon))
        or excluded(tokens, kinds, at)
        or measure(tokens, kinds, at)
        or answer_form(tokens, at)
        or occasion(tokens, kinds, at, owner)
        or purpose(tokens, kinds, at)
        or source(tokens, kinds, at)
        or setting(tokens, kinds, at)
        or identity(tokens, kinds, at)
        or subject_asked(tokens, kinds, at)
        or contrast(tokens, kinds, at)
        or disowned(tokens, at)
        or disowned_before(tokens, kinds, at)
        or disowned_clause(tokens, kinds, at)
    )


# Where a person named works ("my colleague in the environmental team", "a nurse from the
# day unit"): the group closing the phrase.
UNIT_PREPOSITIONS = frozenset({"in", "from", "on", "at"})
UNIT_WORDS = 3  # words at most between the preposition and the group


def unit(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a word is in the phrase telling the group a person named works in ("my
    colleague in the environmental team says ..."): who speaks, not what is asked. The
    phrase holds no term word and ends in a word naming a group of people at work."""
    start = at
    while start > 0 and at - start <= UNIT_WORDS and tokens[start] not in UNIT_PREPOSITIONS:
        start -= 1
    if tokens[start] not in UNIT_PREPOSITIONS or start in {0, at}:
        return False
    speaker = tokens[start - 1]
    if not (lexicon.names_person(speaker) or lexicon.names_trade(speaker)):
        return False
    end = at
    while end < len(tokens) and end - start <= UNIT_WORDS + 1:
        if kinds[end] == "term":
            return False
        if tokens[end] in TEAMS or lexicon.names_group(tokens[end]):
            return all(kinds[i] != "term" for i in range(start + 1, end))
        end += 1
    return False


def identity(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word names whom to explain to as if the asker were them: after "like i'm
    a" or "as if i were a" ("explain tool use like i'm a merchandiser who never wrote code"),
    up to "who", "that" or a break; never a term word. Who the asker says they are outside
    that form ("i'm a structural engineer, how deep should a foundation be") may be what
    tells the other sense, so it stays."""
    if kinds[at] == "term":
        return False
    i = at - 1
    while i > 1 and at - i <= MAX_GAP and tokens[i] not in {",", "who", "that"}:
        if kinds[i] == "term":
            return False
        if tokens[i] in {"a", "an"}:
            return tuple(tokens[max(0, i - 3) : i]) in AS_IF or tuple(tokens[i - 2 : i]) in AS_IF
        i -= 1
    return False


# "every time i ask the same question about deferral rules": what the asker asks the tool.
ASKING_ABOUT = vocabulary("question questions ask asks asked asking")


def subject_asked(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is in the phrase after "question about" or "ask about" ("a different
    answer every time i ask the same question about panel warranties"): what the asker asks
    the tool, not what they ask us; never a phrase holding a term word ("questions about
    cooking temperatures")."""
    i = at - 1
    while i > 0 and at - i <= MAX_GAP and tokens[i] != "about":
        if tokens[i] == "," or kinds[i] == "term":
            return False
        i -= 1
    if i <= 0 or tokens[i] != "about" or tokens[i - 1] not in ASKING_ABOUT:
        return False
    j = at
    while j < len(tokens) and tokens[j] != ",":
        if kinds[j] == "term":
            return False
        j += 1
    return True


def _nobody(_: str) -> bool:
    return False


# The form of an explanation for someone ("like i'm a kid", "as if i were a chef").
AS_IF = frozenset(
    {("like", "im"), ("like", "i", "am"), ("if", "i", "were"), ("if", "i", "was"), ("if", "im")}
)


SETTING_OPENERS = frozenset({"for", "in", "at"})
# "what does adoption look like for a small bakery": a phrase opened by "for" hangs on the
# picturing verb ("what does a transformer look like in a substation" keeps its sense).
PICTURING = vocabulary("look looks looked")


def setting(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word ends the question in a phrase naming where an aspect of the term would
    serve ("llm use cases for a freight dispatch desk", "foundation models explained in 3
    lines for a compliance report"): the phrase hangs on a word of the field or of explaining
    after the term, not on the term itself ("a transformer in my car", "tokens for the
    arcade" keep their sense)."""
    end = at + 1
    while end < len(tokens) and kinds[end] not in TOPICAL and tokens[end] != ",":
        end += 1
    if end < len(tokens) and kinds[end] in TOPICAL:
        return False  # the phrase must end the clause: nothing of the field after it
    # The phrase may name the field before its head ("for a research lab"), never the term.
    i = at - 1
    while i > 0 and kinds[i] != "term" and tokens[i] != "," and at - i <= MAX_GAP:
        if tokens[i] in SETTING_OPENERS and tokens[i + 1] in DETERMINERS:
            break
        i -= 1
    else:
        return False
    if i <= 0 or tokens[i] not in SETTING_OPENERS:
        return False
    # Between the last term word and the phrase: a word of explaining, or of the field but
    # apart from the term ("use cases", not the "model" of "language model" or the "open" of
    # "weights open").
    j = i - 1
    hinge = False
    while j >= 0 and kinds[j] != "term":
        apart = j > 0 and kinds[j - 1] not in TOPICAL
        picturing = tokens[j] in PICTURING and tokens[i] == "for"
        hinge |= (kinds[j] == "domain" and apart) or tokens[j] in EXPLAINING or picturing
        j -= 1
    return j >= 0 and hinge
