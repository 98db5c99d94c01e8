"""Keep Slack secrets out of logs."""

from __future__ import annotations

import logging
import re

# Bot/user/app tokens and the legacy verification token that slash-command bodies carry.
_SECRET = re.compile(r"\b(xox[abeprs]-|xapp-)[A-Za-z0-9-]+|(?<=token=)[^&\s'\"]+")


def mask(text: str) -> str:
    """Replace every token-looking substring by its prefix and ``***``."""
    return _SECRET.sub(lambda m: (m.group(1) or "") + "***", text)


class SecretFilter(logging.Filter):
    """A logging filter that masks tokens in every record passing a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True
