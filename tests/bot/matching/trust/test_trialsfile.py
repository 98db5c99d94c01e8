"""The threshold's held-out trials kept beside a cached index: the same fitted threshold."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.matching.matchconfig import MatchConfig
from bot.matching.trust.threshold import held_out_trials, threshold_from
from bot.matching.trust.trialsfile import KIND, from_doc, to_doc
from bot.settings import bundled_knowledge_dir


def test_a_document_gives_back_the_same_trials() -> None:
    kb = load_knowledge(bundled_knowledge_dir())
    snippets, cutoff = tuple(kb.snippets.values()), MatchConfig().typo_cutoff
    trials = held_out_trials(snippets, kb.synonyms, typo_cutoff=cutoff)
    assert len(trials.found) >= 30
    assert from_doc(json.loads(json.dumps(to_doc(trials)))) == trials


def test_a_cached_start_fits_from_the_trials_the_first_one_kept(tmp_path: Path) -> None:
    fresh = Engine(load_knowledge(bundled_knowledge_dir())).answer_threshold()
    first = Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))
    assert first.answer_threshold() == fresh
    (path,) = tmp_path.glob(f"{KIND}-*.json")
    # Proof that the next start reads the file: trials that call for another threshold.
    doc = json.loads(path.read_text())
    doc["body"]["found"] = [[True, 20.0 + i / 10, 50.0] for i in range(60)]
    path.write_text(json.dumps(doc))
    cfg = MatchConfig()
    expected = threshold_from(
        from_doc(doc["body"]),
        configured=cfg.answer_threshold,
        floor=cfg.suggest_threshold,
        min_margin=cfg.min_margin,
    )
    assert expected != fresh
    again = Engine(load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path))
    assert again.answer_threshold() == expected


def test_another_typo_cutoff_or_a_broken_file_makes_them_again(tmp_path: Path) -> None:
    def load() -> KnowledgeBase:
        return load_knowledge(bundled_knowledge_dir(), cache_dir=tmp_path)

    fresh = Engine(load_knowledge(bundled_knowledge_dir())).answer_threshold()
    Engine(load()).answer_threshold()
    (path,) = tmp_path.glob(f"{KIND}-*.json")
    for body in ({"found": "x"}, {"typo_cutoff": 50.0, "found": []}):
        doc = json.loads(path.read_text())
        path.write_text(json.dumps({"key": doc["key"], "body": body}))
        assert Engine(load()).answer_threshold() == fresh
        rewritten = json.loads(path.read_text())["body"]
        assert rewritten["typo_cutoff"] == MatchConfig().typo_cutoff
    other = replace(MatchConfig(), typo_cutoff=90.0)
    no_cache = Engine(load_knowledge(bundled_knowledge_dir()), config=other).answer_threshold()
    assert Engine(load(), config=other).answer_threshold() == no_cache
