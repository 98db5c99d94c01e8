"""Two real ``explainbot serve slack`` replicas (HTTP mode) on one real PostgreSQL behave as one.

Measured before (each replica on its own state): the rate limit was doubled, a vote landing on
the other replica was lost, a Slack retry routed to the other replica was dropped, and every
broken save was posted to the admin channel once per replica.
"""

from __future__ import annotations

import asyncio
import json

import psycopg

ADMIN = "C0ADMIN01"
LIMIT = 3


def _rows(url, sql):
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def _mention(slack, event_id, ts, user):
    body = slack.payload("app_mention")
    body["event_id"] = event_id
    body["event"].update(ts=ts, event_ts=ts, user=user)
    return body


def _feedback(post):
    (block,) = [b for b in post["blocks"] if b.get("block_id") == "feedback"]
    return block["elements"]


def test_two_replicas_share_limits_votes_retries_and_admin_notices(slack, tmp_path, postgres_url):
    knowledge = tmp_path / "knowledge"
    slack.copy_snippets(knowledge, ("what-is-llm", "what-is-genai"))

    async def main():
        async with slack.fake_slack() as fake:
            api, hooks, session = fake.api, fake.hooks, fake.session

            def replica(name):
                env = slack.process_env(
                    SLACK_BOT_TOKEN=slack.BOT_TOKEN,
                    SLACK_SIGNING_SECRET=slack.SECRET,
                    SLACK_API_BASE_URL=fake.api_base,
                    EXPLAINBOT_DATABASE_URL=postgres_url,
                    EXPLAINBOT_USER_SALT="replicas-share-this-salt",
                    EXPLAINBOT_DB=str(tmp_path / name / "local.db"),  # spool only
                    EXPLAINBOT_RATE_LIMIT=f"{LIMIT}/60s",
                    EXPLAINBOT_ADMIN_CHANNEL=ADMIN,
                )
                return slack.ServeProcess(env, knowledge, tmp_path / f"{name}.log")

            a, b = replica("a"), replica("b")
            kit_a = slack.Kit(a.events_url, api, hooks, session)
            kit_b = slack.Kit(b.events_url, api, hooks, session)
            try:
                await asyncio.gather(a.start(session), b.start(session))

                # 1. One per-user limit across replicas: 3 answers, then "slow down".
                for i, kit in enumerate((kit_a, kit_b, kit_a, kit_b)):
                    await kit.command(f"what is an llm {i}", user_id="U0LIMITED")
                posts = await hooks.wait(4)
                slow = [p for p in posts if "faster than I can answer" in p.get("text", "")]
                assert len(slow) == 1 and slow[0]["response_type"] == "ephemeral"

                # 2. A vote on either replica is recorded, whichever replica answered.
                await kit_a.command("what is an llm", user_id="U0VOTER1")
                await kit_b.command("what is generative ai", user_id="U0VOTER2")
                posts = await hooks.wait(6)
                on_a, on_b = posts[4], posts[5]
                await slack.click_feedback(kit_b, _feedback(on_a)[0], user="U0VOTER1")
                await slack.click_feedback(kit_a, _feedback(on_b)[1], user="U0VOTER2")
                ids = {int(_feedback(p)[0]["value"].split(":")[0]) for p in (on_a, on_b)}
                await slack.wait_until(
                    lambda: (
                        {r[0] for r in _rows(postgres_url, "SELECT question_id FROM votes")} == ids
                    )
                )

                # 3. A retry on the other replica is de-duplicated; a retry of an event that
                #    no replica handled is answered.
                first = _mention(slack, "Ev0REPLICA1", "1715000100.000001", "U0EVENTS1")
                await kit_a.event(first)
                await api.wait("chat.postMessage")
                retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
                assert (await kit_b.event(json.loads(json.dumps(first)), headers=retry))[0] == 200
                lost = _mention(slack, "Ev0REPLICA2", "1715000200.000002", "U0EVENTS2")
                await kit_b.event(lost, headers=retry)
                posts = await api.wait("chat.postMessage", 2)
                assert [p.params["thread_ts"] for p in posts] == [
                    "1715000100.000001",
                    "1715000200.000002",
                ]

                # 4. One admin notice per broken save, though both replicas refuse it.
                (knowledge / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")

                async def refused(replica):
                    return (await replica.health(session))[1].get("last_reload_error") is not None

                async with asyncio.timeout(15):
                    while not (await refused(a) and await refused(b)):
                        await asyncio.sleep(0.1)

                def admin_posts():
                    return [
                        c for c in api.called("chat.postMessage") if c.params["channel"] == ADMIN
                    ]

                await slack.wait_until(lambda: len(admin_posts()) >= 1)  # the winner posted
                await slack.wait_until(  # and the other replica chose not to
                    lambda: "already posted" in a.log.read_text() + b.log.read_text()
                )
                assert len(admin_posts()) == 1
                assert await asyncio.gather(a.stop(), b.stop()) == [0, 0]
            finally:
                await asyncio.gather(a.stop(), b.stop())

    asyncio.run(main())
    outcomes = _rows(postgres_url, "SELECT outcome, COUNT(*) FROM questions GROUP BY 1 ORDER BY 1")
    assert outcomes == [("answer", 7), ("throttled", 1)]
