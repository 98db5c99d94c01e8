"""Talk around the term: words a question uses about its asker, audience or occasion.

The grammar of :mod:`bot.matching.trust.context` asks, for each everyday word of a question,
whether it narrows the term (another sense: "diffusion in chemistry") or only talks around it.
This module holds the closed word classes and the positions that mark talk: whom the
explanation is for ("explain rag to the sales team", "for a non technical exec audience"),
what it is needed for or when ("for the board memo", "tomorrow"), its size or form ("in 2
sentences", "the short version", "a para on rag"), what the question sets aside ("besides
chat"), a quantity of the asker's ("3 yrs of tickets"), and whole clauses of the asker's
doings that name nothing of the knowledge ("we're demoing it to the ops leads tuesday").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.grammar import DETERMINERS, LINKING, MAX_GAP, TOPICAL, runs, vocabulary

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
# People an explanation may be for (a closed class of nouns of audience and relation).
PEOPLE = vocabulary(
    """
    audience audiences beginner beginners newbie newbies noob noobs dummies kid kids child
    children layman laymen laypeople layperson people folks folk team teams exec execs
    executive executives manager managers boss bosses stakeholder stakeholders student
    students grandma grandpa mum mom dad parents parent intern interns colleague colleagues
    coworker coworkers client clients customer customers leadership everyone someone
    """
)
# Nouns that only ever name an audience.
LISTENERS = vocabulary("audience audiences crowd readers listeners viewers attendees")
# Where a term is used: "in the openai api", "on the chatgpt app", "via the sdk".
PLACES = vocabulary("in on via through using from inside")
PLATFORMS = vocabulary(
    """
    api apis app apps playground sdk console ui website site interface dashboard studio portal
    settings
    """
)
PLATFORM_SPAN = 3  # words between the preposition and the platform noun, at most
# Words of time that say when (a closed class).
TIME = vocabulary(
    """
    today tomorrow tonight yesterday asap soon later morning afternoon evening weekend
    monday tuesday wednesday thursday friday week month quarter
    """
)
# What a piece of work the answer is needed for may be (a closed class): "for the board memo".
OCCASIONS = vocabulary(
    """
    memo memos deck decks slide slides presentation presentations talk talks standup standups
    offsite offsites allhands workshop workshops lecture lectures onboarding demo demos pitch
    newsletter blog interview interviews exam exams retro retrospective kickoff townhall
    webinar writeup wiki readme doc docs
    """
)
# Occasions where a term comes up in passing ("said rag in the workshop", "at lunch").
EVENTS = OCCASIONS | vocabulary(
    """
    lunch meeting meetings call calls sync syncs review reviews conference conferences class
    lesson lessons seminar seminars hands standup dinner lunch breakfast brunch party
    """
)
# A form of the answer asked for: "the short version", "a quick answer" (closed classes).
BRIEF = vocabulary("short shorter quick quicker simple simpler brief long longer tldr high")
PIECES = vocabulary(
    """
    para paras paragraph paragraphs line lines sentence sentences blurb explainer primer
    writeup tldr note notes bullet bullets
    """
)
FORMS = vocabulary("version versions answer answers explanation summary level take")
# What a question sets aside ("besides", "other than"): closed prepositions.
EXCLUDING = frozenset({"besides", "beside", "except", "excluding", "beyond"})
EXCLUDING_PAIRS = frozenset({("other", "than"), ("apart", "from"), ("aside", "from")})
NUMBERS = vocabulary("one two three four five six seven eight nine ten few couple single")
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


def occasion(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word says when or for what the asker needs the answer: a word of time
    ("tomorrow"), or a phrase opened by "for" that holds one, after an embedded question that
    is complete ("what rlhf is for a presentation tomorrow": the phrase hangs on the asking,
    the term's clause ended with "is"). "temperature for the pool tomorrow", "what an agent
    is for real estate" keep their sense."""
    if tokens[at] in TIME or _at_event(tokens, kinds, at):
        return True
    i = at - 1
    while i >= 0 and at - i <= MAX_GAP and tokens[i] != "," and kinds[i] != "term":
        if tokens[i] == "for":
            end = at + 1
            while end < len(tokens) and tokens[end] != "," and kinds[end] != "term":
                end += 1
            phrase = tokens[i + 1 : end]
            # "the context for the offsite" names a thing of the occasion, not the term.
            the_term = i >= 2 and kinds[i - 1] == "term" and tokens[i - 2] == "the"
            if not the_term and any(t in OCCASIONS for t in phrase):
                return True  # "for the board memo", "for my slides": what the answer is for
            when = any(t in TIME for t in phrase)
            return when and embedded(tokens, kinds, i - 1)
        i -= 1
    return False


