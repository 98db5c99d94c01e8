"""What the asker will do with the answer (bot/matching/trust/purpose.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.purpose import purpose

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


@pytest.mark.parametrize(
    ("text", "word", "is_purpose"),
    [
        # a clause after the term: the asker will pass the answer on
        (
            "downsides/term of/ genai/term we/ should/ warn/ the/ marketing/everyday team/",
            "marketing",
            True,
        ),
        (
            "limits/ of/ llms/term i/ need/ to/ mention/ in/ the/ board/everyday paper/everyday",
            "paper",
            True,
        ),
        # over a word too short to weigh, after "that"
        (
            "risks/term of/ generative/term ai/ that/ we/ should/ flag/ the/ review/everyday",
            "review",
            True,
        ),
        # after a thing outside the field: the thing is what is asked about
        (
            "risks/ of/ the/ boiler/everyday we/ should/ flag/ to/ the/ landlord/everyday",
            "landlord",
            False,
        ),
        # what one does with the thing itself, not with an answer
        ("an/ llm/term we/ can/ run/ on/ a/ laptop/everyday", "laptop", False),
        # the clause names the term: it asks of it
        (
            "risks/term of/ genai/term we/ should/ flag/ in/ the/ llm/term review/everyday",
            "review",
            False,
        ),
        # a comma ends the term's phrase: a clause of its own
        ("risks/term of/ genai/term ,/ we/ should/ flag/ the/ review/everyday", "review", False),
        # no modal: "we warn" tells what happens
        (
            "downsides/term of/ genai/term we/ warn/ the/ marketing/everyday team/",
            "marketing",
            False,
        ),
    ],
)
def test_what_the_asker_will_do_with_the_answer(
    marked: Marked, text: str, word: str, is_purpose: bool
) -> None:
    tokens, kinds = marked(text)
    assert purpose(tokens, kinds, tokens.index(word)) is is_purpose
