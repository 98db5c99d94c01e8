"""Helpful / Not helpful: the buttons on confident answers, and votes landing in a real SQLite."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from adapters.slack.convert import to_message
from adapters.slack.feedback import feedback_block, parse_vote
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import Answer, Reply, Snippet, Status, Suggestion
from bot.presentation.sentences import FEEDBACK_THANKS as THANKS
from bot.runtime.service import AnswerService
from bot.store import QuestionStore

OTHER_USER = "U0OTHER0001"


def _service(slack, tmp_path):
    store = QuestionStore(tmp_path / "explainbot.db")
    return AnswerService(Engine(build_knowledge(slack.SNIPPETS)), recorder=store), store


def _votes(tmp_path, question_id):
    with sqlite3.connect(tmp_path / "explainbot.db") as conn:
        return conn.execute(
            "SELECT helpful FROM votes WHERE question_id = ? ORDER BY voted_at", (question_id,)
        ).fetchall()


def _feedback_buttons(blocks):
    return [b for b in blocks if b.get("block_id") == "feedback"]


async def _click(slack, kit, button, *, user=None):
    body = slack.payload("block_actions")
    body["response_url"] = kit.hooks.url("vote")
    body["actions"][0].update(
        action_id=button["action_id"], value=button["value"], block_id="feedback"
    )
    if user:
        body["user"]["id"] = user
    count = len(kit.hooks.posts.items)
    assert await kit.interaction(body) == (200, "")
    return (await kit.hooks.wait(count + 1))[count]


def test_vote_is_recorded_once_per_user_and_can_be_changed(slack, tmp_path):
    service, store = _service(slack, tmp_path)

    async def scenario(kit):
        await kit.command("what is an llm")
        (answer,) = await kit.hooks.wait()
        assert answer["response_type"] == "in_channel"
        (block,) = _feedback_buttons(answer["blocks"])
        assert answer["blocks"][-1] == block  # under the answer and its related buttons
        helpful, not_helpful = block["elements"]
        assert (helpful["text"]["text"], not_helpful["text"]["text"]) == ("Helpful", "Not helpful")
        question_id, yes = parse_vote(helpful["value"])
        assert yes and parse_vote(not_helpful["value"]) == (question_id, False)

        thanks = await _click(slack, kit, helpful)
        assert thanks["text"] == THANKS
        assert (thanks["response_type"], thanks["replace_original"]) == ("ephemeral", False)
        assert "blocks" not in thanks or not thanks["blocks"]
        await asyncio.to_thread(store.flush, slack.WAIT)
        assert _votes(tmp_path, question_id) == [(1,)]

        await _click(slack, kit, not_helpful)  # the same user changes their mind
        await asyncio.to_thread(store.flush, slack.WAIT)
        assert _votes(tmp_path, question_id) == [(0,)]

        await _click(slack, kit, helpful, user=OTHER_USER)  # another user: a second vote
        await asyncio.to_thread(store.flush, slack.WAIT)
        assert sorted(_votes(tmp_path, question_id)) == [(0,), (1,)]
        # The shared answer was never touched: no edits, no new channel messages.
        assert not kit.api.called("chat.update") and not kit.api.called("chat.postMessage")

    try:
        slack.run_http(scenario, service)
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "explainbot.db") as conn:
        row = conn.execute("SELECT platform, outcome, snippet_id FROM questions").fetchall()
    assert row == [("slack", "answer", "llm")]


@pytest.mark.parametrize("value", ["", "12", "12:2", "x:1", "-1:1", "1:1:1", "1" * 20 + ":1"])
def test_values_we_did_not_render_are_not_votes(value):
    assert parse_vote(value) is None


def test_a_forged_click_records_nothing_and_thanks_nobody(slack, tmp_path):
    service, store = _service(slack, tmp_path)

    async def scenario(kit):
        body = slack.payload("block_actions")
        body["response_url"] = kit.hooks.url("vote")
        body["actions"][0].update(action_id="explain_feedback_0", value="<!here>:1")
        assert await kit.interaction(body) == (200, "")
        await kit.command("what is an llm")  # handled after the click: the click is done
        posts = await kit.hooks.wait()
        assert [p["name"] for p in posts] == ["cmd"]

    try:
        slack.run_http(scenario, service)
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "explainbot.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM votes").fetchone() == (0,)


def _snippet(body="A body.", sid="llm"):
    return Snippet(id=sid, title="T", summary="S.", questions=("a", "b", "c"), body=body)


@pytest.mark.parametrize(
    "answer",
    [
        Answer(
            question="q",
            status=Status.SUGGEST,
            suggestions=(Suggestion(id="llm", title="T", summary="S.", score=60.0),),
        ),
        Answer(question="q", status=Status.NONE),
        Answer(
            question="help",
            status=Status.NONE,
            topics=(Suggestion(id="llm", title="T", summary="S.", score=0.0),),
        ),
    ],
    ids=["did-you-mean", "none", "topics"],
)
def test_only_confident_answers_carry_feedback(answer):
    assert _feedback_buttons(to_message(Reply(answer=answer, question_id=7)).blocks) == []


def test_unrecorded_and_throttled_replies_carry_no_feedback():
    answer = Answer(question="q", status=Status.ANSWER, snippets=(_snippet(),), score=99.0)
    assert _feedback_buttons(to_message(Reply(answer=answer, question_id=None)).blocks) == []
    throttled = Answer(question="q", status=Status.NONE)
    reply = Reply(answer=throttled, question_id=None, throttled=True)
    assert _feedback_buttons(to_message(reply).blocks) == []
    assert _feedback_buttons(to_message(Reply(answer=answer, question_id=5)).blocks) == [
        feedback_block(5)
    ]


def test_feedback_buttons_survive_a_body_cut_to_50_blocks():
    body = "\n\n".join(f"Paragraph {n} " + "word " * 550 for n in range(60))  # > 50 sections
    related = tuple(_snippet(sid=f"r{n}") for n in range(3))
    answer = Answer(
        question="q", status=Status.ANSWER, snippets=(_snippet(body),), related=related, score=99
    )
    blocks = to_message(Reply(answer=answer, question_id=2**62)).blocks
    assert len(blocks) == 50
    assert blocks[-1] == feedback_block(2**62)
    assert blocks[-2]["block_id"] == "related"
    assert "cut short" in blocks[-4]["elements"][0]["text"]