def _at_event(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word of occasion ends a phrase saying where the term came up ("kept saying
    rag in the workshop", "mentioned nlp at lunch", "during standup"); "context on the
    planning meeting" asks about the meeting, and "the meeting room" is a room."""
    if tokens[at] not in EVENTS or (
        at + 1 < len(tokens) and kinds[at + 1] in {"everyday", "plain"}
    ):
        return False
    i = at - 1
    while i >= 0 and (tokens[i] in DETERMINERS or tokens[i] in {"every", "each", "all"}):
        i -= 1
    return i >= 0 and tokens[i] in {"in", "at", "during", "after", "before", "over"}


def embedded(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether ``tokens[at]`` is the "is" or "are" closing an embedded "what <term> is"."""
    if at < 2 or tokens[at] not in {"is", "are"} or kinds[at - 1] != "term":
        return False
    i = at - 1
    while i >= 0 and (kinds[i] == "term" or tokens[i] in DETERMINERS):
        i -= 1
    return i >= 0 and tokens[i] in {"what", "whats"}


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
    return found


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


# A figure, a decade, a size or a quarter of the year ("9s", "2018", "128k", "7b", "q3",
# "fy25"): when or how much, never what a question is about. Not an ordinal: "the 3rd floor"
# is which floor.
FIGURE = re.compile(r"\d[\d.,]*(?:s|k|m|b|x|yrs?)?|q[1-4]|h[12]|fy\d{2,4}")


def figure(token: str) -> bool:
    return FIGURE.fullmatch(token) is not None


# Verbs of saying (a closed class): what stands before one is who or what said it ("my vp
# said", "the vendor deck says", "the gartner report keeps saying").
SAYING = vocabulary(
    """
    say says said saying mention mentions mentioned mentioning claim claims claimed claiming
    call calls called calling write writes wrote writing tell tells told pitch pitches pitched
    pitching talk talks talked talking
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
) -> bool:
    """Whether a word is in the noun phrase that opens its clause before a verb of saying:
    who or what speaks of the term, never what is asked about; unless the phrase names a
    ``trade`` that may mean another sense ("my nurse says my temperature is high")."""
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
    while k >= 0 and (kinds[k] in NAMING_KINDS or figure(tokens[k])) and at - k <= SPEAKER_WORDS:
        k -= 1
    if any(trade(t) for t in tokens[k + 1 : i + 1]):
        return False
    while k >= 0 and tokens[k] in DETERMINERS:
        k -= 1
    return k < 0 or tokens[k] == ","


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
    return i >= 0 and kinds[i] in NAMING_KINDS and speaker(tokens, kinds, i, trade)


def around_term(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is talk around the term by where it stands: the explanation's
    audience, what it is not, its size or form, or what it is needed for."""
    return (
        addressed(tokens, kinds, at)
        or excluded(tokens, kinds, at)
        or measure(tokens, kinds, at)
        or answer_form(tokens, at)
        or occasion(tokens, kinds, at)
        or setting(tokens, kinds, at)
        or identity(tokens, kinds, at)
    )


def identity(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word names who the asker is: in "i'm a ..." or "as a ...," opening a clause
    ("like i'm a merchandiser who has never written code", "as a video editor, what can
    genai do for me"), up to "who", "that" or a break; never a term word."""
    if kinds[at] == "term":
        return False
    i = at - 1
    while i > 0 and at - i <= MAX_GAP and tokens[i] not in {",", "who", "that"}:
        if kinds[i] == "term":
            return False
        if tokens[i] in {"a", "an"}:
            before = tokens[i - 1]
            opens = i - 1 == 0 or tokens[i - 2] == ","
            return before in {"im", "am"} or (before == "as" and opens)
        i -= 1
    return False


SETTING_OPENERS = frozenset({"for", "in", "at"})


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
    i = at - 1
    while i > 0 and kinds[i] not in TOPICAL and tokens[i] != "," and at - i <= MAX_GAP:
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
        hinge |= (kinds[j] == "domain" and apart) or tokens[j] in EXPLAINING
        j -= 1
    return j >= 0 and hinge


def answer_form(tokens: Sequence[str], at: int) -> bool:
    """Whether a word asks for a form of the answer ("the short version", "quick answer
    pls"): how to explain, never what."""
    token = tokens[at]
    if token in PIECES and at + 1 < len(tokens) and tokens[at + 1] in {"on", "about"}:
        return True  # "a para on rag", "a few lines about embeddings"
    if token in FORMS:
        return at > 0 and tokens[at - 1] in BRIEF
    return token in BRIEF and at + 1 < len(tokens) and tokens[at + 1] in FORMS


def measure(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is counted by a number after "in" ("chatgpt explained in 2 sentences",
    "in three words"): the size of the answer, never a sense of the term; or by figures
    ("3 yrs of our support tickets", "30 msgs ago"): a quantity of the asker's, not a thing
    asked about. Not a version after a name ("gpt 5 coming out", "windows 11")."""
    if at >= 1 and tokens[at - 1].isdigit():
        return at < 2 or kinds[at - 2] not in TOPICAL
    return at >= 2 and tokens[at - 2] == "in" and is_number(tokens[at - 1])


def is_number(token: str) -> bool:
    return token.isdigit() or token in NUMBERS
