"""What the term is told to do for the asker (bot/matching/trust/doing.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.doing import told_doing

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a statement: the clause after the term is what it does, the term starts the span
        ("we/ will/ have/ an/ agent/term that/ logs/ into/ xero/domain", ["logs", "into", "xero"]),
        ("an/ ai/term agent/term that/ pulls/ feeds/everyday", ["pulls", "feeds"]),
        # a question, or what it might do: asked, kept
        ("is/ there/ an/ agent/term that/ files/ returns/everyday", []),
        ("any/ tool/term that/ detects/ fakes/everyday", []),
        ("we/ want/ an/ agent/term that/ can/ file/ returns/everyday", []),
    ],
)
def test_what_the_term_is_told_to_do(marked: Marked, text: str, words: list[str]) -> None:
    tokens, kinds = marked(text)
    assert [t for _, start, end in told_doing(tokens, kinds) for t in tokens[start:end]] == words
