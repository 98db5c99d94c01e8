"""Where a control or a setting sits in an app (bot/matching/trust/located.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.located import located
from bot.matching.trust.wanted import wanted


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Round 47 (read sets 108 and 150): which part of the app, a control not found,
        # where or how a value is set in an app or an api
        ("which tab has the top-p slider in the mistral console", "tab", True),
        ("i cannot find the temperature setting in bedrock", "setting", True),
        ("where should i change the temperature for the claude api", "change", True),
        ("how do we adjust top-p in the cohere playground", "adjust", True),
        ("what is the field name for temperature in the request body", "field", False),
        ("which field name holds the temperature in the request", "field", True),
        # which parameter, a field of study, how to set it for an effect, where it comes from
        ("top-p vs temperature which knob do we want", "knob", False),
        ("which field of ai covers speech", "field", False),
        ("how do i set temperature so the answers stop changing", "set", False),
        ("where do i set temperature in the playground or the api", "set", False),
        ("how do i set temperature for each api call", "set", False),
        ("how do i set temperature for every single api call", "set", False),
        ("how can i raise the temperature in a chat app", "raise", False),
        ("where do they set the context limit and where does it come from", "set", False),
        # Round 54 (read sets 113 and 117): a named app's settings; the setting named between
        ("how do i raise the context window limit in the claude settings page", "raise", True),
        ("how do i change the temperature slider in the openai playground", "change", True),
        ("how do i raise the temperature in the playground settings", "raise", False),
        # what the value is for: no app's page (review); the asker's app is one
        ("how do i adjust temperature for creative writing settings", "adjust", False),
        ("how to set top p for code generation settings", "set", False),
        ("how do i raise the context limit in my copilot settings", "raise", True),
    ],
)
def test_where_a_setting_sits(text: str, word: str, expected: bool) -> None:
    tokens = text.split()
    assert located(tokens, tokens.index(word)) is expected
    assert wanted(tokens, tokens.index(word)) is expected
