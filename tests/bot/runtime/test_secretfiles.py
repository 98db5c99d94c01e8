"""Secrets read from ``NAME_FILE``: the value, or one clear error that never shows the content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.runtime.secretfiles import MAX_SECRET_BYTES, with_secret_files

NAMES = ("APP_TOKEN", "APP_SECRET")
TOKEN = "xoxb-1-secret-value"


def test_file_values_replace_the_variables_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text(f"  {TOKEN}\n", encoding="utf-8")
    env = {"APP_TOKEN_FILE": str(path), "OTHER": "1", "APP_SECRET": "direct"}
    out = with_secret_files(env, NAMES)
    assert out["APP_TOKEN"] == TOKEN and out["APP_SECRET"] == "direct" and out["OTHER"] == "1"
    assert env == {"APP_TOKEN_FILE": str(path), "OTHER": "1", "APP_SECRET": "direct"}


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "does not exist (is the secret mounted into the container?)"),
        (lambda p: p.mkdir(), "is a directory, not a file"),
        (lambda p: p.write_text("\n \n"), "is empty"),
        (lambda p: p.write_bytes(b"\xff" + TOKEN.encode()), "is not UTF-8 text"),
        (
            lambda p: p.write_text(TOKEN * MAX_SECRET_BYTES),
            f"is larger than {MAX_SECRET_BYTES} bytes",
        ),
    ],
)
def test_bad_files_are_one_clear_error_without_content(tmp_path: Path, make, expected) -> None:
    path = tmp_path / "token"
    make(path)
    with pytest.raises(ConfigError) as info:
        with_secret_files({"APP_TOKEN_FILE": str(path)}, NAMES)
    message = str(info.value)
    assert message == f"APP_TOKEN_FILE: {path} {expected}" and TOKEN not in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text(TOKEN)
    path.chmod(0)
    with pytest.raises(ConfigError, match=r"APP_TOKEN_FILE: cannot read .*Permission denied"):
        with_secret_files({"APP_TOKEN_FILE": str(path)}, NAMES)


def test_both_the_variable_and_the_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text(TOKEN)
    env = {"APP_TOKEN": "x", "APP_TOKEN_FILE": str(path)}
    with pytest.raises(ConfigError, match="APP_TOKEN and APP_TOKEN_FILE are both set"):
        with_secret_files(env, NAMES)
