"""What a sentence's bare "it" points at: a term named, unquoted, in a sentence before it
("the board wants a one-line explanation of generative AI for the deck. what is it?").
Quoted terms are :func:`bot.matching.focus.with_quoted_term`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.knowledge.base import KnowledgeBase
from bot.matching.normalize import words
from bot.matching.smalltalk import small_talk
from bot.matching.trust.around import DISOWNED_ENDS, DISOWNED_OPENERS
from bot.matching.trust.grammar import LINKING, bare_phrase, pointed_at, runs, split_sentences

# Where "what (actually) is" ends, "what does it (even) mean" and "is that the same as": the
# pointers' frames, shared with :data:`bot.matching.focus.POINTER` (terms quoted before).
WHAT_IS = (
    r"(?:(?<=\bwhat is )|(?<=\bwhat actually is )|(?<=\bwhat exactly is )|(?<=\bwhat even is ))"
)
DOES_IT_MEAN = r"(?<=\bwhat does )(?:it|that|this)(?= (?:(?:actually|really|even|exactly) )?mean\b)"
# "... says their tool 'uses machine learning'. is that the same as ai?": a sentence asking
# how the thing named before stands to another.
IS_IT_LIKE = (
    r"(?<=^is )(?:it|that|this)(?= (?:(?:really|just|basically|actually) )?(?:the same|same"
    r"|different|any different|a (?:kind|type|subset|part|form) of|part of)\b)"
)

# "what is it?", "what's that, in simple terms?", "what does it (even) mean": asks what the
# thing named before is.
POINTER = re.compile(
    r"(?:" + WHAT_IS + r"|(?<=\bwhat's )|(?<=\bwhats ))(?:it|that|this)(?=\s*(?:[?.!,]|$))"
    # "what exactly are they?" after a plural name
    r"|(?:(?<=\bwhat are )|(?<=\bwhat actually are )|(?<=\bwhat exactly are ))they"
    r"(?=\s*(?:[?.!,]|$))"
    r"|"
    + DOES_IT_MEAN
    + r"|"
    + IS_IT_LIKE
    # "what kind of model is behind it?", "how does it work?"
    + r"|(?<=\bbehind )it(?=\s*(?:[?.!,]|$))|(?<=\bhow does )it(?=\s+(?:actually\s+)?work\b)",
    re.IGNORECASE,
)


PHRASE_WORDS = 5  # at most, in a phrase "it" stands for whole
POINTED_WORDS = 3  # at most, in a phrase asked of right before by "what does that mean"
WEIGHING = frozenset({"or", "and", "vs", "versus"})
STATEMENT_ENDS = (".", "!", "?")

Names = tuple[tuple[str, ...], ...]  # the typed words of every title and alias that may stand in


DISOWNED = re.compile(r"\([^()]*\bnot\b[^()]*\)", re.IGNORECASE)
# "reinforcement learning in general, not the rlhf stuff": the sense set aside after a comma,
# as :func:`bot.matching.trust.around.disowned_sense` reads it (determiner, up to three
# words, the closing word).
DISOWNED_SENSE = re.compile(
    r",\s*not (?:" + "|".join(sorted(DISOWNED_OPENERS)) + r") (?:[\w'\u2019-]+\s+){1,3}?"
    r"(?:" + "|".join(sorted(DISOWNED_ENDS)) + r")\b",
    re.IGNORECASE,
)


def with_named_term(question: str, sentence: str, names: Callable[[], Names]) -> str:
    """``sentence`` with its pointing "it" replaced by the last of ``names`` (asked for only
    when something points) the message types before it, or by the whole short phrase ending in
    that name when the phrase is all the message says before (:func:`_whole_phrase`);
    unchanged when it points at nothing named."""
    pointer = POINTER.search(sentence)
    if pointer is None:
        return sentence
    before = question[: max(question.find(sentence), 0)]
    # A name set aside in brackets ("reinforcement learning (the game kind, not rlhf)") is
    # what "it" is not.
    owned = DISOWNED_SENSE.sub(" ", DISOWNED.sub(" ", before))
    phrase = _phrase_pointed_at(owned, sentence, names)
    if phrase is not None:
        # "... falls apart on new contracts. overfitting? what does that mean": "that" is the
        # phrase asked right before, whatever the message named earlier.
        return sentence[: pointer.start()] + phrase + sentence[pointer.end() :]
    name = last_name(names(), owned)
    if name is None:
        return sentence
    return sentence[: pointer.start()] + _whole_phrase(before, name) + sentence[pointer.end() :]


def _phrase_pointed_at(before: str, sentence: str, names: Callable[[], Names]) -> str | None:
    """The short bare phrase, as typed, that the message says right before ``sentence`` when
    the sentence asks of it by a pronoun (:func:`pointed_at`) and it shares no word with a
    name of the knowledge (one that does is left to the names: "reinforcement learning");
    None otherwise. A phrase weighing two things ("genai - buzzword or actual thing? what
    is it") asks of what came before it."""
    said = [s.strip() for s in split_sentences(before) if s.strip()]
    if not said:
        return None
    phrase, asked = runs(said[-1]), runs(sentence)
    if not (phrase and asked and pointed_at(phrase[-1], asked[0])):
        return None
    typed = phrase[-1]
    if len(typed) > POINTED_WORDS or WEIGHING & set(typed):
        return None
    if small_talk(typed, said[-1]) is not None:
        return None  # "... fine tuning before the launch. ok. what does that mean": no phrase
    named = {w for name in names() for w in name} - LINKING  # "of" names nothing
    return None if named & set(typed) else said[-1]


def _whole_phrase(before: str, name: str) -> str:
    """The short bare phrase ending in ``name`` that is all the message says before the
    sentence ("mixture of experts llms - what does that mean": the kind of llm, not llms);
    ``name`` itself otherwise."""
    typed, said = words(before), name.split()
    if (
        len(said) < len(typed) <= PHRASE_WORDS
        and typed[-len(said) :] == said
        # one phrase put before the question with a dash or a colon; a sentence closed by
        # a full stop is a statement ("our designer uses midjourney. what is behind it?")
        and len(split_sentences(before)) == 1
        and not before.rstrip().endswith(STATEMENT_ENDS)
        and bare_phrase(typed)
    ):
        return " ".join(typed)
    return name


def name_table(kb: KnowledgeBase, is_word: Callable[[str], bool]) -> Names:
    """The titles and aliases of ``kb`` as typed words, those that may stand in for "it": a
    name of one English word ("alignment", "transformer") may be meant in another sense, so
    only names of several words or coined ones ("llm") do."""
    found = []
    for snippet in kb.snippets.values():
        for name in (snippet.title, *snippet.aliases):
            said = tuple(words(name))
            if len(said) > 1 or (len(said) == 1 and not is_word(said[0])):
                found.append(said)
    return tuple(found)


def last_name(names: Names, text: str) -> str | None:
    """The name ``text`` types last (not as the synonyms fold it: "rag" typed is no
    "retrieval augmented generation"); None if none."""
    typed = words(text)
    best: tuple[int, int, str] | None = None  # where it ends, its length, its words
    for said in names:
        n = len(said)
        for start in range(len(typed) - n + 1):
            if tuple(typed[start : start + n]) == said:
                found = (start + n, n, " ".join(said))
                if best is None or found[:2] > best[:2]:
                    best = found
    return None if best is None else best[2]
