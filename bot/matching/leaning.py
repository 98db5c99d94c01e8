"""Which of two snippets the rest of a question leans to: the words besides a product's name
("midjourney - what kind of model is it under the hood": "kind" and "model" are asked of in
diffusion's example questions far more than in the tools snippet's)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.matching.trust.coverage import Coverage

# A word leans to a snippet when the share of its example questions using it is this many
# times the other's share.
LEAN = 2.0


def leans_to(
    coverage: Coverage,
    content: Sequence[str],
    *,
    towards: str,
    away: str,
    skip: Collection[str] = (),
) -> bool:
    """Whether some word of ``content`` (not in ``skip``) leans to ``towards`` and none to
    ``away``."""
    sizes = coverage.sizes
    to_size, away_size = max(sizes.get(towards, 0), 1), max(sizes.get(away, 0), 1)
    toward = against = 0
    for word in dict.fromkeys(content):
        if word in skip:
            continue
        counts = coverage.asked.get(coverage.stems(word), {})
        here, there = counts.get(towards, 0) / to_size, counts.get(away, 0) / away_size
        if here > LEAN * there:
            toward += 1
        elif there > LEAN * here:
            against += 1
    return toward > 0 and against == 0
