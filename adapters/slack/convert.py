"""The two conversions: Slack payloads to a neutral Question, a Reply to a Slack message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from adapters.slack import blocks as bk
from adapters.slack.feedback import feedback_block
from adapters.slack.markup import clean, strip_mention
from adapters.slack.mrkdwn import escape, to_mrkdwn
from bot.models import Answer, ChannelKind, Question, Reply, Source
from bot.presentation import documents
from bot.presentation import markdown as md
from bot.presentation import sentences as say
from bot.presentation.present import present, present_answer
from bot.presentation.view import View, ViewKind

PLATFORM = "slack"
RELATED_ACTION = "explain_related"
PICK_ACTION = "explain_pick"
SHORTCUT_CALLBACK = "explain_message"


@dataclass(frozen=True, slots=True, kw_only=True)
class SlackMessage:
    """A rendered message.

    Attributes:
        text: the plain fallback for notifications and screen readers (mrkdwn-safe).
        blocks: the Block Kit blocks.
        public: the view's decision (:mod:`bot.presentation.present`): True for a confident
            answer the channel may see, False for what only the asker should see.
    """

    text: str
    blocks: list[bk.Block]
    public: bool

    def payload(self) -> dict[str, Any]:
        """Fields for chat.postMessage, chat.postEphemeral or a response_url."""
        # Rendering is already ping-safe; these tell Slack not to add links or mentions itself.
        return {"text": self.text, "blocks": self.blocks, "parse": "none", "link_names": False}


def question_text(text: str, bot_user_id: str | None) -> str:
    """What the user typed: a message text without the bot's mention and Slack's markup."""
    return clean(strip_mention(text, bot_user_id))


def command_question(command: Mapping[str, Any]) -> Question:
    """A ``/explain`` slash command payload as a Question (its markup resolved)."""
    is_dm = str(command.get("channel_id", "")).startswith("D") or (
        command.get("channel_name") == "directmessage"
    )
    return Question(
        text=clean(str(command.get("text") or "")),
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
    return render(present(reply))


def answer_message(answer: Answer, *, question_id: int | None = None) -> SlackMessage:
    """Render an engine Answer (a picked or related snippet; ``question_id``: feedback)."""
    return render(present_answer(answer, feedback_id=question_id))


def render(view: View) -> SlackMessage:
    """The Slack message for a neutral view; who may see it is the view's decision."""
    if view.kind is ViewKind.ANSWER:
        blocks = _answer(view)
    elif view.kind is ViewKind.TOPICS:
        blocks = _topics(view)
    elif view.kind is ViewKind.DID_YOU_MEAN:
        blocks = _did_you_mean(view)
    else:
        tail = [bk.context(escape(view.footer))] if view.footer else []
        blocks = bk.fit([], bk.sections(md.parse(view.text)), tail)
    return SlackMessage(
        text=bk.clip(_fallback(view), bk.MAX_FALLBACK), blocks=blocks, public=view.public
    )


def _fallback(view: View) -> str:
    if view.kind is ViewKind.NOTE:
        return to_mrkdwn(view.text)
    return escape(view.summary)


def _answer(view: View) -> list[bk.Block]:
    body = documents.answer_body(view)
    related = bk.buttons("related", RELATED_ACTION, ((c.label, c.id) for c in view.choices))
    feedback = None if view.feedback_id is None else feedback_block(view.feedback_id)
    # fit() counts the tail: the feedback buttons survive a body cut to 50 blocks.
    return bk.fit(
        [bk.header(view.title)],
        bk.sections(body),
        [bk.context(_credits(view)), related, feedback],
    )


def _credits(view: View) -> str:
    ids = " · ".join(f"`{escape(i)}`" for i in view.ids)
    sources = [_source(src) for src in view.sources]
    if not sources:
        return f"explainbot {ids}"
    return f"{say.sources_label(len(sources))}: {', '.join(dict.fromkeys(sources))} · {ids}"


def _source(source: Source) -> str:
    title = escape(source.title).replace("|", "/")
    if source.url.startswith(("https://", "http://")):
        return f"<{escape(source.url).replace('|', '%7C')}|{title}>"
    return title


def _topics(view: View) -> list[bk.Block]:
    return bk.fit(
        [bk.header(view.title)],
        bk.sections(documents.topics_body(view)),
        [bk.context(to_mrkdwn(view.footer))],
    )


def _did_you_mean(view: View) -> list[bk.Block]:
    return bk.fit(
        [],
        bk.sections(documents.did_you_mean_body(view)),
        [
            bk.buttons("did_you_mean", PICK_ACTION, ((c.label, c.id) for c in view.choices)),
            bk.context(escape(view.footer)),
        ],
    )
