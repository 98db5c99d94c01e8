"""The presentation layer: one public/private rule and one wording for every platform."""

from __future__ import annotations

import pytest

from bot.models import Answer, Reason, Reply, SmallTalk, Snippet, Source, Status, Suggestion
from bot.presentation import sentences as say
from bot.presentation.present import error, note, present, present_answer
from bot.presentation.view import ViewKind


def _snippet(sid: str, title: str, *, related: tuple[str, ...] = ()) -> Snippet:
    return Snippet(
        id=sid,
        title=title,
        summary=f"About {title}.",
        questions=("a", "b", "c"),
        body=f"**{title}** explained.",
        related=related,
        sources=(Source(title="Book", url="https://example.org/b"),),
    )


LLM = _snippet("llm", "Large language models")
GENAI = _snippet("genai", "Generative AI")
PICKS = tuple(Suggestion(id=f"s{n}", title=f"S{n}", summary="", score=50.0) for n in range(5))

ANSWERS = {
    "answer": Answer(question="what is an llm", status=Status.ANSWER, snippets=(LLM,)),
    "suggest": Answer(question="gen", status=Status.SUGGEST, suggestions=PICKS[:2]),
    "topics": Answer(
        question="topics", status=Status.NONE, topics=PICKS, reason=Reason.TOPICS
    ),
    "none": Answer(question="weather", status=Status.NONE, reason=Reason.NO_MATCH),
    "smalltalk": Answer(
        question="thanks", status=Status.NONE, reason=Reason.SMALLTALK,
        small_talk=SmallTalk.THANKS,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_only_a_confident_answer_is_public_and_gets_feedback(name: str) -> None:
    view = present(Reply(answer=ANSWERS[name], question_id=7))
    assert view.public is (name == "answer")
    assert (view.feedback_id == 7) is (name == "answer")
    assert view.summary  # every view has a plain line for notifications


def test_throttled_unrecorded_and_error_replies_are_private_notes() -> None:
    slow = present(Reply(answer=ANSWERS["answer"], question_id=None, throttled=True))
    assert (slow.kind, slow.public, slow.text) == (ViewKind.NOTE, False, say.SLOW_DOWN)
    assert present(Reply(answer=ANSWERS["answer"])).feedback_id is None
    oops = error()
    assert (oops.kind, oops.public, oops.text) == (ViewKind.NOTE, False, say.SOMETHING_WENT_WRONG)


def test_an_answer_view_carries_body_related_sources_and_ids() -> None:
    answer = Answer(question="q", status=Status.ANSWER, snippets=(LLM,), related=(GENAI,))
    view = present_answer(answer)
    assert view.title == "Large language models"
    assert [(p.heading, p.markdown) for p in view.parts] == [("", LLM.body)]
    assert [c.id for c in view.choices] == ["genai"]
    assert view.ids == ("llm",) and view.sources == LLM.sources


def test_a_composed_comparison_has_one_titled_part_per_side_and_sources_once() -> None:
    answer = Answer(question="llm vs genai", status=Status.ANSWER, snippets=(LLM, GENAI))
    view = present_answer(answer)
    assert view.title == "Large language models vs Generative AI"
    assert [p.heading for p in view.parts] == ["Large language models", "Generative AI"]
    assert len(view.sources) == 1


def test_did_you_mean_offers_at_most_three_and_echoes_the_question() -> None:
    answer = Answer(question="  gen   thing ", status=Status.SUGGEST, suggestions=PICKS)
    view = present_answer(answer)
    assert view.kind is ViewKind.DID_YOU_MEAN and view.title == say.DID_YOU_MEAN
    assert [c.id for c in view.choices] == ["s0", "s1", "s2"]
    assert view.text == say.UNSURE
    assert view.footer == "You asked: “gen thing”."


def test_an_uncovered_question_names_what_is_missing() -> None:
    closest = Answer(
        question="what is a cnn",
        status=Status.SUGGEST,
        suggestions=PICKS[:1],
        reason=Reason.UNCOVERED,
        missing=("cnn",),
    )
    assert present_answer(closest).text == (
        "I don't have an explanation for “cnn” yet. The closest topics I have:"
    )
    assert present_answer(closest).title == ""  # not a "did you mean": it is something else
    alone = Answer(
        question="a vs b", status=Status.NONE, reason=Reason.UNCOVERED, missing=("a", "b", "a")
    )
    assert present_answer(alone).text.startswith(
        "Sorry, I don't have an explanation for “a” or “b”"
    )


def test_small_talk_and_declines_point_to_the_topic_list() -> None:
    for name in ("smalltalk", "none"):
        view = present_answer(ANSWERS[name])
        assert view.kind is ViewKind.NOTE
        assert say.HOW_TO_LIST in view.text
    assert present_answer(ANSWERS["smalltalk"]).text.startswith("You're welcome!")


@pytest.mark.parametrize("kind", list(SmallTalk))
def test_every_kind_of_small_talk_has_its_own_reply(kind: SmallTalk) -> None:
    def text(of: SmallTalk) -> str:
        answer = Answer(question="x", status=Status.NONE, reason=Reason.SMALLTALK, small_talk=of)
        return present_answer(answer).text

    assert say.HOW_TO_LIST in text(kind)
    assert sum(text(other) == text(kind) for other in SmallTalk) == 1
    if kind is SmallTalk.FAREWELL:
        assert text(kind).startswith("Bye")  # not "Hi!" to someone leaving


def test_a_blank_question_is_not_echoed() -> None:
    assert note("x", asked="   ").footer == ""
    assert present_answer(Answer(question="", status=Status.NONE)).footer == ""


def test_the_echo_is_clipped() -> None:
    view = note("x", asked="word " * 100)
    assert len(view.footer) < 230 and view.footer.endswith("…”.")
