"""What a photo the asker shows the model depicts (:mod:`bot.matching.trust.depicted`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.depicted import depicted

_KINDS = {"job": "", "bag": "everyday", "docket": "everyday", "v5": "domain"}
_KINDS |= {"logbook": "everyday", "fuse": "everyday", "box": "plain", "text": "plain"}


def kind(token: str) -> str:
    return _KINDS.get(token, "")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Round 44 (read sets 93 and 128)
        ("can these models read a photo of a v5 logbook as well as text", ["v5", "logbook"]),
        ("look at a photo of a job bag docket and read it", ["bag", "docket"]),
        ("a screenshot of our fuse box", ["fuse", "box"]),
        # no picture of anything: nothing shown
        ("can it read a photo", []),
        ("the photo and the text", []),
        ("a box of text", []),
    ],
)
def test_what_a_photo_shows(text: str, words: list[str]) -> None:
    assert depicted(text.split(), kind) == words
