"""The search index: ranking, typos, synonyms, comparison cover, empty cases."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from bot.knowledge.base import build_knowledge
from bot.matching.compare import parse_comparison
from bot.matching.features import GroupedPostings, SparseRows
from bot.matching.matcher import MatchIndex
from bot.models import Snippet

SYNONYMS = {
    "generative ai": ["genai", "gen ai"],
    "large language model": ["llm", "llms"],
}


def snip(sid: str, title: str, questions: list[str], aliases: tuple[str, ...] = ()) -> Snippet:
    return Snippet(
        id=sid, title=title, summary=f"About {title}.", questions=tuple(questions), body="b",
        aliases=aliases,
    )  # fmt: skip


SNIPPETS = [
    snip("llm", "Large language models", ["what is an llm", "explain large language models",
         "how does an llm work"], ("llm",)),
    snip("genai", "Generative AI", ["what is generative ai", "define genai",
         "what does generative ai mean"], ("genai",)),
    snip("llm-vs-genai", "LLM vs generative AI", ["llm vs genai",
         "difference between llm and generative ai", "is an llm the same as genai"]),
    snip("diffusion", "Diffusion models", ["what is a diffusion model",
         "how do diffusion models make images", "explain stable diffusion"]),
]  # fmt: skip


def index() -> MatchIndex:
    return build_knowledge(SNIPPETS, SYNONYMS).index


def test_exact_question_ranks_its_snippet_first_with_a_high_score() -> None:
    idx = index()
    hits = idx.search(idx.tokens("how do diffusion models make images"), 3)
    assert hits[0].id == "diffusion"
    assert hits[0].score > 60
    assert hits[0].score - hits[1].score > 30
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_typos_are_mapped_onto_known_words() -> None:
    idx = index()
    assert idx.tokens("diffrence between llm and generativ ai") == [
        "difference", "between", "large", "language", "model", "and", "generative", "ai",
    ]  # fmt: skip
    assert idx.search(idx.tokens("difusion modls"), 1)[0].id == "diffusion"


def test_typo_cutoff_is_applied() -> None:
    idx = index()
    assert idx.tokens("generativ", typo_cutoff=99.0) == ["generativ"]
    assert idx.tokens("generativ", typo_cutoff=80.0) == ["generative"]


def test_a_negating_prefix_on_a_known_word_is_no_typo() -> None:
    # "undiffusion" is close enough to "diffusion" for the fixer, but "un" makes another word
    idx = index()
    assert idx.tokens("undiffusion")[0] == "undiffusion"
    assert idx.tokens("nondiffusion")[0] == "nondiffusion"
    assert idx.tokens("diffusionn")[0] == "diffusion"


def test_a_typo_keeps_a_short_words_first_letter() -> None:
    # "xllm" is one letter from "llm" but another name; "llmm" (a slip) is read as "llm".
    idx = index()
    assert idx.tokens("xllm")[0] == "xllm"
    assert idx.tokens("llmm")[:3] == ["large", "language", "model"]


def test_synonym_variants_match_the_canonical_term() -> None:
    idx = index()
    assert idx.search(idx.tokens("what is gen ai"), 1)[0].id == "genai"
    assert idx.search(idx.tokens("Large Language Models?"), 1)[0].id == "llm"


def test_alias_alone_is_strong_evidence() -> None:
    idx = index()
    hit = idx.search(idx.tokens("LLMs"), 1)[0]
    assert hit.id == "llm"
    assert hit.score > 90


def test_comparison_snippet_covers_both_sides() -> None:
    idx = index()
    assert dict(idx.pairs) == {frozenset({"llm", "genai"}): "llm-vs-genai"}
    flags = dict(zip(idx.ids, idx.is_comparison.tolist(), strict=True))
    assert flags == {"diffusion": False, "genai": False, "llm": False, "llm-vs-genai": True}


def test_plain_only_leaves_comparisons_out() -> None:
    idx = index()
    hits = idx.search(idx.tokens("llm vs genai"), 4, plain_only=True)
    assert "llm-vs-genai" not in [h.id for h in hits]


def test_unknown_words_share_next_to_nothing() -> None:
    idx = index()
    # Only stray character 2-grams ("e ", " h") overlap: far below any threshold.
    assert all(h.score < 5 for h in idx.search(idx.tokens("kubernetes helm"), 3))
    assert idx.search([], 3) == []


def test_empty_index() -> None:
    idx = build_knowledge([]).index
    assert idx.search(idx.tokens("llm"), 3) == []


def test_filler_is_marked_and_never_dilutes_a_match() -> None:
    idx = index()
    assert idx.tokens("hey bot, explain diffusion models please") == [
        "diffusion", "model", "~=models", "~hey", "~bot", "~explain", "~please",
    ]  # fmt: skip
    # None of this filler appears in the indexed questions, so it changes no score.
    plain = idx.search(idx.tokens("diffusion models"), 2)
    assert idx.search(idx.tokens("hey bot diffusion models please"), 2) == plain


def test_filler_marks_do_not_split_comparisons() -> None:
    tokens = index().tokens("llm vs gen ai please")
    assert parse_comparison(tokens) == (("large", "language", "model"), ("generative", "ai"))


def char_grams(idx: MatchIndex) -> set[int]:
    """Lengths of the indexed character n-grams."""
    return {len(g) for g in idx.vectorizer.char_grams()}


def test_character_2_grams_only_below_the_size_cut() -> None:
    assert char_grams(index()) == {2, 3, 4, 5}
    small_cut = MatchIndex.build(SNIPPETS, SYNONYMS, bigram_max_questions=11)
    assert char_grams(small_cut) == {3, 4, 5}
    assert small_cut.vectorizer.char_sizes == (3, 4, 5)
    hits = small_cut.search(small_cut.tokens("how do diffusion models make images"), 1)
    assert hits[0].id == "diffusion"


def test_typed_form_of_a_plural_is_kept_as_a_mark() -> None:
    idx = index()
    assert "~=models" in idx.vectorizer.words
    assert idx.tokens("diffusion models") == ["diffusion", "model", "~=models"]


def test_search_skipping_snippets_ranks_as_scoring_every_snippet() -> None:
    rng = random.Random(3)
    vocab = sorted(
        {"".join(rng.choices("abcdefghijklmnop", k=rng.randint(3, 8))) for _ in range(300)}
    )
    snippets = [
        snip(f"s{i:02d}", f"Topic {i}", [" ".join(rng.sample(vocab, 5)) for _ in range(4)])
        for i in range(60)
    ]
    built = build_knowledge(snippets).index
    # Too small for skipping to pay: force it, to compare it with scoring every snippet.
    sizes = np.diff(np.append(built.q_starts, built.n_questions))
    groups = np.repeat(np.arange(len(built.ids), dtype=np.int32), sizes)
    postings = built.questions.postings
    forced = GroupedPostings.build(postings, groups, len(built.ids), 0, always=True)
    idx = replace(built, questions=forced)
    for n in range(200):
        text = " ".join(rng.sample(vocab, 1 + n % 6))
        tokens = idx.tokens(text)
        scores = idx.scores(tokens)
        assert scores is not None
        for limit in (1, 3, 5):
            ranked = sorted(range(len(idx.ids)), key=lambda i: (-scores[i], idx.ids[i]))[:limit]
            expected = [
                (idx.ids[i], round(float(scores[i]) * 100, 2)) for i in ranked if scores[i] > 0
            ]
            assert [(h.id, h.score) for h in idx.search(tokens, limit)] == expected


def test_plain_centroid_scores_come_from_question_dots(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unrefined (large) bases keep no centroid matrix: their scores equal the explicit one's."""
    monkeypatch.setattr("bot.matching.matcher.refine", lambda *args: None)
    derived = index()
    assert derived.centroids is None

    def explicit(q: SparseRows, labels: object, c: SparseRows, n_features: int, n: int) -> object:
        return c.transpose(n_features)

    monkeypatch.setattr("bot.matching.matcher.refine", explicit)
    matrix = index()
    assert matrix.centroids is not None
    for text in ["what is an llm", "diffusion models vs genai", "how do images get made", "llm"]:
        a, b = derived.scores(derived.tokens(text)), matrix.scores(matrix.tokens(text))
        assert a is not None and b is not None
        assert np.allclose(a, b, atol=1e-6)


