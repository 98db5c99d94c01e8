"""Whom an explanation is for: the phrase naming its audience ("explain chatgpt to the sales
team", "an llm, explained for a non technical audience") and the listeners a question names
("explain it to a chatbot designer at a bank"). Words there say who listens, never what is
asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.asker import INTRO_WORDS, INTRODUCING
from bot.matching.trust.grammar import (
    AUXILIARIES,
    DETERMINERS,
    MAX_GAP,
    REQUEST,
    TOPICAL,
    runs,
    vocabulary,
)

# Words of explaining (closed: the verbs and nouns that ask for an explanation) and what
# opens a phrase naming its audience or occasion.
EXPLAINING = vocabulary(
    """
    explain explains explained explaining explanation explanations define defined definition
    describe described description summary summarize summarise summarized overview intro
    introduction eli5 breakdown
    """
)

AUDIENCE = frozenset({"to", "for"})

# People an explanation may be for (a closed class of nouns of audience and relation).
PEOPLE = vocabulary(
    """
    audience audiences beginner beginners newbie newbies noob noobs dummies kid kids child
    children layman laymen laypeople layperson people folks folk team teams exec execs
    executive executives manager managers boss bosses stakeholder stakeholders student
    students grandma grandpa mum mom dad parents parent intern interns colleague colleagues
    coworker coworkers client clients customer customers leadership everyone someone class
    classes
    """
)

# Nouns that only ever name an audience.
LISTENERS = vocabulary("audience audiences crowd readers listeners viewers attendees")


OBJECTS = frozenset({"it", "this", "that", "them", "me", "us", "him", "her"})


def addressed(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word ends a phrase opened by "to" after a word of explaining and its object
    ("explain chatgpt to the sales team"), or by "for" right after that word ("an llm,
    explained for a non technical audience"): the phrase names whom the explanation is for,
    never a sense of the term (it hangs on the explaining, not on the term; "explain
    alignment for car tires" is another sense)."""
    i = at - 1
    while i >= 0 and tokens[i] not in AUDIENCE:
        if tokens[i] == "," or kinds[i] == "term" or at - i > MAX_GAP:
            return False
        i -= 1
    if i > 0 and tokens[i] == "for":
        if tokens[i - 1] in EXPLAINING:
            return True  # "explained for beginners", not "for car tires"
        # "explain llm vs genai for a non technical exec audience": a phrase naming people,
        # in a request to explain, says whom the explanation is for; an audience by name
        # says so in any request ("genai use cases for a pharma audience").
        if _names(tokens, i + 1, LISTENERS):
            return True
        return any(t in EXPLAINING for t in tokens[:i]) and _names(tokens, i + 1, PEOPLE)
    i -= 1
    start = i
    while i >= 0 and start - i <= MAX_GAP and tokens[i] != ",":
        if tokens[i] in EXPLAINING:
            return True
        if not (kinds[i] in TOPICAL or tokens[i] in DETERMINERS or tokens[i] in OBJECTS):
            return False
        i -= 1
    return False


def _names(tokens: Sequence[str], start: int, nouns: frozenset[str]) -> bool:
    """Whether the phrase from ``start`` to the next comma holds one of ``nouns``."""
    for token in tokens[start:]:
        if token == ",":
            return False
        if token in nouns:
            return True
    return False


