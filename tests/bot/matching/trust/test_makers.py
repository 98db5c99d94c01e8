"""Who makes a named thing, as a snippet's body says (:mod:`bot.matching.trust.makers`)."""

from __future__ import annotations

import pytest

from bot.matching.trust.makers import makers, owners

BODY = "Diffusion is behind DALL-E, Google's Imagen and Meta\u2019s Emu."


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("whats google imagen", {"google"}),
        ("whats metas emu", {"metas"}),  # "meta's", its apostrophe gone
        ("whats emu , the meta one", {"meta"}),
        # Round 50: "the meta model", "from meta", "by google"
        ("whats emu , the meta model", {"meta"}),
        ("whats emu from meta", {"meta"}),
        ("is imagen by google any good", {"google"}),
        ("whats emu from the zoo", set()),  # no maker the body names
        # the body names no such maker
        ("whats google dall e", set()),
        ("whats openai imagen", set()),
    ],
)
def test_a_maker_the_body_names(question: str, found: set[str]) -> None:
    assert makers([question.split()], owners(BODY)) == found


def test_the_maker_after_the_name_in_a_tuple_of_words() -> None:
    # Any sequence of words, as the signature says: a tuple's slice never equals a list.
    words = ("whats", "emu", ",", "the", "meta", "model")
    assert makers([words], owners(BODY)) == {"meta"}
