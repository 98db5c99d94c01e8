"""Admin notices as Slack shows them: a code block that links and pings nothing."""

from __future__ import annotations

from adapters.slack.mrkdwn import escape
from bot.runtime.notices import fit_lines

# chat.postMessage takes up to 40,000 characters, but Slack advises under 4,000 for text;
# fitted before escaping, which may lengthen it a little.
NOTICE_MAX = 3_900


def notice_text(text: str) -> str:
    """``text`` fitted to Slack and escaped: paths and messages come from files."""
    return "```" + escape(fit_lines(text, NOTICE_MAX)) + "```"
