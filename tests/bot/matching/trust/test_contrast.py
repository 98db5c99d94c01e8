"""The other side of a contrast: a plain kind set against the term."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.contrast import (
    contrast,
    disowned,
    disowned_before,
    disowned_clause,
    disowns_field,
)

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture


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


@pytest.mark.parametrize(
    ("text", "word", "is_disowned"),
    [
        ("what is a transformer , not the substation kind", "substation", True),
        ("what is a transformer , not the power grid type", "grid", True),
        ("what is a transformer , not the power grid type", "type", True),
        # the term before the phrase, and a "not" that disowns no sense
        ("what is a transformer , not the substation kind", "transformer", False),
        ("why is the substation not the kind of place for a transformer", "place", False),
        ("not the substation", "substation", False),
    ],
)
def test_the_sense_a_question_disowns(text: str, word: str, is_disowned: bool) -> None:
    tokens = text.split()
    assert disowned(tokens, tokens.index(word)) is is_disowned


@pytest.mark.parametrize(
    ("kinds", "word", "is_disowned"),
    [
        # round 31: "not" and the term itself name the sense set aside
        ("not/ sea/everyday temperature/term lol/ ,/ the/ model/domain setting/term", "sea", True),
        (
            "what/ is/ a/ transformer/term ,/ not/ the/ electrical/everyday transformer/term",
            "electrical",
            True,
        ),
        # nothing else names the sense asked about: the phrase is all there is
        ("not/ sea/everyday temperature/term", "sea", False),
        # "not" of another clause
        ("not/ sure/ ,/ sea/everyday temperature/term", "sea", False),
    ],
)
def test_the_sense_set_aside_by_the_term_itself(
    marked: Marked, kinds: str, word: str, is_disowned: bool
) -> None:
    tokens, marks = marked(kinds)
    assert disowned_before(tokens, marks, tokens.index(word)) is is_disowned


@pytest.mark.parametrize(
    ("kinds", "word", "is_disowned"),
    [
        # round 35: a clause that opens with "not the" and names nothing of the field
        ("not/ the/ big/ electrical/everyday box/everyday at/ the/ depot/everyday", "depot", True),
        ("tokens/term ,/ not/ the/ ones/ for/ the/ arcade/everyday", "arcade", True),
        # the clause names the field, not at a clause's start, or no determiner
        ("not/ the/ transformer/term in/ the/ depot/everyday", "depot", False),
        ("why/ is/ it/ not/ the/ depot/everyday", "depot", False),
        ("not/ big/ electrical/everyday boxes/everyday", "boxes", False),
    ],
)
def test_a_clause_that_sets_a_sense_aside(
    marked: Marked, kinds: str, word: str, is_disowned: bool
) -> None:
    tokens, marks = marked(kinds)
    assert disowned_clause(tokens, marks, tokens.index(word)) is is_disowned


@pytest.mark.parametrize(
    ("question", "disowns"),
    [
        ("transformer (not the ai kind) - ours at the substation is buzzing", True),
        ("agents, not in the ai sense: estate agents", True),
        ("tokens - nothing to do with ai, the car wash ones", True),
        ("tokens, not ai related", True),
        ("what is a transformer? not the ai transformer, the one at the substation", True),
        # who asks, not which sense: "not a tech person"
        ("warehouse lead, not a tech person. what is a large language model", False),
        # the field is not set aside: "not ai" asks whether it is
        ("is a rules engine ai or not ai", False),
        ("why is autocomplete not ai", False),
        ("a transformer in ai, not the substation kind", False),
    ],
)
def test_a_question_that_sets_the_fields_sense_aside(question: str, disowns: bool) -> None:
    assert disowns_field(question) is disowns


@pytest.mark.parametrize(
    ("kinds", "word", "is_disowned"),
    [
        # round 35: a sentence of its own, another naming the field the asker means
        ("not/ the/ mind/everyday body/everyday nlp/term our/ instructors/everyday", "mind", True),
        ("not/ the/ mind/everyday body/everyday nlp/term our/ instructors/everyday", "nlp", False),
        # not at the sentence's start
        ("the/ mind/everyday body/everyday nlp/term ,/ not/ the/ ai/everyday", "mind", False),
    ],
)
def test_a_sentence_that_sets_the_terms_other_sense_aside(
    marked: Marked, kinds: str, word: str, is_disowned: bool
) -> None:
    tokens, marks = marked(kinds)
    at = tokens.index(word)
    assert disowned_clause(tokens, marks, at, field_elsewhere=True) is is_disowned
