"""What a question quotes: examples it mentions, or a message it asks about.

Quoted everyday phrases beside a named term ("how does semantic search find 'leaky faucet'
when the ticket says 'dripping tap'") are examples mentioned, not what is asked about, nor
another sense of the term; so is whatever is typed into a search or found by it ("typing
'longcase won't strike' finds 'grandfather clock chime broken'"). A message a tool shows
("the widget says 'session expired'") is the opposite: what the question asks about.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.normalize import all_words, words
from bot.matching.trust.grammar import QUOTED, vocabulary

MIN_WORDS = 2  # a single quoted word may be the very term asked about ("what is 'agentic'")
REACH = 4  # a verb of searching and the words up to what it looks for ("finds the old ticket 'x'")
# Verbs that put a phrase into a search or get one out of it.
SEARCHING = vocabulary(
    """
    type types typed typing search searches searched searching find finds found finding match
    matches matched matching brings brought returns returned pulls query queries enter entered
    entering
    """
)
# What follows an example searched for ("'jammy red' finds ...", "'x' and 'y' mean the same").
SEARCHED_BY = SEARCHING | vocabulary("mean means also should")
# Words that join two quoted examples ("match 'cracked pane' with 'broken window glass'").
JOINS = vocabulary("and with to or")
# Verbs and nouns that show a message ("the gpu says 'cuda out of memory'").
SHOWING = vocabulary(
    """
    says said saying shows showed showing reads displays displayed throws threw error message
    warning popup pops popped
    """
)
# Words of a failure message: such a message is the matter asked about, not the story.
FAILING = vocabulary(
    """
    error errors failed failure fail fails expired exceeded invalid denied required unavailable
    timeout timed limit overloaded unauthorized forbidden offline unable cannot cant blocked
    refused rejected exhausted quota crashed memory
    """
)


def examples(
    question: str, kind: Callable[[str], str], is_word: Callable[[str], bool]
) -> tuple[str, ...]:
    """The words of the phrases ``question`` quotes as examples: phrases whose every word is
    an everyday English word (``kind`` "everyday": one the knowledge never uses)."""
    quoted = [words(quote) for quote in QUOTED.findall(question)]
    return tuple(
        t
        for said in quoted
        if len(said) >= MIN_WORDS and all(kind(t) == "everyday" and is_word(t) for t in said)
        for t in said
    )


def searched(question: str, kind: Callable[[str], str]) -> tuple[str, ...]:
    """The words of the phrases ``question`` quotes as searched for or found
    (:func:`_searched`) that name no term."""
    return tuple(t for said in _searched(question) if "term" not in map(kind, said) for t in said)


# A quoted phrase: the words before it, its own and those after it.
_Quote = tuple[list[str], list[str], list[str]]


def _quotes(question: str) -> list[_Quote]:
    """Each phrase ``question`` quotes, with the words around it. Uncapped (``all_words``):
    :func:`~bot.matching.normalize.words` keeps a question's first 60 words only, so a
    quote further on would be read beside the 60th word."""
    return [
        (all_words(question[: m.start()]), all_words(m.group(1)), all_words(question[m.end() :]))
        for m in QUOTED.finditer(question)
    ]


def _joined(first: _Quote, second: _Quote) -> bool:
    """Whether one joining word alone stands between two quoted phrases ("'x' and 'y'")."""
    before, said, after = first
    return bool(after) and after[0] in JOINS and len(second[0]) == len(before) + len(said) + 1


def _searched(question: str) -> list[list[str]]:
    """The words of each quoted phrase that a verb of searching takes or that takes one, and of
    those joined to such a phrase by "and", "with", "to" or "or"."""
    found = _quotes(question)
    marked = [
        len(said) >= MIN_WORDS
        and (not SEARCHING.isdisjoint(before[-REACH:]) or not SEARCHED_BY.isdisjoint(after[:2]))
        for before, said, after in found
    ]
    # A phrase joined to an example is one too ("'hyd leak' and 'fluid weeping' mean the
    # same"): both ways, as the verb may stand before the first or after the last; a pass
    # forward carries the mark along a chain of joined phrases, one backward back along it.
    links = [i for i in range(len(found) - 1) if _joined(found[i], found[i + 1])]
    for i in [*links, *reversed(links)]:
        if marked[i] or marked[i + 1]:
            marked[i] = marked[i + 1] = True
    return [said for (_, said, _), example in zip(found, marked, strict=True) if example]


def messages(question: str) -> frozenset[str]:
    """The words of the failure messages ``question`` quotes as shown by a tool ("the chatbot
    widget says 'session expired'"): the matter of the question."""
    return frozenset(
        t
        for before, said, _ in _quotes(question)
        if not SHOWING.isdisjoint(before[-2:]) and not FAILING.isdisjoint(said)
        for t in said
    )
