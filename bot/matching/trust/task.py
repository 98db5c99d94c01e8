"""What the asker has the tool do: "I use the AI to draft restaurant recs for guests", "before
we let an llm draft visa guidance". In a clause that asks nothing, the task is the asker's
work, talk around the term the question asks about ("... why can't I fully trust it?"),
never a sense of it: the term is the tool that does the work.

"can I use an llm to draft contracts" asks about the task itself (a clause opened by an
auxiliary, or holding a wh-word, asks), and keeps its words; so does a question whose only
word of the field is the tool ("we use an llm to tag tickets, how do i export them").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from bot.matching.trust.doing import told_doing
from bot.matching.trust.generating import made
from bot.matching.trust.grammar import (
    AUXILIARIES,
    DETERMINERS,
    LINKING,
    PRONOUNS,
    TOPICAL,
    Sentences,
    past,
    vocabulary,
)
from bot.matching.trust.talk import WH

# Verbs of putting a tool to work ("use the ai to ...", "let an llm draft ...").
USING = vocabulary("use uses used using")
LETTING = vocabulary("let lets letting")
HELPING = vocabulary("help helps")
# What ends a task's clause: a break or a conjunction ("... for guests but the answers are
# meh").
ENDS = vocabulary(
    ", and but so because cause cuz while then though although before after once until"
)
TOOL_WORDS = 3  # words naming the tool, at most ("gen ai", "the chat gpt thing")
TASK_KINDS = frozenset({"everyday", "plain", "domain"})  # what a task sets aside
# Who may be let do the work: a tool, not a person ("let me know", "let us draft").
NOT_TOOLS = vocabulary("to for me us him her them you")

# Pronouns that stand in for a tool named elsewhere in the question ("letting one draft").
STANDING_IN = vocabulary("it one")


def tasks(sentences: Sentences) -> list[str]:
    """The words of the asker's tasks for a tool in the question's sentences (after "use
    <tool> to|for [help]" or "let <tool> [help]", up to the end of a clause that asks
    nothing), when the rest of the question, the tool and the task left out, still holds a
    word of the field: "we use an llm to tag tickets, how do i export the tickets to excel"
    asks nothing of the llm, so its task is no talk around what is asked."""
    found: list[str] = []
    used: set[tuple[int, int]] = set()
    for at, (tokens, kinds) in enumerate(sentences):
        for verb, task, end in _spans(tokens, kinds):
            used.update((at, i) for i in range(verb, end))
            found += [
                t for t, k in zip(tokens[task:end], kinds[task:end], strict=True) if k in TASK_KINDS
            ]
    rest = any(
        kind in TOPICAL
        for at, (_, kinds) in enumerate(sentences)
        for i, kind in enumerate(kinds)
        if (at, i) not in used
    )
    return found if rest else []


def _spans(tokens: Sequence[str], kinds: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """Per task in a run of tokens: where its verb of use, its task and its clause's end are."""
    yield from _training_data(tokens, kinds)
    yield from _searched(tokens)
    yield from made(tokens)
    yield from told_doing(tokens, kinds)
    start = 0
    while start < len(tokens):
        end = start
        while end < len(tokens) and tokens[end] not in ENDS:
            end += 1
        found = _in_clause(tokens[start:end], kinds[start:end], named="term" in kinds)
        if found is None and start > 0 and tokens[start - 1] == "so":
            found = _purpose(tokens[start:end], kinds[start:end])
        if found is not None:
            yield start + found[0], start + found[1], end
        start = end + 1


# Asking whether a tool can do a job, then what such tools do: "could an llm summarise our
# pallet reports? what kinds of jobs are they good for".
CAN = vocabulary("can could")
GENERIC = vocabulary("they them these those it")
# Or asks of its uses in general, naming no tool ("what are the typical uses").
USES = vocabulary("uses jobs tasks")


def examples(sentences: Sentences) -> list[str]:
    """The words of the jobs in sentences asking whether a tool can do one of the asker's
    jobs, when a later sentence asks of the tool in general by a pronoun ("what are these
    things normally used for"): the job is an example, talk around what is asked. So is the
    asker's own weighing before an inner "whether" ("we're brainstorming whether llms could
    help with ...")."""
    found: list[str] = []
    for at, (tokens, kinds) in enumerate(sentences):
        task = _can_do(tokens, kinds)
        if task is None:
            continue
        whether = _deliberating(tokens, task)
        # The job is a verb's ("could an llm summarise ..."), not a place's ("can a neural
        # network in the brain regrow ..."); the later sentence asks of the tool, in words
        # the knowledge uses ("how do they heal" asks of another thing).
        if task >= len(tokens) or tokens[task] in LINKING or tokens[task] in PRONOUNS:
            continue
        if any(
            any(t in WH for t in later)
            and any(t in GENERIC or t in USES for t in later)
            and "everyday" not in later_kinds
            for later, later_kinds in sentences[at + 1 :]
        ):
            found += [
                t for t, k in zip(tokens[task:], kinds[task:], strict=True) if k in TASK_KINDS
            ]
            found += [
                t for t, k in zip(tokens[:whether], kinds[:whether], strict=True) if k in TASK_KINDS
            ]
    return found


