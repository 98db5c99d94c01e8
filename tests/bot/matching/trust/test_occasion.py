"""What the answer is for and where the term was seen (bot/matching/trust/occasion.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.occasion import purpose, source

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


@pytest.mark.parametrize(
    ("text", "word", "is_source"),
    [
        # the subject of a clause of telling, headed by a piece of work
        (
            "the/ vendor/everyday deck/everyday for/ the/ handhelds/everyday says/ its/ rag/term",
            "handhelds",
            True,
        ),
        ("qms/everyday slide/everyday deck/everyday says/ the/ tool/ uses/ rag/term", "qms", True),
        # no piece of work: who said it is talk's to tell (talk.said)
        (
            "the/ vendor/everyday for/ the/ handhelds/everyday says/ its/ rag/term",
            "handhelds",
            False,
        ),
        # a term in the subject: the document may be about it
        (
            "the/ brochure/everyday for/ the/ foundation/term course/everyday says/ "
            "welding/everyday",
            "course",
            False,
        ),
        # no verb of telling
        (
            "the/ deck/everyday for/ the/ handhelds/everyday is/ due/ friday/everyday",
            "handhelds",
            False,
        ),
    ],
)
def test_a_piece_of_work_telling_of_the_term(
    marked: Marked, text: str, word: str, is_source: bool
) -> None:
    tokens, kinds = marked(text)
    assert source(tokens, kinds, tokens.index(word)) is is_source
