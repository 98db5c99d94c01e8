"""How much and in what form: the size or form of the answer asked for ("in 3 sentences",
"the short version") and what the asker's figures count ("3 years of dispatch notes"),
never a sense of the term.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import TOPICAL, vocabulary

# A form of the answer asked for: "the short version", "a quick answer" (closed classes).
BRIEF = vocabulary("short shorter quick quicker simple simpler brief long longer tldr high")

PIECES = vocabulary(
    """
    para paras paragraph paragraphs line lines sentence sentences blurb explainer primer
    writeup tldr note notes bullet bullets
    """
)

FORMS = vocabulary("version versions answer answers explanation summary level take")

NUMBERS = vocabulary("one two three four five six seven eight nine ten few couple single")


def answer_form(tokens: Sequence[str], at: int) -> bool:
    """Whether a word asks for a form of the answer ("the short version", "quick answer
    pls"): how to explain, never what."""
    token = tokens[at]
    if token in PIECES and at + 1 < len(tokens) and tokens[at + 1] in {"on", "about"}:
        return True  # "a para on rag", "a few lines about embeddings"
    if token in PIECES and at > 0 and is_number(tokens[at - 1]):
        return True  # "a two sentence explanation", "one paragraph explainer"
    if token in FORMS:
        return at > 0 and tokens[at - 1] in BRIEF
    return token in BRIEF and at + 1 < len(tokens) and tokens[at + 1] in FORMS


def measure(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is counted by a number after "in" ("chatgpt explained in 2 sentences",
    "in three words"): the size of the answer, never a sense of the term; or by figures
    ("3 yrs of our support tickets", "30 msgs ago"): a quantity of the asker's, not a thing
    asked about. Not a version after a name ("gpt 5 coming out", "windows 11")."""
    if at >= 1 and tokens[at - 1].isdigit():
        return at < 2 or kinds[at - 2] not in TOPICAL
    if at >= 2 and tokens[at - 2] == "in" and is_number(tokens[at - 1]):
        return True
    return counted(tokens, kinds, at)


def counted(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word ends what a figure counts ("3 years of dispatch notes", "2k of our
    support tickets"): the asker's material, after "<figure> <unit> of", a possessive and
    one more plain word at most, never a word of the field."""
    i = at - 1
    while i >= 0 and at - i <= 2 and tokens[i] != "of":
        if kinds[i] in TOPICAL or tokens[i] == ",":
            return False
        i -= 1
    if i < 2 or tokens[i] != "of" or kinds[at] in TOPICAL:
        return False
    return is_number(tokens[i - 2]) or tokens[i - 2].isdigit()


def is_number(token: str) -> bool:
    return token.isdigit() or token in NUMBERS