def test_one_slip_in_a_word_of_five_letters_or_more_is_a_typo() -> None:
    # A swap or a wrong letter is two edits to rapidfuzz's ratio: "modle" and "modal" would
    # miss "model" at the default cutoff; optimal string alignment counts one.
    idx = index()
    assert idx.tokens("difusion modle")[:2] == ["diffusion", "model"]
    assert idx.tokens("diffusion mpdel")[:2] == ["diffusion", "model"]
    # A cutoff that leaves no room for a slip keeps the word as typed.
    assert idx.tokens("modle", typo_cutoff=99.0) == ["modle"]


@pytest.mark.parametrize(
    "text",
    ["how does bm25 compare to llm", "how do bm25 compare with llm", "bm25 compared to llm"],
)
def test_compare_to_puts_one_term_on_each_side(text: str) -> None:
    assert parse_comparison(text.split()) == (("bm25",), ("llm",))


def test_a_side_pointed_back_at_is_the_term_it_names() -> None:
    # Round 43: "and is it" stayed on the side, which was then too long to be one
    text = "what is a feature store and is it the same as a vector database"
    assert parse_comparison(text.split()) == (("feature", "store"), ("vector", "database"))


def test_whats_scores_as_what_is() -> None:
    # "what's a diffusion model" used to lose the "is" that the indexed question shares
    # (its stem "what" alone), scoring well below the same question spelt out.
    idx = index()
    fused = idx.search(idx.tokens("what's a diffusion model"), 1)[0]
    spelt = idx.search(idx.tokens("what is a diffusion model"), 1)[0]
    assert fused.id == spelt.id == "diffusion"
    assert fused.score == pytest.approx(spelt.score, abs=5.0)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("agentic workflow hype or real", None),  # a yes-or-no judgement, no second topic
        ("genai buzzword or actual thing", None),
        ("gan or diffusion", (("gan",), ("diffusion",))),
        ("rag or fine tuning", (("rag",), ("fine", "tuning"))),
    ],
)
def test_or_compares_topics_not_verdicts(
    text: str, sides: tuple[tuple[str, ...], ...] | None
) -> None:
    assert parse_comparison(text.split()) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("how is nlp different from llm", (("nlp",), ("llm",))),
        ("how does gan differ from vae", (("gan",), ("vae",))),
        # "a different answer ... to the model": the adjective of a noun compares nothing.
        ("why do i get a different answer every time i ask the same question to the model", None),
        # comparatives set two things side by side too
        ("is a gan better than a vae", (("gan",), ("vae",))),
        ("is rag the same thing as search", (("rag",), ("search",))),
        ("is an llm the same as genai", (("llm",), ("genai",))),
        # Round 50: "similar to" too
        (
            "is a knowledge graph similar to a vector database",
            (("knowledge", "graph"), ("vector", "database")),
        ),
        ("is it similar", None),
        ("is it better", None),
    ],
)
def test_different_compares_only_as_a_predicate(
    text: str, sides: tuple[tuple[str, ...], ...] | None
) -> None:
    assert parse_comparison(text.split()) == sides


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("llm and genai difference", (("llm",), ("genai",))),
        # the words before "difference" are a story, not two short terms
        (
            "im the analyst and at every standup people say ai ml and dl whats the difference",
            None,
        ),
    ],
)
def test_terms_before_the_word_of_difference_are_short(
    text: str, sides: tuple[tuple[str, ...], ...] | None
) -> None:
    assert parse_comparison(text.split()) == sides


