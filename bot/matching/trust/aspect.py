""" "Keep" as an aspect of the verb after it ("kept training it on our examples": go on
doing it), never a topic word of the question."""

from __future__ import annotations

from collections.abc import Callable, Sequence

KEEP = frozenset({"keep", "keeps", "kept", "keeping"})
# "keeps calling it 'the llm'": someone's habit of saying, which the context check reads.
SAYING_ING = frozenset({
    "calling", "saying", "talking", "mentioning", "asking", "telling", "referring", "bringing",
})  # fmt: skip


def keeps_doing(words: Sequence[str], at: int, parts: Callable[[str], frozenset[str]]) -> bool:
    """Whether ``words[at]`` is "keep" before an -ing verb other than one of saying ("kept
    training it"). An -ing word English knows only as a noun is no verb ("keep things
    short": "thing"); one it does not know may be.

    Args:
        words: a question's analysed words.
        at: the position of the word asked about.
        parts: an English word's parts of speech, empty when unknown.
    """
    if words[at] not in KEEP or at + 1 >= len(words):
        return False
    after = words[at + 1]
    if not after.endswith("ing") or after in SAYING_ING:
        return False
    found = parts(after)
    return not found or "VERB" in found
