"""Whom an explanation is for: the phrase naming its audience ("explain chatgpt to the sales
team", "an llm, explained for a non technical audience") and the listeners a question names
("explain it to a chatbot designer at a bank"). Words there say who listens, never what is
asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.grammar import DETERMINERS, MAX_GAP, TOPICAL, runs, vocabulary

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
    object, up to a break, holding a noun of people. Words of the field there say who listens
    ("a chatbot designer"), never what is asked about."""
    found: list[str] = []
    for tokens in runs(question):
        for i, token in enumerate(tokens):
            if token != "to" or not any(t in EXPLAINING for t in tokens[max(0, i - MAX_GAP) : i]):
                continue
            end = i + 1
            while end < len(tokens) and tokens[end] not in {",", "who", "that", "and", "so"}:
                end += 1
            phrase = tokens[i + 1 : end]
            if any(t in PEOPLE or person(t) for t in phrase):
                found += phrase
    return found
