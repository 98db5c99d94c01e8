"""Talk around the term: the asker's doings, who speaks of the term, and figures.

The grammar of :mod:`bot.matching.trust.context` asks, for each everyday word of a question,
whether it narrows the term (another sense: "diffusion in chemistry") or only talks around it.
This module holds the whole clauses and sentences of someone's doings that name nothing of
the knowledge ("we're demoing it to the ops leads tuesday"), the speaker before a verb of
saying ("the gartner report keeps saying"), figures ("q3", "year 9s") and the phrase naming
where the term is used ("in the openai api"). Word-by-word positions of talk (audience,
occasion, form, what is set aside, who the asker is) are in :mod:`bot.matching.trust.around`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.grammar import DETERMINERS, LINKING, PREPOSITIONS, TOPICAL, vocabulary

# Who may do something in a clause of talk: the asker and the people around them.
PERSONS = vocabulary(
    """
    i im ive id we were weve wed you youre they theyre he she hes shes ppl people someone
    somebody everyone everybody my our me us team mine ours theirs
    wants needs asked asks says said keeps told thinks wondering asking trying tried
    """
)
# Verbs that open a yes/no question ("is dpo replacing it", "does it matter").
AUXILIARIES = vocabulary(
    "is are was were am do does did can could will would should shall has have had may might must"
)
NAMING_PARTS = frozenset({"NOUN", "PROPN", "ADJ"})
WH = vocabulary("what whats wat why which where when who whom how hows whose")
# Where a term is used: "in the openai api", "on the chatgpt app", "via the sdk".
PLACES = vocabulary("in on via through using from inside")
PLATFORMS = vocabulary(
    """
    api apis app apps playground sdk console ui website site interface dashboard studio portal
    settings card cards paper papers readme docs
    """
)
PLATFORM_SPAN = 3  # words between the preposition and the platform noun, at most


def talk_clauses(
    tokens: Sequence[str],
    kinds: Sequence[str],
    clause: Sequence[int],
    term_clauses: set[int],
    *,
    unknown: Callable[[str], bool] | None,
    lexicon: Lexicon | None,
) -> set[int]:
    """The clauses, of a sentence that names the term, that ask nothing (no wh-word) and
    hold no word the knowledge uses: the asker's world ("q1 roadmap review", "demoing to the
    ops leads next tuesday")."""
    if unknown is None or not term_clauses:
        return set()
    found: set[int] = set()
    for n in set(clause) - term_clauses:
        at = [i for i, c in enumerate(clause) if c == n]
        if any(tokens[i] in WH for i in at):
            continue
        # Someone does something in it ("we're demoing", "heard it", "ppl keep saying"): a
        # clause of a person's doings, not a phrase narrowing the term ("in physics", "the
        # electrical kind", "and ernie").
        doing = _acting([tokens[i] for i in at], lexicon)
        if doing and all(kinds[i] != "domain" or unknown(tokens[i]) for i in at):
            found.add(n)
    return found


def sentence_of_talk(
    tokens: Sequence[str],
    kinds: Sequence[str],
    lexicon: Lexicon,
    unknown: Callable[[str], bool] | None = None,
) -> bool:
    """Whether a sentence without the term asks nothing and tells of someone's doings (a
    word the knowledge uses opening it is what it is about: "rag rug for the office
    lounge"; "brainstorming for the hackathon" is not)."""
    if "term" in kinds or any(t in WH for t in tokens):
        return False
    if kinds and kinds[0] in TOPICAL and not (unknown is not None and unknown(tokens[0])):
        return False
    return _doing(tokens, lexicon)


