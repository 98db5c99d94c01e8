"""Coverage: what a snippet leaves unexplained, on a small hand-made knowledge base."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.knowledge.base import build_knowledge
from bot.matching.lexicon import Lexicon
from bot.matching.trust.coverage import Coverage
from bot.models import Snippet


def snip(sid: str, title: str, questions: list[str], body: str = "b") -> Snippet:
    return Snippet(
        id=sid, title=title, summary="s", questions=tuple(questions), body=body, aliases=()
    )


SNIPPETS = [
    snip(
        "gan",
        "Generative adversarial networks",
        ["what is a gan", "how do gans work", "two competing neural networks"],
        body="A GAN makes realistic images with two neural networks.",
    ),
    snip("llm", "Large language models", ["what is an llm", "how big is an llm"]),
    snip("rag", "Retrieval augmented generation", ["what is rag", "how does rag work"]),
]


@pytest.fixture(scope="module")
def coverage() -> Coverage:
    kb = build_knowledge(SNIPPETS, {"large language model": ["llm"]})
    return Coverage.build(tuple(kb.snippets.values()), kb.index.content_words)


def test_a_fully_covered_question_never_loads_the_word_list(coverage: Coverage) -> None:
    lexicon = Lexicon()
    verdict = coverage.judge(["generative", "adversarial", "network"], ["gan"], lexicon)
    assert verdict.uncovered == 0 and verdict.covered > 0 and verdict.share == 1.0
    assert lexicon._zipf is None  # the 0.2 s wordfreq load was not needed


def test_an_unknown_english_word_is_missing_and_named(coverage: Coverage) -> None:
    verdict = coverage.judge(["large", "pizza"], ["llm"], Lexicon(), definition=True)
    assert verdict.missing == ("pizza",)
    assert verdict.term_missing
    assert verdict.top_uncovered > verdict.top_covered


def test_chatty_common_words_weigh_little(coverage: Coverage) -> None:
    chatty = coverage.judge(["thing", "rag"], ["rag"], Lexicon())
    assert chatty.missing == () and chatty.share > 0.8


def test_an_adverb_no_snippet_uses_weighs_little(coverage: Coverage) -> None:
    lexicon = Lexicon()
    how = coverage.judge(["totally", "rag"], ["rag"], lexicon)
    assert how.missing == () and how.share > 0.8
    assert coverage.salience("realistically", lexicon) < coverage.salience("pizza", lexicon) / 10


def test_a_body_mention_counts_half_unless_the_question_asks_what_it_is(
    coverage: Coverage,
) -> None:
    lexicon = Lexicon()
    aspect = coverage.judge(["realistic", "gan"], ["gan"], lexicon)
    definition = coverage.judge(["realistic", "gan"], ["gan"], lexicon, definition=True)
    assert aspect.uncovered < definition.uncovered


def test_leaving_an_example_question_out_uncovers_its_only_words(coverage: Coverage) -> None:
    lexicon = Lexicon()
    words = ("two", "competing", "neural", "network")
    held = coverage.held(("gan", words))
    inside = coverage.judge(list(words), ["gan"], lexicon)
    outside = coverage.judge(list(words), ["gan"], lexicon, held_out=held)
    assert outside.uncovered > inside.uncovered
    assert "competing" in " ".join(outside.missing)


def test_a_misspelt_word_is_read_as_the_word_it_is_closest_to(coverage: Coverage) -> None:
    lexicon = Lexicon()
    plain = coverage.judge(["retreival", "rag"], ["rag"], lexicon)
    respelt = coverage.judge(["retreival", "rag"], ["rag"], lexicon, respell=lambda w: "retrieval")
    assert plain.missing and not respelt.missing


@pytest.mark.parametrize("number", ["20", "7b", "128k", "400b"])
def test_a_count_or_a_size_names_nothing(coverage: Coverage, number: str) -> None:
    # "how big is an llm, 7b?": the figure measures what is asked about, it is no topic.
    words = ["how", "big", "is", "a", "large", "language", "model", number]
    verdict = coverage.judge(words, ["llm"], Lexicon())
    assert verdict.missing == ()
    assert verdict.top_uncovered < 0.1


def test_a_name_with_figures_still_counts(coverage: Coverage) -> None:
    # Letters first ("m2", "gpt4o"): a name, salient as any unknown word.
    words = ["how", "big", "is", "a", "large", "language", "model", "m2"]
    verdict = coverage.judge(words, ["llm"], Lexicon())
    assert verdict.top_uncovered >= 0.1


def test_a_phrasing_word_between_missing_words_splits_what_is_named(coverage: Coverage) -> None:
    # "pizza order for the offsite, who's handling catering": not one phrase
    words = ["rag", "pizza", "order", "for", "the", "offsite", "who", "handling", "catering"]
    verdict = coverage.judge(words, ["rag"], Lexicon())
    assert "offsite" in verdict.missing
    assert not any("offsite" in m and "handling" in m for m in verdict.missing)
    assert "handling catering" in verdict.missing


SUMMARISED = Snippet(
    id="fm",
    title="Foundation models",
    summary="A large model pre-trained on broad data and adapted to many tasks.",
    questions=("what is a foundation model", "foundation model meaning"),
    body="b",
    aliases=(),
)


def test_a_word_of_the_summary_is_mostly_explained() -> None:
    summarised = SUMMARISED
    kb = build_knowledge([summarised, *SNIPPETS], {})
    built = Coverage.build(tuple(kb.snippets.values()), kb.index.content_words)
    words = kb.index.content_words("foundation model adapted to tasks")
    verdict = built.judge(words, ["fm"], Lexicon())
    assert verdict.missing == () and verdict.share > 0.8
    # the same words are no part of another snippet's account
    assert built.judge(words, ["rag"], Lexicon()).missing
    # a reload that changes another snippet keeps what this summary explains
    changed = replace(SNIPPETS[2], questions=("what is rag", "rag explained"))
    again = build_knowledge([summarised, *SNIPPETS[:2], changed], {})
    updated = built.updated(tuple(again.snippets.values()), kb.snippets, again.index.content_words)
    assert updated.judge(words, ["fm"], Lexicon()).missing == ()


def test_how_nearly_a_question_restates_a_summary() -> None:
    # Round 32: the weight of a question's words in a snippet's summary (or names), of all
    # its words' weight; phrasing left out.
    summarised = SUMMARISED
    kb = build_knowledge([summarised, *SNIPPETS], {})
    built = Coverage.build(tuple(kb.snippets.values()), kb.index.content_words)
    lexicon = Lexicon()
    told = kb.index.content_words("what is a model pre-trained on broad data and adapted")
    assert built.summary_share(told, "fm", lexicon) == 1.0
    assert built.summary_share(told, "rag", lexicon) < 0.5
    other = kb.index.content_words("a model pre-trained on broad pizza")
    assert 0.0 < built.summary_share(other, "fm", lexicon) < 1.0
    assert built.summary_share([], "fm", lexicon) == 0.0
    # round 35: a word of the asker's world the summary does not use weighs nothing; one it
    # uses still counts
    pizza = [w for w in other if "pizza" in w]
    assert pizza
    assert built.summary_share(other, "fm", lexicon, talk=pizza) == 1.0
    assert built.summary_share(told, "fm", lexicon, talk=told) == 1.0
