"""Turn what the answer service replied into a :class:`View`: the one place that decides what
people see, in which words, and who sees it.

The public/private rule: a confident answer is public (everyone in the channel may see it);
a did-you-mean, a decline, small talk, the topic list, a slow-down and every error are shown
only to the asker.
"""

from __future__ import annotations

from bot.models import Answer, Reason, Reply, Snippet, Status, Suggestion
from bot.presentation import sentences as say
from bot.presentation.view import Choice, Part, View, ViewKind

MAX_PICKS = 3  # did-you-mean candidates offered: more is a list to read, not a quick pick


def present(reply: Reply) -> View:
    """The view of a service reply (a recorded confident answer gets feedback buttons)."""
    if reply.throttled:
        return note(say.SLOW_DOWN)
    return present_answer(reply.answer, feedback_id=reply.question_id)


def present_answer(answer: Answer, *, feedback_id: int | None = None) -> View:
    """The view of an engine answer; ``feedback_id`` only ever reaches a confident answer."""
    if answer.status is Status.ANSWER and answer.snippets:
        return _answer(answer, feedback_id)
    if answer.topics:
        return topics(answer.topics)
    if answer.status is Status.SUGGEST and answer.suggestions:
        return _did_you_mean(answer)
    return note(_sentence(answer), asked=answer.question)


def topics(listed: tuple[Suggestion, ...]) -> View:
    """Everything the bot can explain, for the asker."""
    return View(
        kind=ViewKind.TOPICS,
        public=False,
        title=say.TOPICS_TITLE,
        topics=tuple(_choice(t) for t in listed),
        footer=say.HOW_TO_ASK,
        summary=f"I can explain {say.topics_count(len(listed))}.",
    )


def note(text: str, *, asked: str = "") -> View:
    """A sentence for the asker alone; ``asked`` echoes their question under it."""
    footer = say.you_asked(asked) if asked.strip() else ""
    return View(kind=ViewKind.NOTE, public=False, text=text, footer=footer, summary=text)


def error() -> View:
    """Answering failed: say so, privately, without details."""
    return note(say.SOMETHING_WENT_WRONG)


def _answer(answer: Answer, feedback_id: int | None) -> View:
    snippets = answer.snippets
    parts: tuple[Part, ...]
    if len(snippets) == 1:
        parts = (Part(heading="", markdown=snippets[0].body.strip()),)
    else:  # a composed comparison: one titled part per snippet
        parts = tuple(Part(heading=s.title, markdown=s.body.strip()) for s in snippets)
    return View(
        kind=ViewKind.ANSWER,
        public=True,
        title=answer.title or snippets[0].title,
        parts=parts,
        choices=tuple(_choice(s) for s in answer.related),
        sources=tuple(dict.fromkeys(src for s in snippets for src in s.sources)),
        ids=answer.ids,
        feedback_id=feedback_id,
        summary="\n".join(f"{s.title}: {s.summary}" for s in snippets),
    )


def _did_you_mean(answer: Answer) -> View:
    uncovered = answer.reason is Reason.UNCOVERED
    intro = say.uncovered(answer.missing, closest=True) if uncovered else say.UNSURE
    picks = answer.suggestions[:MAX_PICKS]
    titles = ", ".join(s.title for s in picks)
    return View(
        kind=ViewKind.DID_YOU_MEAN,
        public=False,
        title="" if uncovered else say.DID_YOU_MEAN,
        text=intro,
        choices=tuple(_choice(s) for s in picks),
        footer=say.you_asked(answer.question),
        summary=f"Did you mean: {titles}?",
    )


def _sentence(answer: Answer) -> str:
    if answer.reason is Reason.SMALLTALK and answer.small_talk is not None:
        return say.small_talk(answer.small_talk)
    if answer.reason is Reason.UNCOVERED:
        return say.uncovered(answer.missing, closest=False)
    if answer.reason is Reason.UNSURE:
        return say.UNSURE
    return say.NO_MATCH


def _choice(item: Snippet | Suggestion) -> Choice:
    return Choice(id=item.id, label=item.title, summary=item.summary)
