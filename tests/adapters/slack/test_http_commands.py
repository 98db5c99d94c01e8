"""``/explain`` over signed HTTP requests to the real bolt app on loopback."""

from __future__ import annotations

import asyncio
import json


def _block_types(message):
    return [b["type"] for b in message["blocks"]]


def _buttons(message, prefix):
    return [
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(prefix)
    ]


def test_confident_answer_is_acked_empty_then_posted_in_channel(slack):
    async def scenario(kit):
        status, body = await kit.command("what is an llm")
        assert (status, body) == (200, "")  # the ack carries nothing: the answer comes after
        (posted,) = await kit.hooks.wait()
        assert posted["name"] == "cmd"
        assert posted["response_type"] == "in_channel"
        assert posted["text"].startswith("Large language model (LLM): ")
        assert _block_types(posted) == ["header", "section", "context", "actions"]
        assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        section = posted["blocks"][1]["text"]["text"]
        assert "A *large language model* predicts" in section
        assert "_token_" in section
        assert "corpus &amp; is tuned" in section
        assert "<https://arxiv.org/abs/1706.03762|the paper>" in section
        assert "• Input: a `prompt` like `a &lt; b`" in section
        context = posted["blocks"][2]["elements"][0]["text"]
        assert "<https://arxiv.org/abs/1706.03762|Attention Is All You Need>" in context
        related = _buttons(posted, "explain_related")
        assert [b["value"] for b in related] == ["genai", "rag"]
        assert len({b["action_id"] for b in related}) == 2
        # Only the authorization check reached the Web API: the answer went via response_url.
        assert [c.method for c in kit.api.calls.items] == ["auth.test"]
        assert kit.api.calls.items[0].authorization == f"Bearer {slack.BOT_TOKEN}"

    slack.run_http(scenario)


def test_answers_can_be_configured_to_stay_private(slack):
    async def scenario(kit):
        await kit.command("what is generative ai")
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral"
        assert posted["blocks"][0]["text"]["text"] == "Generative AI"

    slack.run_http(scenario, response_type="ephemeral")


def test_bare_command_and_help_list_topics_privately(slack):
    async def scenario(kit):
        await kit.command("")
        await kit.command("help")
        posts = await kit.hooks.wait(2)
        for posted in posts:
            assert posted["response_type"] == "ephemeral"
            listing = json.dumps(posted["blocks"])
            for snippet in slack.SNIPPETS:
                assert snippet.title in listing
                assert f"`{snippet.id}`" in listing

    slack.run_http(scenario)


def test_unsure_answer_offers_did_you_mean_buttons_privately(slack):
    async def scenario(kit):
        await kit.command("what is an llm")
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral"
        assert posted["text"].startswith("Did you mean: ")
        picks = _buttons(posted, "explain_pick")
        assert 1 <= len(picks) <= 3
        assert {b["value"] for b in picks} <= {s.id for s in slack.SNIPPETS}
        assert "llm" in {b["value"] for b in picks}

    slack.run_http(scenario, slack.make_service(slack.ALWAYS_SUGGEST))


def test_nothing_fits_gets_polite_fallback_that_cannot_ping(slack):
    hostile = "<!channel> <!here|here> <!everyone> <!subteam^S0D3V|@devs> <@U0EVE|eve> @here"

    async def scenario(kit):
        await kit.command(hostile)
        (posted,) = await kit.hooks.wait()
        assert posted["response_type"] == "ephemeral"
        assert "topics" in posted["text"]
        everything = json.dumps(posted)
        for token in ("<!channel>", "<!here", "<!everyone>", "<!subteam", "<@U0EVE"):
            assert token not in everything
        assert "@here" not in everything  # the bare word is broken by a word joiner
        assert "You asked:" in everything
        # Slack's own tokens are resolved away on the way in; the typed word is echoed inert.
        assert "@\\u2060here" in everything

    slack.run_http(scenario, slack.make_service(slack.NEVER_MATCH))


def test_a_slow_answer_does_not_hold_up_other_acks(slack):
    import threading

    release = threading.Event()
    released: list[bool] = []

    class Held(type(slack.make_service())):
        def ask(self, question):
            if question.text == "hold":
                # Run on the event loop, this would block it until the wait times out.
                released.append(release.wait(slack.WAIT))
            return super().ask(question)

    service = Held(slack.make_service().engine)

    async def scenario(kit):
        held = asyncio.ensure_future(kit.command("hold"))
        # Answering "hold" runs in a worker thread: the loop still acks and answers others.
        assert await kit.command("what is an llm") == (200, "")
        (posted,) = await kit.hooks.wait()
        assert posted["blocks"][0]["text"]["text"] == "Large language model (LLM)"
        assert await held == (200, "")
        release.set()
        await kit.hooks.wait(2)

    try:
        slack.run_http(scenario, service)
    finally:
        release.set()
    assert released == [True]
