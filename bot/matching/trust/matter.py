"""What the asker's conversation or document is about: "it forgets what i said at the start
of a long convo *about the vaccine protocol*", "a thread *about a passenger complaint*": the
subject matter is the asker's material, not what is asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.depicted import after_head
from bot.matching.trust.grammar import vocabulary

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
    """The words naming what an exchange or document is "about" ("an email about *our
    opening hours*"), as :func:`bot.matching.trust.depicted.depicted` finds what a photo
    is of."""
    return after_head(tokens, kind, EXCHANGES, "about", limit=MATTER_WORDS)
