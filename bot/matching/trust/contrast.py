"""The other side of a contrast: a plain kind of something set against the term ("vs a
normal chatbot", "is chatgpt just a fancy search engine", "different from a traditional search
engine"). How the asker sees that side is talk, never what the question asks about.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import DETERMINERS, TOPICAL, runs, vocabulary

# Words that set the term against a plain kind of something ("vs a normal chatbot", "just a
# fancy autocomplete"): how the asker sees the other side, never what is asked about.
ORDINARY = vocabulary(
    """
    normal regular ordinary standard traditional conventional classic plain simple basic usual
    typical vanilla fancy glorified
    """
)
# What sets the other side against the term ("vs a", "just a", "different from a").
MERELY = vocabulary("just only merely basically simply vs versus than from")
INTENSIFIERS = vocabulary("really very super pretty")
# The sense a question disowns ("a transformer in ai, not the substation kind"): its kind word.
SENSES = vocabulary("kind kinds one ones type types sort sorts sense variety meaning")
# Words for the field itself, as a disowned sense names it ("not the ai kind").
FIELD = vocabulary("ai ml genai tech computer computing software digital")
FIELD_NAMES = vocabulary("ai ml genai")  # the field by its own name
# What follows the field's word in a disowned sense: "not the ai one", "not ai related".
SENSE_ENDS = SENSES | vocabulary("related stuff thing things version versions")
DISOWNED_WIDTH = 2  # words naming the disowned sense: "not the power grid kind"


def contrast(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word of :data:`ORDINARY` qualifies a word of the field on the side set
    against the term ("is chatgpt just a really fancy autocomplete", "agents vs a normal
    chatbot"); "a normal distribution" names a thing of its own."""
    if tokens[at] not in ORDINARY:
        return False
    after = _past_intensifiers(tokens, at, 1)
    if after >= len(tokens) or kinds[after] not in TOPICAL:
        return False
    before = _past_intensifiers(tokens, at, -1)
    if before < 0 or tokens[before] not in DETERMINERS:
        return False
    return before > 0 and tokens[before - 1] in MERELY


def _past_intensifiers(tokens: Sequence[str], at: int, step: int) -> int:
    """The first position from ``at`` (by ``step``) that holds no word like "really"."""
    i = at + step
    while 0 <= i < len(tokens) and tokens[i] in INTENSIFIERS:
        i += step
    return i


def disowned(tokens: Sequence[str], at: int) -> bool:
    """Whether a word names the sense a question sets aside ("a transformer in ai, not the
    substation kind", "not the electrical type"): the sense it does not ask about."""
    for start in range(max(0, at - DISOWNED_WIDTH - 2), at + 1):
        if start + 3 > len(tokens) or tokens[start] != "not":
            continue
        if tokens[start + 1] not in DETERMINERS:
            continue
        for end in range(start + 3, min(start + 3 + DISOWNED_WIDTH, len(tokens))):
            if tokens[end] in SENSES and start < at <= end:
                return True
    return False


def disowns_field(question: str) -> bool:
    """Whether ``question`` sets the field's own sense aside ("transformer (not the ai kind)",
    "tokens - nothing to do with ai", "not in the ai sense"): it asks about another sense,
    which no snippet explains."""
    for tokens in runs(question):
        for i, token in enumerate(tokens):
            if token == "not":
                j = i + 1
                while j < len(tokens) and (tokens[j] in DETERMINERS or tokens[j] == "in"):
                    j += 1
                if j + 1 < len(tokens) and tokens[j] in FIELD and tokens[j + 1] in SENSE_ENDS:
                    return True
                # "what is a transformer? not the ai transformer, the one at the substation":
                # a phrase of its own, "the" and the field's name before what it names ("not
                # a tech person" tells who asks).
                own = i == 0 or tokens[i - 1] == ","
                if own and tokens[i + 1 : j] == ["the"] and tokens[j] in FIELD_NAMES:
                    return True
            if tuple(tokens[i : i + 3]) == ("nothing", "to", "do") and i + 4 < len(tokens):
                j = i + 4 if tokens[i + 3] == "with" else len(tokens)
                while j < len(tokens) and tokens[j] in DETERMINERS:
                    j += 1
                if j < len(tokens) and tokens[j] in FIELD:
                    return True
    return False


def disowned_clause(
    tokens: Sequence[str], kinds: Sequence[str], at: int, *, field_elsewhere: bool = False
) -> bool:
    """Whether a word is in a clause that opens with "not" and a determiner, at the start of
    its sentence or after a comma, and names nothing of the field ("a transformer in ai (not
    the big electrical box at the depot)", "tokens, not the ones for the arcade"): the sense
    the question sets aside, whatever its words. ``field_elsewhere``: another sentence names
    the field the asker means, so a sentence opening so may name the term in the sense set
    aside ("not the mind-body nlp our instructors teach"); the term's own words stay."""
    if field_elsewhere:
        return (
            len(tokens) > 2
            and tokens[0] == "not"
            and tokens[1] in DETERMINERS
            and at > 1
            and kinds[at] not in TOPICAL
        )
    start = at
    while start > 0 and tokens[start - 1] != ",":
        start -= 1
    if start + 2 > len(tokens) or tokens[start] != "not" or tokens[start + 1] not in DETERMINERS:
        return False
    end = at
    while end < len(tokens) and tokens[end] != ",":
        end += 1
    return start < at and all(k not in TOPICAL for k in kinds[start:end])


def disowned_before(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word qualifies the term in a phrase "not" opens ("the temperature slider,
    not sea temperature", "not crypto tokens"): the sense set aside, named by the term
    itself."""
    end = at + 1
    while end < len(tokens) and end - at < DISOWNED_WIDTH and kinds[end] not in TOPICAL:
        end += 1
    if end >= len(tokens) or kinds[end] != "term" or kinds[at] in TOPICAL:
        return False
    start = at - 1
    while start >= 0 and at - start <= DISOWNED_WIDTH and kinds[start] not in TOPICAL:
        if tokens[start] == "not":
            # The sense asked about is named too, outside the phrase ("the model setting").
            other = any(k in TOPICAL for k in (*kinds[:start], *kinds[end + 1 :]))
            return other and all(t not in {",", "and", "or"} for t in tokens[start:end])
        start -= 1
    return False


def disowned_at(sentences: Sequence[tuple[list[str], list[str]]]) -> set[tuple[int, int]]:
    """Where (sentence, word) the clauses that set a sense aside stand
    (:func:`disowned_clause`); a sentence of its own may name the term in that sense when
    another names the field ("... human language? not the mind-body nlp we were taught")."""
    topical = [any(k in TOPICAL for k in kinds) for _, kinds in sentences]
    found: set[tuple[int, int]] = set()
    for at, (tokens, kinds) in enumerate(sentences):
        elsewhere = any(t for other, t in enumerate(topical) if other != at)
        found |= {
            (at, i)
            for i in range(len(tokens))
            if disowned_clause(tokens, kinds, i)
            or (elsewhere and disowned_clause(tokens, kinds, i, field_elsewhere=True))
        }
    return found


def words_at(
    sentences: Sequence[tuple[list[str], list[str]]], places: set[tuple[int, int]]
) -> set[str]:
    """The words at ``places`` (sentence, word) of ``sentences``."""
    return {sentences[at][0][i] for at, i in places}
