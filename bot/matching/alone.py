"""Whether one sentence of a message may be answered alone: it must not point back into
another sentence ("claude, gemini, llama. are these all llms?") nor lose the sense another
sentence gives its term ("pitching to a literary agent. how do you find an agent?")."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from bot.matching.normalize import words
from bot.matching.trust.contrast import disowns_field
from bot.matching.trust.grammar import POSSESSIVES, pointed_at, runs
from bot.matching.trust.vocabulary import NEUTRAL

# How many, not which sense ("$x per million tokens. what's a token"), as a figure is.
AMOUNTS = frozenset(
    {"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions"}
)
ROOT = 6  # letters a word and its derivations share ("prompts", "prompter"; "agent", "agents")
# Plural pronouns that point into another sentence: a question holding one is not asked alone.
REFERRING = frozenset({"these", "those", "they", "them"})
# "is that ...", "was this ...": asks whether what the message told before is the term.
BEING = frozenset({"is", "was", "isnt", "wasnt"})
POINTING = frozenset({"that", "this", "it"})
# "why do these things make stuff up": a kind of tool named, not a list pointed back at.
_KINDS_OF_TOOL = frozenset(
    {"things", "tools", "bots", "chatbots", "assistants", "models", "apps", "ais", "generators"}
)
# What may open a sentence before it names anything ("so what are these").
_ASKING_WORDS = frozenset(
    {"so", "ok", "okay", "and", "but", "what", "whats", "how", "why", "are", "is", "do", "does"}
    | {"can", "could", "were", "was", "who", "which", "where", "when", "all", "of", "exactly"}
)


def stands_alone(
    message: str,
    part: str,
    missing: Sequence[str],
    verb: Callable[[str], bool],
    *,
    field_before: bool = False,
    person: Callable[[str], bool] = lambda word: False,
) -> bool:
    """Whether ``part``, a sentence of ``message``, asks alone what it asks in the message.

    Args:
        message: the whole message as typed.
        part: the sentence to answer alone.
        missing: the words the whole message left unexplained.
        verb: whether a word may be a verb.
        field_before: whether the rest of the message names something of the field: then
            "how do those image generators work" asks of the kind it names, in the field's
            sense ("the substation got new kit. how do those big transformers work" asks
            of the kit).
        person: whether a word names people or an organisation (:func:`unplaced`).
    """
    return (
        not refers_back(words(part))
        # "what's a transformer? not the ai one": alone, it would lose the sense it disowns.
        and not disowns_field(message)
        and not unplaced(message, part, missing, verb, person=person)
        and not (asks_of_phrase(message, part) and not (field_before and names_kind(part)))
    )


# "how do those image generators actually work": a demonstrative, then the kind it names.
_DEMONSTRATIVES = frozenset({"that", "this", "those", "these"})
_WORKING = frozenset({"work", "works", "function"})
_HOW_WELL = frozenset({"actually", "really", "even", "exactly", "all"})


def names_kind(part: str) -> bool:
    """Whether a sentence asking how something works names the kind it asks of after its
    demonstrative ("how do those image generators work"), not a bare "how do those work"."""
    tokens = words(part)
    return (
        len(tokens) > 4
        and tokens[0] == "how"
        and tokens[2] in _DEMONSTRATIVES
        and tokens[-1] in _WORKING
        and tokens[3] not in _WORKING | _HOW_WELL
    )


def asks_of_phrase(message: str, part: str) -> bool:
    """Whether ``part`` asks by a pronoun about the bare noun phrase of the sentence before
    it ("voice biometrics for caller authentication - how does it work"): alone, "it" would
    be something else."""
    asked = runs(part)
    if not asked or not asked[0]:
        return False
    sentences = runs(message)
    return any(
        after == asked[0] and pointed_at(before, after)
        for before, after in itertools.pairwise(sentences)
    )


def asks_of_before(part: str) -> bool:
    """Whether a sentence asks whether what the message told before it is its term ("is
    that hallucinating?", "was this a hallucination")."""
    return opens_asking_of_before(words(part))


# "is that like the context window": likens what the message told before to the term.
LIKENING = frozenset({"like", "similar", "same", "related", "different", "unlike"})
LIKENED_BY = 5  # words into the sentence the likening may come
# Openings of a likening whose subject is left out: a likening word and what it takes.
LIKENING_OPENINGS = (
    ("same", "as"), ("same", "thing", "as"), ("the", "same", "as"), ("the", "same", "thing", "as"),
    ("similar", "to"), ("related", "to"), ("different", "from"), ("different", "to"),
    ("like", "a"), ("like", "an"), ("like", "the"), ("unlike", "a"), ("unlike", "the"),
)  # fmt: skip


def likens_to_before(part: str) -> bool:
    """Whether a sentence asks whether what the message told before is like its term ("what's
    MCP? is that like the context window?", "... same thing as the context window?"): it
    asks of both, so it is not asked alone when the message left the first unexplained."""
    tokens = words(part)
    # "same thing as the context window?", "similar to rag?": the subject left out is what
    # the message told before (not "like, why does it ...", "the same bot makes ...")
    if any(tuple(tokens[: len(opening)]) == opening for opening in LIKENING_OPENINGS):
        return True
    # "is that like", "is that the same as", "is it kind of like"
    return opens_asking_of_before(tokens) and not LIKENING.isdisjoint(tokens[2:LIKENED_BY])


def opens_asking_of_before(tokens: Sequence[str]) -> bool:
    """:func:`asks_of_before` for a sentence's words."""
    return len(tokens) > 2 and tokens[0] in BEING and tokens[1] in POINTING


def unplaced(
    message: str,
    part: str,
    missing: Sequence[str],
    verb: Callable[[str], bool],
    *,
    person: Callable[[str], bool] = lambda word: False,
) -> bool:
    """Whether the whole message left unexplained a word qualifying a word of ``part`` in
    another sentence ("pitching to a literary agent. how do you find an agent"): alone,
    ``part`` would lose what tells its sense; so does the subject of a verb acting on it
    ("the grain dryer takes tokens"), unless it is people said to be it ("every vendor is
    'built on a foundation model'": ``person``; "the arcade is 'tokens only'" tells the
    sense). A word that may be a ``verb`` tells what was done ("the call mentions
    foundation models"), not which sense."""
    roots = {_root(w) for w in words(part) if w not in NEUTRAL}
    typed = words(message.replace(part, " . "))
    # Next to it, or its subject with a verb between ("the grain dryer takes tokens"; not
    # the asker's own system: "our platform supports agentic workflows").
    pairs = [*itertools.pairwise(typed), *_subjects(typed, verb, person)]
    return any(
        first in missing
        and not verb(first)
        and first not in AMOUNTS
        and not any(c.isdigit() for c in first)  # "1m tokens", "128k context": how many
        and second not in NEUTRAL
        and _root(second) in roots
        for first, second in pairs
    )


def _acts(word: str, verb: Callable[[str], bool]) -> bool:
    """A verb in the present with its subject before it ("takes", "eats"), not a noun that
    may be a verb inside a noun phrase ("site" of "our e-commerce site search")."""
    return word.endswith("s") and not word.endswith("ss") and verb(word)


def _subjects(
    tokens: Sequence[str], verb: Callable[[str], bool], person: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """Each subject and the word after its verb ("dryer", "tokens" of "the grain dryer
    takes tokens"), where no possessive makes the subject the asker's own, and no people
    are only said to be something ("every vendor is ...")."""
    return [
        (tokens[at], tokens[at + 2])
        for at in range(len(tokens) - 2)
        if _acts(tokens[at + 1], verb)
        and not (at > 0 and tokens[at - 1] in POSSESSIVES)
        and not (tokens[at + 1] in BEING and person(tokens[at]))
    ]


def _root(word: str) -> str:
    return word[:ROOT] if len(word) > ROOT else word.rstrip("s")


def refers_back(tokens: list[str]) -> bool:
    """Whether a sentence's "these" or "they" points before the sentence: no word of its
    own comes first ("are these all llms?"; not "gans, what are they?")."""
    for i, token in enumerate(tokens):
        # "those image generators": a kind named within two words ends the noun phrase
        named = tokens[i + 1 : i + 3]
        if token in REFERRING and not any(w in _KINDS_OF_TOOL for w in named):
            return not any(t not in _ASKING_WORDS for t in tokens[:i])
    return False
