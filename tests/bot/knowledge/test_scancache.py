"""The validated-scan cache: the same scan as a full validation, never stale, harmless when
missing, corrupt or unwritable."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.loader import (
    load_knowledge,
    read_knowledge,
    scan_knowledge,
)
from bot.knowledge.scancache import VALIDATING, cached_scan, read_scan, scan_key
from bot.models import Snippet
from bot.settings import bundled_knowledge_dir

ROOT = Path(__file__).resolve().parents[3]

SNIPPET = """\
id: {id}
title: Title of {id}
summary: One plain sentence about {id}.
questions:
  - what is {id}
  - explain {id} to me
body: |
  Some **Markdown** about {id}.
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge plus a ``.yml`` file (a warning)."""
    directory = tmp_path / "knowledge"
    shutil.copytree(bundled_knowledge_dir(), directory)
    (directory / "old.yml").write_text(SNIPPET.format(id="old"), encoding="utf-8")
    return directory


def test_cached_scan_equals_a_full_validation(knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    full = scan_knowledge(knowledge)
    assert full.warnings and not full.errors
    first = cached_scan(read_knowledge(knowledge), cache)
    assert len(list(cache.glob("scan-*.json"))) == 1
    again = cached_scan(read_knowledge(knowledge), cache)
    assert first == full and again == full
    assert [s.body for s in again.snippets] == [s.body for s in full.snippets]


def test_a_scan_with_errors_comes_back_with_the_same_problems(tmp_path: Path) -> None:
    directory = tmp_path / "k"
    directory.mkdir()
    (directory / "a.yaml").write_text(SNIPPET.format(id="a") + "related: [nowhere]\n", "utf-8")
    (directory / "b.yaml").write_text("id: b\ntitle: [unclosed\n", encoding="utf-8")
    full = scan_knowledge(directory)
    assert full.errors
    cached_scan(read_knowledge(directory), tmp_path / "cache")
    assert cached_scan(read_knowledge(directory), tmp_path / "cache") == full


def test_one_edited_byte_is_validated_again(knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = load_knowledge(knowledge, cache_dir=cache)
    path = knowledge / "what-is-llm.yaml"
    data = path.read_bytes()
    at = data.index(b"title: ") + len(b"title: ")
    path.write_bytes(data[:at] + b"X" + data[at:])  # same size: only the bytes differ
    after = load_knowledge(knowledge, cache_dir=cache)
    assert after.snippets["what-is-llm"].title == "X" + before.snippets["what-is-llm"].title
    assert after.snippets == load_knowledge(knowledge).snippets
    assert len(list(cache.glob("scan-*.json"))) == 2
    # A byte that breaks the file is reported, not served from the cache.
    path.write_bytes(data.replace(b"title: ", b"title: [", 1))
    with pytest.raises(KnowledgeError):
        load_knowledge(knowledge, cache_dir=cache)
    path.write_bytes(data)
    assert load_knowledge(knowledge, cache_dir=cache).snippets == before.snippets


def test_added_and_removed_files_change_the_key(knowledge: Path) -> None:
    key = scan_key(read_knowledge(knowledge))
    assert key is not None and key == scan_key(read_knowledge(knowledge))
    extra = knowledge / "zz-extra.yaml"
    extra.write_text(SNIPPET.format(id="zz-extra"), encoding="utf-8")
    assert scan_key(read_knowledge(knowledge)) != key
    extra.unlink()
    assert scan_key(read_knowledge(knowledge)) == key
    (knowledge / "notes.txt").write_text("not knowledge", encoding="utf-8")  # never read
    assert scan_key(read_knowledge(knowledge)) == key


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b'{"key": 1}', b"[1, 2]", b'{"key": "%s", "snippets": [{"id": 1}]}'],
)
def test_corrupt_cache_is_ignored(knowledge: Path, tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "cache"
    full = scan_knowledge(knowledge)
    cached_scan(read_knowledge(knowledge), cache)
    (path,) = cache.glob("scan-*.json")
    key = scan_key(read_knowledge(knowledge))
    assert key is not None
    path.write_bytes(content.replace(b"%s", key.encode()))
    assert read_scan(path, key) is None
    assert cached_scan(read_knowledge(knowledge), cache) == full  # validated and rewritten
    assert read_scan(path, key) == full


def test_another_key_in_the_file_is_a_miss(knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cached_scan(read_knowledge(knowledge), cache)
    (path,) = cache.glob("scan-*.json")
    key = scan_key(read_knowledge(knowledge))
    assert key is not None and read_scan(path, key) is not None
    assert read_scan(path, "another key") is None


def test_missing_or_unwritable_cache_is_harmless(knowledge: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    kb = load_knowledge(knowledge, cache_dir=blocker / "cache")
    assert kb.snippets == load_knowledge(knowledge).snippets
    assert cached_scan(read_knowledge(knowledge), tmp_path / "absent") == scan_knowledge(knowledge)


def test_every_snippet_field_is_stored() -> None:
    stored = set(json.loads(json.dumps(_fields_written())))
    assert stored == {f.name for f in dataclasses.fields(Snippet)}


def _fields_written() -> dict[str, object]:
    from bot.knowledge.scancache import _snippet_json

    snippet = scan_knowledge(bundled_knowledge_dir()).snippets[0]
    return _snippet_json(snippet)


def test_validation_imports_only_hashed_modules(tmp_path: Path) -> None:
    """The key hashes :data:`VALIDATING`: validation (also of broken files) must use no other
    module of ``bot``, or a change to it could leave a stale scan."""
    directory = tmp_path / "k"
    shutil.copytree(bundled_knowledge_dir(), directory)
    (directory / "broken.yaml").write_text("id: Bad Id\nrelated: [x]\ntitle: 3\n", "utf-8")
    (directory / "_synonyms.yaml").write_text("gpu: [graphics card, 3]\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import sys
        from bot.knowledge.loader import read_knowledge, validate_files
        scan = validate_files(read_knowledge({str(directory)!r}))
        assert scan.errors
        print(" ".join(sorted(m for m in sys.modules if m == "bot" or m.startswith("bot."))))
        """
    )
    out = _python(code).split()
    used = {"__init__" if m == "bot" else m.removeprefix("bot.") for m in out}
    assert used <= set(VALIDATING), used - set(VALIDATING)


def test_a_cached_start_does_not_import_the_validators(knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_knowledge(knowledge, cache_dir=cache)
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from bot.knowledge.loader import load_knowledge
        kb = load_knowledge(Path({str(knowledge)!r}), cache_dir=Path({str(cache)!r}))
        assert kb.snippets
        names = ("bot.knowledge.validate", "bot.knowledge.yamlpos", "yaml")
        print(" ".join(m for m in names if m in sys.modules))
        """
    )
    out = _python(code).split()
    assert out == []


def _python(code: str) -> str:
    """What a fresh interpreter running ``code`` in this checkout prints."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
