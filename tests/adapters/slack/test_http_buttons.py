"""Related and did-you-mean buttons, driven by signed block_actions payloads."""

from __future__ import annotations


def _click(slack, kit, *, action_id, value, ephemeral=False, thread_ts=None):
    body = slack.payload("block_actions")
    body["response_url"] = kit.hooks.url("action")
    body["actions"][0].update(action_id=action_id, value=value)
    body["container"]["is_ephemeral"] = ephemeral
    if ephemeral:
        del body["message"]  # Slack sends no message for ephemeral containers
    if thread_ts:
        body["message"]["thread_ts"] = thread_ts
        body["container"]["thread_ts"] = thread_ts
    return body


def test_related_button_under_a_channel_answer_posts_in_the_channel(slack):
    async def scenario(kit):
        status, text = await kit.interaction(
            _click(slack, kit, action_id="explain_related_0", value="genai")
        )
        assert (status, text) == (200, "")
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "in_channel"
        assert posted["replace_original"] is False
        assert posted["blocks"][0]["text"]["text"] == "Generative AI"
        assert not kit.api.called("chat.postMessage")

    slack.run_http(scenario)


def test_related_button_in_a_thread_posts_in_that_thread(slack):
    async def scenario(kit):
        body = _click(
            slack, kit, action_id="explain_related_1", value="rag", thread_ts="1714999000.000100"
        )
        await kit.interaction(body)
        (post,) = await kit.api.wait("chat.postMessage")
        assert post.params["channel"] == "C2147483705"
        assert post.params["thread_ts"] == "1714999000.000100"
        assert post.params["blocks"][0]["text"]["text"] == "Retrieval-augmented generation"

    slack.run_http(scenario)


def test_related_button_under_a_private_answer_stays_private(slack):
    async def scenario(kit):
        await kit.interaction(
            _click(slack, kit, action_id="explain_related_0", value="llm", ephemeral=True)
        )
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral"
        assert posted["replace_original"] is False
        assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"

    slack.run_http(scenario)


def test_did_you_mean_click_replaces_the_question_with_the_answer(slack):
    async def scenario(kit):
        await kit.interaction(
            _click(slack, kit, action_id="explain_pick_2", value="rag", ephemeral=True)
        )
        (posted,) = await kit.hooks.wait()
        assert posted["replace_original"] is True
        assert posted["text"].startswith("Retrieval-augmented generation: ")
        assert posted["blocks"][0]["text"]["text"] == "Retrieval-augmented generation"
        related = [b for b in posted["blocks"] if b["type"] == "actions"]
        assert related == []  # rag lists no related snippets

    slack.run_http(scenario)


def test_a_button_naming_a_vanished_snippet_gets_the_fallback(slack):
    async def scenario(kit):
        await kit.interaction(
            _click(slack, kit, action_id="explain_pick_0", value="deleted-one", ephemeral=True)
        )
        (posted,) = await kit.hooks.wait()
        assert posted["replace_original"] is True
        assert "topics" in posted["text"]
        assert all(b["type"] != "header" for b in posted["blocks"])

    slack.run_http(scenario)


def test_a_did_you_mean_pick_is_recorded_for_the_report(slack, tmp_path):
    from bot.knowledge.base import build_knowledge
    from bot.matching.engine import Engine
    from bot.runtime.service import AnswerService
    from bot.store import QuestionStore

    store = QuestionStore(tmp_path / "q.db")
    service = AnswerService(
        Engine(build_knowledge(slack.SNIPPETS), config=slack.ALWAYS_SUGGEST), recorder=store
    )

    async def scenario(kit):
        await kit.command("retrieval thing")
        await kit.interaction(
            _click(slack, kit, action_id="explain_pick_0", value="rag", ephemeral=True)
        )
        await kit.hooks.wait(2)

    slack.run_http(scenario, service)
    store.close()
    import sqlite3

    with sqlite3.connect(tmp_path / "q.db") as conn:
        rows = conn.execute(
            "SELECT outcome, snippet_id, question, user_hash != '' FROM questions ORDER BY outcome"
        ).fetchall()
    # The click may be recorded before the command's answer: the command is acknowledged first
    # and answered in a worker thread, so only what was recorded is compared, not the order.
    assert rows == [("pick", "rag", "", 1), ("suggest", None, "retrieval thing", 1)]
