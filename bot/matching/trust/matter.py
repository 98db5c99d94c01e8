"""What the asker's conversation or document is about: "it forgets what i said at the start
of a long convo *about the vaccine protocol*", "a thread *about a passenger complaint*": the
subject matter is the asker's material, not what is asked about."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.trust.depicted import ENDS, after_head
from bot.matching.trust.grammar import DETERMINERS, vocabulary
from bot.matching.trust.produced import OUTPUT_KINDS, phrase

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


SEARCHES = vocabulary("search searches")
# Whose or which search: the asker's own one ("our", "the new"), not a kind ("a tree search").
SEARCH_OWNERS = vocabulary("our my the their your this that")


def search_of(sentences: Sequence[Sequence[str]], kind: Callable[[str], str]) -> list[str]:
    """The words naming what the asker's search is of, between "our" or "the" and it ("our
    *seed catalogue* search", "the new *repair ticket* search"), when another word of the
    question names a term ("... is going to use vector search", "... uses embeddings"): the
    asker's material searched, as what it finds is (:func:`search_finds`)."""
    out: list[str] = []
    for tokens in sentences:
        for at, token in enumerate(tokens):
            if token not in SEARCHES:
                continue
            i = at
            while i > 0 and at - i < MATTER_WORDS and kind(tokens[i - 1]) in OUTPUT_KINDS:
                i -= 1
            if i < at and i > 0 and tokens[i - 1] in SEARCH_OWNERS:
                out += tokens[i:at]
    named = any(kind(t) == "term" and t not in SEARCHES for tokens in sentences for t in tokens)
    return out if named else []
