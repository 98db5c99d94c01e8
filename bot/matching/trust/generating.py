"""What the asker would have a generative model make: "for generating promo images for the new
ceramic coat package, are diffusion models better than gans", "gans for making seamless repeat
tiles". Where the question weighs one model against another, the things to be made are the
asker's example of the use, talk around the models compared, never a sense of them; "for
generating electricity" makes nothing a generative model makes, so its words stay.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.matching.trust.grammar import vocabulary

# Verbs of making, as a gerund after "for" ("for generating", "for making").
MAKING = vocabulary("generating making creating producing drawing designing rendering")
# What a generative model makes (a closed class of kinds of media and content).
MEDIA = vocabulary(
    """
    image images photo photos picture pictures art artwork artworks illustration
    illustrations pattern patterns tile tiles design designs mockup mockups logo logos icon
    icons poster posters swatch swatches texture textures video videos clip clips voice voices
    audio music song songs text texts copy descriptions blurbs captions faces portraits
    samples renders shots headshots packshots thumbnails banners backgrounds scenes
    characters sprites graphics visuals avatars
    """
)
# What ends the phrase of the things made.
MADE_ENDS = vocabulary(", and but so because which that who is are would should could")
MADE_WORDS = 8  # words of that phrase, at most
# What weighs one model against another: the things made are then only the use both are
# weighed for ("how much does midjourney cost for generating product photos" asks a price).
WEIGHING = vocabulary("or vs versus better worse than which instead")


def made(tokens: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """Per phrase "for <making> <things>" naming media: where "for", the things and the
    phrase's end are (as :func:`bot.matching.trust.task.tasks` reads a task), in a sentence
    weighing one thing against another."""
    if not any(t in WEIGHING for t in tokens):
        return
    for at, token in enumerate(tokens[:-2]):
        if token != "for" or tokens[at + 1] not in MAKING:
            continue
        end = at + 2
        while end < len(tokens) and end - at <= MADE_WORDS and tokens[end] not in MADE_ENDS:
            end += 1
        if any(t in MEDIA for t in tokens[at + 2 : end]):
            yield at, at + 2, end
