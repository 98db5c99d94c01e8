"""Where the term is put to use: "what is generative ai used for *in retail*", "llm use cases
*in logistics*", "genai adoption *in manufacturing*". The place after a word of use is the
asker's trade or sector, talk around what is asked, when the snippet answers questions about
use as a rule (:meth:`bot.matching.trust.judge.Judge`); beside a word of another sense ("what
is diffusion in chemistry") there is no word of use, and the place keeps telling the sense.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import DETERMINERS, LINKING, past, vocabulary

# Words of putting the term to use, after it: "used (for)", "use cases", "adoption", "do".
USE = vocabulary(
    """
    use uses used using usage apply applies applied applying application applications adopt
    adopts adopted adopting adoption deploy deploys deployed deploying deployment
    """
)
# In a question, "what can llms do in hospitality" and "use cases" say it too.
USAGE = USE | vocabulary("case cases do doing")
# "What are llms good for in ...": a word of worth, then "for", says it as well.
WORTH = vocabulary("good useful handy helpful")
# Where the place follows: "used in retail", "used for at a courier firm".
PLACING = vocabulary("in at")
# What names an example of the place, after it: "in a tiny business like a bindery".
EXAMPLE = vocabulary("like eg")
SETTING_WORDS = 3  # words naming the sector, at most ("the public sector", "law firms")
ENDS = vocabulary(", and but so because while")


def settings(sentences: Sequence[tuple[list[str], list[str]]]) -> list[str]:
    """The words of a place "in" which the term named before is put to use, in the words of
    use after it ("how is gen ai used in banking": "banking")."""
    found: list[str] = []
    for tokens, kinds in sentences:
        term = usage = False
        for i, token in enumerate(tokens):
            if token in ENDS:
                term = usage = False
            elif term and (token in USAGE or (token == "for" and tokens[i - 1] in WORTH)):
                usage = True
            elif kinds[i] == "term":
                term = True
            elif token in PLACING and usage:
                start, end = _place(tokens, kinds, i + 1)
                found += tokens[start:end]
                if end < len(tokens) and tokens[end] in EXAMPLE:
                    start, end = _place(tokens, kinds, end + 1)
                    found += tokens[start:end]
    return found


def _place(tokens: Sequence[str], kinds: Sequence[str], at: int) -> tuple[int, int]:
    """Where the words naming a place from ``at`` start (past its articles) and end."""
    start = end = past(tokens, at, DETERMINERS)
    while (
        end < len(tokens)
        and end - start < SETTING_WORDS
        and tokens[end] not in LINKING
        and tokens[end] not in ENDS
        and kinds[end] != "term"
    ):
        end += 1
    return start, end
