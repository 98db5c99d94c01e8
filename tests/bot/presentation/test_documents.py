"""The trees every chat platform renders for a view."""

from __future__ import annotations

from bot.models import Answer, Snippet, Status, Suggestion
from bot.presentation.documents import answer_body, did_you_mean_body, topics_body
from bot.presentation.markdown import BulletList, Code, Heading, Paragraph, Strong, Text
from bot.presentation.present import present_answer, topics


def _snippet(sid: str, title: str) -> Snippet:
    return Snippet(
        id=sid, title=title, summary="S.", questions=("a", "b", "c"), body=f"**{title}** body."
    )


def test_one_part_is_its_markdown_and_a_comparison_gets_a_heading_per_side() -> None:
    one = present_answer(Answer(question="q", status=Status.ANSWER, snippets=(_snippet("a", "A"),)))
    assert isinstance(answer_body(one).children[0], Paragraph)
    both = present_answer(
        Answer(
            question="q", status=Status.ANSWER, snippets=(_snippet("a", "A"), _snippet("b", "B"))
        )
    )
    headings = [b for b in answer_body(both).children if isinstance(b, Heading)]
    assert [h.children for h in headings] == [(Text(text="A"),), (Text(text="B"),)]


def test_candidate_titles_are_plain_text_even_when_they_look_like_markdown() -> None:
    picks = (Suggestion(id="x", title="**not bold** `x`", summary="Sum.", score=50.0),)
    body = did_you_mean_body(
        present_answer(Answer(question="q", status=Status.SUGGEST, suggestions=picks))
    )
    (choices,) = [b for b in body.children if isinstance(b, BulletList)]
    (item,) = choices.items
    (line,) = item.children
    assert isinstance(line, Paragraph)
    assert line.children[0] == Strong(children=(Text(text="**not bold** `x`"),))
    assert line.children[-1] == Text(text=": Sum.")


def test_the_topic_list_names_each_id() -> None:
    listed = topics((Suggestion(id="rag", title="RAG", summary="Retrieval.", score=100.0),))
    (choices,) = topics_body(listed).children
    assert isinstance(choices, BulletList)
    assert Code(text="rag") in choices.items[0].children[0].children  # type: ignore[union-attr]
