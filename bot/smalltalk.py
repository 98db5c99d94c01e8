"""Pleasantries and questions about the bot itself: "thanks!", "hi", "lol", "what can you do".

These get a short friendly reply pointing to ``topics``, never a did-you-mean to a random
snippet. A question is small talk only when every word is small-talk vocabulary, so
"hi, what is a gan" is still a question about GANs.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class Chat(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    REACTION = "reaction"
    ABOUT_BOT = "about_bot"


_GREETING = frozenset(
    [
        "hi",
        "hello",
        "hey",
        "heya",
        "hiya",
        "yo",
        "sup",
        "gm",
        "morning",
        "evening",
        "afternoon",
        "good",
        "day",
        "howdy",
        "greetings",
        "bye",
        "goodbye",
        "cya",
        "night",
        "gn",
    ]
)
_THANKS = frozenset(
    ["thanks", "thank", "thx", "ty", "tysm", "cheers", "appreciate", "appreciated", "it", "much"]
)
_REACTION = frozenset(
    [
        "lol",
        "lmao",
        "rofl",
        "haha",
        "hahaha",
        "hehe",
        "ok",
        "okay",
        "k",
        "kk",
        "cool",
        "nice",
        "great",
        "awesome",
        "neat",
        "sweet",
        "wow",
        "perfect",
        "got",
        "it",
        "gotcha",
        "np",
        "sure",
        "yes",
        "yeah",
        "yep",
        "no",
        "nope",
        "nah",
        "one",
        "good",
        "bot",
        "job",
        "work",
        "fine",
        "ah",
        "oh",
        "i",
        "see",
        "makes",
        "sense",
        "interesting",
    ]
)
# Questions about the bot: only when they also name the bot or "you".
_ABOUT = frozenset(
    [
        "what",
        "which",
        "who",
        "how",
        "can",
        "could",
        "do",
        "does",
        "did",
        "are",
        "is",
        "am",
        "you",
        "u",
        "your",
        "yourself",
        "bot",
        "this",
        "explain",
        "explains",
        "know",
        "knows",
        "cover",
        "covers",
        "topics",
        "topic",
        "subjects",
        "things",
        "stuff",
        "answer",
        "answers",
        "help",
        "use",
        "work",
        "works",
        "made",
        "make",
        "built",
        "created",
        "wrote",
        "person",
        "human",
        "real",
        "robot",
        "an",
        "a",
        "i",
        "me",
        "tell",
        "list",
        "about",
        "of",
        "the",
        "to",
        "for",
        "on",
        "with",
    ]
)
_YOU = frozenset({"you", "u", "your", "yourself", "bot", "explainbot"})
_FILLER = frozenset({"all", "everyone", "team", "folks", "guys", "there", "again", "so", "very"})


def small_talk(words: Sequence[str]) -> Chat | None:
    """The kind of small talk the (lower-case ASCII) words are, or None for a real question."""
    if not words:
        return None
    content = [w for w in words if w not in _FILLER]
    if not content:
        return Chat.GREETING
    if all(w in _THANKS or w in _REACTION or w in _YOU for w in content):
        if any(w in _THANKS - {"it", "much"} for w in content):
            return Chat.THANKS
        if any(w in _REACTION for w in content):
            return Chat.REACTION
    if all(w in _GREETING or w in _YOU for w in content):
        return Chat.GREETING
    if all(w in _GREETING or w in _THANKS or w in _REACTION or w in _YOU for w in content):
        return Chat.REACTION
    if any(w in _YOU for w in content) and all(w in _ABOUT or w in _GREETING for w in content):
        return Chat.ABOUT_BOT
    return None
