"""The two conversions: Slack payloads to a neutral Question, a Reply to a Slack message."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from adapters.slack import blocks as bk
from adapters.slack.feedback import feedback_block
from adapters.slack.mrkdwn import escape, render, to_mrkdwn
from bot.models import Answer, ChannelKind, Question, Reply, Snippet, Source, Status
from bot.presentation import markdown as md

PLATFORM = "slack"
RELATED_ACTION = "explain_related"
PICK_ACTION = "explain_pick"
SHORTCUT_CALLBACK = "explain_message"
_FALLBACK = "Sorry, I don't have an explanation for that yet."


@dataclass(frozen=True, slots=True, kw_only=True)
class SlackMessage:
    """A rendered message.

    Attributes:
        text: the plain fallback for notifications and screen readers (mrkdwn-safe).
        blocks: the Block Kit blocks.
        public: True for a confident answer the channel may see; False for what only the
            asker should see (did-you-mean, fallback, topic list, slow-down).
    """

    text: str
    blocks: list[bk.Block]
    public: bool

    def payload(self) -> dict[str, Any]:
        """Fields for chat.postMessage, chat.postEphemeral or a response_url."""
        # Rendering is already ping-safe; these tell Slack not to add links or mentions itself.
        return {"text": self.text, "blocks": self.blocks, "parse": "none", "link_names": False}


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """Remove the bot's own ``<@U…>`` mention(s) from a message text."""
    if not bot_user_id:
        return text.strip()
    return re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text).strip()


