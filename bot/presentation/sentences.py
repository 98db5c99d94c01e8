"""Every sentence explainbot says to people, on every platform (Markdown where it formats).

Adapters and the engine never word a reply themselves: they take it from here, so every
platform says the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import SmallTalk

HOW_TO_LIST = "Ask for `topics` to see everything I can explain."
HOW_TO_ASK = "Ask with `/explain` and a topic, or mention me with a question."
NO_MATCH = "Sorry, I don't have an explanation for that yet. " + HOW_TO_LIST
UNSURE = "I'm not sure which one you mean. " + HOW_TO_LIST
DID_YOU_MEAN = "Did you mean…"
TOPICS_TITLE = "Topics I can explain"
SLOW_DOWN = (
    "You're asking faster than I can answer well. Please wait a minute and try again; "
    "your next question will be answered as usual."
)
SOMETHING_WENT_WRONG = "Sorry, something went wrong while answering. Please try again in a moment."
RESTARTING = "I'm restarting; please try again in a moment."
UNREADABLE = "Sorry, I could not read that request: please try again."
NO_TEXT = "That message has no text I can explain."
FEEDBACK_THANKS = "Thanks for the feedback! It helps whoever curates these explanations."
HELPFUL = "Helpful"
NOT_HELPFUL = "Not helpful"
CUT_SHORT = "…cut short: too long for one message."
POSTING_RESTRICTED = "Posting in this channel is restricted for me: only you can see this."
COULD_NOT_POST = "I couldn't post this in the channel, so only you can see it."

_SMALL_TALK = {
    SmallTalk.GREETING: "Hi! I explain AI terms in plain words, for example `llm vs genai`.",
    SmallTalk.FAREWELL: "Bye for now! Ask me about an AI term any time.",
    SmallTalk.THANKS: "You're welcome! Ask me about another AI term any time.",
    SmallTalk.REACTION: "Glad to help. Ask me about another AI term any time.",
    SmallTalk.ABOUT_BOT: "I'm a bot that explains AI terms from a curated list written by people.",
    SmallTalk.JOKE: "Jokes are not my strong suit: I explain AI terms in plain words.",
}


def small_talk(kind: SmallTalk) -> str:
    """The friendly reply to small talk, ending with how to list the topics."""
    return f"{_SMALL_TALK[kind]} {HOW_TO_LIST}"


def uncovered(missing: Sequence[str], *, closest: bool) -> str:
    """No snippet explains what was asked: name it, and say whether the closest follow."""
    said = quote(missing) if missing else "that"
    if closest:
        return f"I don't have an explanation for {said} yet. The closest topics I have:"
    return f"Sorry, I don't have an explanation for {said} yet. {HOW_TO_LIST}"


def cannot_post_here(invite: str) -> str:
    """The bot is not in the channel; ``invite`` is how to add it on this platform."""
    return f"I can't post in this channel. Invite me with {invite} to answer here."


def you_asked(question: str, *, limit: int = 200) -> str:
    """The question echoed back under a private reply (whitespace collapsed, clipped)."""
    return f"You asked: “{clip(' '.join(question.split()), limit)}”."


def and_more(count: int) -> str:
    return f"… and {count} more"


def topics_count(count: int) -> str:
    return f"{count} topic" if count == 1 else f"{count} topics"


def sources_label(count: int) -> str:
    return "Source" if count == 1 else "Sources"


def quote(terms: Sequence[str]) -> str:
    """“a”, “a” or “b”, “a”, “b” or “c”."""
    quoted = [f"“{t}”" for t in dict.fromkeys(terms)]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary when one is near, with “…”."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= int(limit * 0.8):
        cut = cut[:space]
    return cut.rstrip() + "…"
