"""Where an answer would serve: a phrase naming an organisation that ends its clause ("what
can llms do for a bus company", "genai adoption in a mid-size org", "is genai worth it for a
business our size"). Its words say whom the answer is for, never what is asked about, as long
as no term of the question is a lone English word a setting could give another sense ("tokens
for the arcade": the caller checks that).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.grammar import DETERMINERS, MAX_GAP, TOPICAL, vocabulary

OPENERS = vocabulary("for in at across within inside")
# What may follow the organisation and still end the phrase: "like ours", "our size".
OURS = vocabulary("ours us mine yours theirs")
SIZE = frozenset({("our", "size"), ("my", "size"), ("this", "size")})


def organisation(
    tokens: Sequence[str], kinds: Sequence[str], at: int, group: Callable[[str], bool]
) -> bool:
    """Whether a word is in a phrase opened by "for", "in" or "at" and a determiner, after a
    term word, whose head names an organisation (``group``) and ends the clause."""
    head = at
    while head < len(tokens) and tokens[head] != "," and head - at <= MAX_GAP:
        if kinds[head] in TOPICAL:
            return False
        if group(tokens[head]):
            break
        head += 1
    else:
        return False
    rest = tokens[head + 1 : head + 3]
    if rest and not (
        rest[0] == ","
        or (rest[0] == "like" and len(rest) > 1 and rest[1] in OURS)
        or tuple(rest) in SIZE
    ):
        return False
    start = at - 1
    while start >= 0 and tokens[start] != "," and at - start <= MAX_GAP:
        if kinds[start] in TOPICAL:
            return False
        if tokens[start] in OPENERS and tokens[start + 1] in DETERMINERS:
            break
        start -= 1
    else:
        return False
    # The term before the phrase, or in another sentence ("genai in business. what is realistic
    # for a company like ours").
    return "term" in kinds[:start] or "term" not in kinds