def unescape(text: str) -> str:
    """Undo Slack's escaping of ``&``, ``<`` and ``>`` in user text (rendering escapes again)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def question_text(text: str, bot_user_id: str | None) -> str:
    """What the user typed: a message text without the bot's mention, Slack's escaping undone."""
    return unescape(strip_mention(text, bot_user_id))


def command_question(command: Mapping[str, Any]) -> Question:
    """A ``/explain`` slash command payload as a Question (its text unescaped)."""
    is_dm = str(command.get("channel_id", "")).startswith("D") or (
        command.get("channel_name") == "directmessage"
    )
    return Question(
        text=unescape(str(command.get("text") or "")),
        platform=PLATFORM,
        user_id=str(command.get("user_id", "")),
        channel_kind=ChannelKind.DM if is_dm else ChannelKind.CHANNEL,
    )


def event_question(event: Mapping[str, Any], text: str) -> Question:
    """An ``app_mention`` or direct ``message`` event (with its question ``text``) as a Question."""
    if event.get("channel_type") == "im":
        kind = ChannelKind.DM
    elif event.get("thread_ts"):
        kind = ChannelKind.THREAD
    else:
        kind = ChannelKind.CHANNEL
    return Question(
        text=text, platform=PLATFORM, user_id=str(event.get("user", "")), channel_kind=kind
    )


def shortcut_question(shortcut: Mapping[str, Any], text: str) -> Question:
    """An "Explain this" message shortcut as a Question; it is answered in the thread."""
    return Question(
        text=text,
        platform=PLATFORM,
        user_id=str(shortcut.get("user", {}).get("id", "")),
        channel_kind=ChannelKind.THREAD,
    )


def to_message(reply: Reply) -> SlackMessage:
    """Render what the answer service replied (a recorded confident answer gets feedback)."""
    answer = reply.answer
    if reply.throttled:
        return _note(answer.message or "Please slow down a little.", None)
    return answer_message(answer, question_id=reply.question_id)


def answer_message(answer: Answer, *, question_id: int | None = None) -> SlackMessage:
    """Render a neutral Answer as a Slack message.

    Args:
        answer: what the engine answered.
        question_id: the recorded question; a confident answer then carries Helpful /
            Not helpful buttons (never a did-you-mean, fallback or topic list).
    """
    if answer.status is Status.ANSWER and answer.snippets:
        return _answer(answer, question_id)
    if answer.topics:
        return _topics(answer)
    if answer.status is Status.SUGGEST and answer.suggestions:
        return _did_you_mean(answer)
    return _note(answer.message or _FALLBACK, answer.question)


def _answer(answer: Answer, question_id: int | None) -> SlackMessage:
    snippets = answer.snippets
    if len(snippets) == 1:
        body = md.parse(snippets[0].body)
    else:  # a composed comparison: one titled part per snippet
        body = md.titled((s.title, md.parse(s.body)) for s in snippets)
    related = bk.buttons("related", RELATED_ACTION, ((s.title, s.id) for s in answer.related))
    return SlackMessage(
        text=bk.clip("\n".join(f"{escape(s.title)}: {escape(s.summary)}" for s in snippets), 3000),
        blocks=bk.fit(
            [bk.header(answer.title or snippets[0].title)],
            bk.sections(body),
            # fit() counts these: the feedback buttons survive a body cut to 50 blocks.
            [
                bk.context(_credits(snippets)),
                related,
                None if question_id is None else feedback_block(question_id),
            ],
        ),
        public=True,
    )


def _credits(snippets: tuple[Snippet, ...]) -> str:
    ids = " · ".join(f"`{escape(s.id)}`" for s in snippets)
    sources = [_source(src) for s in snippets for src in s.sources]
    if not sources:
        return f"explainbot {ids}"
    label = "Source" if len(sources) == 1 else "Sources"
    return f"{label}: {', '.join(dict.fromkeys(sources))} · {ids}"


def _source(source: Source) -> str:
    title = escape(source.title).replace("|", "/")
    if source.url.startswith(("https://", "http://")):
        return f"<{escape(source.url).replace('|', '%7C')}|{title}>"
    return title


def _choices(items: tuple[tuple[str, str | None, str], ...]) -> md.BulletList:
    """``• *title* (`id`): summary`` lines; all three are plain text, never Markdown."""
    return md.BulletList(items=tuple(_choice(*item) for item in items))


def _choice(title: str, sid: str | None, summary: str) -> md.ListItem:
    tag = (md.Text(text=" ("), md.Code(text=sid), md.Text(text=")")) if sid else ()
    bold = md.Strong(children=(md.Text(text=title),))
    line = md.Paragraph(children=(bold, *tag, md.Text(text=": " + summary)))
    return md.ListItem(children=(line,))


def _topics(answer: Answer) -> SlackMessage:
    topics = _choices(tuple((t.title, t.id, t.summary) for t in answer.topics))
    return SlackMessage(
        text=f"I can explain {len(answer.topics)} topics.",
        blocks=bk.fit(
            [bk.header("What I can explain")],
            bk.sections(md.Document(children=(topics,))),
            [bk.context("Ask with `/explain` and a topic, or mention me with a question.")],
        ),
        public=False,
    )


def _did_you_mean(answer: Answer) -> SlackMessage:
    choices = answer.suggestions
    lines = _choices(tuple((c.title, None, c.summary) for c in choices))
    titles = ", ".join(escape(c.title) for c in choices)
    return SlackMessage(
        text=f"Did you mean: {titles}?",
        blocks=bk.fit(
            [],
            bk.sections(md.titled([("Did you mean…", md.Document(children=(lines,)))])),
            [
                bk.buttons("did_you_mean", PICK_ACTION, ((c.title, c.id) for c in choices)),
                bk.context(_asked(answer.question) + " " + to_mrkdwn(answer.message)),
            ],
        ),
        public=False,
    )


def _note(message: str, question: str | None) -> SlackMessage:
    body = md.parse(message)
    tail = [bk.context(_asked(question))] if question and question.strip() else []
    return SlackMessage(
        text=bk.clip(render(body), bk.MAX_FALLBACK),
        blocks=bk.fit([], bk.sections(body), tail),
        public=False,
    )


def _asked(question: str) -> str:
    return f"You asked: “{escape(bk.clip(' '.join(question.split()), 200))}”."
