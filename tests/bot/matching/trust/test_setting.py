"""Where the term is put to use (bot/matching/trust/setting.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.setting import settings


def _kinds(sentence: str, terms: set[str]) -> list[tuple[list[str], list[str]]]:
    tokens = sentence.split()
    return [(tokens, ["term" if t in terms else "" for t in tokens])]


@pytest.mark.parametrize(
    ("sentence", "terms", "found"),
    [
        ("how is gen ai used in banking", {"gen", "ai"}, ["banking"]),
        ("what is generative ai used for in retail", {"generative"}, ["retail"]),
        ("llm use cases in the public sector", {"llm"}, ["public", "sector"]),
        ("genai adoption in manufacturing , any data", {"genai"}, ["manufacturing"]),
        ("what can llms do in hospitality", {"llms"}, ["hospitality"]),
        # a word of worth then "for" asks of use too; "at" places it as "in" does, and an
        # example after "like" is more of the place
        ("what are llms good for in a tiny business", {"llms"}, ["tiny", "business"]),
        ("what can llms be used for at a courier firm", {"llms"}, ["courier", "firm"]),
        (
            "what are llms good for in a tiny business like a bindery",
            {"llms"},
            ["tiny", "business", "bindery"],
        ),
        # "good" with no "for" asks no use: "good in" may be what it is good at
        ("are llms good in maths", {"llms"}, []),
        # no word of use between the term and the place: the place may tell its sense
        ("what is diffusion in chemistry", {"diffusion"}, []),
        # the use comes before the term: nothing is put to use in the place
        ("we use it in banking , what is an llm", {"llm"}, []),
    ],
)
def test_the_place_a_term_is_put_to_use(sentence: str, terms: set[str], found: list[str]) -> None:
    assert settings(_kinds(sentence, terms)) == found