def test_a_pair_only_some_questions_compare_is_the_comparisons_too() -> None:
    """Round 54: one of LLM-vs-genAI's questions compares LLMs with diffusion models."""
    extra = snip(
        "llm-vs-genai",
        "LLM vs generative AI",
        ["llm vs genai", "difference between llm and generative ai", "llm or diffusion models"],
    )
    idx = MatchIndex.build([*SNIPPETS[:2], extra, *SNIPPETS[3:]], SYNONYMS)
    assert dict(idx.pairs) == {
        frozenset({"llm", "genai"}): "llm-vs-genai",
        frozenset({"llm", "diffusion"}): "llm-vs-genai",
    }


def test_a_pair_another_comparison_compares_most_is_that_comparisons() -> None:
    """Round 54: a comparison whose questions split evenly between two pairs keeps, as its
    own, the pair of the later ids (as before); the other goes to the comparison that
    compares it most, not to the first one read."""
    # its title compares LLMs with generative AI, its one question LLMs with diffusion
    extra = snip("llm-vs-genai", "LLM vs generative AI", ["llm or diffusion models"])
    other = snip(
        "llm-vs-diffusion",
        "LLM vs diffusion models",
        ["llm vs diffusion", "difference between llm and diffusion models"],
    )
    idx = MatchIndex.build([*SNIPPETS[:2], extra, *SNIPPETS[3:], other], SYNONYMS)
    assert dict(idx.pairs) == {
        frozenset({"llm", "genai"}): "llm-vs-genai",
        frozenset({"llm", "diffusion"}): "llm-vs-diffusion",
    }
