"""Where the term was seen (bot/matching/trust/occasion.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.occasion import source

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


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
        # Round 47 (read set 149): a telling that goes on ("keeps saying")
        (
            "the/ council/everyday planning/everyday doc/everyday keeps/ mentioning/ rag/term",
            "planning",
            True,
        ),
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
