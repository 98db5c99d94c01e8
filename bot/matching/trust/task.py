"""What the asker has the tool do: "I use the AI to draft restaurant recs for guests", "before
we let an llm draft visa guidance". In a clause that asks nothing, the task is the asker's
work, talk around the term the question asks about ("... why can't I fully trust it?"),
never a sense of it: the term is the tool that does the work.

"can I use an llm to draft contracts" asks about the task itself (a clause opened by an
auxiliary, or holding a wh-word, asks), and keeps its words.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.matching.trust.grammar import AUXILIARIES, DETERMINERS, TOPICAL, vocabulary
from bot.matching.trust.talk import WH

# Verbs of putting a tool to work ("use the ai to ...", "let an llm draft ...").
USING = vocabulary("use uses used using")
LETTING = vocabulary("let lets letting")
HELPING = vocabulary("help helps")
# What ends a task's clause: a break or a conjunction ("... for guests but the answers are
# meh").
ENDS = vocabulary(", and but so because cause cuz while then though although")
TOOL_WORDS = 3  # words naming the tool, at most ("gen ai", "the chat gpt thing")
TASK_KINDS = frozenset({"everyday", "plain", "domain"})  # what a task sets aside
# Who may be let do the work: a tool, not a person ("let me know", "let us draft").
NOT_TOOLS = vocabulary("to for me us him her them you")


def task_words(tokens: Sequence[str], kinds: Sequence[str]) -> list[str]:
    """The words of the asker's tasks for a tool of the field in a run of ``tokens`` (with
    the judge's ``kinds``): after "use <tool> to|for [help]" or "let <tool> [help]", up to
    the end of the clause, when the clause asks nothing."""
    found: list[str] = []
    start = 0
    while start < len(tokens):
        end = start
        while end < len(tokens) and tokens[end] not in ENDS:
            end += 1
        if end > start:
            found += _in_clause(tokens[start:end], kinds[start:end])
        start = end + 1
    return found


def _in_clause(tokens: Sequence[str], kinds: Sequence[str]) -> list[str]:
    if tokens[0] in AUXILIARIES or any(t in WH for t in tokens):
        return []
    for at, token in enumerate(tokens):
        if token not in USING and token not in LETTING:
            continue
        tool = at + 1
        while tool < len(tokens) and tokens[tool] in DETERMINERS:
            tool += 1
        task = tool
        while (
            task < len(tokens)
            and task - tool < TOOL_WORDS
            and tokens[task] not in NOT_TOOLS
            and (kinds[task] in TOPICAL or not kinds[task])
        ):
            task += 1
        # "use the ai to": a tool of the field, which chat calls by a word as common as "ai".
        if task == tool or task >= len(tokens):
            continue
        if token in LETTING and not any(k in TOPICAL for k in kinds[tool:task]):
            continue
        if token in USING:
            if tokens[task] not in {"to", "for"}:
                continue
            task += 1
        if task < len(tokens) and tokens[task] in HELPING:
            task += 1
        return [t for t, k in zip(tokens[task:], kinds[task:], strict=True) if k in TASK_KINDS]
    return []
