"""A thing asked about apart from the term: a sentence asking what its own words mean, that a
later sentence likens to the term by a pronoun ("what's mixture of experts? heard some big
llm uses it", "transfer learning meaning? is that related to pre-training"). What is asked is
the thing the first sentence names; the term is only what it is set beside, so those words
are no talk around the term but what the knowledge would have to explain.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import Sentences, vocabulary

# How a sentence asking what its words mean opens, or what ends it ("transfer learning
# meaning?").
OPENINGS = (("what", "is"), ("what", "are"), ("whats",), ("define",))
MEANING = vocabulary("meaning mean means")
# Pronouns pointing back at the thing ("uses it", "do llms need them"); "that" only after a
# verb asking of it ("is that related"), not as a degree ("is rag really that good").
BACK = vocabulary("it them they those")
ASKING_OF = vocabulary("is was are does do did")


def defined_apart(sentences: Sentences, at: int) -> bool:
    """Whether sentence ``at`` names no term, asks what its words mean, everyday ones among
    them ("mixture model", "transfer learning": a word of the field may be one of them),
    and a later sentence naming a term points back at them."""
    tokens, kinds = sentences[at]
    if "term" in kinds or "everyday" not in kinds:
        return False
    words = [t for t in tokens if t != ","]
    opens = any(tuple(words[: len(opening)]) == opening for opening in OPENINGS)
    if not (opens or (words[-1:] and words[-1] in MEANING)):
        return False
    return any(
        "term" in later_kinds and _points_back(later) for later, later_kinds in sentences[at + 1 :]
    )


def _points_back(tokens: Sequence[str]) -> bool:
    return any(
        t in BACK or (t == "that" and i > 0 and tokens[i - 1] in ASKING_OF)
        for i, t in enumerate(tokens)
    )
