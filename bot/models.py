"""Platform-neutral domain objects: snippets, questions, answers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.knowledge.excerpt import MESSAGE_CHARS, excerpt


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One validation finding in a knowledge directory.

    ``line`` is 1-based; 0 when the problem concerns the whole file.
    """

    path: Path
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        # Bounded whatever a check quoted: problems reach logs, /healthz and chat.
        kind = "warning: " if self.warning else ""
        message = excerpt(self.message, MESSAGE_CHARS)
        field = excerpt(self.field, 60)
        return f"{self.path}:{self.line}: {kind}{field}: {message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a snippet's facts come from."""

    title: str
    url: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Snippet:
    """One curated explanation, as loaded from ``knowledge/<id>.yaml``."""

    id: str
    title: str
    summary: str
    questions: tuple[str, ...]
    body: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    path: Path | None = None


class Status(StrEnum):
    """How sure the engine is."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    NONE = "none"


class SmallTalk(StrEnum):
    """Which kind of small talk a question was (the reply is worded by the presentation)."""

    GREETING = "greeting"
    FAREWELL = "farewell"
    THANKS = "thanks"
    REACTION = "reaction"
    ABOUT_BOT = "about_bot"
    JOKE = "joke"  # "tell me a joke, it's been a long night"


class Reason(StrEnum):
    """Why the engine replied the way it did (finer than :class:`Status`)."""

    MATCH = "match"  # a snippet (or two) fits
    UNSURE = "unsure"  # close candidates, none clearly best: a did-you-mean
    UNCOVERED = "uncovered"  # the question is about something no snippet explains
    NO_MATCH = "no_match"  # nothing comes close
    SMALLTALK = "smalltalk"  # thanks, hi, what can you do: a friendly reply
    TOPICS = "topics"  # asked for the list of topics


@dataclass(frozen=True, slots=True, kw_only=True)
class Suggestion:
    """A did-you-mean or autocomplete candidate."""

    id: str
    title: str
    summary: str
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """The engine's neutral reply to one question.

    Attributes:
        question: the question as asked.
        status: answer, suggest or none.
        snippets: for ``answer``, the snippet(s) used, primary first (two for a composed
            comparison); empty otherwise.
        score: confidence of the best match, 0-100.
        related: snippets worth offering next (``answer`` only).
        suggestions: did-you-mean candidates (``suggest``), at most 3.
        topics: filled when the question asked for the topic list (empty, help, list, topics).
        reason: why the engine replied this way (the presentation words it:
            :mod:`bot.presentation.present`).
        small_talk: which small talk it was (``reason`` smalltalk).
        missing: terms of the question that no snippet explains (``uncovered``), as typed.
        confidence: 0-1, how sure the engine is of its best candidate: its score plus its
            lead over the runner-up, discounted by what it leaves unexplained; ranks replies
            (bench/calibration.py measures how well it separates right from wrong).
    """

    question: str
    status: Status
    snippets: tuple[Snippet, ...] = ()
    score: float = 0.0
    related: tuple[Snippet, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    topics: tuple[Suggestion, ...] = ()
    reason: Reason = Reason.MATCH
    small_talk: SmallTalk | None = None
    missing: tuple[str, ...] = ()
    confidence: float = 0.0

    @property
    def primary(self) -> Snippet | None:
        return self.snippets[0] if self.snippets else None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.snippets)

    @property
    def title(self) -> str | None:
        """Title of the answer: the snippet's, or both titles for a composed comparison."""
        if not self.snippets:
            return None
        return " vs ".join(s.title for s in self.snippets)


class ChannelKind(StrEnum):
    """Where a question was asked; recorded, never used for matching."""

    CHANNEL = "channel"
    THREAD = "thread"
    DM = "dm"
    CLI = "cli"


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """A question as an adapter hands it to the answer service (no platform objects)."""

    text: str
    platform: str
    user_id: str = ""
    channel_kind: ChannelKind = ChannelKind.CHANNEL


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply:
    """What the answer service returns to an adapter.

    Attributes:
        answer: the engine's answer.
        question_id: id of the recorded question, for feedback buttons; None when not recorded.
        throttled: the user asked too often; ``answer`` is then empty and the presentation
            says "slow down".
        notify: whether to show this reply where staying silent is possible (a mention, a
            direct message; an interaction must always be answered). False for a throttled
            user already told to slow down in this window: silence beats a flooded channel.
    """

    answer: Answer
    question_id: int | None = None
    throttled: bool = False
    notify: bool = True
