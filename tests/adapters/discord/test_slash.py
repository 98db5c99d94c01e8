"""``/explain``: autocomplete, confident answers, did-you-mean, fallback and topics."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.matching.engine import MatchConfig
from bot.models import Question, Status
from bot.runtime.service import AnswerService


def test_confident_answer_is_a_public_embed_with_related_buttons(
    discord_bot: Any, kit: Any
) -> None:
    service = kit.make_service()
    gan = service.engine.knowledge.snippets["gan"]

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("what is a gan"))
            assert callback.body["type"] == 4
            data = callback.body["data"]
            assert not (data.get("flags") or 0) & kit.ephemeral
            (embed,) = data["embeds"]
            assert embed["title"] == gan.title
            assert embed["description"] == gan.body
            assert "Goodfellow et al., 2014" in embed["footer"]["text"]
            assert kit.custom_ids(data["components"]) == [
                "explainbot:snippet:diffusion-model",
                "explainbot:snippet:llm",
            ]
            assert data["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_autocomplete_offers_at_most_25_short_choices(discord_bot: Any, kit: Any) -> None:
    many = [
        kit.snippet(
            f"topic-{i:02d}", f"Topic {i:02d} " + "with a long title " * 5, "q a", "q b", "q c"
        )
        for i in range(30)
    ]
    service = kit.make_service(*kit.snippets, *many)

    async def scenario() -> None:
        async with discord_bot(service) as h:
            for typed in ("", "gan", "topic"):
                callback = await h.interact(h.slash(typed, focused=True))
                assert callback.body["type"] == 8
                choices = callback.body["data"]["choices"]
                assert 0 < len(choices) <= 25
                assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
                if typed == "":
                    assert len(choices) == 25
                if typed == "gan":
                    assert choices[0]["value"] == "Generative adversarial network (GAN)"
            assert any(c["name"].endswith("…") for c in choices)

    asyncio.run(scenario())


def test_did_you_mean_is_private_and_a_click_replaces_it(discord_bot: Any, kit: Any) -> None:
    # Nothing is confident, everything found is a suggestion: the did-you-mean path for sure.
    service = kit.make_service(config=MatchConfig(answer_threshold=101.0, suggest_threshold=1.0))
    expected = service.ask(Question(text="what is a gan", platform="discord")).answer
    assert expected.status is Status.SUGGEST

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("what is a gan"))
            data = callback.body["data"]
            assert callback.body["type"] == 4
            assert data["flags"] & kit.ephemeral
            assert data["content"]
            ids = kit.custom_ids(data["components"])
            assert ids == [f"explainbot:snippet:{s.id}" for s in expected.suggestions][:3]
            assert 1 <= len(ids) <= 3

            pick = expected.suggestions[-1]
            click = await h.interact(h.click(callback, ids[-1], ephemeral=True))
            assert click.body["type"] == 7  # UPDATE_MESSAGE: the did-you-mean is replaced
            update = click.body["data"]
            assert update["content"] is None
            assert update["embeds"][0]["title"] == pick.title
            assert update["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_related_button_on_a_public_answer_answers_privately(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service()
    llm = service.engine.knowledge.snippets["llm"]

    async def scenario() -> None:
        async with discord_bot(service) as h:
            answer = await h.interact(h.slash("what is a gan"))
            click = await h.interact(h.click(answer, "explainbot:snippet:llm", ephemeral=False))
            assert click.body["type"] == 4  # the public answer stays; the clicker sees LLM
            data = click.body["data"]
            assert data["flags"] & kit.ephemeral
            assert data["embeds"][0]["title"] == llm.title
            assert kit.custom_ids(data["components"]) == [
                "explainbot:snippet:genai",
                "explainbot:snippet:transformer",
            ]

    asyncio.run(scenario())


def test_button_for_a_snippet_that_no_longer_exists_is_polite(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service()

    async def scenario() -> None:
        async with discord_bot(service) as h:
            answer = await h.interact(h.slash("what is a gan"))
            # An old message still carries a button for a snippet since deleted.
            answer.body["data"]["components"][0]["components"][0]["custom_id"] = (
                "explainbot:snippet:deleted-topic"
            )
            click = await h.interact(
                h.click(answer, "explainbot:snippet:deleted-topic", ephemeral=True)
            )
            assert click.body["type"] == 7
            assert "topics" in click.body["data"]["content"]
            assert click.body["data"]["embeds"] == []

    asyncio.run(scenario())


def test_nothing_fits_gives_a_private_fallback(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service(config=MatchConfig(answer_threshold=101.0, suggest_threshold=101.0))

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("what is a gan"))
            data = callback.body["data"]
            assert callback.body["type"] == 4
            assert data["flags"] & kit.ephemeral
            assert "topics" in data["content"]
            assert not data.get("embeds") and not data.get("components")

    asyncio.run(scenario())


def test_help_topics_and_empty_list_every_topic(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service()

    async def scenario() -> None:
        async with discord_bot(service) as h:
            for topic in ("help", "topics", None):
                callback = await h.interact(h.slash(topic))
                data = callback.body["data"]
                assert data["flags"] & kit.ephemeral
                description = data["embeds"][0]["description"]
                for s in kit.snippets:
                    assert s.title in description

    asyncio.run(scenario())


def test_topic_list_fits_the_embed_when_there_are_hundreds(discord_bot: Any, kit: Any) -> None:
    many = [kit.snippet(f"t-{i:03d}", f"Topic {i:03d}", "a", "b", "c") for i in range(300)]
    service = kit.make_service(*many)

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("topics"))
            (embed,) = callback.body["data"]["embeds"]
            assert len(embed["description"]) <= 4096
            assert "more" in embed["description"]
            assert "300 topics" in embed["footer"]["text"]

    asyncio.run(scenario())


def test_slow_answer_is_deferred_then_edited(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service()

    async def scenario() -> None:
        async with discord_bot(service, defer_after=0) as h:
            payload = h.slash("what is a gan")
            callback = await h.interact(payload)
            assert callback.body["type"] == 5  # "explainbot is thinking..."
            edit = await h.expect(
                "PATCH", rf"/webhooks/{kit.app_id}/{payload['token']}/messages/@original"
            )
            assert edit.body["embeds"][0]["title"] == "Generative adversarial network (GAN)"
            assert edit.body["allowed_mentions"]["parse"] == []

    asyncio.run(scenario())


def test_slow_did_you_mean_replaces_the_public_thinking_message(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service(config=MatchConfig(answer_threshold=101.0, suggest_threshold=1.0))

    async def scenario() -> None:
        async with discord_bot(service, defer_after=0) as h:
            payload = h.slash("what is a gan")
            callback = await h.interact(payload)
            assert callback.body["type"] == 5
            hook = rf"/webhooks/{kit.app_id}/{payload['token']}"
            await h.expect("DELETE", hook + "/messages/@original")
            followup = await h.expect("POST", hook)
            assert followup.body["flags"] & kit.ephemeral
            assert kit.custom_ids(followup.body["components"])

    asyncio.run(scenario())


def test_a_failure_still_answers_politely(discord_bot: Any, kit: Any) -> None:
    class BrokenService(AnswerService):
        def ask(self, question: Question) -> Any:
            raise RuntimeError("database on fire")

    service = BrokenService(kit.make_service().engine)

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("what is a gan"))
            assert callback.body["type"] == 4
            assert callback.body["data"]["flags"] & kit.ephemeral
            assert "something went wrong" in callback.body["data"]["content"]

    asyncio.run(scenario())


def test_buttons_work_on_messages_sent_before_a_restart(discord_bot: Any, kit: Any) -> None:
    # A message from an earlier run: this bot process never sent it nor built its view.
    old_components = [
        {
            "type": 1,
            "components": [
                {"type": 2, "style": 1, "label": "Transformer",
                 "custom_id": "explainbot:snippet:transformer"},
            ],
        }
    ]  # fmt: skip

    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            payload = h.click_on(old_components, "explainbot:snippet:transformer", ephemeral=True)
            click = await h.interact(payload)
            assert click.body["type"] == 7
            assert click.body["data"]["embeds"][0]["title"] == "Transformer"

    asyncio.run(scenario())


def test_explain_in_a_direct_message(discord_bot: Any, kit: Any) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            callback = await h.interact(h.in_dm(h.slash("what is a gan")))
            assert callback.body["type"] == 4
            title = callback.body["data"]["embeds"][0]["title"]
            assert title == "Generative adversarial network (GAN)"

    asyncio.run(scenario())


def test_autocomplete_follows_each_keystroke_on_the_bundled_knowledge(discord_bot: Any) -> None:
    from bot.knowledge.loader import load_knowledge
    from bot.matching.engine import Engine
    from bot.settings import bundled_knowledge_dir

    service = AnswerService(Engine(load_knowledge(bundled_knowledge_dir())))
    titles = {s.title: s.id for s in service.engine.knowledge.snippets.values()}
    # What must be among the top 3 choices once the word is typed this far.
    expected = {
        "gen": "what-is-genai",
        "gene": "what-is-genai",
        "tra": "transformer",
        "trans": "transformer",
        "llm v": "llm-vs-genai",
        "chat": "chatgpt",
        "multi": "multimodal",
    }

    async def scenario() -> None:
        async with discord_bot(service) as h:
            for word in ("g", "ge", "gen", "gene", "tra", "trans", "llm v", "chat", "multi"):
                for n in range(1, len(word) + 1):
                    typed = word[:n]
                    callback = await h.interact(h.slash(typed, focused=True))
                    assert callback.body["type"] == 8, typed  # choices, never a message
                    choices = callback.body["data"]["choices"]
                    assert 0 < len(choices) <= 25, typed
                    top3 = [titles[c["value"]] for c in choices[:3]]
                    direct = [s.id for s in service.suggest(typed, 25)[:3]]
                    assert top3 == direct, typed
                    if typed in expected:
                        assert expected[typed] in top3, (typed, top3)

    asyncio.run(scenario())


def test_autocomplete_error_returns_an_empty_choice_list(discord_bot: Any, kit: Any) -> None:
    service = kit.make_service()

    def broken(typed: str, limit: int) -> tuple[Any, ...]:
        raise RuntimeError("index went away")

    service.suggest = broken  # a failing engine underneath the real cog

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("ge", focused=True))
            assert callback.body["type"] == 8
            assert callback.body["data"]["choices"] == []

    asyncio.run(scenario())
