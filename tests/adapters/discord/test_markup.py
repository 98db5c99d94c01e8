"""Discord's message markup resolved before the engine sees a question."""

from __future__ import annotations

import pytest

from adapters.discord.markup import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<@123456789012345678> llm", "llm"),
        ("<@!123> llm", "llm"),
        ("<@&123> llm", "llm"),
        ("<#123456> llm", "llm"),
        ("<:thinking:123456> llm", "thinking llm"),
        ("<a:party_parrot:99> llm", "party_parrot llm"),
        ("since <t:1700000000:R> llm", "since llm"),
        ("run </explain:123> llm", "run llm"),
        ("a <b> tag stays", "a <b> tag stays"),
    ],
)
def test_markup_is_resolved_to_what_was_typed(raw: str, expected: str) -> None:
    assert clean(raw) == expected
