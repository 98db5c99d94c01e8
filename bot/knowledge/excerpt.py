"""Short excerpts of file content for messages: problems reach logs, ``/healthz`` and the admin
channel, and a file may hold anything (a pasted token, a symlinked system file)."""

from __future__ import annotations

EXCERPT_CHARS = 24  # enough to recognise a value, too little to carry a secret whole
MESSAGE_CHARS = 300  # no problem message is longer, whatever it quotes


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` as one line of at most ``limit`` characters, ``…`` marking a cut."""
    text = "".join(c if c.isprintable() else " " for c in str(value)[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"
