"""Discord failure paths: unreadable gateway events, failed autocompletes, late answers."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import pytest

GAN_TITLE = "Generative adversarial network (GAN)"


def _without(payload: dict[str, Any], key: str) -> dict[str, Any]:
    payload.pop(key)
    return payload


UNREADABLE = {
    "interaction without token": lambda h: _without(h.slash("what is a gan"), "token"),
    "interaction data a string": lambda h: h.interaction(3, "not an object"),  # type: ignore[arg-type]
    "button without custom_id": lambda h: h.interaction(3, {"component_type": 2}),
    "member a list": lambda h: h.slash("what is a gan") | {"member": [1, 2]},
}


@pytest.mark.parametrize("make", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_gateway_event_is_logged_once_and_skipped(
    discord_bot: Any, kit: Any, caplog: pytest.LogCaptureFixture, make: Any
) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            caplog.clear()
            await h.fake.interaction_create(make(h))
            # The same connection goes on: the next interaction is answered.
            callback = await h.interact(h.slash("what is a gan"))
            assert callback.body["data"]["embeds"][0]["title"] == GAN_TITLE
            assert len(h.fake.identifies) == 1 and not h.task.done()

    asyncio.run(scenario())
    loud = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(loud) == 1, caplog.text
    assert "INTERACTION_CREATE" in loud[0].getMessage() and loud[0].exc_info is None


def test_an_unreadable_message_event_is_skipped(
    discord_bot: Any, kit: Any, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            caplog.clear()
            await h.fake.dispatch("MESSAGE_CREATE", {"id": "1", "content": "what is a gan"})
            await h.fake.message_create(h.dm("what is a gan"))
            sent = await h.expect("POST", rf"/channels/{kit.dm_channel_id}/messages")
            assert sent.body["embeds"][0]["title"] == GAN_TITLE
            assert len(h.fake.identifies) == 1

    asyncio.run(scenario())
    (warning,) = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "MESSAGE_CREATE" in warning.getMessage()


def _unknown_command(h: Any) -> dict[str, Any]:
    payload: dict[str, Any] = h.slash("ga", focused=True)
    payload["data"]["name"] = "explian"  # e.g. a command renamed since it was registered
    return payload


def _nothing_focused(h: Any) -> dict[str, Any]:
    payload: dict[str, Any] = h.slash("ga")
    payload["type"] = 4
    return payload


AUTOCOMPLETE_ERRORS = {"unknown command": _unknown_command, "no focused option": _nothing_focused}


@pytest.mark.parametrize("make", AUTOCOMPLETE_ERRORS.values(), ids=AUTOCOMPLETE_ERRORS.keys())
def test_the_tree_answers_a_failed_autocomplete_with_no_choices(
    discord_bot: Any, kit: Any, caplog: pytest.LogCaptureFixture, make: Any
) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            callback = await h.interact(make(h))
            assert callback.body == {"type": 8, "data": {"choices": []}}

    asyncio.run(scenario())
    assert "Traceback" not in caplog.text


def test_deferral_counts_from_when_discord_created_the_interaction(
    discord_bot: Any, kit: Any
) -> None:
    async def scenario() -> None:
        # The answer takes milliseconds, but the interaction already waited 2 of its 3 s
        # (a burst, a slow gateway): only a deferral is still in time.
        async with discord_bot(kit.make_service(), defer_after=1.5) as h:
            payload = h.slash("what is a gan", age=2.0)
            callback = await h.interact(payload)
            assert callback.body["type"] == 5
            hook = rf"/webhooks/{kit.app_id}/{payload['token']}"
            edit = await h.expect("PATCH", hook + "/messages/@original")
            assert edit.body["embeds"][0]["title"] == GAN_TITLE
            fresh = await h.interact(h.slash("what is a gan"))
            assert fresh.body["type"] == 4

    asyncio.run(scenario())


def test_a_thinking_message_is_deleted_when_every_follow_up_fails(
    discord_bot: Any, kit: Any, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with discord_bot(kit.make_service(), defer_after=1.5) as h:
            payload = h.slash("what is a gan", age=2.0)
            hook = rf"/webhooks/{kit.app_id}/{payload['token']}"
            h.fake.fail = re.compile(hook + r"(/messages/@original)?")
            h.fake.fail_methods = {"POST", "PATCH"}
            callback = await h.interact(payload)
            assert callback.body["type"] == 5
            await h.expect("PATCH", hook + "/messages/@original")  # the answer: refused
            await h.expect("PATCH", hook + "/messages/@original")  # the apology: refused
            await h.expect("DELETE", hook + "/messages/@original")  # "thinking..." goes

    asyncio.run(scenario())
    assert "could not" in caplog.text


def test_a_thinking_message_becomes_the_apology_when_answering_fails(
    discord_bot: Any, kit: Any
) -> None:
    class Broken(type(kit.make_service())):  # type: ignore[misc]
        def ask(self, question: Any) -> Any:
            raise RuntimeError("database on fire")

    async def scenario() -> None:
        async with discord_bot(Broken(kit.make_service().engine), defer_after=1.5) as h:
            payload = h.slash("what is a gan", age=2.0)
            callback = await h.interact(payload)
            assert callback.body["type"] == 5
            hook = rf"/webhooks/{kit.app_id}/{payload['token']}"
            edit = await h.expect("PATCH", hook + "/messages/@original")
            assert "went wrong" in edit.body["content"]
            assert edit.body["embeds"] == [] and edit.body["components"] == []
            assert h.fake.count("POST", hook) == 0  # no second message beside it

    asyncio.run(scenario())


QUESTIONS = {"lone surrogate": "what is a gan \ud800", "nul": "what is\x00 a gan"}


@pytest.mark.parametrize("text", QUESTIONS.values(), ids=QUESTIONS.keys())
def test_a_question_with_a_lone_surrogate_or_nul_is_answered(
    discord_bot: Any, kit: Any, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    caplog.set_level(logging.INFO)

    async def scenario() -> None:
        async with discord_bot(kit.make_service()) as h:
            callback = await h.interact(h.slash(text))
            assert callback.body["data"]["embeds"][0]["title"] == GAN_TITLE
            await h.fake.message_create(h.dm(text))
            sent = await h.expect("POST", rf"/channels/{kit.dm_channel_id}/messages")
            assert sent.body["embeds"][0]["title"] == GAN_TITLE

    asyncio.run(scenario())
    assert "Traceback" not in caplog.text
