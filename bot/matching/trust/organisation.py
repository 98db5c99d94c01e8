"""Where an answer would serve: a phrase naming an organisation or people that ends its
clause ("what can llms do for a bus company", "genai adoption in a mid-size org", "is genai
worth it for a business our size", "gen ai for non tech folks"), or the asker's own things
("rag over our own archive"). Its words say whom or what the answer is for, never what is
asked about, as long as no term of the question is a lone English word a setting could give
another sense ("tokens for the arcade", "the temperature settings on my oven": the caller
checks that, and a place of one's own is not in :data:`OWNING`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.lexicon import Lexicon
from bot.matching.trust.audience import PEOPLE
from bot.matching.trust.grammar import DETERMINERS, MAX_GAP, POSSESSIVES, TOPICAL, vocabulary

OPENERS = vocabulary("for in at across within inside")
# What opens a phrase of the asker's own things ("about our archive", "over our wiki").
OWNING = vocabulary("about over with from")
# What may follow the organisation and still end the phrase: "like ours", "our size".
OURS = vocabulary("ours us mine yours theirs")
SIZE = frozenset({("our", "size"), ("my", "size"), ("this", "size")})
# How big the organisation is ("a mid-size org", "small firms"): no topic, though the
# knowledge speaks of sizes.
SIZES = vocabulary("small mid medium midsize midsized size sized big tiny")


def served(lexicon: Lexicon, token: str) -> bool:
    """Whether a noun names an organisation ("company", "clinic") or people ("folks")."""
    return lexicon.names_group(token) or token in PEOPLE or lexicon.names_person(token)


def organisation(tokens: Sequence[str], kinds: Sequence[str], at: int, lexicon: Lexicon) -> bool:
    """Whether a word is in a phrase after a term word that ends the clause: opened by "for"
    (or "in", "at" and a determiner) with a head naming an organisation or people
    (:func:`served`), or opened by a word of :data:`OWNING` and a possessive."""
    end = at  # the phrase runs to a break, the end, or "like ours" / "our size"
    while end < len(tokens) and end - at <= MAX_GAP and not _closes(tokens, end):
        if kinds[end] in TOPICAL and tokens[end] not in SIZES:
            return False
        end += 1
    if end - at > MAX_GAP:
        return False
    head = served(lexicon, tokens[end - 1])
    start = at - 1
    while start >= 0 and tokens[start] != "," and at - start <= MAX_GAP:
        if kinds[start] in TOPICAL and tokens[start] not in SIZES:
            return False
        # "for" needs no determiner ("for bus companies", "for non tech folks"); the
        # asker's own things need none of the above ("about our own archive").
        opens = tokens[start] in OPENERS and (
            tokens[start] == "for" or tokens[start + 1] in DETERMINERS
        )
        if (opens and head) or (tokens[start] in OWNING and tokens[start + 1] in POSSESSIVES):
            break
        start -= 1
    else:
        return False
    # The term before the phrase, or in another sentence ("genai in business. what is realistic
    # for a company like ours").
    return "term" in kinds[:start] or "term" not in kinds


def _closes(tokens: Sequence[str], at: int) -> bool:
    """Whether the phrase of an organisation ends before ``tokens[at]``."""
    pair = tuple(tokens[at : at + 2])
    return tokens[at] == "," or pair in SIZE or (pair[0] == "like" and pair[-1] in OURS)
