"""Which snippets' bodies use a word (bot/matching/trust/bodies.py)."""

from __future__ import annotations

from bot.matching.trust.bodies import Bodies
from bot.models import Snippet


def snip(sid: str, body: str) -> Snippet:
    return Snippet(id=sid, title=sid, summary=f"About {sid}.", questions=("q",), body=body)


def words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def test_bodies_are_read_on_first_need_and_name_their_users() -> None:
    bodies = Bodies([snip("a", "attention weighs tokens"), snip("b", "tokens cost money")], words)
    assert bodies.users("tokens") == {"a", "b"}
    assert bodies.users("attention") == {"a"}
    assert bodies.users("pizza") == frozenset()


def test_an_update_reads_only_what_changed_and_matches_a_fresh_build() -> None:
    old = [snip("a", "attention weighs tokens"), snip("b", "tokens cost money")]
    bodies = Bodies(old, words)
    bodies.users("tokens")  # built
    new = [old[0], snip("b", "money talks")]
    updated = bodies.updated(new, words, gone=[old[1]], came=[new[1]])
    fresh = Bodies(new, words)
    for word in ("tokens", "attention", "money", "talks", "cost"):
        assert updated.users(word) == fresh.users(word)
    assert updated.users("cost") == frozenset()
