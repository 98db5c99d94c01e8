"""Helpful / Not helpful buttons: shown on confident answers, votes land in a real SQLite store."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine, MatchConfig
from bot.runtime.service import AnswerService
from bot.store import QuestionStore

THANKS_WORD = "Thanks"


@pytest.fixture
def store(tmp_path: Path) -> Any:
    store = QuestionStore(tmp_path / "questions.db", salt="test-salt")
    yield store
    store.close()


def recorded_service(
    kit: Any, store: QuestionStore, *snippets: Any, **config: Any
) -> AnswerService:
    engine = Engine(build_knowledge(snippets or kit.snippets), config=MatchConfig(**config))
    return AnswerService(engine, recorder=store)


def votes(store: QuestionStore) -> list[tuple[int, str, int]]:
    store.flush()
    with sqlite3.connect(store.path) as conn:
        rows = conn.execute("SELECT question_id, user_hash, helpful FROM votes ORDER BY voted_at")
        return [(int(q), str(u), int(h)) for q, u, h in rows]


def feedback_ids(components: list[dict[str, Any]]) -> list[str]:
    return [c["custom_id"] for row in components for c in row["components"]
            if c["custom_id"].startswith("fb:")]  # fmt: skip


def test_confident_answer_carries_feedback_and_a_click_records_a_changeable_vote(
    discord_bot: Any, kit: Any, store: QuestionStore
) -> None:
    service = recorded_service(kit, store)
    clicker = kit.users["user"]["id"]

    async def scenario() -> list[dict[str, Any]]:
        async with discord_bot(service) as h:
            answer = await h.interact(h.slash("what is a gan"))
            data = answer.body["data"]
            assert data["embeds"][0]["title"] == "Generative adversarial network (GAN)"
            (helpful, not_helpful) = feedback_ids(data["components"])
            qid = helpful.split(":")[1]
            assert (helpful, not_helpful) == (f"fb:{qid}:1", f"fb:{qid}:0")
            last_row = data["components"][-1]["components"]
            assert [b["label"] for b in last_row] == ["Helpful", "Not helpful"]

            thanks = await h.interact(h.click(answer, helpful, ephemeral=False))
            assert thanks.body["type"] == 4  # a new private message, not an edit of the answer
            assert thanks.body["data"]["flags"] & kit.ephemeral
            assert THANKS_WORD in thanks.body["data"]["content"]
            assert thanks.body["data"]["allowed_mentions"]["parse"] == []
            (vote,) = votes(store)
            assert (vote[0], vote[2]) == (int(qid), 1)

            changed = await h.interact(h.click(answer, not_helpful, ephemeral=False))
            assert changed.body["data"]["flags"] & kit.ephemeral
            (vote,) = votes(store)
            assert vote[0] == int(qid) and vote[2] == 0
            assert clicker not in vote[1]  # a salted hash, never the id
            assert not h.fake.count("PATCH", r".*")  # the shared answer was not edited
            components: list[dict[str, Any]] = data["components"]
            return components

    components = asyncio.run(scenario())

    async def after_restart() -> None:
        # A fresh bot that never sent that answer: the custom_id alone carries the vote.
        async with discord_bot(service) as h:
            other = {**kit.users["user"], "id": "1400000000000000077", "username": "bob"}
            (helpful, _) = feedback_ids(components)
            click = h.click_on(components, helpful, ephemeral=False)
            click["member"] = {**click["member"], "user": other}
            thanks = await h.interact(click)
            assert thanks.body["data"]["flags"] & kit.ephemeral

    asyncio.run(after_restart())
    both = votes(store)
    assert sorted(v[2] for v in both) == [0, 1]  # one vote per user: bob's and ada's
    assert len({v[1] for v in both}) == 2


def test_no_feedback_on_suggestions_topics_or_unrecorded_answers(
    discord_bot: Any, kit: Any, store: QuestionStore
) -> None:
    unsure = recorded_service(kit, store, answer_threshold=101.0, suggest_threshold=1.0)

    async def scenario() -> None:
        async with discord_bot(unsure) as h:
            suggestion = await h.interact(h.slash("what is a gan"))
            assert suggestion.body["data"]["components"]
            assert not feedback_ids(suggestion.body["data"]["components"])
            topics = await h.interact(h.slash("topics"))
            assert not feedback_ids(topics.body["data"].get("components") or [])
        async with discord_bot(kit.make_service()) as h:  # no recorder: nothing to vote on
            answer = await h.interact(h.slash("what is a gan"))
            assert answer.body["data"]["embeds"]
            assert not feedback_ids(answer.body["data"]["components"])

    asyncio.run(scenario())


def test_many_related_topics_and_feedback_stay_within_discord_rows(
    discord_bot: Any, kit: Any, store: QuestionStore
) -> None:
    others = [
        kit.snippet(f"topic-{i:02d}", f"Topic {i:02d}", f"q{i} a", f"q{i} b", f"q{i} c")
        for i in range(12)
    ]
    hub = kit.snippet(
        "hub",
        "Hub",
        "what is the hub",
        "explain the hub",
        "tell me about the hub",
        aliases=("hub",),
        related=tuple(s.id for s in others),
    )
    service = recorded_service(kit, store, hub, *others)

    async def scenario() -> None:
        async with discord_bot(service) as h:
            answer = await h.interact(h.slash("what is the hub"))
            rows = answer.body["data"]["components"]
            assert len(rows) <= 5
            assert all(1 <= len(r["components"]) <= 5 for r in rows)
            assert len(feedback_ids(rows)) == 2
            assert feedback_ids([rows[-1]]) == feedback_ids(rows)  # a row of their own
            assert sum(len(r["components"]) for r in rows) == 12  # 10 related + 2 feedback

    asyncio.run(scenario())


def test_a_did_you_mean_click_is_recorded_as_a_pick(
    discord_bot: Any, kit: Any, store: QuestionStore
) -> None:
    service = recorded_service(kit, store, answer_threshold=101.0, suggest_threshold=1.0)
    clicked: list[str] = []

    async def scenario() -> None:
        async with discord_bot(service) as h:
            callback = await h.interact(h.slash("what is a gan"))
            ids = kit.custom_ids(callback.body["data"]["components"])
            clicked.append(ids[0].removeprefix("explainbot:snippet:"))
            await h.interact(h.click(callback, ids[0], ephemeral=True))

    asyncio.run(scenario())
    store.flush()
    with sqlite3.connect(store.path) as conn:
        rows = conn.execute(
            "SELECT outcome, snippet_id FROM questions ORDER BY asked_at"
        ).fetchall()
    assert rows == [("suggest", None), ("pick", clicked[0])]
