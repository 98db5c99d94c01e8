"""What the AI produced, in a story told to describe the term: the asker's examples.

"it gave me three journal references on measles outbreaks and none of them exist, why does
it do that": the references are what the model made up, not what the question asks about;
"asked the chat thing for the easa rule": what the asker asked it for, likewise; "i pasted
the whole 40 page boiler manual in": what the asker gave it, too, "it forgets the start of
the council meeting transcript when i paste it": what of that it lost, and "our new search
turns every engagement letter into a long list of numbers": what a tool turns into something
else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.grammar import vocabulary

# Who produced it: the assistant, however the asker calls it (not the makers of
# :mod:`bot.matching.trust.makers`, the organisations behind a product).
ASSISTANTS = vocabulary(
    """
    it ai bot chatbot chatgpt gpt model assistant llm copilot gemini claude thing tool
    """
)
PRODUCING = vocabulary(
    """
    gave gives give wrote writes write made makes invented invents produced produces cited
    cites quoted quotes generated generates returned returns listed lists spat spits came
    comes recommended recommends asked ask told tells make invent produce cite quote generate
    return list spit come recommend tell
    """
)
COORDINATING = vocabulary("and then")  # a verb sharing the subject of the one before
# Where the assistant is, between it and its verb: "the bot on the airline portal told".
WHERE = vocabulary("on in at from")
PLACE_WORDS = 4  # words of that place, at most ("the new airline portal")
PLACED = ASSISTANTS - {"it", "thing"}  # "it on the portal" places no assistant
ASKED_FOR = vocabulary("asked ask")  # the asker asked the assistant for what follows
# Between the verb and what it produced: "gave me", "made up", "came up with".
BETWEEN = vocabulary("me us up with out for")
# What ends the phrase of what was produced: a clause about it follows.
ENDS = vocabulary(", that which who and but so because when where while")
OUTPUT_WORDS = 14  # words of what was produced, at most
OUTPUT_KINDS = frozenset({"everyday", "plain", "domain"})
ADVERBS = vocabulary("just then also even still always")  # between the maker and its verb
# The asker giving the assistant its material: "i paste the whole boiler manual in".
GIVERS = vocabulary("i we")
GIVING = vocabulary(
    """
    paste pasted pastes upload uploaded uploads feed fed feeds dump dumped dumps drop dropped
    drops attach attached attaches copied
    """
)
GIVEN_ENDS = ENDS | vocabulary("in into to")
Kind = Callable[[str], str]  # a word's kind (:class:`bot.matching.trust.kinds.WordKinds`)
# What the assistant loses of the asker's material: "it forgets the start of the council
# meeting transcript", "lost the top of my notes".
FORGETTING = vocabulary(
    "forget forgets forgot forgotten forgetting lose loses lost losing drops dropped"
)
# Between the assistant and its verb: "it had forgotten", "it has lost". Tense only, not
# talk.AUXILIARIES: a modal ("it can invent") tells what it might do, not what it did.
TENSE_AUXILIARIES = vocabulary("had has have was is")
PART_OF = vocabulary("the start beginning top first part half bit end of my our")


def produced(
    tokens: Sequence[str], kind: Kind, *, made: bool = True, asked: bool = True
) -> list[str]:
    """The words naming what the assistant produced ("it gave me *three journal references
    on measles outbreaks*", "chatgpt invented *a water quality regulation number*"), what
    it was asked for ("asked the chat thing for *the easa rule on pushback comms*"), what
    the asker gave it ("i pasted *the whole 40 page boiler manual* in"), what of that it
    lost ("it forgets the start of *the meeting transcript* when i paste it") or what a tool
    turns into something else ("turns *every engagement letter* into a list of numbers").

    Args:
        made: whether what the assistant made counts; not where the question names its
            term, whose description it may be ("when an AI invents a fake source"), while
            what it was asked about, given, lost or turned is the asker's still.
        asked: whether what it made or was asked for counts at all (not outside a
            why-question or a naming one: "can i ask it for a summary" may ask of that);
            what the asker gave it, what of that it lost and what a tool turns always do.
    """
    found = _made(tokens, kind, shown=made) if asked else []
    return [*found, *_lost(tokens, kind), *_given(tokens, kind), *_turned(tokens, kind)]


def phrase(
    tokens: Sequence[str],
    start: int,
    ends: frozenset[str],
    kind: Kind,
    *,
    limit: int = OUTPUT_WORDS,
) -> list[str]:
    """The words of the phrase opening at ``start``, up to an end word or ``limit`` words,
    that may be the asker's own (``OUTPUT_KINDS``)."""
    stop = start
    while stop < len(tokens) and stop - start < limit and tokens[stop] not in ends:
        stop += 1
    return [t for t in tokens[start:stop] if kind(t) in OUTPUT_KINDS]


def _made(tokens: Sequence[str], kind: Kind, *, shown: bool = True) -> list[str]:
    """What the assistant produced (when ``shown``) or was asked for, with the verbs
    telling it."""
    found: list[str] = []
    made = False  # a verb before was the assistant's: "... told a guest X and invented Y"
    for at, token in enumerate(tokens):
        if token not in PRODUCING or not (shown or token in ASKED_FOR):
            continue
        place = _placed_assistant(tokens, at)
        shared = made and tokens[at - 1] in COORDINATING and token not in ASKED_FOR
        if place is None and not shared and not _made_by_assistant(tokens, at):
            continue
        made = True
        # The verb telling it is the story's too ("it quoted ..."), as is where it happened
        # and which assistant did it ("copilot just made up ...": any would do the like).
        maker = _maker(tokens, at) if place is None and not shared else None
        told = (*(place or ()), *([maker] if maker else []), token)
        found += [t for t in told if kind(t) in OUTPUT_KINDS]
        i = at + 1
        while i < len(tokens) and tokens[i] in BETWEEN:
            i += 1
        if token in ASKED_FOR:
            # "asked the chat thing for X": over the assistant, to what was asked for; the
            # assistant asked, by a name of its own ("asked copilot for"), is the story's
            while i < len(tokens) and tokens[i] not in {"for", "about"} and i - at <= 4:
                if tokens[i] in PLACED and kind(tokens[i]) in OUTPUT_KINDS:
                    found.append(tokens[i])
                i += 1
            i += 1
        found += phrase(tokens, i, ENDS, kind)
    return found


def invented(tokens: Sequence[str], kind: Kind) -> bool:
    """Whether the sentence tells of something the assistant produced ("it gave me ...")."""
    return bool(_made(tokens, kind))


MADE_UP_WORDS = 3  # words of the thing called made up, at most ("made-up journal")
# Adjectives that call a thing made up ("fake DOI and all", "a bogus case number").
FAKE = frozenset({"fake", "bogus", "fictional", "fictitious", "phantom", "nonexistent"})


def made_up(tokens: Sequence[str], kind: Kind) -> list[str]:
    """What a story of the assistant's output calls made up, with no maker before "made up"
    ("the AI gave me a source ... made-up author, made-up journal"), or fake (:data:`FAKE`:
    "fake DOI and all"): its invention, as what it made is. Only in such a story: "train a
    model on made up data" asks of the data."""
    found: list[str] = []
    for at in range(len(tokens) - 1):
        if tokens[at] in FAKE:
            found += phrase(tokens, at + 1, ENDS, kind, limit=MADE_UP_WORDS)
        elif tuple(tokens[at : at + 2]) == ("made", "up") and not _made_by_assistant(tokens, at):
            found += phrase(tokens, at + 2, ENDS, kind, limit=MADE_UP_WORDS)
    return found


def _lost(tokens: Sequence[str], kind: Kind) -> list[str]:
    """What of the material the asker gave it the assistant lost ("it forgets the start of
    the transcript when i paste it"); nothing where the asker gave it nothing ("it forgets
    the start of the meeting": what it forgets may be what is asked)."""
    if GIVING.isdisjoint(tokens):
        return []
    found: list[str] = []
    for at, token in enumerate(tokens):
        if token not in FORGETTING or not _made_by_assistant(tokens, at):
            continue
        i = at + 1
        while i < len(tokens) and tokens[i] in PART_OF:
            i += 1
        if "of" in tokens[at + 1 : i]:  # "it forgets the rules" names no part of a thing
            found += phrase(tokens, i, GIVEN_ENDS, kind)
    return found


def _given(tokens: Sequence[str], kind: Kind) -> list[str]:
    """What the asker gave the assistant ("i pasted the whole boiler manual in")."""
    found: list[str] = []
    for at, token in enumerate(tokens):
        # "i pasted ...", or, the asker unsaid, opening the sentence: "pasted our whole ..."
        if token in GIVING and (at == 0 or tokens[at - 1] in GIVERS):
            found += phrase(tokens, at + 1, GIVEN_ENDS, kind)
    return found


# A tool turning the asker's material into something else: "turns every engagement letter
# into a long list of numbers", "splits our manuals into chunks".
TURNING = vocabulary(
    """
    turn turns turned turning convert converts converted converting transform transforms
    transformed split splits chop chops chopped break breaks
    """
)
TURNED_WORDS = 5  # words of the material, at most ("every engagement letter")


def _turned(tokens: Sequence[str], kind: Kind) -> list[str]:
    """What is turned into something else: the words between a verb of turning and "into",
    ``TURNED_WORDS`` at most, whoever turns it and whoever's it is."""
    found: list[str] = []
    for at, token in enumerate(tokens):
        if token not in TURNING:
            continue
        into = at + 1
        while into < len(tokens) and into - at <= TURNED_WORDS and tokens[into] != "into":
            into += 1
        if into < len(tokens) and tokens[into] == "into" and into > at + 1:
            found += phrase(tokens, at + 1, GIVEN_ENDS, kind, limit=into - at - 1)
    return found


def _subject_at(tokens: Sequence[str], at: int) -> int:
    """Where the verb's subject stands, right before it or over an adverb ("it just
    invented", "chatgpt confidently gave"); -1 before the start."""
    before = at - 1
    if before > 0 and (tokens[before] in ADVERBS or tokens[before].endswith("ly")):
        before -= 1
    if before > 0 and tokens[before] in TENSE_AUXILIARIES:
        before -= 1
    return before


def _maker(tokens: Sequence[str], at: int) -> str | None:
    """The assistant, by a name of its own, whose verb this is ("copilot just made up")."""
    before = _subject_at(tokens, at)
    return tokens[before] if before >= 0 and tokens[before] in PLACED else None


def _made_by_assistant(tokens: Sequence[str], at: int) -> bool:
    """Whether the assistant is the verb's subject, right before it ("it gave", "the ai
    wrote", "chatgpt just invented"), or the asker asked it ("asked the chat thing")."""
    if tokens[at] in ASKED_FOR:
        return any(t in ASSISTANTS for t in tokens[at + 1 : at + 5])
    before = _subject_at(tokens, at)
    return before >= 0 and tokens[before] in ASSISTANTS  # not "train a model on made-up data"


def _placed_assistant(tokens: Sequence[str], at: int) -> Sequence[str] | None:
    """The words of where the assistant is when that phrase parts it from its verb ("the
    bot *on the airline portal* told"); None when no such phrase does."""
    for size in range(1, PLACE_WORDS + 1):
        opens = at - size - 1  # the preposition's place
        if opens < 1:
            break
        if tokens[opens] in WHERE and tokens[opens - 1] in PLACED:
            place = tokens[opens + 1 : at]
            return place if not any(t in ENDS or t in WHERE for t in place) else None
    return None
