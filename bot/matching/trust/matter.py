"""What the asker's conversation or document is about: "it forgets what i said at the start
of a long convo *about the vaccine protocol*", "a thread *about a passenger complaint*": the
subject matter is the asker's material, not what is asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.depicted import ENDS, after_head
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
    """The words naming what an exchange or document is "about" ("an email about *our
    opening hours*"), as :func:`bot.matching.trust.depicted.depicted` finds what a photo
    is of."""
    return after_head(tokens, kind, EXCHANGES, "about", limit=MATTER_WORDS)


# Verbs of a search finding things ("our doc system finds similar indemnity clauses").
FINDING = vocabulary("find finds found finding retrieve retrieves retrieved surface surfaces")
# Words between such a verb and what it finds that say which, never what ("the right", "old").
WHICH = vocabulary("similar right relevant matching old older past related same")


def search_finds(tokens: Sequence[str], kind: Callable[[str], str]) -> list[str]:
    """The words naming what a search finds ("finds similar *indemnity clauses*"), as
    :func:`matter` finds what an exchange is about: the asker's material searched."""
    out: list[str] = []
    for at, token in enumerate(tokens[:-1]):
        if token not in FINDING:
            continue
        i = at + 1
        while i < len(tokens) and (tokens[i] in DETERMINERS or tokens[i] in WHICH):
            i += 1
        out += phrase(tokens, i, ENDS, kind, limit=MATTER_WORDS)
    return out
