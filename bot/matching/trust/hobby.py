"""Model trains: "model" and "train" side by side as a noun of the hobby ("a model train set",
"my son's model trains need a new transformer", "the model railway club"), the field's two
words in another sense, which no snippet explains. "The model trains on our data" and "a
model trained on text" stay the field's: a verb follows, or the form is another.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import runs, vocabulary

RAILWAY = vocabulary("railway railways railroad railroads")
TRAIN = vocabulary("train trains")
# What follows the hobby's noun: "set", "shop", "layout", "exhibit".
HOBBY_NOUNS = vocabulary(
    """
    set sets shop shops layout layouts track tracks club clubs exhibit exhibits exhibition
    exhibitions show shows gauge gauges scale hobby kit kits display displays fair fairs
    collection collections collector collectors enthusiast enthusiasts
    """
)
# After the plural noun, its verb or what it is for ("model trains need a transformer",
# "model trains for christmas"), never what a training model does ("trains on", "trains
# faster").
AFTER_PLURAL = vocabulary("need needs are were for")


def model_hobby(question: str) -> bool:
    """Whether ``question`` speaks of model trains (above)."""
    return any(_in(tokens) for tokens in runs(question))


def _in(tokens: Sequence[str]) -> bool:
    for i, token in enumerate(tokens[:-1]):
        if token != "model":
            continue
        after = tokens[i + 1]
        if after in RAILWAY:
            return True
        if after not in TRAIN:
            continue
        if i + 2 >= len(tokens):
            return after == "trains"  # "does anyone here collect model trains?"
        following = tokens[i + 2]
        if following in HOBBY_NOUNS or (after == "trains" and following in AFTER_PLURAL):
            return True
    return False
