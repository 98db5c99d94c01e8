"""The engine's decisions: answer, did-you-mean, none, comparisons, topics, autocomplete."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from adapters.markup import as_asked
from bot.knowledge.base import build_knowledge
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine, MatchConfig
from bot.models import Snippet, Status
from bot.presentation.present import present_answer
from bot.settings import bundled_knowledge_dir

SYNONYMS = {
    "generative ai": ["genai", "gen ai"],
    "large language model": ["llm", "llms"],
    "generative adversarial network": ["gan", "gans"],
}


def snip(sid: str, title: str, questions: list[str], **kw: tuple[str, ...]) -> Snippet:
    return Snippet(
        id=sid, title=title, summary=f"About {title}.", questions=tuple(questions), body="b", **kw
    )


SNIPPETS = [
    snip("llm", "Large language models", ["what is an llm", "explain large language models",
         "how does an llm work"], aliases=("llm",), related=("genai", "llm-vs-genai")),
    snip("genai", "Generative AI", ["what is generative ai", "define genai",
         "what does generative ai mean", "what can generative ai create"], aliases=("genai",)),
    snip("llm-vs-genai", "LLM vs generative AI", ["llm vs genai",
         "difference between llm and generative ai", "is an llm the same as genai"]),
    snip("gan", "Generative adversarial networks", ["what is a gan",
         "how does a gan work", "generator and discriminator"], aliases=("gan",)),
    snip("diffusion", "Diffusion models", ["what is a diffusion model",
         "how do diffusion models make images", "explain stable diffusion"]),
    snip("gpu", "GPUs for training", ["why are gpus used for training",
         "what hardware trains models", "what is a gpu"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(build_knowledge(SNIPPETS, SYNONYMS))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is an LLM?", "llm"),
        ("hey bot, can you explain large language models?", "llm"),
        ("<@U0123ABCD> how do diffusion models make pictures", "diffusion"),
        ("<@123456789012345678> explain gen ai", "genai"),
        ("GANs", "gan"),
        ("wHaT iS a \u0261\u0430n", "gan"),  # Latin-script small g and Cyrillic a
        ("how do difusion modles make images", "diffusion"),
        ("why are GPUs used for training?", "gpu"),
    ],
)
def test_answers_what_people_type(engine: Engine, question: str, expected: str) -> None:
    answer = engine.answer(as_asked(question))  # chat markup resolved as the adapters do
    assert answer.status is Status.ANSWER, answer
    assert answer.ids == (expected,)
    assert 0 < answer.score <= 100


@pytest.mark.parametrize(
    "question",
    [
        "llm vs genai",
        "LLM versus GenAI",
        "genai vs llm",
        "difference between llm and generative ai",
        "diffrence between llm and generativ ai",
        "what's the difference between genai and llms?",
        "llm or genai",
        "compare llm and genai",
        "compare genai with llm",
    ],
)
def test_comparison_picks_the_comparison_snippet_both_ways(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWER
    assert answer.ids == ("llm-vs-genai",)


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("gan vs diffusion", ("gan", "diffusion")),
        ("diffusion models versus gans", ("diffusion", "gan")),
        ("difference between a gan and an llm", ("gan", "llm")),
        ("gan or diffusion?", ("gan", "diffusion")),
    ],
)
def test_comparison_without_a_comparison_snippet_composes_both(
    engine: Engine, question: str, ids: tuple[str, str]
) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.ANSWER
    assert answer.ids == ids
    assert answer.title == " vs ".join(s.title for s in answer.snippets)


@pytest.mark.parametrize(
    "question",
    [
        "what's the weather tomorrow",
        "explain kubernetes",
        "who won the world cup",
        "how do I cook pasta",
        "what is the capital of france",
        "kubernetes vs docker",
    ],
)
def test_off_topic_gets_none(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status is Status.NONE
    assert answer.snippets == ()
    assert "topics" in present_answer(answer).text


@pytest.mark.parametrize("question", ["", "   ", "help", "LIST", "topics?", "<@U1> help"])
def test_topic_list(engine: Engine, question: str) -> None:
    answer = engine.answer(as_asked(question))
    assert answer.status is Status.NONE
    assert [t.id for t in answer.topics] == sorted(s.id for s in SNIPPETS)


def test_thresholds_are_configurable() -> None:
    kb = build_knowledge(SNIPPETS, SYNONYMS)
    question = "how do generative models make images"
    lenient = Engine(kb, config=MatchConfig(answer_threshold=1.0, min_margin=0.0))
    strict = Engine(kb, config=MatchConfig(answer_threshold=99.0, suggest_threshold=5.0))
    silent = Engine(kb, config=MatchConfig(answer_threshold=99.0, suggest_threshold=99.0))
    assert lenient.answer(question).status is Status.ANSWER
    suggested = strict.answer(question)
    assert suggested.status is Status.SUGGEST
    assert 1 <= len(suggested.suggestions) <= 3
    assert "diffusion" in [s.id for s in suggested.suggestions]
    assert silent.answer(question).status is Status.NONE


def test_margin_turns_a_close_call_into_a_did_you_mean() -> None:
    kb = build_knowledge(SNIPPETS, SYNONYMS)
    question = "generative"
    assert Engine(kb, config=MatchConfig(answer_threshold=1.0, min_margin=100.0)).answer(
        question
    ).status in {Status.SUGGEST, Status.NONE}


def test_answer_carries_related_snippets(engine: Engine) -> None:
    answer = engine.answer("what is an llm")
    assert [s.id for s in answer.related] == ["genai", "llm-vs-genai"]


def test_suggest_autocompletes_within_limit_with_titles(engine: Engine) -> None:
    found = engine.suggest("diffu", limit=2)
    assert 1 <= len(found) <= 2
    assert found[0].id == "diffusion"
    assert found[0].title == "Diffusion models"
    assert len(engine.suggest("", limit=3)) == 3
    assert engine.suggest("gen", limit=0) == ()
    assert all(len(engine.suggest(p, limit=1)) <= 1 for p in ["g", "ge", "llm v", "what is"])


def test_explain_by_id(engine: Engine) -> None:
    assert engine.explain("gan").ids == ("gan",)
    assert engine.explain("nope").status is Status.NONE


def test_huge_question_answers_politely(engine: Engine) -> None:
    answer = engine.answer("what is an llm " * 70_000)  # about 1 MB
    assert answer.status in {Status.ANSWER, Status.SUGGEST, Status.NONE}
    assert engine.answer("x" * 1_000_000).status is Status.NONE


def test_swap_is_seen_by_the_next_question(engine: Engine) -> None:
    local = Engine(build_knowledge(SNIPPETS[:1], SYNONYMS))
    assert local.answer("what is a gan").status is Status.NONE
    local.swap(engine.knowledge)
    assert local.answer("what is a gan").ids == ("gan",)


def test_answers_are_deterministic_across_threads(engine: Engine) -> None:
    questions = ["llm vs genai", "what is a gan", "explain kubernetes", "difusion"] * 25
    expected = [engine.answer(q) for q in questions]
    results: list[list[object]] = [[] for _ in range(4)]

    def work(slot: list[object]) -> None:
        slot.extend(engine.answer(q) for q in questions)

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


# --- the bundled knowledge: a handful of clear cases -------------------------------------------

BUNDLED = Path(__file__).resolve().parents[3] / "knowledge"


@pytest.fixture(scope="module")
def bundled() -> Engine:
    return Engine(load_knowledge(BUNDLED))


@pytest.mark.parametrize(
    ("question", "ids"),
    [
        ("llm vs genai", ("llm-vs-genai",)),
        ("diffrence between llm and generativ ai", ("llm-vs-genai",)),
        ("What is a large language model?", ("what-is-llm",)),
        ("hey bot, can you explain transformers?", ("transformer",)),
        ("gan vs vae", ("gan-vs-vae",)),
        ("what is a VAE", ("vae",)),
    ],
)
def test_bundled_clear_cases(bundled: Engine, question: str, ids: tuple[str, ...]) -> None:
    answer = bundled.answer(question)
    assert answer.status is Status.ANSWER
    assert answer.ids == ids


@pytest.mark.parametrize("question", ["what's the weather tomorrow", "explain kubernetes"])
def test_bundled_off_topic(bundled: Engine, question: str) -> None:
    assert bundled.answer(question).status is Status.NONE


def test_chat_glue_alone_is_answered_only_where_the_knowledge_asks_it_so() -> None:
    # "what time is it" shares "time" with the temperature snippet's "every time": glue
    # names no topic; a snippet whose own example is glue ("what day is it") may answer it.
    bundled = Engine(load_knowledge(bundled_knowledge_dir()))
    assert bundled.answer("what time is it").status is not Status.ANSWER
    kb = build_knowledge(
        [
            snip(
                "sampling",
                "Sampling settings",
                [
                    "why do answers differ every time",
                    "what does temperature do",
                    "why is the output random each time",
                ],
            ),
            snip(
                "date",
                "Today's date",
                ["what day is it", "what is the date today", "which day of the week is it"],
            ),
        ],
        SYNONYMS,
    )
    assert Engine(kb).answer("what day is it today").ids == ("date",)


def test_whom_to_turn_to_is_answered_only_by_knowledge_asked_so() -> None:
    luggage = snip(
        "lost-luggage",
        "Lost luggage",
        ["my suitcase never arrived", "how do i report lost luggage", "the airline lost my bag"],
    )
    asked = "the airline lost my luggage, who do i call"
    without = Engine(build_knowledge([*SNIPPETS, luggage], SYNONYMS))
    assert without.answer(as_asked(asked)).status is Status.NONE
    asked_so = replace(luggage, questions=(*luggage.questions, "who do i contact for lost luggage"))
    within = Engine(build_knowledge([*SNIPPETS, asked_so], SYNONYMS))
    assert within.answer(as_asked(asked)).ids == ("lost-luggage",)
