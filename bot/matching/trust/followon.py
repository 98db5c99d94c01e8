"""Jobs the asker lists after asking what a tool is good for: "what are llms good for in a tiny
business like a bindery? drafting quotes? translating enquiries from overseas?", "what can
LLMs be used for at a courier firm? thinking summaries of complaint emails, translating notes
for riders, that sort of thing". The fragments after the question are the asker's examples of
the use asked about, talk around it, never a sense of the term; a later fragment that names a
term or asks something of its own ("what about gans?") ends the list.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.matching.trust.grammar import Sentences, vocabulary
from bot.matching.trust.setting import WORTH
from bot.matching.trust.talk import WH
from bot.matching.trust.task import CAN, TASK_KINDS

# What a question of use says after the tool: "good for", "used for", "useful for".
FOR_USE = WORTH | vocabulary("used")
# How a fragment of examples may open besides a job's gerund ("thinking summaries of ...").
OPENERS = vocabulary("thinking eg like say maybe mostly mainly especially things stuff")
GERUND_MIN = 6  # letters a job's gerund has at least ("coding"; not "doing", "thing")


def follow_on(sentences: Sentences) -> list[str]:
    """The words of the job fragments right after a sentence asking what a term is good for."""
    found: list[str] = []
    after_use = False
    for tokens, kinds in sentences:
        if _asks_use(tokens, kinds):
            after_use = True
            continue
        if not after_use or not tokens:
            continue
        if "term" in kinds or any(t in WH for t in tokens) or not _opens_jobs(tokens[0]):
            after_use = False
            continue
        found += [t for t, k in zip(tokens, kinds, strict=True) if k in TASK_KINDS]
    return found


def _asks_use(tokens: Sequence[str], kinds: Sequence[str]) -> bool:
    """Whether a sentence asks what its term is good for or can do ("what can llms be used
    for", "what are llms actually good for in a helpline setting")."""
    if "term" not in kinds or not any(t in WH for t in tokens):
        return False
    after = tokens[kinds.index("term") + 1 :]
    use = any(t in FOR_USE and n == "for" for t, n in itertools.pairwise(after))
    return use or (any(t in CAN for t in tokens) and "do" in after)


def _opens_jobs(token: str) -> bool:
    return token in OPENERS or (token.endswith("ing") and len(token) >= GERUND_MIN)
