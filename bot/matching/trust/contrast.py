"""The other side of a contrast: a plain kind of something set against the term ("vs a
normal chatbot", "is chatgpt just a fancy search engine", "different from a traditional search
engine"). How the asker sees that side is talk, never what the question asks about.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import DETERMINERS, TOPICAL, vocabulary

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
