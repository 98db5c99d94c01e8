"""AI in general asked of a snippet on one kind of AI: "general ai ethics question: should we
use ai to score job applicants?" asks wider than the snippet on generative AI's risks, whose
title says which kind it tells of."""

from __future__ import annotations

from bot.matching.normalize import words
from bot.matching.trust.grammar import vocabulary

FIELD = "ai"
# Words asking of the field as a whole ("in general", "overall").
GENERAL = vocabulary("general generally overall broadly")
# Words before "AI" in a title that name no kind of it ("Hallucinations (when AI makes ...").
NOT_KINDS = vocabulary("when what with from that this your about does is of and the in vs")
STEM = 3  # letters a word shares with the kind to name it ("gen ai", "genai", "generated")


def kind_of_ai(title: str) -> str:
    """The kind of AI a snippet's title tells of ("Challenges and risks of generative AI":
    "generative"); "" when it names none."""
    said = words(title)
    for at in range(1, len(said)):
        if said[at] == FIELD and said[at - 1] not in NOT_KINDS:
            return said[at - 1]
    return ""


def asks_wider(question: str, kind: str) -> bool:
    """Whether a question asks of AI in general ("ai ethics in general", "general ai
    question"), naming no word of the snippet's ``kind`` of it."""
    said = words(question)
    if not kind or FIELD not in said or GENERAL.isdisjoint(said):
        return False
    return not any(w.startswith(kind[:STEM]) and w not in GENERAL for w in said)
