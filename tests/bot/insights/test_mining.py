"""Grouping unanswered wordings and mining example questions (no database needed)."""

from __future__ import annotations

from bot.insights.mining import QuestionGroup, group_key, group_questions, suggest


def test_grouping_keeps_different_topics_apart() -> None:
    groups = group_questions(
        [("what is rag", 3), ("what is lora", 2), ("what's rag", 1), ("wat is lora?", 1),
         ("what is rag vs lora", 1), ("explain kubernetes pods", 1), ("kubernetes pod", 1)]
    )  # fmt: skip
    assert groups == (
        QuestionGroup(text="what is rag", count=4, variants=("what's rag",)),
        QuestionGroup(text="what is lora", count=3, variants=("wat is lora?",)),
        QuestionGroup(text="explain kubernetes pods", count=2, variants=("kubernetes pod",)),
        QuestionGroup(text="what is rag vs lora", count=1),
    )
    assert group_key("what is gan") != group_key("what is rag")
    assert group_key("what is") == ("=", "what is")  # all filler: grouped by its exact text


def test_suggest_from_one_users_history() -> None:
    history: list[tuple[object, ...]] = [
        ("u1", 100.0, "none", None, "whats lora"),
        ("u1", 130.0, "pick", "fine-tuning", ""),
        ("u2", 100.0, "suggest", None, "whats lora"),
        ("u2", 500.0, "answer", "fine-tuning", "fine tuning"),  # too late
    ]
    (found,) = suggest(history, start=0.0, until=1_000.0, known=None)
    assert (found.snippet_id, found.question, found.count, found.picked) == (
        "fine-tuning",
        "whats lora",
        1,
        1,
    )
    known = {"fine-tuning": frozenset({"whats lora"})}
    assert suggest(history, start=0.0, until=1_000.0, known=known) == ()
