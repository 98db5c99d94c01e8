"""What the asker will do with the answer, told in a clause right after the term:
"downsides of genai we should warn the marketing team about", "limits of llms i need to
mention in the board paper". Words there say what the answer is for, never what is asked
about (:func:`bot.matching.trust.around.around_term` asks it).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import LINKING, MIN_LETTERS, RELATIVE, vocabulary

# Who will put the answer to use, and the modals saying they mean or have to ("we should",
# "i need to"); those of need take "to" before the verb.
USERS = vocabulary("we i you")
MODALS = vocabulary("should must could can might will would shall")
NEEDING = vocabulary("need needs have has ought want")
# What one does with an answer (a closed class of verbs of telling and noting): "we should
# use", "i can run" are about the thing itself ("an llm we can run on a laptop").
PASSING_ON = vocabulary(
    """
    warn flag mention tell explain cover teach include raise note know consider highlight
    brief share present list put write stress remember show pitch demo discuss address cite
    """
)
PURPOSE_WORDS = 10  # a clause of use this long at most, from its subject to the word


def purpose(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a word is in a clause right after a term saying what the asker will do with
    the answer ("downsides of genai we should warn the marketing team about", "risks of
    llms that i need to flag in the compliance review"): its subject is the asker, its verb
    a modal of intent or need, and it names nothing of the term, so it only tells what the
    answer is for. A clause after a thing outside the field ("risks of the new boiler we
    should flag") is no such phrase: the thing is what is asked about."""
    i = at - 1
    while i > 0 and at - i <= PURPOSE_WORDS and tokens[i] != ",":
        if kinds[i] == "term":
            return False
        if tokens[i] in USERS and _intends(tokens, i + 1):
            before = i - 1 if tokens[i - 1] in RELATIVE else i
            end = at
            while end < len(tokens) and tokens[end] != ",":
                if kinds[end] == "term":
                    return False
                end += 1
            return _after_term(tokens, kinds, before - 1)
        i -= 1
    return False


def _after_term(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether a term ends at ``at``, stepping back over words of no kind too short to
    weigh ("generative ai": "ai")."""
    while (
        at >= 0
        and not kinds[at]
        and len(tokens[at]) < MIN_LETTERS
        and tokens[at] not in LINKING
        and tokens[at] != ","  # "risks of genai, we should flag ..." starts a clause
    ):
        at -= 1
    return at >= 0 and kinds[at] == "term"


def _intends(tokens: Sequence[str], at: int) -> bool:
    """Whether a modal of intent ("should") or of need and its "to" ("need to") opens at
    ``at``, before a verb of passing the answer on ("warn", "flag")."""
    if at >= len(tokens):
        return False
    if tokens[at] in NEEDING and at + 1 < len(tokens) and tokens[at + 1] == "to":
        at += 1
    elif tokens[at] not in MODALS:
        return False
    return at + 1 < len(tokens) and tokens[at + 1] in PASSING_ON
