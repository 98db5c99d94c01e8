"""The other side of a contrast: a plain kind set against the term."""

from __future__ import annotations

import pytest

from bot.matching.trust.contrast import contrast


@pytest.mark.parametrize(
    ("text", "word", "is_contrast"),
    [
        ("is chatgpt just a fancy autocomplete", "fancy", True),
        ("is chatgpt just a really fancy autocomplete", "fancy", True),
        ("agents vs a normal chatbot", "normal", True),
        ("how is an llm different from a traditional search engine", "traditional", True),
        ("what is a normal distribution", "normal", False),  # a thing of its own
        ("is chatgpt just a fancy coil", "fancy", False),  # nothing of the field after it
        ("agents vs normal chatbot", "normal", False),  # no determiner: may be a name
    ],
)
def test_a_plain_kind_set_against_the_term(text: str, word: str, is_contrast: bool) -> None:
    field = {"chatgpt", "autocomplete", "agents", "chatbot", "llm", "search", "engine"}
    tokens = text.split()
    kinds = ["domain" if t in field or t == "distribution" else "" for t in tokens]
    if "distribution" in tokens:
        kinds[tokens.index("distribution")] = "everyday"
    assert contrast(tokens, kinds, tokens.index(word)) is is_contrast
