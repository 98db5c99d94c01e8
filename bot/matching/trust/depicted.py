"""What a picture the asker shows the model depicts: "can these models read a photo of a job
bag docket": the docket is the asker's material, not what is asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.grammar import DETERMINERS, PREPOSITIONS, vocabulary
from bot.matching.trust.produced import phrase

# Nouns for a picture or copy of something ("a photo of", "a scan of", "a screenshot of").
DEPICTIONS = vocabulary(
    """
    photo photos photograph photographs picture pictures pic pics image images scan scans
    screenshot screenshots snapshot snap snaps
    """
)
DEPICTED_WORDS = 4  # words of what is shown, at most ("a job bag docket")
# What closes the phrase of what is shown: a clause or another phrase follows.
ENDS = PREPOSITIONS | vocabulary(", and or but as that which who when where while so then it")


def depicted(tokens: Sequence[str], kind: Callable[[str], str]) -> list[str]:
    """The words naming what a photo, scan or screenshot shows ("a photo of *a v5 logbook*")."""
    found: list[str] = []
    for at, token in enumerate(tokens[:-1]):
        if token not in DEPICTIONS or tokens[at + 1] != "of":
            continue
        i = at + 2
        while i < len(tokens) and tokens[i] in DETERMINERS:
            i += 1
        found += phrase(tokens, i, ENDS, kind, limit=DEPICTED_WORDS)
    return found
