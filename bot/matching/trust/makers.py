"""Who makes a named thing, as a snippet's own text says: "what's google imagen" asks about
Imagen, and the diffusion snippet's body tells of "Google's Imagen"; "what's llama, the meta
one" likewise. The maker is then no word the question leaves unexplained."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def makers(runs: Iterable[Sequence[str]], bodies: Sequence[str]) -> set[str]:
    """The question words naming who makes the thing beside them ("google imagen", "meta's
    llama" typed as "metas llama", "llama, the meta one") where a body says so in its own
    words ("Google's Imagen")."""
    pairs: set[tuple[str, str]] = set()
    for tokens in runs:
        for i in range(len(tokens) - 1):
            pairs.add((tokens[i], tokens[i + 1]))  # "google imagen"
            if tokens[i + 1 : i + 3] == [",", "the"] and tokens[i + 4 : i + 5] == ["one"]:
                pairs.add((tokens[i + 3], tokens[i]))  # "llama, the meta one"
    return {
        maker
        for maker, made in pairs
        if maker.isalpha()
        and made.isalpha()
        and any(
            _says(body, maker, made) or (maker.endswith("s") and _says(body, maker[:-1], made))
            for body in bodies
        )
    }


def _says(body: str, maker: str, made: str) -> bool:
    """Whether the body names ``maker`` as the owner of ``made`` ("Google's Imagen")."""
    pattern = rf"\b{re.escape(maker)}['\u2019]s\s+{re.escape(made)}"
    return re.search(pattern, body, re.IGNORECASE) is not None
