"""Discord's size limits and clean truncation of text to fit them."""

from __future__ import annotations

ELLIPSIS = "…"

CONTENT_MAX = 2000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
BUTTON_LABEL_MAX = 80
BUTTONS_PER_ROW = 5
CUSTOM_ID_MAX = 100
CHOICE_NAME_MAX = 100
CHOICE_VALUE_MAX = 100
CHOICES_MAX = 25

# Markdown markers that must come in pairs; a cut inside one would leak formatting.
_PAIRED = ("**", "`")


def clip(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else cut cleanly and end with an ellipsis.

    The cut prefers a paragraph, line or word boundary near the end, and never leaves a
    ``**`` or a backtick open.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    cut = text[: limit - len(ELLIPSIS)]
    floor = int(len(cut) * 0.8)
    for sep in ("\n\n", "\n", " "):
        at = cut.rfind(sep)
        if at >= floor:
            cut = cut[:at]
            break
    for marker in _PAIRED:
        if cut.count(marker) % 2:
            cut = cut[: cut.rfind(marker)]
    return cut.rstrip() + ELLIPSIS


def one_line(text: str) -> str:
    """Collapse whitespace, newlines included (for labels and choice names)."""
    return " ".join(text.split())