# What opens a question put inside a sentence ("we're brainstorming whether llms could help").
WHETHER = vocabulary("whether if")
# What may follow "help" before the job besides the asker ("could help with tutoring ...").
WITH = vocabulary("with")


def _can_do(tokens: Sequence[str], kinds: Sequence[str]) -> int | None:
    """Where the job starts in a sentence asking whether a tool can do it, at its start
    ("could an llm summarise ...") or after "whether" ("we're brainstorming whether large
    language models could help with tutoring ..."); None if it asks no such thing."""
    starts = [0] if tokens[:1] and tokens[0] in CAN else []
    starts += [i + 1 for i, t in enumerate(tokens) if t in WHETHER]
    for start in starts:
        tool = past(tokens, start + (1 if start == 0 else 0), DETERMINERS)
        task = tool
        while task < len(tokens) and kinds[task] == "term":
            task += 1
        if task == tool:
            continue
        if start > 0:
            if task >= len(tokens) or tokens[task] not in CAN:
                continue
            task += 1
        if task < len(tokens) and tokens[task] in HELPING:
            task += 1
            if task < len(tokens) and tokens[task] in FOR_WHOM:
                task += 1
        return task
    return None


# The asker as the subject of a sentence ("we're brainstorming whether ...": "were").
ASKERS = vocabulary("we were weve i im ive")


def _deliberating(tokens: Sequence[str], task: int) -> int:
    """Where a question put inside the sentence opens, when the asker is what the sentence
    opens with ("we're brainstorming whether ...": the asker's own weighing, talk); 0
    otherwise."""
    if not tokens or tokens[0] not in ASKERS:
        return 0
    return next((i for i, t in enumerate(tokens[:task]) if t in WHETHER), 0)


# What lists the asker's own examples of a use ("..., like triaging alerts or summarising
# incidents"), after a question of what the term can do.
LISTING = vocabulary("like eg")  # "e.g." reaches here as a sentence break
DOING = vocabulary("do doing help use used")


def listed(sentences: Sentences, is_word: Callable[[str], bool]) -> list[str]:
    """The words of the jobs listed after "like" in a sentence that asks what the term can
    do ("what can a large language model do for a security team, like triaging alerts or
    summarising incidents"): examples of the use asked about, talk around it. Not beside a
    term of one English word ("what can a transformer do for our substation, like stepping
    down the voltage"), whose sense the jobs tell."""
    found: list[str] = []
    for tokens, kinds in sentences:
        if "term" not in kinds or not any(t in CAN for t in tokens):
            continue
        term = kinds.index("term")
        one = term + 1 >= len(kinds) or kinds[term + 1] != "term"
        if one and is_word(tokens[term]):
            continue
        for at in range(term + 1, len(tokens)):
            if tokens[at] in LISTING and any(t in DOING for t in tokens[term:at]):
                found += [
                    t
                    for t, k in zip(tokens[at + 1 :], kinds[at + 1 :], strict=True)
                    if k in TASK_KINDS
                ]
                break
    return found


# Training a model on the asker's own data ("fine tune a model on our turbine fault logs",
# "train it a bit more on our own tasting notes"): the data is theirs, no sense of the term.
TRAINING = vocabulary("train trained training retrain tune tuned tuning finetune finetuned")
DATA_ENDS = ENDS | vocabulary("so to for because")
TRAINED_WORDS = 5  # words between the verb and "on" ("a model a bit more")
# What is trained: a model, never a setting ("tuning the temperature on the proofer").
TRAINEES = vocabulary(
    "model models llm llms ai gpt bot chatbot assistant network net llama mistral bert gemma"
)


# A model answering from the asker's own documents ("make the bot answer from our price
# list"): the documents are theirs too.
ANSWERING = vocabulary("answer answers answering")
DATA_PREPOSITION = {**dict.fromkeys(TRAINING, "on"), **dict.fromkeys(ANSWERING, "from")}


