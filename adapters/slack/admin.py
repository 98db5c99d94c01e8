"""Tell the admin channel about knowledge changes that were refused."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.mrkdwn import escape
from bot.models import Problem
from bot.runtime.reload import ProblemsCallback, format_problems


def admin_poster(client: AsyncWebClient, channel: str | None) -> ProblemsCallback:
    """Posts the ``file:line: ...`` problems of a refused change to ``channel``.

    The reloader calls it once per distinct set of problems, and only when
    ``EXPLAINBOT_ADMIN_CHANNEL`` is set; with ``channel`` None it posts nothing.
    """

    async def post(problems: tuple[Problem, ...]) -> None:
        if channel is None:
            return
        # Paths and messages come from files: escaped so that nothing in them links or pings.
        text = "```" + escape(format_problems(problems)) + "```"
        await client.chat_postMessage(
            channel=channel, text=text, parse="none", link_names=False, unfurl_links=False
        )

    return post
