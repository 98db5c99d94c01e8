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
    return after_head(tokens, kind, DEPICTIONS, "of", limit=DEPICTED_WORDS)


def after_head(
    tokens: Sequence[str],
    kind: Callable[[str], str],
    heads: frozenset[str],
    link: str,
    *,
    limit: int,
) -> list[str]:
    """The words of the phrase right after one of ``heads`` and its ``link`` ("a photo *of*
    ...", "a convo *about* ..."), determiners skipped, up to ``ENDS`` or ``limit`` words,
    that may be the asker's own (:func:`phrase`)."""
    found: list[str] = []
    for at, token in enumerate(tokens[:-1]):
        if token not in heads or tokens[at + 1] != link or kind(token) == "term":
            # "quick chat about the rota": the head is the term asked about, no material
            continue
        i = at + 2
        while i < len(tokens) and tokens[i] in DETERMINERS:
            i += 1
        found += phrase(tokens, i, ENDS, kind, limit=limit)
    return found