def _training_data(tokens: Sequence[str], kinds: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """Where the data a model is trained on (or answers from) starts and ends: after "<train>
    <a model, or "it" for one> ... on" ("the bot answer from"), up to the end of its
    clause."""
    named = "term" in kinds
    for at, token in enumerate(tokens):
        preposition = DATA_PREPOSITION.get(token)
        if preposition is None:
            continue
        # "it" stands for a model the question names, or one said before ("take an existing
        # model and train it a bit more on ...").
        standing_in = named or any(t in TRAINEES for t in tokens[:at])
        on = at + 1
        while on < len(tokens) and on - at <= TRAINED_WORDS and tokens[on] != preposition:
            if tokens[on] in DATA_ENDS or tokens[on] in WH:
                break
            on += 1
        if on >= len(tokens) or tokens[on] != preposition:
            continue
        # The model trained (after the verb) or answering (just before it).
        model = range(at + 1, on) if token in TRAINING else range(max(0, at - 2), at)
        trained = (standing_in and tokens[i] in STANDING_IN for i in model)
        if not any(tokens[i] in TRAINEES for i in model) and not any(trained):
            continue  # "fine tune the focus on the confocal": no model is trained
        end = on + 1
        while end < len(tokens) and tokens[end] not in DATA_ENDS and tokens[end] not in WH:
            end += 1
        if end > on + 1:
            yield on + 1, on + 1, end


# Searching the asker's own records by meaning ("search old claim notes by meaning"): the
# records are theirs, what is asked is how search by meaning works.
SEARCHING = vocabulary("search searches searching searched find finds finding")
SEARCHED_WORDS = 6  # words of what is searched, at most ("our old NCR reports")


def _searched(tokens: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """Where what is searched starts and ends: between "<search>" and "by meaning"."""
    for at, token in enumerate(tokens):
        if token not in SEARCHING:
            continue
        end = at + 1
        while end < len(tokens) and end - at <= SEARCHED_WORDS and tokens[end] != "by":
            if tokens[end] in DATA_ENDS or tokens[end] in WH:
                break
            end += 1
        if end > at + 1 and tuple(tokens[end : end + 2]) == ("by", "meaning"):
            yield at, at + 1, end


# What a tool does for the asker in a clause of purpose ("so chatgpt gives me decent texts").
GIVING = vocabulary("gives give writes write makes make produces produce generates generate")
FOR_ME = vocabulary("me us")
FOR_WHOM = FOR_ME | WITH  # "could help me with", "could help with"


def _purpose(tokens: Sequence[str], kinds: Sequence[str]) -> tuple[int, int] | None:
    """Where the tool and the task start in a clause of purpose after "so": "<tool> gives me
    <task>" ("... a better prompt so chatgpt gives me decent rebooking texts"); or None."""
    if any(t in WH for t in tokens):
        return None
    tool, verb = _tool(tokens, kinds, 0)
    if verb == tool or verb >= len(tokens) or tokens[verb] not in GIVING:
        return None
    task = verb + 1
    if task < len(tokens) and tokens[task] in FOR_ME:
        task += 1
    return (tool, task) if task < len(tokens) else None


def _tool(tokens: Sequence[str], kinds: Sequence[str], at: int) -> tuple[int, int]:
    """Where the words naming a tool start and end, from ``at`` on past its determiners:
    words of the field, or words as common as chat's "ai" ("use the ai to"), a few at most."""
    tool = past(tokens, at, DETERMINERS)
    end = tool
    while (
        end < len(tokens)
        and end - tool < TOOL_WORDS
        and tokens[end] not in NOT_TOOLS
        and tokens[end] not in GIVING
        and (kinds[end] in TOPICAL or not kinds[end])
    ):
        end += 1
    return tool, end


def _in_clause(
    tokens: Sequence[str], kinds: Sequence[str], *, named: bool = False
) -> tuple[int, int] | None:
    """Where the verb of use and the task start in a clause that asks nothing, or None;
    ``named``: the sentence names a term, which "it" or "one" may stand in for."""
    if not tokens or tokens[0] in AUXILIARIES or any(t in WH for t in tokens):
        return None
    for at, token in enumerate(tokens):
        if token not in USING and token not in LETTING:
            continue
        tool, task = _tool(tokens, kinds, at + 1)
        if task == tool or task >= len(tokens):
            continue
        if token in LETTING and not (
            any(k in TOPICAL for k in kinds[tool:task])
            # "before letting one draft alerts": one of the tools the question names
            or (named and task == tool + 1 and tokens[tool] in STANDING_IN)
        ):
            continue
        if token in USING:
            if tokens[task] not in {"to", "for"}:
                continue
            task += 1
        if task < len(tokens) and tokens[task] in HELPING:
            task += 1
        return at, task
    return None
