"""Slack payloads to Questions, and Answers to Block Kit within Slack's limits."""

from __future__ import annotations

import json
from dataclasses import replace

from adapters.slack.convert import (
    answer_message,
    command_question,
    event_question,
    shortcut_question,
    strip_mention,
    to_message,
)
from bot.models import Answer, ChannelKind, Reply, Snippet, Status, Suggestion
from bot.presentation.sentences import SLOW_DOWN


def _snippet(n: int, body: str = "Body.") -> Snippet:
    return Snippet(
        id=f"s{n}",
        title=f"Snippet {n}",
        summary=f"Summary {n}.",
        questions=("a", "b", "c"),
        body=body,
    )


def _check_limits(message):
    blocks = message.blocks
    assert 1 <= len(blocks) <= 50
    assert message.text
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "actions":
            ids = [e["action_id"] for e in block["elements"]]
            assert len(ids) == len(set(ids)) <= 5
            assert all(len(e["text"]["text"]) <= 75 for e in block["elements"])
    json.dumps(blocks)  # plain JSON, nothing Slack cannot take


def test_payloads_become_questions(slack):
    command = slack.payload("slash_command")
    assert command_question(command).text == "what is an llm"
    assert command_question(command).channel_kind is ChannelKind.CHANNEL
    assert (
        command_question(
            command | {"channel_id": "D1", "channel_name": "directmessage"}
        ).channel_kind
        is ChannelKind.DM
    )
    assert command_question(command).platform == "slack"
    assert command_question(command).user_id == "U2147483697"

    mention = slack.payload("app_mention")["event"]
    assert event_question(mention, "q").channel_kind is ChannelKind.CHANNEL
    assert event_question(mention | {"thread_ts": "1.2"}, "q").channel_kind is ChannelKind.THREAD
    dm = slack.payload("message_im")["event"]
    assert event_question(dm, "q").channel_kind is ChannelKind.DM

    shortcut = slack.payload("message_action")
    question = shortcut_question(shortcut, "what is an llm")
    assert (question.channel_kind, question.user_id) == (ChannelKind.THREAD, "U2147483697")


def test_strip_mention_removes_only_the_bot():
    assert strip_mention("<@UBOT> what is <@U2> saying?", "UBOT") == "what is <@U2> saying?"
    assert strip_mention("<@UBOT|explainbot>  ", "UBOT") == ""
    assert strip_mention(" hi ", None) == "hi"


def test_answer_renders_header_body_context_and_related(slack):
    answer = slack.make_service().explain("llm")
    message = answer_message(answer)
    assert message.public
    _check_limits(message)
    assert [b["type"] for b in message.blocks] == ["header", "section", "context", "actions"]
    assert message.payload()["parse"] == "none"
    assert message.payload()["link_names"] is False


def test_snippet_without_sources_still_gets_a_context_line(slack):
    message = answer_message(slack.make_service().explain("genai"))
    context = [b for b in message.blocks if b["type"] == "context"]
    assert context[0]["elements"][0]["text"] == "explainbot `genai`"


def test_composed_comparison_shows_both_parts():
    a, b = _snippet(1, "**One** body."), _snippet(2, "Two body.")
    answer = Answer(question="1 vs 2", status=Status.ANSWER, snippets=(a, b), score=90.0)
    message = answer_message(answer)
    assert message.blocks[0]["text"]["text"] == "Snippet 1 vs Snippet 2"
    text = message.blocks[1]["text"]["text"]
    assert "*Snippet 1*\n*One* body." in text and "*Snippet 2*\nTwo body." in text
    assert message.text == "Snippet 1: Summary 1.\nSnippet 2: Summary 2."


def test_long_body_is_split_into_sections():
    body = "\n\n".join(f"Paragraph {n} " + "word " * 150 for n in range(9))  # ~7,000 chars
    message = answer_message(
        Answer(question="q", status=Status.ANSWER, snippets=(_snippet(1, body),), score=99.0)
    )
    _check_limits(message)
    sections = [b for b in message.blocks if b["type"] == "section"]
    assert len(sections) == 3
    assert "Paragraph 8" in sections[-1]["text"]["text"]


def test_huge_topic_list_stays_within_50_blocks():
    topics = tuple(
        Suggestion(id=f"t{n}", title=f"Topic {n}", summary="x" * 90, score=100.0)
        for n in range(2000)
    )
    message = answer_message(Answer(question="", status=Status.NONE, topics=topics))
    _check_limits(message)
    assert len(message.blocks) == 50
    assert "cut short" in json.dumps(message.blocks[-2])
    assert not message.public


def test_long_titles_and_many_related_are_clipped():
    related = tuple(_snippet(n) for n in range(8))
    long = replace(_snippet(99), title="T" * 200)
    answer = Answer(question="q", status=Status.ANSWER, snippets=(long,), related=related)
    message = answer_message(answer)
    _check_limits(message)
    assert message.blocks[0]["text"]["text"].endswith("…")


def test_did_you_mean_lists_at_most_three_choices_with_summaries():
    choices = tuple(
        Suggestion(id=f"s{n}", title=f"Choice {n}", summary=f"About {n}.", score=60.0)
        for n in range(3)
    )
    answer = Answer(question="hmm", status=Status.SUGGEST, suggestions=choices)
    message = answer_message(answer)
    _check_limits(message)
    assert not message.public
    assert message.text == "Did you mean: Choice 0, Choice 1, Choice 2?"
    buttons = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert [e["value"] for e in buttons] == ["s0", "s1", "s2"]
    assert all(e["action_id"].startswith("explain_pick_") for e in buttons)
    assert "About 1." in json.dumps(message.blocks)


def test_fallback_and_throttled_replies_are_private_notes():
    none = Answer(question="   ", status=Status.NONE)
    message = to_message(Reply(answer=none))
    _check_limits(message)
    assert not message.public
    assert "Sorry" in message.text
    assert all(b["type"] == "section" for b in message.blocks)  # no "You asked" for blank input

    slow = Answer(question="q", status=Status.NONE)
    throttled = to_message(Reply(answer=slow, throttled=True))
    assert throttled.text == SLOW_DOWN  # the presentation's sentence, Markdown-free here
    assert not throttled.public


def test_echoed_question_is_clipped_and_inert():
    hostile = "<!everyone> " + "x" * 5000
    message = answer_message(Answer(question=hostile, status=Status.NONE))
    _check_limits(message)
    dumped = json.dumps(message.blocks)
    assert "<!everyone>" not in dumped
    assert len(dumped) < 1000


def test_every_bundled_snippet_renders_within_slack_limits():
    from bot.knowledge.loader import load_knowledge
    from bot.matching.engine import Engine
    from bot.settings import bundled_knowledge_dir

    engine = Engine(load_knowledge(bundled_knowledge_dir()))
    topics = engine.topics()
    assert topics, "the bundled knowledge has no snippets"
    for topic in topics:
        message = answer_message(engine.explain(topic.id))
        _check_limits(message)
        text = json.dumps(message.blocks)
        assert "](http" not in text  # Markdown links were converted
    _check_limits(answer_message(engine.answer("help")))
