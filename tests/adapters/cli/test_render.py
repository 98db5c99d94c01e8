"""Terminal rendering and the ``ask --json`` contract, on answers built by hand."""

from __future__ import annotations

import json

from adapters.cli.render import answer_to_json_dict, render_answer, topics_to_json_list
from bot.models import Answer, Snippet, Status, Suggestion
from bot.presentation.sentences import DID_YOU_MEAN, NO_MATCH, TOPICS_TITLE, UNSURE


def snip(sid: str, title: str) -> Snippet:
    return Snippet(
        id=sid,
        title=title,
        summary=f"About {title}.",
        questions=("a", "b", "c"),
        body=f"**{title}** explained.\n\n- point one\n",
    )


LLM = snip("what-is-llm", "Large language models")
GENAI = snip("what-is-genai", "Generative AI")
SUGGESTIONS = (
    Suggestion(id="gan", title="GANs", summary="Two networks compete.", score=71.5),
    Suggestion(id="vae", title="VAEs", summary="Encode, then decode.", score=60.0),
)


def test_json_of_an_answer() -> None:
    answer = Answer(
        question="llm vs genai", status=Status.ANSWER, snippets=(LLM, GENAI), score=88.25
    )
    assert answer_to_json_dict(answer) == {
        "question": "llm vs genai",
        "status": "answer",
        "id": "what-is-llm",
        "ids": ["what-is-llm", "what-is-genai"],
        "title": "Large language models vs Generative AI",
        "score": 88.25,
        "suggestions": [],
        "reason": "match",
        "missing": [],
    }


def test_json_of_a_suggestion() -> None:
    answer = Answer(question="gen", status=Status.SUGGEST, score=71.5, suggestions=SUGGESTIONS)
    obj = answer_to_json_dict(answer)
    assert obj["status"] == "suggest" and obj["id"] is None and obj["ids"] == []
    assert obj["title"] is None
    assert obj["suggestions"] == [
        {"id": "gan", "title": "GANs", "score": 71.5},
        {"id": "vae", "title": "VAEs", "score": 60.0},
    ]


def test_json_is_one_line_and_scores_are_valid_floats() -> None:
    answer = Answer(question='multi\nline "quoted"\u2028', status=Status.NONE, score=float("nan"))
    line = json.dumps(answer_to_json_dict(answer))
    assert "\n" not in line and line.isascii()
    obj = json.loads(line)
    assert obj["question"] == 'multi\nline "quoted"\u2028'
    assert obj["score"] == 0.0 and isinstance(obj["score"], float)
    integer_score = Answer(question="q", status=Status.ANSWER, snippets=(LLM,), score=100)
    assert isinstance(answer_to_json_dict(integer_score)["score"], float)


def test_render_answer_shows_title_body_related_and_score_only_when_verbose() -> None:
    answer = Answer(
        question="what is an llm",
        status=Status.ANSWER,
        snippets=(LLM,),
        score=91.0,
        related=(GENAI,),
    )
    text = render_answer(answer)
    assert text.startswith("Large language models\n=====")
    assert "**Large language models** explained.\n\n- point one" in text
    assert "Related: Generative AI (what-is-genai)" in text
    assert "Score" not in text  # a debugging figure, not for people
    assert render_answer(answer, verbose=True).endswith("Score: 91.0")


def test_render_composed_comparison_shows_both_bodies() -> None:
    answer = Answer(question="llm vs genai", status=Status.ANSWER, snippets=(LLM, GENAI))
    text = render_answer(answer)
    assert text.startswith("Large language models vs Generative AI\n")
    assert text.index("**Large language models**") < text.index("**Generative AI**")


def test_render_suggest_is_a_numbered_did_you_mean() -> None:
    answer = Answer(question="gen", status=Status.SUGGEST, suggestions=SUGGESTIONS)
    assert render_answer(answer).splitlines() == [
        UNSURE,
        "",
        DID_YOU_MEAN,
        "  1. GANs (gan): Two networks compete.",
        "  2. VAEs (vae): Encode, then decode.",
    ]


def test_render_none_is_the_polite_message() -> None:
    answer = Answer(question="weather", status=Status.NONE)
    assert render_answer(answer) == NO_MATCH


def test_render_topic_list() -> None:
    answer = Answer(question="topics", status=Status.NONE, topics=SUGGESTIONS)
    lines = render_answer(answer).splitlines()
    assert lines == [
        f"{TOPICS_TITLE}:",
        "  gan  GANs",
        "       Two networks compete.",
        "  vae  VAEs",
        "       Encode, then decode.",
    ]


def test_topics_json_list() -> None:
    assert topics_to_json_list(SUGGESTIONS[:1]) == [
        {"id": "gan", "title": "GANs", "summary": "Two networks compete."}
    ]


def test_render_answer_styles_markdown_on_a_terminal() -> None:
    answer = Answer(question="llm", status=Status.ANSWER, snippets=(LLM,), score=91.0)
    styled = render_answer(answer, styled=True)
    assert "**" not in styled and "- point one" not in styled
    assert "\x1b[1mLarge language models\x1b[0m explained." in styled  # bold, by rich
    assert "• \x1b[0mpoint one" in styled
    assert render_answer(answer, styled=False) == render_answer(answer)  # piped here: as written


def test_render_tree_plain_and_styled() -> None:
    from adapters.cli.render import render
    from bot.presentation.markdown import parse

    doc = parse("**b** *i* [label](https://a.test) `c`\n\n1. one\n   - sub\n\n> quote")
    assert render(doc, styled=False) == (
        "b i label (https://a.test) c\n\n1. one\n   • sub\n\n\u2502 quote"
    )
    styled = render(doc, styled=True)
    assert "\x1b[3mi\x1b[0m" in styled  # italics
    assert "\x1b]8;" in styled and "https://a.test" in styled  # a terminal hyperlink
    assert "\x1b" not in render(doc, styled=False)
