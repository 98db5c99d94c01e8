"""A training term given to people new at work: "pre-training for new riders", "how long is the
pre-training for new drivers". People are trained there, not a model: another sense of the
term, which no explanation covers. "Explain pre-training for beginners" names an audience
(:mod:`bot.matching.trust.audience`): only people called new are trainees.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import vocabulary

# Nouns for people at work or in a club (a closed class; the lexicon's person nouns leave
# out roles that software gives a name to, such as "driver" and "trainer").
NEWCOMERS = vocabulary(
    """
    starter starters joiner joiners hire hires recruit recruits staff employee employees
    driver drivers rider riders volunteer volunteers nurse nurses trainee trainees apprentice
    apprentices member members colleague colleagues worker workers operator operators agent
    agents keeper keepers guide guides crew players player students student pupils
    """
)
TRAINING = "train"  # what a term word holds to name a training ("pretraining")
NEW = frozenset({"new", "newly"})


def trained_newcomers(tokens: Sequence[str], kinds: Sequence[str], at: int) -> bool:
    """Whether ``tokens[at]`` names the newcomers a training term is for: "<term> for new
    <people>", the term holding "train"."""
    if tokens[at] not in NEWCOMERS or at < 3 or tokens[at - 1] not in NEW:
        return False
    if tokens[at - 2] != "for":
        return False
    term = at - 3
    return kinds[term] == "term" and TRAINING in tokens[term]
