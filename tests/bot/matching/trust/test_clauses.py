"""Asides: clauses about the asker, found by grammar alone."""

from __future__ import annotations

import pytest

from bot.matching.trust.clauses import asides, clauses, is_aside


def test_clauses_split_at_punctuation_and_subordinating_words() -> None:
    assert clauses("what's a foundation model, asking for a slide deck") == [
        ["whats", "a", "foundation", "model"],
        ["asking", "for", "a", "slide", "deck"],
    ]
    assert clauses("explain ai agents like im not a dev") == [
        ["explain", "ai", "agents"],
        ["like", "im", "not", "a", "dev"],
    ]
    assert clauses("genai - buzzword?") == [["genai"], ["buzzword"]]


@pytest.mark.parametrize(
    ("clause", "aside"),
    [
        (["asking", "for", "a", "slide", "deck"], True),  # participle
        (["like", "im", "not", "a", "dev"], True),  # first person
        (["we", "have", "10k", "pdfs"], True),
        (["the", "electrical", "kind"], False),  # qualifies the term
        (["in", "physics"], False),
        (["like", "the", "ones", "in", "a", "board", "game"], False),
        (["king"], False),  # a short -ing word is a noun
        # someone else's doings, reported
        (["procurement", "keeps", "putting", "it", "in", "every", "rfp"], True),
        (["the", "board", "wants", "a", "feel"], True),
        (["it", "keeps", "forgetting"], False),  # about the topic itself
        (["what", "says", "that"], False),
        (["board", "wants"], False),  # too short to report anything
        # a direct question of its own, whoever it speaks of
        (["when", "will", "we", "get", "agi"], False),
        (["how", "can", "we", "cut", "costs"], False),
        (["when", "we", "get", "it"], True),  # no question: "when" opens a clause of time
    ],
)
def test_an_aside_speaks_of_the_asker_or_opens_with_a_participle(
    clause: list[str], aside: bool
) -> None:
    assert is_aside(clause) is aside


def test_a_single_clause_has_no_aside() -> None:
    assert asides(clauses("how do i fine tune my model"), str.split) == ()
    assert asides(clauses("what is rag, we need it"), str.split) == (("we", "need", "it"),)
