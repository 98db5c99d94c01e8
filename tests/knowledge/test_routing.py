"""Every snippet's own example questions, aliases and title come back to it through the real
engine on the bundled knowledge (issue 10), and synonyms point at one snippet each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.models import Status

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
SNIPPET_IDS = sorted(p.stem for p in KNOWLEDGE.glob("*.yaml") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(KNOWLEDGE))


def misrouted(engine: Engine, snippet_id: str) -> list[str]:
    """The snippet's questions, aliases and title that are not answered with it first."""
    snippet = engine.knowledge.snippets[snippet_id]
    out = []
    for kind, texts in (
        ("question", snippet.questions),
        ("alias", snippet.aliases),
        ("title", (snippet.title,)),
    ):
        for text in texts:
            answer = engine.answer(text)
            if answer.status is Status.ANSWER and answer.ids[0] == snippet_id:
                continue
            if answer.status is Status.ANSWER:
                got = "answered with " + "+".join(answer.ids)
            else:
                got = f"{answer.status.value} " + ",".join(s.id for s in answer.suggestions)
            out.append(f"{kind} {text!r}: {got} (score {answer.score:.1f})")
    return out


@pytest.mark.parametrize("snippet_id", SNIPPET_IDS)
def test_own_questions_aliases_and_title_come_back(engine: Engine, snippet_id: str) -> None:
    problems = misrouted(engine, snippet_id)
    assert not problems, f"{snippet_id}:\n" + "\n".join(problems)


def test_routing_check_fails_when_a_snippet_claims_a_neighbours_question(tmp_path: Path) -> None:
    """A copy where `tokens` lists the context window's questions must be caught."""
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "tokens.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"] = [
        "what is a context window?",
        "how long can the context length be",
        "max input length of a model",
    ]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    engine = Engine(load_knowledge(copy))
    assert misrouted(engine, "tokens") or misrouted(engine, "context-window")


def test_synonym_variants_answer_like_their_term(engine: Engine) -> None:
    """Typing a variant alone gets the same answer as typing its canonical term."""
    problems = []
    for term, variants in engine.knowledge.synonyms.items():
        expected = engine.answer(term)
        for variant in variants:
            got = engine.answer(variant)
            if (got.status, got.ids) != (expected.status, expected.ids):
                mine = got.ids or got.status
                theirs = expected.ids or expected.status
                problems.append(f"{variant!r}: {mine} vs {term!r}: {theirs}")
    assert not problems, "\n".join(problems)
