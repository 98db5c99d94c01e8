"""What the asker's conversation or document is about: "it forgets what i said at the start
of a long convo *about the vaccine protocol*", "a thread *about a passenger complaint*": the
subject matter is the asker's material, not what is asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.depicted import ENDS
from bot.matching.trust.grammar import DETERMINERS, vocabulary
from bot.matching.trust.produced import phrase

# Nouns for an exchange or a piece of writing that is about something.
EXCHANGES = vocabulary(
    """
    convo convos conversation conversations chat chats thread threads discussion discussions
    email emails message messages call calls meeting meetings doc docs document documents
    report reports memo memos letter letters
    """
)
MATTER_WORDS = 3  # words of the subject matter, at most ("the vaccine protocol")


def matter(tokens: Sequence[str], kind: Callable[[str], str]) -> list[str]:
    """The words naming what an exchange or document is "about"."""
    found: list[str] = []
    for at, token in enumerate(tokens[:-1]):
        if token not in EXCHANGES or tokens[at + 1] != "about":
            continue
        i = at + 2
        while i < len(tokens) and tokens[i] in DETERMINERS:
            i += 1
        found += phrase(tokens, i, ENDS, kind, limit=MATTER_WORDS)
    return found
