"""A choice asked between two things ("which vector database should we pick, pinecone or
weaviate?"): when the snippet explains neither option, the choice is what is asked, and an
explanation of what the options are for answers none of it."""

from __future__ import annotations

from collections.abc import Collection

from bot.matching.trust.grammar import ARTICLES, runs

EITHER = frozenset({"or", "vs", "versus"})
# A question that also asks what something is or how it works ("we're choosing between
# pinecone or weaviate, but first what even is a vector database?") asks more than the choice.
ASKING_MORE = frozenset({"what", "whats", "how", "hows", "why"})


def unexplained_choice(question: str, missing: Collection[str]) -> bool:
    """Whether the question sets two words the snippet leaves unexplained (``missing``, as
    analysed: a plural folded to its singular) either side of "or" ("pinecone or
    pgvector"), and asks nothing else: no what, how or why."""
    if len(missing) < 2:
        return False
    words = runs(question)
    if any(t in ASKING_MORE for tokens in words for t in tokens):
        return False
    left_out = {w for phrase in missing for w in phrase.split()}

    def unexplained(token: str) -> bool:
        return token in left_out or (token.endswith("s") and token[:-1] in left_out)

    for tokens in words:
        for at, token in enumerate(tokens):
            if token not in EITHER or at == 0:
                continue
            after = at + 1
            while after < len(tokens) and tokens[after] in ARTICLES:
                after += 1
            if after < len(tokens) and unexplained(tokens[at - 1]) and unexplained(tokens[after]):
                return True
    return False
