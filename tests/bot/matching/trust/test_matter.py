"""What the asker's conversation or document is about (bot/matching/trust/matter.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.grammar import runs
from bot.matching.trust.matter import matter, search_finds, search_of


def kind(token: str) -> str:
    if token in {"transformer", "llm", "chat", "search", "vector", "embeddings"}:
        return "term"
    return "everyday" if len(token) > 3 else ""


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # Round 50 (read set 111): after an exchange or document and "about"
        ("it forgot the start of a long convo about the vaccine protocol", ["vaccine", "protocol"]),
        ("a thread about a passenger complaint, by message 40", ["passenger", "complaint"]),
        ("the email about our opening hours", ["opening", "hours"]),
        # a term is never the asker's material; nor is what is not an exchange's matter
        ("the meeting about the transformer upgrade", ["upgrade"]),
        ("tell me about the context window", []),
        ("a long convo with the vendor", []),
        # Round 52 (read set 179): the exchange is the term asked about, no one's material
        ("quick chat about the sim rota at 3", []),
    ],
)
def test_the_matter_of_an_exchange(question: str, words: list[str]) -> None:
    assert [w for tokens in runs(question) for w in matter(tokens, kind)] == words


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # Round 52 (read set 83): what a search finds is the asker's material
        ("our doc system finds similar indemnity clauses", ["indemnity", "clauses"]),
        ("can it find the right deviation report", ["deviation", "report"]),
        ("how do i find it", []),  # nothing named
    ],
)
def test_what_a_search_finds(question: str, words: list[str]) -> None:
    assert [w for tokens in runs(question) for w in search_finds(tokens, kind)] == words


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # Round 53 (read sets 102, 161): what the asker's own search is of
        ("our recipe search is going to use vector search", ["recipe"]),
        (
            "our seed catalogue search is useless. someone suggested vector search",
            ["seed", "catalogue"],
        ),
        ("our parts catalogue search uses embeddings", ["parts", "catalogue"]),
        # no other term named: the search may be what is asked about ("fix our recipe search")
        ("how do i fix our recipe search", []),
        # a kind of search, not the asker's: "a"
        ("what is a monte carlo tree search, vector search or not", []),
    ],
)
def test_what_the_askers_search_is_of(question: str, words: list[str]) -> None:
    assert search_of(runs(question), kind) == words
