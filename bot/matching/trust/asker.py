"""Who asks and what the people of a question did: words around the term, never its sense.

The grammar of :mod:`bot.matching.trust.context` sets these aside: a sentence or first clause
that only says who is asking ("pharmacist here", "sales eng here, a prospect asked ..."), and
the verb of a person opening a clause ("my mom *saw* 'gen ai' on the news", "i keep *hearing*
about rag"). Who speaks of the term before a verb of saying is in
:mod:`bot.matching.trust.talk`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.grammar import DETERMINERS, REQUEST, vocabulary
from bot.matching.trust.talk import AUXILIARIES, HABIT, NAMING_KINDS, SAYING

# What ends a sentence introducing the asker ("pharmacist here", "hr bp again", "editor in
# chief asking").
INTRODUCING = vocabulary("here again asking")
INTRO_WORDS = 4  # words naming the asker, at most
# Groups a label may name as the asker ("comms team: ...", "ordering desk again").
TEAMS = vocabulary("team teams dept department desk office crew squad staff unit committee")


def introduction(
    tokens: Sequence[str], kinds: Sequence[str], person: Callable[[str], bool] | None = None
) -> int:
    """How many words open a sentence only to say who is asking: a few words naming them,
    then "here" or "again", ending the sentence or its first clause ("pharmacist here",
    "sales eng here, a prospect asked ...", "hr bp again"), or a sentence of a few words
    ending in a noun of people (``person``: "volunteer coordinator: could a bot ..."); nothing
    they name is asked about, whether or not the question names its term. A group at work
    may end such a label ("comms team: what are ..."). 0 when there is no such opening."""
    if person is not None:
        found = _self_introduction(tokens, person)
        if found:
            return found
    comma = tokens.index(",") if "," in tokens else len(tokens)
    if comma > INTRO_WORDS + 1:
        comma = _unmarked_end(tokens, comma)
    end = comma
    while end > 0 and tokens[end - 1] in BETWEEN:
        end -= 1
    while end > 0 and tokens[end - 1] in INTRODUCING:
        end -= 1
    if not 0 < end <= INTRO_WORDS:
        return 0
    # A term word opening the sentence is asked about ("tokens again: ..."); a noun of people
    # ending it says who asks, whatever a name of the field it holds ("survey designer here"
    # of "prompt design").
    if "term" in kinds[:end] and not (person is not None and person(tokens[end - 1])):
        return 0
    if end == comma and not (
        comma == len(tokens)
        and person is not None
        and (person(tokens[-1]) or tokens[-1] in TEAMS)
        and not any(t in REQUEST or t in AUXILIARIES for t in tokens)  # "explain it for dummies"
    ):
        return 0
    return comma


# Chat between a label and the question, with no stop typed ("sous chef here lol why ...").
BETWEEN = vocabulary("lol lmao haha so ok okay um hey hi")


def _unmarked_end(tokens: Sequence[str], comma: int) -> int:
    """Where a label ends with nothing typed after it but the question ("pharmacist here why
    does it ..."): after "here" or "again" among the first words, chat at most between it
    and a word that opens a question; else ``comma``."""
    for at in range(1, min(INTRO_WORDS + 1, comma)):
        if tokens[at] not in INTRODUCING:
            continue
        after = at + 1
        while after < comma and tokens[after] in BETWEEN:
            after += 1
        if after < comma and (tokens[after] in REQUEST or tokens[after] in AUXILIARIES):
            return after
        return comma
    return comma


SELF = vocabulary("im i am")  # "i'm the fleet data analyst", "i am a nurse"
INTRO_ENDS = vocabulary(", and but so")  # what may follow a self-introduction
# A greeting before a self-introduction ("hi, i'm ..."); where the asker works after it.
GREETINGS = vocabulary("hi hello hey hiya heya morning evening afternoon all folks team")
PLACING = vocabulary("at in for with on")


def _self_introduction(tokens: Sequence[str], person: Callable[[str], bool]) -> int:
    """How many words open a sentence with "[hi,] i'm (a|the) <a few words ending in a noun
    of people> [at <where>]" ("i'm the fleet data analyst and people keep ...", "hi, i'm a
    case manager at the tribunal and ..."), or 0."""
    start = 0
    while start < len(tokens) and (tokens[start] in GREETINGS or tokens[start] == ","):
        start += 1  # "hi, i'm a case manager ..."
    opening = tokens[start:]
    at = 1 if opening[:1] == ["im"] else 2 if opening[:2] == ["i", "am"] else 0
    if not at:
        return 0
    at += start
    while at < len(tokens) and tokens[at] in DETERMINERS:
        at += 1
    for end in range(at, min(at + INTRO_WORDS, len(tokens))):
        if tokens[end] in SELF or tokens[end] in INTRO_ENDS:
            return 0
        if person(tokens[end]):
            after = end + 1
            while after < len(tokens) and tokens[after] in INTRODUCING:
                after += 1
            after = _past_workplace(tokens, after)
            return after if after == len(tokens) or tokens[after] in INTRO_ENDS else 0
    return 0


def _past_workplace(tokens: Sequence[str], at: int) -> int:
    """Past where the asker works, a few words after a preposition ("a case manager *at the
    tribunal* and ..."), when the introduction goes on there; else ``at``."""
    if at >= len(tokens) or tokens[at] not in PLACING:
        return at
    end = at + 1
    while end < len(tokens) and end - at <= INTRO_WORDS and tokens[end] not in INTRO_ENDS:
        end += 1
    return end if end - at <= INTRO_WORDS else at


# Who may open a clause as its subject, before what they did ("someone mentioned", "they
# showed").
SUBJECT_PRONOUNS = vocabulary("i we you they he she someone somebody everyone everybody people ppl")


def subject_verb(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a word is what someone opening its clause did: "my mom *saw* 'gen ai' on the
    news", "someone *mentioned* positional encoding", "i keep *hearing* about rag". A verb
    right after a person (and a "keep" of habit), never a word qualifying the term; unless
    the person names a trade that may give the term another sense ("the electrician saw
    ..."). A word of the field stays: "i pasted a style guide" may be what the snippet
    tells of."""
    if kinds[at] != "everyday":
        return False
    if at == 0 or "VERB" not in lexicon.parts(tokens[at]) or tokens[at] in AUXILIARIES:
        return False
    k = at - 1
    while k > 0 and tokens[k] in HABIT:
        k -= 1
    if tokens[k] in SUBJECT_PRONOUNS:
        k -= 1
    elif kinds[k] in NAMING_KINDS and lexicon.names_person(tokens[k]):
        k -= 1
        while k >= 0 and tokens[k] in DETERMINERS:
            k -= 1
    else:
        return False
    # Or after a conjunction of time or condition opening the clause ("before the trustees
    # approve any gen ai use", "once we roll it out").
    return k < 0 or tokens[k] == "," or tokens[k] in OPENING_CLAUSE


OPENING_CLAUSE = vocabulary("before after once until when whenever if unless since because")


def done(sentences: Sequence[tuple[list[str], list[str]]], lexicon: Lexicon | None) -> set[str]:
    """What the people of the question did (:func:`subject_verb`: "i keep *hearing* about
    rag"), or a verb of saying after a habit ("the producer keeps *mentioning* rag"): no thing
    telling a lone term's sense, though the word may name one ("a hearing")."""
    if lexicon is None:
        return set()
    return {
        token
        for tokens, kinds in sentences
        for i, token in enumerate(tokens)
        if subject_verb(tokens, kinds, i, lexicon)
        or (token in SAYING and i > 0 and tokens[i - 1] in HABIT)
    }
