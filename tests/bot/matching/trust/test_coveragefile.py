"""The trust statistics kept beside a cached index: same judgements, and a miss is harmless."""

from __future__ import annotations

import json
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.matching.derived import DerivedCache
from bot.matching.engine import Engine
from bot.matching.lexicon import Lexicon
from bot.matching.trust.coverage import Coverage
from bot.matching.trust.coveragefile import KIND, SOURCES, from_doc, to_doc
from bot.settings import bundled_knowledge_dir

QUESTIONS = [
    "llm vs genai",
    "what is a large pizza",
    "how does a neural network work",
    "hey so my manager asked me what a transformer is",
    "diffusion models vs gans for a slide tomorrow",
    "what is a token in llms, im a crypto trader",
]


def answers(engine: Engine) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    out = []
    for q in QUESTIONS:
        a = engine.answer(q)
        out.append((a.status.value, a.ids, a.reason.value, a.missing))
    return out


def test_a_document_gives_back_the_same_statistics() -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    snippets = tuple(kb.snippets.values())
    built = Coverage.build(snippets, kb.index.content_words)
    doc = json.loads(json.dumps(to_doc(built)))  # through JSON, as stored
    back = from_doc(doc, snippets, kb.index.content_words)
    assert back.asked == built.asked and back.names == built.names
    assert back.sizes == built.sizes and dict(back.users) == dict(built.users)
    assert back.named == built.named and back.total == built.total
    assert back.samples == built.samples
    lexicon = Lexicon()
    for q in QUESTIONS:
        words = kb.index.content_words(q)
        ids = [h.id for h in kb.index.search(kb.index.tokens(q), limit=2)]
        assert back.judge(words, ids, lexicon) == built.judge(words, ids, lexicon)
        assert back.body.users("network") == built.body.users("network")


def test_a_cached_start_reads_the_statistics_the_first_one_kept(tmp_path: Path) -> None:
    fresh = answers(Engine(load_knowledge(bundled_knowledge_dir())))
    first = Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))
    assert answers(first) == fresh
    (path,) = tmp_path.glob(f"{KIND}-*.json")
    # Proof that the next start reads the file: a total it can only have taken from there.
    doc = json.loads(path.read_text())
    doc["body"]["total"] = 4321
    path.write_text(json.dumps(doc))
    kb = load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path)
    assert kb.derived is not None
    assert from_doc(kb.derived.load(KIND, SOURCES) or {}, tuple(kb.snippets.values()),
                    kb.index.content_words).total == 4321  # fmt: skip
    doc["body"]["total"] = len(kb.snippets)
    path.write_text(json.dumps(doc))
    assert answers(Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))) == fresh


def test_a_corrupt_or_foreign_file_is_rebuilt(tmp_path: Path) -> None:
    fresh = answers(Engine(load_knowledge(bundled_knowledge_dir())))
    answers(Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path)))
    (path,) = tmp_path.glob(f"{KIND}-*.json")
    for bad in ("not json", '{"key": "another", "body": {}}', "[]"):
        path.write_text(bad)
        assert answers(Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))) == (
            fresh
        )
        assert json.loads(path.read_text())["body"]["total"] > 0  # rewritten
    # Right key, wrong shape: built again, and the answers do not change.
    good = json.loads(path.read_text())
    path.write_text(json.dumps({"key": good["key"], "body": {"names": 3}}))
    assert answers(Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))) == fresh
    assert json.loads(path.read_text()) == good


def test_an_unwritable_place_is_harmless(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = DerivedCache(directory=blocker / "c", key="k")
    cache.store(KIND, SOURCES, {"total": 1})
    assert cache.load(KIND, SOURCES) is None


def test_another_code_or_content_is_a_miss(tmp_path: Path) -> None:
    cache = DerivedCache(directory=tmp_path, key="k")
    cache.store(KIND, SOURCES, {"total": 1})
    assert cache.load(KIND, SOURCES) == {"total": 1}
    assert DerivedCache(directory=tmp_path, key="other").load(KIND, SOURCES) is None
    assert cache.load(KIND, SOURCES[:1]) is None
    assert cache.load("trials", SOURCES) is None
