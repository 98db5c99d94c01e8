"""Words marked with their kinds, as the trust checks see a sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Marked = Callable[[str], tuple[list[str], list[str]]]


def _marked(text: str) -> tuple[list[str], list[str]]:
    """The words and kinds of ``text`` written "word/kind ..." ("what/ is/ rag/term")."""
    pairs = [pair.split("/") for pair in text.split()]
    return [t for t, _ in pairs], [k for _, k in pairs]


@pytest.fixture
def marked() -> Marked:
    return _marked
