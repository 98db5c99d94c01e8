from __future__ import annotations

import io
import json
import logging

import pytest

from adapters.discord import redact as discord
from adapters.slack import redact as slack
from bot.runtime.logs import RedactingFilter, secrets_from_env, setup_logging, user_ref

BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
APP_TOKEN = "xapp-1-A0123456789-1234567890123-abcdef0123456789"
USER_TOKEN = "xoxp-11111-22222-33333-deadbeef"
TRIPLE = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"


@pytest.fixture
def logger(request: pytest.FixtureRequest) -> logging.Logger:
    # A logger outside logging's registry: pytest's capture handlers never join it, so a record
    # with a lone surrogate is not copied into a report (pytest-xdist cannot send one on).
    return logging.Logger(f"test.logs.{request.node.name}")


def test_human_lines_mask_tokens_secrets_and_user_ids(logger: logging.Logger) -> None:
    out = io.StringIO()
    env = {"SLACK_SIGNING_SECRET": "8f14e45fceea167a5a36dedd4bea2543", "EXPLAINBOT_SALT": "pepper"}
    # Each platform adapter adds its own token and id shapes (adapters/*/redact.py).
    patterns = (*slack.PATTERNS, *discord.PATTERNS)
    setup_logging(secrets=secrets_from_env(env), patterns=patterns, stream=out, logger=logger)
    logger.info("tokens %s %s %s %s", BOT_TOKEN, APP_TOKEN, USER_TOKEN, TRIPLE)
    logger.info("secret 8f14e45fceea167a5a36dedd4bea2543 salt pepper")
    logger.info("user U0123ABCD and <@123456789012345678> in C0123ABCD")
    logger.info("POST /interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/callback")
    logger.info("Authorization: Bot %s", "abc.def.ghijklmnop")
    text = out.getvalue()
    for secret in (BOT_TOKEN, APP_TOKEN, USER_TOKEN, TRIPLE, "8f14e45f", "pepper", "U0123ABCD"):
        assert secret not in text
    assert "123456789012345678" not in text and "aW50ZXJhY3Rpb24" not in text
    lines = text.splitlines()
    assert len(lines) == 5
    assert lines[0].endswith(
        "INFO " + logger.name + ": tokens x***-*** x***-*** x***-*** ***.***.***"
    )
    assert "user U012… and <@1234…>" in lines[2]
    assert "/interactions/1234…/***/callback" in lines[3]


def test_a_traceback_is_masked_and_stays_on_one_line(logger: logging.Logger) -> None:
    out = io.StringIO()
    setup_logging(patterns=slack.PATTERNS, stream=out, logger=logger)
    try:
        raise RuntimeError(f"auth failed for {BOT_TOKEN}")
    except RuntimeError:
        logger.exception("call failed\nsecond line")
    text = out.getvalue()
    assert BOT_TOKEN not in text
    assert text.count("\n") == 1
    assert "RuntimeError: auth failed for x***-***" in text


def test_json_format(logger: logging.Logger) -> None:
    out = io.StringIO()
    setup_logging(json_format=True, patterns=slack.PATTERNS, stream=out, logger=logger)
    logger.warning("hello %s", APP_TOKEN)
    try:
        raise ValueError("boom")
    except ValueError:
        logger.error("failed", exc_info=True)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["level"] == "WARNING" and first["message"] == "hello x***-***"
    assert first["logger"] == logger.name and first["time"].endswith("+00:00")
    assert "ValueError: boom" in second["exc"]


def test_setup_twice_keeps_one_handler_and_reads_the_level(logger: logging.Logger) -> None:
    setup_logging(stream=io.StringIO(), logger=logger)
    setup_logging(level="debug", stream=io.StringIO(), logger=logger)
    assert [h.get_name() for h in logger.handlers].count("explainbot") == 1
    assert logger.level == logging.DEBUG
    setup_logging(level="loud", stream=io.StringIO(), logger=logger)
    assert logger.level == logging.INFO


def test_secret_values_by_variable_name() -> None:
    env = {"DISCORD_TOKEN": "abcd1234", "EXPLAINBOT_DB": "/data/x.db", "SLACK_APP_TOKEN": ""}
    assert secrets_from_env(env) == ("abcd1234",)


def test_longest_secret_first_and_user_ref() -> None:
    f = RedactingFilter(["abcd", "abcdefgh"])
    assert f.redact("x abcdefgh y") == "x *** y"
    assert user_ref("U0123ABCD") == "U012…"
    assert user_ref("") == "-"


@pytest.mark.parametrize("json_format", [False, True], ids=["human", "json"])
def test_a_lone_surrogate_or_nul_is_written_escaped_not_dropped(
    logger: logging.Logger, capsys: pytest.CaptureFixture[str], json_format: bool
) -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)  # like a real stderr
    setup_logging(json_format=json_format, stream=out, logger=logger)
    logger.warning("odd text: %s", "a\ud800b\x00c")
    text = raw.getvalue().decode("utf-8")
    assert "--- Logging error ---" not in capsys.readouterr().err
    (line,) = text.splitlines()
    message = json.loads(line)["message"] if json_format else line
    assert "odd text: a\ufffdb" in message and "\x00" not in line
