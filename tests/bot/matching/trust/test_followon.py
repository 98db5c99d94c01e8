"""Jobs listed after a question of what a tool is good for (bot/matching/trust/followon.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.matching.trust.followon import follow_on

Marked = Callable[[str], tuple[list[str], list[str]]]  # the ``marked`` fixture

ASKED = "what/ are/ llms/term good/ for/"


@pytest.mark.parametrize(
    ("first", "later", "jobs"),
    [
        # gerunds of jobs, each a fragment of its own
        (ASKED, ["drafting/domain quotes/plain"], ["drafting", "quotes"]),
        (
            ASKED,
            ["drafting/domain quotes/plain", "translating/domain enquiries/everyday"],
            ["drafting", "quotes", "translating", "enquiries"],
        ),
        # "thinking ..." opens a list of examples too
        (
            "what/ can/ llms/term be/ used/ for/",
            ["thinking/everyday summaries/ of/ complaint/everyday emails/domain"],
            ["thinking", "complaint", "emails"],
        ),
        # "what can llms do" asks of use as well
        ("what/ can/ llms/term do/", ["writing/domain rotas/everyday"], ["writing", "rotas"]),
        # a fragment naming a term, or asking, ends the list
        (ASKED, ["what/ about/ gans/term"], []),
        (ASKED, ["why/ is/ drafting/domain slow/everyday"], []),
        # a fragment that is no job ("cheap?") is no example
        (ASKED, ["cheap/everyday"], []),
        # no question of use before: the fragments keep their words
        ("what/ is/ an/ llm/term", ["drafting/domain quotes/plain"], []),
        ("llms/term are/ good/ at/ maths/everyday", ["drafting/domain quotes/plain"], []),
    ],
)
def test_jobs_after_a_question_of_use_are_examples(
    marked: Marked, first: str, later: list[str], jobs: list[str]
) -> None:
    assert follow_on([marked(first), *(marked(s) for s in later)]) == jobs