def _doing(tokens: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether someone does something in these words ("we're demoing", "heard it", "need one
    slide"): someone acting (:func:`_acting`), or a word that can only be a verb."""
    if _acting(tokens, lexicon):
        return True
    return any(t not in AUXILIARIES and _verb_only(lexicon, t) for t in tokens)


def _acting(tokens: Sequence[str], lexicon: Lexicon | None) -> bool:
    """Whether a clause tells of someone acting: a person in it, or a verb opening it (chat
    leaves the subject out: "heard it like 20 times"). A verb inside a phrase with nobody
    in it ("ocr for scanned invoices") may be what the question is about."""
    if any(t in PERSONS for t in tokens):
        return True
    return lexicon is not None and _opens_with_verb(lexicon, tokens)


def _verb_only(lexicon: Lexicon, token: str) -> bool:
    """A word the dictionary knows only as a verb ("heard", "nodded")."""
    parts = lexicon.parts(token)
    return bool(parts) and "VERB" in parts and not parts & NAMING_PARTS


def _opens_with_verb(lexicon: Lexicon, tokens: Sequence[str]) -> bool:
    """Whether a clause opens with what may be a verb ("need one slide for ...", "giving a
    guest lecture ..."): chat leaves the subject out, a phrase narrowing a term never opens so
    ("like the ones in a board game", "in physics")."""
    words = [t for t in tokens if t not in {",", "and", "but", "so", "also"}]
    if not words or words[0] in LINKING or words[0] in DETERMINERS:
        return False
    if words[0] in AUXILIARIES:
        return False  # "is dpo replacing it": a question, not someone's doings
    return "VERB" in lexicon.parts(words[0])


def platform_span(tokens: Sequence[str], at: int) -> tuple[int, int] | None:
    """The phrase holding ``tokens[at]`` that names where the term is used ("in the openai
    api", "on the chatgpt app"): from a preposition of place to a platform noun, as (start,
    end) positions; None when the word is in no such phrase."""
    for start in range(max(0, at - PLATFORM_SPAN - 1), at):
        if tokens[start] not in PLACES:
            continue
        end = start + 1
        while end < len(tokens) and end - start <= PLATFORM_SPAN + 1 and tokens[end] != ",":
            if tokens[end] in PLATFORMS:
                return (start, end) if start < at <= end else None
            end += 1
    return None


# A figure, a decade, a size or a quarter of the year ("9s", "2018", "128k", "7b", "40gb", "q3",
# "fy25"): when or how much, never what a question is about. Not an ordinal: "the 3rd floor"
# is which floor.
FIGURE = re.compile(r"\d[\d.,]*(?:s|k|m|b|x|yrs?|[kmgt]b|gbs?)?|q[1-4]|h[12]|fy\d{2,4}")


def figure(token: str) -> bool:
    return FIGURE.fullmatch(token) is not None


# Verbs of saying (a closed class): what stands before one is who or what said it ("my vp
# said", "the vendor deck says", "the gartner report keeps saying").
SAYING = vocabulary(
    """
    say says said saying mention mentions mentioned mentioning claim claims claimed claiming
    call calls called calling write writes wrote writing tell tells told pitch pitches pitched
    pitching talk talks talked talking ask asks asked asking suggest suggests suggested
    suggesting insist insists insisted insisting reckon reckons reckoned mutter mutters
    muttered mumble mumbles mumbled brag brags bragged bragging boast boasts boasted boasting
    swear swears swore rave raves raved raving announce announces announced joke jokes joked
    complain complains complained whisper whispers whispered shout shouts shouted
    """
)
HABIT = vocabulary("keep keeps kept keeps always just also")
SAYING_OR_HABIT = SAYING | HABIT
SPEAKER_WORDS = 2  # words of the speaker's noun phrase before the verb, at most
NAMING_KINDS = frozenset({"everyday", "plain", "domain"})  # words a speaker's phrase may hold


def speaker(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
    trade: Callable[[str], bool] = lambda _: False,
    *,
    field: bool = False,
) -> bool:
    """Whether a word is in the noun phrase that opens its clause before a verb of saying:
    who or what speaks of the term, never what is asked about; unless the phrase names a
    ``trade`` that may mean another sense ("my nurse says my temperature is high").
    ``field``: the phrase may hold a word of the field ("the search supplier says")."""
    i = at
    while (
        i + 1 < len(tokens)
        and i - at < SPEAKER_WORDS
        and kinds[i + 1] in NAMING_KINDS
        and tokens[i + 1] not in SAYING
    ):
        i += 1
    j = i + 1
    while j < len(tokens) and tokens[j] in HABIT:
        j += 1
    if j >= len(tokens) or tokens[j] not in SAYING:
        return False
    k = at - 1
    # A word of the field may name what the speaker sells or does ("the search supplier"),
    # unless it is a lone English word whose sense the phrase may tell ("the transformer
    # supplier").
    while (
        k >= 0
        and (kinds[k] in NAMING_KINDS or (field and kinds[k] == "term") or figure(tokens[k]))
        and at - k <= SPEAKER_WORDS
    ):
        k -= 1
    if any(trade(t) for t in tokens[k + 1 : i + 1]):
        return False
    while k >= 0 and tokens[k] in DETERMINERS:
        k -= 1
    return k < 0 or tokens[k] == "," or tokens[k] in JOINING


JOINING = vocabulary("and but so")  # a clause of its own after these ("and our slides say")


def said(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
    trade: Callable[[str], bool] = lambda _: False,
) -> bool:
    """Whether a word is the verb of saying (or its "keeps") after a :func:`speaker`'s
    phrase: "the review *mentioned* rag", "my vp *keeps* saying it"."""
    if tokens[at] not in SAYING_OR_HABIT:
        return False
    i = at - 1
    while i >= 0 and tokens[i] in HABIT:
        i -= 1
    if i >= 0 and tokens[i] in PEOPLE:
        return True  # "why do ppl always *mention* vector search", "everyone mentions it"
    return i >= 0 and kinds[i] in NAMING_KINDS and speaker(tokens, kinds, i, trade)


# People spoken of as a pronoun: what they say of the term is talk about it. Not "i", "we" or
# "you": the asker's own writing or telling ("how do i write a prompt") may be what is asked;
# nor "they", "he" or "she", which may be the model itself ("why do they say ...").
PEOPLE = vocabulary("someone somebody everyone everybody people ppl folks")


# The asker's own: "my shift handover notes", "our own vaccination protocols".
FIRST_PERSON_OWNERS = vocabulary("my our")
OWNED_KINDS = frozenset({"everyday", "plain", "domain"})
# What the asker's own tool of the field is called, though the knowledge may read it as
# addressing the bot ("our formulary lookup bot").
HELPERS = vocabulary("bot bots chatbot chatbots assistant assistants")
OWNED_WORDS = 3  # words of the possessed noun phrase, at most
# A preposition, or the particle of "look up our sops": the asker's things it acts on; not
# where it runs ("on my mac"), which a how-to is about.
OWNED_AFTER = (PREPOSITIONS - {"on", "at"}) | {"up"}


def owned(
    tokens: Sequence[str],
    kind: Callable[[str], str],
    *,
    named: bool = False,
    field: Callable[[str], bool] = lambda token: False,
) -> list[str]:
    """The words of noun phrases the asker owns after a preposition ("the start of my shift
    handover notes", "look things up in our own vaccination protocols"): which of the
    asker's things, in a question that describes the term without naming it. Not the
    subject or object of a verb ("how much my inbox holds", "word my request"): that may be
    what is asked about. ``named``: the question names the term, and a phrase right after
    a term word may give it another sense ("the context window of my car"), unless ``field``
    says its head names a topic of the knowledge."""
    found: list[str] = []
    for at, token in enumerate(tokens):
        if token not in FIRST_PERSON_OWNERS or at == 0 or tokens[at - 1] not in OWNED_AFTER:
            continue
        i = at + 1
        if i < len(tokens) and tokens[i] == "own":
            i += 1
        start = i
        while i < len(tokens) and i - start < OWNED_WORDS and kind(tokens[i]) in OWNED_KINDS:
            i += 1
        if named and at >= 2 and kind(tokens[at - 2]) == "term":
            # A phrase right after a term may give it another sense ("the context window of
            # my car"), unless it is the asker's own tool of the field.
            end = _tool_end(tokens, kind, field, start, i)
            if end is None:
                continue
            i = end
        found += tokens[start:i]
    return found


def _tool_end(
    tokens: Sequence[str],
    kind: Callable[[str], str],
    field: Callable[[str], bool],
    start: int,
    end: int,
) -> int | None:
    """Where the words an owned phrase (``start`` to ``end``) tells of the asker's own tool
    of the field end ("rag or fine tuning for our formulary lookup bot": "formulary
    lookup"); None when its head names no topic of the field."""
    after = tokens[end] if end < len(tokens) else ""
    if end > start and (after in HELPERS or field(after) or kind(after) == "term"):
        return end  # the head ends the phrase: "our formulary lookup bot"
    if end - start >= 2 and field(tokens[end - 1]):
        return end - 1  # the head closes it: "our formulary search"
    return None
