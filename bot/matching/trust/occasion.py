"""When and for what the answer is needed: a word of time ("tomorrow"), a piece of work
("for the board memo"), an event where the term came up ("mentioned nlp at lunch", "in a
vendor deck"), a piece of work that told of it ("the vendor deck for the handhelds says ..."),
a time of the year ("over christmas"); what the asker will do with it lives in
:mod:`bot.matching.trust.purpose`. Words there say when, where or what for, never what is asked
about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.grammar import DETERMINERS, MAX_GAP, vocabulary

# Words of time that say when (a closed class).
TIME = vocabulary(
    """
    today tomorrow tonight yesterday asap soon later morning afternoon evening weekend
    monday tuesday wednesday thursday friday week month quarter
    """
)

HOW_OFTEN = vocabulary("daily weekly monthly quarterly yearly annual fortnightly nightly")

# What a piece of work the answer is needed for may be (a closed class): "for the board memo".
OCCASIONS = vocabulary(
    """
    memo memos deck decks slide slides presentation presentations talk talks standup standups
    offsite offsites allhands workshop workshops lecture lectures onboarding demo demos pitch
    newsletter blog interview interviews exam exams retro retrospective kickoff townhall
    webinar writeup wiki readme doc docs sidebar article articles column handout handouts
    brochure flyer poster explainer briefing briefings note notes report reports email emails
    diagram diagrams chart charts meeting meetings huddle huddles
    """
)

# Occasions a term is shown or said "on" ("what does it mean on the vendor's slide", "came up
# on the call"): "on" before any other is about ("context on the planning meeting").
SHOWN_ON = vocabulary(
    """
    slide slides deck decks poster posters flyer flyers brochure brochures handout handouts
    chart charts diagram diagrams whiteboard call calls webinar webinars
    """
)
# Occasions where a term comes up in passing ("said rag in the workshop", "at lunch").
EVENTS = (
    OCCASIONS
    | SHOWN_ON
    | vocabulary(
        """
    lunch meeting meetings sync syncs review reviews conference conferences class
    lesson lessons seminar seminars hands standup dinner lunch breakfast brunch party coffee
    drinks huddle huddles scrum scrums meetup meetups catchup catchups
    """
    )
)
# Times of the year a term comes up in ("over christmas", "during the holidays"); unlike an
# event, one may still tell the sense of a lone English term ("context for the team over the
# holidays": :func:`bot.matching.trust.sense.thing`).
SEASONS = vocabulary("christmas xmas thanksgiving easter holiday holidays vacation summer winter")


def occasion(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
    owner: Callable[[str], bool] = lambda _: False,
) -> bool:
    """Whether a word says when or for what the asker needs the answer: a word of time
    ("tomorrow"), or a phrase opened by "for" that holds one, after an embedded question that
    is complete ("what rlhf is for a presentation tomorrow": the phrase hangs on the asking,
    the term's clause ended with "is"). "temperature for the pool tomorrow", "what an agent
    is for real estate" keep their sense."""
    if tokens[at] in TIME or _at_event(tokens, kinds, at, owner):
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


def _at_event(
    tokens: Sequence[str],
    kinds: Sequence[str],
    at: int,
    owner: Callable[[str], bool] = lambda _: False,
) -> bool:
    """Whether a word of occasion ends a phrase saying where the term came up ("kept saying
    rag in the workshop", "mentioned nlp at lunch", "during standup", "in a vendor deck", "on
    the vendor's slide": whose, by an ``owner`` noun of people); "context on the planning
    meeting" asks about the meeting, and "the meeting room" is a room."""
    if (tokens[at] not in EVENTS and tokens[at] not in SEASONS) or (
        at + 1 < len(tokens) and kinds[at + 1] in {"everyday", "plain"}
    ):
        return False
    i = at - 1
    while i > 0 and (tokens[i] in TIME or tokens[i] in HOW_OFTEN):
        i -= 1  # "at the morning huddle", "in the weekly sync"
    if i > 0 and kinds[i] in {"everyday", "plain", ""} and owner(tokens[i]):
        i -= 1  # "in a vendor deck", "at the board meeting"
    while i > 0 and kinds[i] == "term":
        i -= 1  # the term names what the occasion was about: "in the architecture diagram"
    while i >= 0 and (tokens[i] in DETERMINERS or tokens[i] in {"every", "each", "all"}):
        i -= 1
    if i >= 0 and tokens[i] == "on":
        return tokens[at] in SHOWN_ON  # "on the vendor's slide"; "on the planning meeting"
    return i >= 0 and tokens[i] in {"in", "at", "during", "after", "before", "over"}


def embedded(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether ``tokens[at]`` is the "is" or "are" closing an embedded "what <term> is"."""
    if at < 2 or tokens[at] not in {"is", "are"} or kinds[at - 1] != "term":
        return False
    i = at - 1
    while i >= 0 and (kinds[i] == "term" or tokens[i] in DETERMINERS):
        i -= 1
    return i >= 0 and tokens[i] in {"what", "whats"}


# A piece of work telling of the term ("the vendor deck for the new handhelds says it's built
# on a foundation model", "QM's slide deck for the audit says ...", "the strategy doc keeps
# saying 'foundation models'"): the document, whose it is and what it is for say where the
# term was seen, as "my boss says" says who said it.
SOURCE_VERBS = vocabulary(
    """
    says said say mentions mentioned mention claims claimed claim calls called describes
    described lists listed promises promised advertises advertised saying mentioning
    claiming calling describing listing promising advertising
    """
)
SOURCE_WORDS = 9  # words from the clause's start to its verb, at most


def source(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is in the subject of a clause of telling whose head is a piece of
    work (:data:`OCCASIONS`), from the clause's start to the verb, with no term in it."""
    end = at + 1
    while end < len(tokens) and end - at <= SOURCE_WORDS and tokens[end] not in SOURCE_VERBS:
        if tokens[end] == "," or kinds[end] == "term":
            return False
        end += 1
    if end >= len(tokens) or tokens[end] not in SOURCE_VERBS:
        return False
    start = at
    while start > 0 and tokens[start - 1] != ",":
        start -= 1
        if kinds[start] == "term":
            return False
    if end - start > SOURCE_WORDS:
        return False
    return any(t in OCCASIONS for t in tokens[start:end])
