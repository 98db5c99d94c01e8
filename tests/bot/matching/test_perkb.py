"""One structure per knowledge base: current, prepared for the next swap, retired after it."""

from __future__ import annotations

from bot.knowledge.base import build_knowledge
from bot.matching.perkb import PerKnowledge
from bot.models import Snippet


def _kb(name: str):  # type: ignore[no-untyped-def]
    snippet = Snippet(
        id=name, title=name.title(), summary="S.", questions=("a", "b", "c"), body="Body."
    )
    return build_knowledge([snippet])


def test_built_once_then_cached_and_a_prepared_one_is_used_as_it_is() -> None:
    old, new = _kb("old"), _kb("new")
    built: list[str] = []
    cache: PerKnowledge[str] = PerKnowledge()

    def build(kb) -> str:  # type: ignore[no-untyped-def]
        built.append(next(iter(kb.snippets)))
        return f"for {built[-1]}"

    assert cache.get(old, build) == cache.get(old, build) == "for old"
    cache.prepare(new, "prepared")
    assert cache.latest() == (new, "prepared")
    assert cache.get(old, build) == "for old"  # still the current knowledge's
    cache.swap(new)
    assert cache.current == (new, "prepared")  # at once, not on the next question
    assert cache.get(new, build) == "prepared" and built == ["old"]


def test_the_replaced_structure_serves_late_answers_without_being_cached_again() -> None:
    old, new = _kb("old"), _kb("new")
    cache: PerKnowledge[str] = PerKnowledge()
    cache.get(old, lambda kb: "old one")
    cache.swap(new)  # nothing prepared: built on the next question for it
    assert cache.get(old, lambda kb: "rebuilt") == "old one"
    assert set(map(id, cache.holds())) == {id(old)}  # current until a question for new
    assert cache.get(new, lambda kb: "new one") == "new one"
    assert cache.holds() == [new, old]
    cache.release()
    assert cache.holds() == [new]
    assert cache.get(old, lambda kb: "rebuilt") == "rebuilt"  # released: built again


def test_a_late_answer_on_released_knowledge_keeps_the_served_structure() -> None:
    old, new = _kb("old"), _kb("new")
    cache: PerKnowledge[str] = PerKnowledge()
    cache.get(old, lambda kb: "old one")
    cache.prepare(new, "new one")
    cache.swap(new)
    cache.release()
    built: list[str] = []

    def build(kb) -> str:  # type: ignore[no-untyped-def]
        built.append(next(iter(kb.snippets)))
        return "rebuilt"

    assert cache.get(old, build, current=False) == "rebuilt"  # built for the late answer only
    assert cache.current == (new, "new one") and cache.holds() == [new]
    assert cache.get(new, build) == "new one" and built == ["old"]


def test_a_look_at_knowledge_not_yet_swapped_in_does_not_make_it_current() -> None:
    old, new = _kb("old"), _kb("new")
    cache: PerKnowledge[str] = PerKnowledge()
    cache.get(old, lambda kb: "old one")
    cache.prepare(new, "new one")
    assert cache.get(new, lambda kb: "built", current=False) == "new one"
    assert cache.current == (old, "old one")
    assert cache.get(old, lambda kb: "rebuilt") == "old one"
