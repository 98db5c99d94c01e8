"""A thing of the asker's asked whether it is one of the term ("is the little help bubble on
our intranet a chatbot?"): the thing is an example held up to the term, not what the term
is asked about, nor another sense of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.compare import COMPARATIVES, COMPARING
from bot.matching.trust.grammar import DETERMINERS
from bot.matching.trust.produced import OUTPUT_KINDS

OPENERS = frozenset({"is", "are", "isnt", "arent"})
A_KIND = frozenset({"a", "an", "one", "some", "kind", "type", "sort", "of", "really", "just"})
THING_WORDS = 8  # words of the thing, at most
# "is a knowledge graph the same as a vector database": two things set side by side, neither
# held up to the other as one of its kind.
SIDE_BY_SIDE = COMPARING | COMPARATIVES | frozenset({"same", "similar", "than", "like", "as"})


def instances(sentences: Sequence[Sequence[str]], kind: Callable[[str], str]) -> tuple[str, ...]:
    """The words of the things that sentences ask whether they are the term: "is" or "are",
    a determiner, the thing (no word of a term in it, no comparison: ``SIDE_BY_SIDE``), then
    "a"/"an" (or "a kind of") and the term closing the sentence."""
    found: list[str] = []
    for tokens in sentences:
        if len(tokens) < 4 or tokens[0] not in OPENERS or tokens[1] not in DETERMINERS:
            continue
        end = len(tokens)
        term = end
        while term > 0 and kind(tokens[term - 1]) == "term":
            term -= 1
        if term == end:
            continue  # no term closes it
        link = term
        while link > 2 and tokens[link - 1] in A_KIND:
            link -= 1
        if link == term or tokens[link] not in {"a", "an"}:
            continue  # "is the bot chatgpt": no "a"/"an" before the term
        thing = tokens[2:link]
        if not thing or len(thing) > THING_WORDS or any(kind(t) == "term" for t in thing):
            continue  # "is chatgpt an llm": the thing is itself a term, what is asked
        if any(t in SIDE_BY_SIDE for t in thing):
            continue
        found += [t for t in thing if kind(t) in OUTPUT_KINDS]
    return tuple(found)
