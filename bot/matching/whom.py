"""A message whose only question is whom to turn to ("the cold store alarm went off again, who
do I call?", "we need a temp for the box office over christmas, who do i ask"): it asks for a
person, which no explanation answers, whatever term its account of the trouble uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.matching.normalize import fold
from bot.matching.trust.clauses import clauses
from bot.matching.trust.grammar import vocabulary
from bot.matching.trust.talk import WH

_AUX = vocabulary("do does did should can could would will shall must")
_ASKER = vocabulary("i we u you")
# Ways of turning to someone: asking, telling, calling, writing, going to.
_TURN_TO = vocabulary(
    """
    ask call tell talk speak contact ring email ping message phone text report go see
    chase escalate
    """
)
# What opens a clause that asks something: a wh-word, an auxiliary before its subject ("do we
# have", "is that"; not "should be -18", elliptical), or a request to explain.
_QUESTION_AUX = _AUX | vocabulary("is are was were am")
_NOT_SUBJECT = vocabulary("be been have not")
_REQUESTS = vocabulary("explain define describe eli5")
# Words that join the question of whom to what came before ("... and who do we call").
_OPENERS = vocabulary("so ok okay and but then also anyway")
# Words that may lead a clause before what it asks ("so what is rag?", "please explain rag").
_LEADING = _OPENERS | vocabulary("please pls plz")


_WHO = re.compile(r"\bwhom?\b", re.IGNORECASE)


def _whom_at(clause: Sequence[str]) -> int | None:
    """Where in a clause's words a question of whom to turn to starts ("who do i call",
    "who should we ask"), or None. It may follow words of its own clause that an emoji, not a
    comma, sets apart ("should be -18 [emoji] who do I call")."""
    for at, word in enumerate(clause):
        said = clause[at : at + 6]
        if word not in {"who", "whom"} or len(said) < 4:
            continue
        if said[1] not in _AUX or said[2] not in _ASKER:
            continue
        # "who do we call", "who do i need to ask": two words may come between.
        if not _TURN_TO.isdisjoint(said[3:]):
            return at
    return None


def _asks(clause: Sequence[str]) -> bool:
    """Whether a clause's words ask a question or request an explanation."""
    at = 0
    while at < len(clause) and clause[at] in _LEADING:
        at += 1
    clause = clause[at:]
    if not clause:
        return False
    first = clause[0]
    if first in WH or first in _REQUESTS:
        return True
    return first in _QUESTION_AUX and len(clause) > 1 and clause[1] not in _NOT_SUBJECT


def asks_only_whom(question: str) -> bool:
    """Whether the only question ``question`` asks is whom to turn to."""
    if "who" not in fold(question):
        # Most messages: no clause can hold "who" or "whom", so no need to split them (the
        # engine asks this of every question it does not answer, and of every example
        # question when knowledge is loaded).
        return False
    asked = False
    rest: list[Sequence[str]] = []
    for part in clauses(question):
        at = _whom_at(part)
        if at is None:
            rest.append(part)
            continue
        asked = True
        before = list(part[:at])
        while before and before[-1] in _OPENERS:
            before.pop()  # "... and who do we call"
        rest.append(before)
        # "who do i email to get access to copilot and what is copilot": a question of its
        # own after a joining word.
        after = part[at + 1 :]
        rest += [after[i + 1 :] for i, word in enumerate(after) if word in _OPENERS]
    first_who = _WHO.search(question)
    if asked and first_who is not None and "?" in question[: first_who.start()]:
        return False  # "meaning of rag? who do i ask": a question was asked before
    return asked and not any(_asks(part) for part in rest)