def spoken_to(question: str, person: Callable[[str], bool]) -> list[str]:
    """The words of a phrase naming whom to explain to ("explain it to a chatbot designer at a
    bank", "explained to our nlp researchers"): "to" after a word of explaining and its short
    object, up to a break, holding a noun of people; "for" someone a clause of "who" tells of
    ("for a gate agent who's new"); and an opening that only says who asks ("councillor's
    assistant here."). Words of the field there say who listens or asks ("a chatbot
    designer"), never what is asked about."""
    found: list[str] = []
    parts = runs(question)
    for at, tokens in enumerate(parts):
        if at == 0 and len(parts) > 1:
            found += _introduced(tokens, person)
        for i, token in enumerate(tokens):
            if token not in AUDIENCE:
                continue
            end = i + 1
            while end < len(tokens) and tokens[end] not in PHRASE_END:
                end += 1
            phrase = tokens[i + 1 : end]
            if token == "for":
                # "an llm in simple words, for a gate agent who's never used one": a phrase
                # of "for" naming someone, that a clause of "who" follows, is a person ("for
                # sushi tonight who serves good sushi" asks a question of its own).
                if (
                    end < len(tokens)
                    and tokens[end] in WHO
                    and 0 < len(phrase) <= MAX_GAP
                    and (phrase[0] in PERSON_OPENERS or person(phrase[-1]))
                ):
                    stop = end
                    while stop < len(tokens) and tokens[stop] != ",":
                        stop += 1
                    found += tokens[i + 1 : stop]  # the person and what the clause says of them
                continue
            if not any(t in EXPLAINING for t in tokens[max(0, i - MAX_GAP) : i]):
                continue
            if _names_people(phrase, person):
                found += phrase
    return found


PHRASE_END = frozenset({",", "who", "whos", "that", "and", "so"})
# Relative pronouns that only follow a noun for people ("an assistant who's never done maths").
WHO = frozenset({"who", "whos", "whove", "whod"})
# What opens a phrase naming someone ("for a gate agent who ...", "for someone who ...").
PERSON_OPENERS = frozenset({"a", "an", "my", "our", "someone", "somebody", "anyone", "people"})


def _introduced(tokens: Sequence[str], person: Callable[[str], bool]) -> list[str]:
    """The words of a message's opening that only says who asks, naming people ("councillor's
    assistant here.", "volunteer coordinator: ..."): nothing there is asked about."""
    end = len(tokens)
    while end > 0 and tokens[end - 1] in INTRODUCING:
        end -= 1
    if not 0 < end <= INTRO_WORDS:
        return []
    phrase = list(tokens[:end])
    if end == len(tokens):
        # No "here": a noun of people ends it, and it asks nothing ("explain rag for dummies").
        asks = any(t in EXPLAINING or t in REQUEST or t in AUXILIARIES for t in phrase)
        return phrase if person(phrase[-1]) and not asks else []
    return phrase if _names_people(phrase, person) else []


# What may stand before a phrase of "for" that closes a request ("in simple terms pls, for a
# farrier not a programmer"): a comma or a word of asking (a spaced dash is no token: it
# splits the sentence, :func:`bot.matching.trust.grammar.runs`).
FOR_AFTER = frozenset({",", "please", "pls", "plz"})
FOR_REACH = 8  # words of that phrase at most ("a dispensary assistant whos never done any maths")


def for_someone(
    tokens: Sequence[str], kinds: Sequence[str], at: int, person: Callable[[str], bool]
) -> bool:
    """Whether a word is in a phrase of "for" closing the request after a comma or a word of
    asking (:data:`FOR_AFTER`), that names someone ("neural network in simple terms pls, for
    a farrier not a programmer"): whom the explanation is for, as "explained for beginners"
    says. The phrase runs to the end, holds no term and names a person; "what's the best llm
    for a lawyer" has no break before it."""
    start = at - 1
    while start > 0 and tokens[start] != "for":
        if kinds[start] == "term" or at - start > FOR_REACH:
            return False
        start -= 1
    if start < 1 or tokens[start] != "for" or tokens[start - 1] not in FOR_AFTER:
        return False
    phrase = tokens[start + 1 :]
    if not phrase or phrase[0] not in PERSON_OPENERS or len(phrase) > FOR_REACH:
        return False
    if any(k == "term" for k in kinds[start + 1 :]):
        return False
    return _names_people(phrase, person)


def _names_people(phrase: Sequence[str], person: Callable[[str], bool]) -> bool:
    """Whether a word of ``phrase`` names people (:data:`PEOPLE`, or ``person`` says so), or
    is followed by "who" ("for a dispensary assistant who's never done any maths")."""
    return any(t in PEOPLE or person(t) for t in phrase) or any(t in WHO for t in phrase[1:])
