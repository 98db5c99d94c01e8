"""The neutral view of a reply: what each adapter renders in its platform's format.

A view says what kind of reply it is, who may see it, and what it shows; every sentence in it
comes from :mod:`bot.presentation.sentences`, and bodies are Markdown that each renderer walks
through :mod:`bot.presentation.markdown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.models import Source


class ViewKind(StrEnum):
    ANSWER = "answer"  # a confident answer
    DID_YOU_MEAN = "did_you_mean"  # candidates to pick from
    TOPICS = "topics"  # everything the bot can explain
    NOTE = "note"  # a sentence: a decline, small talk, slow down, an error


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """One part of an answer's body: a composed comparison has one per snippet."""

    heading: str  # empty when the answer has a single part
    markdown: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """A topic offered as a button or a list line."""

    id: str
    label: str
    summary: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class View:
    """Everything a platform needs to show one reply.

    Attributes:
        kind: what the reply is.
        public: True when everyone in the channel may see it (a confident answer); anything
            else is shown only to the asker.
        title: the answer's title (or the topic list's); empty for notes.
        text: the lead sentence, in Markdown (a note, the did-you-mean intro).
        parts: the answer's body.
        choices: buttons: related topics under an answer, candidates under a did-you-mean.
        topics: the topic list.
        sources: where the answer's facts come from.
        ids: the snippet ids the answer used (credited under it).
        footer: a closing line (how to ask, or the question echoed back).
        feedback_id: the recorded question a Helpful / Not helpful vote goes to; None: no
            feedback buttons.
        summary: one plain line for notifications and screen readers.
    """

    kind: ViewKind
    public: bool
    title: str = ""
    text: str = ""
    parts: tuple[Part, ...] = ()
    choices: tuple[Choice, ...] = ()
    topics: tuple[Choice, ...] = ()
    sources: tuple[Source, ...] = ()
    ids: tuple[str, ...] = ()
    footer: str = ""
    feedback_id: int | None = None
    summary: str = ""
