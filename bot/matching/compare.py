"""Recognise comparison questions ("X vs Y", "difference between X and Y") in analysed tokens.

Works on the tokens of :func:`bot.matching.matcher.MatchIndex.tokens` (lower-case, plurals
stemmed), so
"differences" arrives as "difference". :func:`comparison_cover` finds, at index time, the pair
of snippets each comparison snippet compares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from bot.matching.normalize import FILLER_MARK
from bot.matching.trust.grammar import ARTICLES

if TYPE_CHECKING:
    from bot.matching.matcher import MatchIndex

Side = tuple[str, ...]

VS = _VS = frozenset({"vs", "versus", "v"})
_DIFF = frozenset({"difference", "diff", "differenc", "distinction"})
_COMPARE = frozenset({"compare", "compared", "comparing", "comparison", "contrast"})
_SPLIT = frozenset({"and", "with", "to", "vs", "versus", "v", "from", "or"})
_DIFFER = frozenset({"differ", "different", "distinguish", "distinguished"})
# "they use genai and llm interchangeably": the two are asked to be told apart, nothing more.
# Phrasing as typed only: their stem is "interchange"'s too (a "multimodal interchange").
ALIKE = frozenset({"interchangeable", "interchangeably", "synonymous", "synonym", "synonyms"})
# Words trimmed from both ends of a side: question words and comparison phrasing.
_EDGE = frozenset(
    {
        "what", "whats", "is", "are", "the", "a", "an", "of", "do", "doe", "does", "how",
        "which", "one", "better", "explain", "difference", "differenc", "diff", "between",
        "compare", "compared", "comparing", "comparison", "in", "term", "exactly", "really",
        "so", "i", "should", "use", "and", "there", "any", "actual", "main", "key", "relate",
        "related", "relationship", "tell", "me", "about", "vs", "versus", "or",
        "pros", "pro", "cons", "con", "tradeoff", "tradeoffs", "upside", "upsides",
        "downside", "downsides",
    }
)  # fmt: skip
# Words that phrase a comparison rather than name what is compared.
COMPARISON_WORDS = _VS | _DIFF | _COMPARE | _SPLIT | _DIFFER | _EDGE | ALIKE
# Words that by themselves make a question a comparison ("vs", "difference", "compare").
COMPARING = _VS | _DIFF | _COMPARE | _DIFFER
# Comparatives before "than" that set two things side by side ("is a gan better than a vae").
COMPARATIVES = frozenset(
    {"better", "worse", "faster", "slower", "cheaper", "smarter", "bigger", "smaller", "stronger"}
)
MAX_OR_SIDE = 4  # "X or Y" only between short terms: "should I walk or take the bus" is not one


MAX_SIDES = 3  # "llm vs genai vs gan"; more is a list, not a comparison


def plain(tokens: Sequence[str]) -> list[str]:
    """The topic words of analysed tokens: marked filler and typed forms left out."""
    return [t for t in tokens if not t.startswith(FILLER_MARK)]


def parse_sides(tokens: Sequence[str]) -> tuple[Side, ...] | None:
    """The compared terms (two or three), or None when the tokens are not a comparison.

    "X vs Y vs Z" splits at every "vs"; other phrasings compare two terms.
    """
    toks = plain(tokens)
    cuts = [i for i, t in enumerate(toks) if t in _VS]
    if len(cuts) >= 2:
        bounds = [-1, *cuts, len(toks)]
        sides = tuple(_trim(toks[a + 1 : b]) for a, b in pairwise(bounds))
        if all(sides) and len(set(sides)) == len(sides) and len(sides) <= MAX_SIDES:
            return sides
        return None
    ors = [i for i, t in enumerate(toks) if t == "or"]
    if len(ors) == MAX_SIDES - 1:
        # "gan or vae or diffusion": three short terms, none a verdict ("or not")
        bounds = [-1, *ors, len(toks)]
        sides = tuple(_trim(toks[a + 1 : b]) for a, b in pairwise(bounds))
        if (
            all(sides)
            and len(set(sides)) == len(sides)
            and all(len(side) <= MAX_OR_SIDE for side in sides)
            and not any(VERDICTS.issuperset(side) for side in sides)
        ):
            return sides
    return parse_comparison(tokens)


def parse_comparison(tokens: Sequence[str]) -> tuple[Side, Side] | None:
    """The two compared terms, or None when the tokens are not a comparison."""
    toks = [t for t in tokens if not t.startswith(FILLER_MARK)]
    for i, tok in enumerate(toks):
        if tok in _VS:
            return _pair(toks[:i], toks[i + 1 :])
    for i, tok in enumerate(toks):
        if tok in _DIFF or tok in _COMPARE:
            rest = toks[i + 1 :]
            if tok in _COMPARE and rest[:1] in (["to"], ["with"], ["against"]):
                # "how does bm25 compare to embeddings": one term before, one after
                found = _pair(toks[:i], rest[1:])
                if found is not None:
                    return found
            if rest[:1] in (["between"], ["of"], ["among"]):
                rest = rest[1:]
            found = _split_once(rest)
            if found is not None:
                return found
            # "llm and genai difference": the terms come before the word, briefly named (not
            # "i'm the bookkeeper and in every meeting people say ..., what's the difference").
            found = _split_once(toks[:i])
            if found is not None and all(len(side) <= MAX_OR_SIDE for side in found):
                return found
    for i, tok in enumerate(toks):
        # "a different answer every time i ask ... to the model": an adjective before its
        # noun, not "how is X different from Y".
        if tok in _DIFFER and not (i > 0 and toks[i - 1] in ARTICLES):
            for j in range(i + 1, len(toks)):
                if toks[j] in {"from", "to", "than"}:
                    return _pair(toks[:i], toks[j + 1 :])
    for i in range(len(toks)):
        # "is a gan better than a normalizing flow", "is a vector db the same thing as postgis"
        start = _comparative_at(toks, i)
        if start is not None:
            pair = _pair(toks[:start], toks[i + 1 :])
            if pair and all(len(side) <= MAX_OR_SIDE for side in pair):
                return pair
    for i, tok in enumerate(toks):
        if tok == "or":
            pair = _pair(toks[:i], _before_purpose(toks[i + 1 :]))
            if (
                pair
                and all(len(side) <= MAX_OR_SIDE for side in pair)
                and not any(VERDICTS.issuperset(side) for side in pair)
            ):
                return pair
    return None


# Judgements a yes-or-no question weighs ("agentic workflows: hype or real", "buzzword or
# actual thing"): a side of nothing else names no topic to compare.
VERDICTS = frozenset(
    {
        "real", "hype", "hyped", "legit", "fake", "dead", "alive", "overrated", "underrated",
        "fad", "buzzword", "marketing", "bs", "joke", "serious", "true", "false", "myth",
        "thing", "worth", "it", "useful", "useless", "good", "bad", "safe", "dangerous",
        "not", "just", "a", "an", "actual", "actually", "really", "nah", "no", "yes",
        "something", "else", "different", "same", "neither", "both", "either", "none",
    }
)  # fmt: skip


# What a choice between two terms is for, after the second ("knowledge graph or vector db
# for our search"): the asker's use, no part of the side ("to" opens a doing as often: "walk
# or take the bus to work").
PURPOSE_OPENERS = frozenset({"for"})


def _before_purpose(side: Sequence[str]) -> Sequence[str]:
    """``side`` up to a phrase telling what the choice is for, after at least one word."""
    for j in range(1, len(side)):
        if side[j] in PURPOSE_OPENERS:
            return side[:j]
    return side


def _split_once(toks: Sequence[str]) -> tuple[Side, Side] | None:
    for j, tok in enumerate(toks):
        if tok in _SPLIT:
            pair = _pair(toks[:j], toks[j + 1 :])
            if pair is not None:
                return pair
    return None


def _comparative_at(toks: Sequence[str], at: int) -> int | None:
    """Where the comparative phrase ending at ``toks[at]`` starts ("better than", "the same
    as", "same thing as", "similar to"), or None."""
    if at > 0 and toks[at] == "than" and toks[at - 1] in COMPARATIVES:
        return at - 1
    if toks[at] == "as" and at > 0 and toks[at - 1] == "same":
        return at - 1
    if toks[at] == "as" and at > 1 and list(toks[at - 2 : at]) == ["same", "thing"]:
        return at - 2
    if toks[at] == "to" and at > 0 and toks[at - 1] == "similar":
        return at - 1  # "is a knowledge graph similar to a vector database"
    return None


def comparative(tokens: Sequence[str]) -> bool:
    """Whether analysed tokens set two things side by side with a comparative ("better
    than", "the same thing as")."""
    toks = plain(tokens)
    return any(_comparative_at(toks, i) is not None for i in range(len(toks)))


def _pair(left: Sequence[str], right: Sequence[str]) -> tuple[Side, Side] | None:
    a, b = _trim(left), _trim(right)
    if not a or not b or a == b:
        return None
    return a, b


def _trim(side: Sequence[str]) -> Side:
    start, end = 0, len(side)
    # "the same as ai or something different", "or not": a verdict offered, no third side.
    ors = [i for i, t in enumerate(side) if t == "or"]
    if ors and ors[-1] > 0 and VERDICTS.issuperset(side[ors[-1] + 1 :]):
        end = ors[-1]
    while start < end and (side[start] in _EDGE or side[start] in _PLAIN_KIND):
        start += 1
    while end > start and side[end - 1] in _EDGE:
        end -= 1
    if end - start > len(_POINTED_BACK) and _points_back(side[end - len(_POINTED_BACK) : end]):
        end -= len(_POINTED_BACK)  # "what is a feature store and is it [the same as ...]"
    return tuple(side[start:end])


# A side that names its term, then points back at it to compare: "X and is it (the same as
# Y)", "X, but are they (like Y)".
_POINTED_BACK = (
    frozenset({"and", "but", "so"}),
    frozenset({"is", "are", "was", "isnt", "arent"}),
    frozenset({"it", "that", "this", "they", "those"}),
)


def _points_back(tail: Sequence[str]) -> bool:
    return all(word in kinds for word, kinds in zip(tail, _POINTED_BACK, strict=True))


# "an ai agent and a normal chatbot": the ordinary kind of the side's term, the term itself.
_PLAIN_KIND = frozenset(
    {"normal", "regular", "ordinary", "traditional", "classic", "standard", "usual", "typical"}
)


def comparison_cover(
    core: MatchIndex,
    flags: Sequence[bool] | npt.NDArray[np.bool_],
    docs: Callable[[int], tuple[Sequence[list[str]], Sequence[list[str]]]],
) -> MatchIndex:
    """Mark comparison snippets and find the pair of snippets each one compares.

    Args:
        core: the index without comparisons marked.
        flags: which snippets are comparisons (:func:`bot.matching.analysis.is_comparison`).
        docs: snippet number -> its analysed questions and names (read for comparisons only).

    Each side of a comparison's questions and title is resolved to the best plain snippet; the
    most frequent pair is the comparison's, and so is every other pair its questions compare
    that no other comparison's questions claim.
    """
    if not any(flags):
        return core
    index = replace(core, is_comparison=np.array(flags, dtype=np.bool_))
    pairs: dict[frozenset[str], str] = {}
    minor: list[tuple[frozenset[str], str]] = []
    for i in np.flatnonzero(index.is_comparison).tolist():
        q_docs, n_docs = docs(i)
        votes: Counter[frozenset[str]] = Counter()
        for doc in (*q_docs, *n_docs):
            sides = parse_comparison(doc)
            if sides is None:
                continue
            found = [index.search(side, 1, plain_only=True) for side in sides]
            if all(found) and found[0][0].id != found[1][0].id:
                votes[frozenset((found[0][0].id, found[1][0].id))] += 1
        # The pair most of its questions compare is its own; a pair only some compare ("rag
        # or training for keeping answers up to date": RAG and training data) is its too,
        # unless another comparison's questions claim it.
        # Ties go to the pair of the later ids, as the single most frequent pair did.
        ranked = sorted(votes.items(), key=lambda kv: (kv[1], sorted(kv[0])), reverse=True)
        if ranked:
            pairs.setdefault(ranked[0][0], index.ids[i])
            minor.extend((pair, index.ids[i]) for pair, _ in ranked[1:])
    for pair, sid in minor:
        pairs.setdefault(pair, sid)
    return replace(index, pairs=pairs)


_ASKS_WHAT = frozenset({"what", "whats", "wat"})
_WHAT_SECOND = frozenset({"is", "s", "are", "a", "an", "the"})


def defines_first_side(typed: Sequence[str], side: Side) -> bool:
    """Whether a question's typed words open by asking what its first ``side`` is ("what's a
    knowledge graph and is it the same as a vector db"): that side is what is asked about,
    no talk around the comparison."""
    if not side or side[0] not in typed:
        return False
    before = typed[: typed.index(side[0])]
    return bool(before) and before[0] in _ASKS_WHAT and all(w in _WHAT_SECOND for w in before[1:])
