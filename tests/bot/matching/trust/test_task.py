"""What the asker has the tool do (:mod:`bot.matching.trust.task`): talk, never a sense."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.lexicon import Lexicon
from bot.matching.trust.context import context
from bot.matching.trust.task import examples, listed, tasks

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture

_TOPICAL = {"llm": "term", "ai": "", "gen": "term", "model": "domain", "trust": "domain"}
_EVERYDAY = {"draft", "visa", "guidance", "restaurant", "recs", "guests", "contracts"}


def kind(token: str) -> str:
    if token in _TOPICAL:
        return _TOPICAL[token]
    return "everyday" if token in _EVERYDAY else ""


@pytest.mark.parametrize(
    ("sentence", "task"),
    [
        ("before i let an llm draft visa guidance", ["draft", "visa", "guidance"]),
        (
            "i use the ai to draft restaurant recs for guests but the answers are meh",
            ["draft", "restaurant", "recs", "guests"],  # up to the conjunction
        ),
        ("im using an ai to help draft visa guidance", ["draft", "visa", "guidance"]),
        ("we use the llm for visa guidance", ["visa", "guidance"]),
        ("can i use an llm to draft contracts", []),  # a yes/no question asks about the task
        ("how do i use an llm to draft contracts", []),  # so does a wh-question
        ("let me draft visa guidance", []),  # a person, not a tool
        ("i used to draft visa guidance", []),  # no tool at all
        ("we let an llm, then draft visa guidance", []),  # another clause
        # Round 33: "before" opens a clause of its own; "one" stands in for the tool named
        (
            "what is the llm weak at before letting one draft visa guidance",
            ["draft", "visa", "guidance"],
        ),
        ("before letting one draft visa guidance", []),  # no tool named for "one"
        ("before letting them draft visa guidance", []),  # people
    ],
)
def test_the_task_of_a_tool(sentence: str, task: list[str]) -> None:
    tokens = sentence.replace(",", " ,").split()
    asked = ["why", "is", "the", "model", "weak"]  # the question, of the field
    sentences = [(tokens, [kind(t) for t in tokens]), (asked, [kind(t) for t in asked])]
    assert tasks(sentences) == task


def test_no_task_when_nothing_else_is_of_the_field() -> None:
    # "we use an llm to tag tickets, how do i export the tickets": the tool is all the
    # question names of the field, so what it asks is not about the tool.
    sentence = "we use an llm to draft visa guidance , how do i send the guests"
    tokens = sentence.split()
    assert tasks([(tokens, [kind(t) for t in tokens])]) == []


def test_the_task_is_no_sense_of_the_term() -> None:
    # "draft visa guidance" right after the term would read as words qualifying it (a kind
    # of llm); done by the tool, it is what the asker does with it.
    found = context(
        "before i let an llm draft visa guidance, why cant i fully trust it",
        kind,
        Lexicon(),
        lambda token: token in _EVERYDAY,
    )
    assert found.task == ("draft", "visa", "guidance")


def test_the_task_in_a_clause_of_purpose() -> None:
    # Round 32: "... a better prompt so chatgpt gives me decent texts": what the tool does for
    # the asker, after "so".
    sentence = "how do i write a better prompt so the llm gives me decent visa guidance"
    tokens = sentence.split()
    kinds = [kind(t) for t in tokens]
    kinds[tokens.index("prompt")] = "term"
    assert tasks([(tokens, kinds)]) == ["visa", "guidance"]  # "decent" is phrasing here
    # not after "so": the llm giving guidance is what is asked about
    why = "why does the llm give me visa guidance"
    asked = why.split()
    assert tasks([(asked, [kind(t) for t in asked])]) == []


@pytest.mark.parametrize(
    ("sentence", "data"),
    [
        # Round 33: the data a model is trained on is the asker's own
        ("could we train a model on our visa guidance so it drafts", ["visa", "guidance"]),
        ("our llm is weak , can we train it more on our restaurant recs", ["restaurant", "recs"]),
        # nothing of the field trained: "the bass on my guitar" may be another sense
        ("how do i tune the guests on our visa guidance", []),
        # no "on" in reach of the verb
        ("we train a model for our visa guidance", []),
        # what a model answers from
        ("can the llm answer from our visa guidance", ["visa", "guidance"]),
        ("can the guests answer from our visa guidance", []),  # people answer, no model
        # Round 34: "it" stands for a model said before it, in a question naming no term
        ("take an existing model and train it more on our visa guidance", ["visa", "guidance"]),
        ("take the guests and train it more on our visa guidance", []),  # no model before
    ],
)
def test_the_data_a_model_is_trained_on(sentence: str, data: list[str]) -> None:
    tokens = sentence.split()
    asked = ["why", "is", "the", "model", "weak"]
    sentences = [(tokens, [kind(t) for t in tokens]), (asked, [kind(t) for t in asked])]
    assert tasks(sentences) == data


@pytest.mark.parametrize(
    ("tokens", "kinds", "words"),
    [
        # Round 40: the asker's examples of the use asked about
        (
            [
                "what",
                "can",
                "a",
                "large",
                "language",
                "model",
                "do",
                "for",
                "us",
                "like",
                "triaging",
                "alerts",
            ],
            ["", "", "", "term", "term", "term", "", "", "", "", "domain", "everyday"],
            ["triaging", "alerts"],
        ),
        # ... not beside a term of one English word: the jobs tell its sense
        (
            [
                "what",
                "can",
                "a",
                "transformer",
                "do",
                "for",
                "us",
                "like",
                "stepping",
                "down",
                "voltage",
            ],
            ["", "", "", "term", "", "", "", "", "plain", "", "everyday"],
            [],
        ),
        # ... nor without a question of what it can do
        (
            ["a", "large", "language", "model", "like", "gpt"],
            ["", "term", "term", "term", "", "domain"],
            [],
        ),
    ],
)
def test_jobs_listed_after_like(tokens: list[str], kinds: list[str], words: list[str]) -> None:
    assert listed([(tokens, kinds)], {"transformer"}.__contains__) == words


@pytest.mark.parametrize(
    ("sentence", "searched"),
    [
        # Round 41: what the asker searches by meaning is their own records
        ("could the llm search our visa guidance by meaning", ["visa", "guidance"]),
        ("can the llm find restaurant recs by meaning , not keywords", ["restaurant", "recs"]),
        # searched by something else, or nothing between
        ("could the llm search our visa guidance by date", []),
        ("how does the llm search by meaning", []),
    ],
)
def test_what_is_searched_by_meaning(sentence: str, searched: list[str]) -> None:
    tokens = sentence.split()
    assert tasks([(tokens, [kind(t) for t in tokens])]) == searched


@pytest.mark.parametrize(
    ("first", "jobs"),
    [
        ("could/ an/ llm/term summarise/domain our/ reports/everyday", ["summarise", "reports"]),
        # Round 46: asked inside a sentence, after "whether"; the asker's weighing is talk
        (
            "were/ brainstorming/domain whether/plain llms/term could/ help/ with/ "
            "tutoring/domain kids/everyday",
            ["tutoring", "kids", "brainstorming"],
        ),
        # ... only where the tool "can" do the job
        ("were/ brainstorming/domain whether/plain llms/term are/ new/everyday", []),
        # ... and someone else's weighing is theirs to tell
        (
            "ops/everyday asked/ whether/plain llms/term could/ help/ with/ rotas/everyday",
            ["rotas"],
        ),
    ],
)
def test_jobs_a_tool_may_do_are_examples(marked: Marked, first: str, jobs: list[str]) -> None:
    later = "what/ are/ they/ good/ for/"
    assert examples([marked(first), marked(later)]) == jobs


@pytest.mark.parametrize(
    ("later", "jobs"),
    [
        # Round 51: the later sentence asks of uses in general, naming no tool
        ("what/ are/ the/ typical/ uses/", ["summarise", "reports"]),
        # ... but a question of something else leaves the job asked about
        ("what/ is/ the/ price/", []),
    ],
)
def test_a_later_question_of_uses_makes_the_job_an_example(
    marked: Marked, later: str, jobs: list[str]
) -> None:
    first = "could/ an/ llm/term summarise/domain our/ reports/everyday"
    assert examples([marked(first), marked(later)]) == jobs
