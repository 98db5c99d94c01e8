"""Who makes a named thing, as a snippet's own text says: "what's google imagen" asks about
Imagen, and the diffusion snippet's body tells of "Google's Imagen"; "what's llama, the meta
one" and "what's llama from meta" likewise. The maker is then no word the question leaves
unexplained."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

_POSSESSIVE = re.compile(r"\b([a-z]+)['\u2019]s\s+([a-z]+)")


def owners(body: str) -> frozenset[tuple[str, str]]:
    """The (owner, owned) word pairs a body writes with a possessive ("Google's Imagen" ->
    ("google", "imagen")), lower-case."""
    return frozenset(_POSSESSIVE.findall(body.lower()))


# What closes "llama, the meta one": the thing made, said again in a word.
_ONE = frozenset({"one", "model", "models", "llm", "version", "tool", "app"})
_FROM = frozenset({"from", "by"})  # "llama from meta", "imagen by google"


def makers(runs: Iterable[Sequence[str]], owned: Collection[tuple[str, str]]) -> set[str]:
    """The question words naming who makes the thing beside them ("google imagen", "meta's
    llama" typed as "metas llama", "llama, the meta one", "llama from meta") where a body
    says so in its own words (its :func:`owners`)."""
    if not owned:
        return set()
    pairs: set[tuple[str, str]] = set()
    for tokens in runs:
        for i in range(len(tokens) - 1):
            pairs.add((tokens[i], tokens[i + 1]))  # "google imagen"
            closing = tokens[i + 4] if i + 4 < len(tokens) else ""
            if tuple(tokens[i + 1 : i + 3]) == (",", "the") and closing in _ONE:
                pairs.add((tokens[i + 3], tokens[i]))  # "llama, the meta one / model"
            if tokens[i + 1] in _FROM and i + 2 < len(tokens):
                pairs.add((tokens[i + 2], tokens[i]))  # "llama from meta", "imagen by google"
    return {
        maker
        for maker, made in pairs
        if (maker, made) in owned or (maker.endswith("s") and (maker[:-1], made) in owned)
    }
