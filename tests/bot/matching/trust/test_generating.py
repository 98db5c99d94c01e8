"""What the asker would have a generative model make (bot/matching/trust/generating.py)."""

from __future__ import annotations

import pytest

from bot.matching.trust.generating import made


@pytest.mark.parametrize(
    ("sentence", "things"),
    [
        (
            "for generating promo images for the new coat package , are diffusion models better",
            ["promo", "images", "for", "the", "new", "coat", "package"],
        ),
        (
            "diffusion models or gans for generating seamless repeat tiles",
            ["seamless", "repeat", "tiles"],
        ),
        # Round 47 (read set 108): shots, thumbnails, sprites are made too
        (
            "gan or diffusion for generating packshots of the saddles",
            ["packshots", "of", "the", "saddles"],
        ),
        ("diffusion vs gans for creating thumbnails", ["thumbnails"]),
        # Round 51: one used "instead of" the other weighs them too
        (
            "for generating fake defect images , why use diffusion instead of gans",
            ["fake", "defect", "images"],
        ),
        # nothing a generative model makes
        ("for generating electricity , are transformers better than inverters", []),
        # no model weighed against another: the phrase may be what is asked
        ("how much does midjourney cost for generating product photos", []),
    ],
)
def test_the_things_a_model_would_make_when_models_are_weighed(
    sentence: str, things: list[str]
) -> None:
    tokens = sentence.split()
    assert [t for _, start, end in made(tokens) for t in tokens[start:end]] == things
