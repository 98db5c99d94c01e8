"""Where a word stands around the term: whom the explanation is for, when or what for it is
needed, its form and size, what the question sets aside, who the asker is, and where an
aspect of the term would serve.

Each function takes a sentence's words and their kinds (:mod:`bot.matching.trust.context`)
and says whether the word at a position is talk by its place; :func:`around_term` asks them
all. The closed word classes they use live here too.
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
    coworker coworkers client clients customer customers leadership everyone someone
    """
)

# Nouns that only ever name an audience.
LISTENERS = vocabulary("audience audiences crowd readers listeners viewers attendees")

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


def around_term(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
) -> bool:
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
        picturing = tokens[j] in PICTURING and tokens[i] == "for"
        hinge |= (kinds[j] == "domain" and apart) or tokens[j] in EXPLAINING or picturing
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
    if at >= 2 and tokens[at - 2] == "in" and is_number(tokens[at - 1]):
        return True
    return counted(tokens, kinds, at)


def counted(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word ends what a figure counts ("3 years of dispatch notes", "2k of our
    support tickets"): the asker's material, after "<figure> <unit> of", a possessive and
    one more plain word at most, never a word of the field."""
    i = at - 1
    while i >= 0 and at - i <= 2 and tokens[i] != "of":
        if kinds[i] in TOPICAL or tokens[i] == ",":
            return False
        i -= 1
    if i < 2 or tokens[i] != "of" or kinds[at] in TOPICAL:
        return False
    return is_number(tokens[i - 2]) or tokens[i - 2].isdigit()


def is_number(token: str) -> bool:
    return token.isdigit() or token in NUMBERS


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
