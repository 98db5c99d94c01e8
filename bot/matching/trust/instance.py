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


# "... is that what people mean by an ai agent?", "is that a chatbot in the ai sense?": a
# sentence pointing back at what the message described, asking whether it is the term, the
# field named with it. What it points at is the asker's thing, held up to the term.
POINTERS = frozenset({"that", "this", "it", "these", "those"})
FIELD = frozenset({"ai", "genai"})
HEDGES = frozenset({
    "what", "people", "ppl", "folks", "they", "you", "we", "mean", "meant", "call", "by",
    "technically", "really", "actually", "basically", "just", "kind", "sort", "type", "of",
    "called", "considered", "counted", "as", "a", "an", "proper", "true", "real",
})  # fmt: skip
IN_THE_FIELD = ("in", "the")  # "a chatbot in the ai sense"
# Asking whether the thing fits what the term means, not only what it is ("is that an ai
# transformer?" of a humming box asks nothing of the term's sense).
MEANING = frozenset({"mean", "meant", "means", "call", "called", "considered", "counted"})


def pointed_back(sentences: Sequence[Sequence[str]], kind: Callable[[str], str]) -> tuple[str, ...]:
    """The words of what the sentences before describe when the last asks whether that is what
    the term means, naming the field with it ("is that what people mean by an ai agent?", "is
    that a chatbot in the ai sense or just a menu?"); none otherwise ("... is that a
    transformer?" may ask of the box on the pole)."""
    said = [tokens for tokens in sentences if tokens]
    if len(said) < 2:
        return ()
    last = said[-1]
    if len(last) < 3 or last[0] not in OPENERS or last[1] not in POINTERS:
        return ()
    term = next(
        (i for i in range(2, len(last)) if kind(last[i]) == "term" and last[i] not in FIELD), None
    )
    if term is None or not all(t in HEDGES or t in FIELD for t in last[2:term]):
        return ()
    after = tuple(last[term + 1 : term + 5])
    in_sense = (
        after[:2] == IN_THE_FIELD and len(after) > 3 and after[2] in FIELD and after[3] == "sense"
    )
    hedged = any(t in FIELD for t in last[2:term]) and any(t in MEANING for t in last[2:term])
    if not (in_sense or hedged):
        return ()
    return tuple(t for tokens in said[:-1] for t in tokens if kind(t) in OUTPUT_KINDS)
