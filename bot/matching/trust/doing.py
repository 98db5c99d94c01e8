"""What the term is told to do for the asker, in a clause of a sentence that asks nothing:
"next year we'll have an 'agent' that logs into Xero, pulls the bank feeds and drafts the
recs on its own. what actually is that? an AI that plans the steps ...". The things it acts on
are the asker's task (:func:`bot.matching.trust.task.tasks` reads the span), never a sense of
the term; "is there an agent that can file our vat return" asks, and keeps its words.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.matching.trust.grammar import AUXILIARIES, RELATIVE, vocabulary
from bot.matching.trust.talk import WH

# A clause of what it could do asks for one ("any tool that can detect deepfakes"), and so
# does a sentence opening on an auxiliary or on "any".
MIGHT = vocabulary("can could will would should might may")
ASKING_OPENERS = AUXILIARIES | {"any"}


def told_doing(tokens: Sequence[str], kinds: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """Per term told of by a clause of what it does, in a sentence asking nothing: where the
    term starts, where the clause's words start and the sentence's end."""
    if not tokens or tokens[0] in ASKING_OPENERS or any(t in WH for t in tokens):
        return
    for at in range(1, len(tokens) - 2):
        if kinds[at] == "term" and tokens[at + 1] in RELATIVE and tokens[at + 2] not in MIGHT:
            start = at
            while start > 0 and kinds[start - 1] == "term":
                start -= 1  # "ai agent": the term's first word
            yield start, at + 2, len(tokens)
            return
