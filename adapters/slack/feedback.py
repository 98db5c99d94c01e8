"""Helpful / Not helpful buttons under confident answers, and the listener for their clicks.

A button's value is ``"{question_id}:1"`` (helpful) or ``"{question_id}:0"``. A click records
the clicker's vote through the answer service and thanks them privately: the shared answer
itself is never changed.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from adapters.slack import blocks as bk
from adapters.slack.payload import action_place
from adapters.slack.response_url import via_response_url
from bot.presentation import sentences as say
from bot.runtime.service import AnswerService

FEEDBACK_ACTION = "explain_feedback"
FEEDBACK_BLOCK = "feedback"
_VALUE = re.compile(r"^(\d{1,19}):([01])$")


def feedback_block(question_id: int) -> bk.Block:
    """The actions block with the two buttons for the recorded question ``question_id``."""
    choices = ((say.HELPFUL, f"{question_id}:1"), (say.NOT_HELPFUL, f"{question_id}:0"))
    block = bk.buttons(FEEDBACK_BLOCK, FEEDBACK_ACTION, choices)
    assert block is not None  # two choices always make a block
    return block


def parse_vote(value: str) -> tuple[int, bool] | None:
    """(question id, helpful) from a button value; None for anything we did not render."""
    match = _VALUE.match(value)
    if match is None:
        return None
    return int(match.group(1)), match.group(2) == "1"


class FeedbackHandlers:
    """The click listener; bolt injects its arguments by parameter name."""

    def __init__(self, service: AnswerService, *, logger: logging.Logger) -> None:
        self._service = service
        self._log = logger

    async def vote(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: AsyncRespond | None,
    ) -> None:
        """A Helpful / Not helpful click: record the vote, thank only the clicker."""
        await ack()
        vote = parse_vote(str(action.get("value", "")))
        _, user = action_place(body)
        if vote is None or not user:
            self._log.warning("ignoring a feedback click with an unexpected value")
            return
        question_id, helpful = vote
        self._service.feedback(question_id=question_id, user_id=user, helpful=helpful)
        # A thank-you is not worth a message anywhere else.
        if respond is None or not respond.response_url:
            self._log.warning("a feedback click without response_url: vote kept, no thanks sent")
            return
        # Ephemeral and not replacing: the answer others see keeps its buttons unchanged.
        await via_response_url(
            respond,
            self._log,
            text=say.FEEDBACK_THANKS,
            response_type="ephemeral",
            replace_original=False,
        )
