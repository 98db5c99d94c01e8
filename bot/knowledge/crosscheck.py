"""Checks across all snippets of a directory: ids, related ids, shared aliases and questions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from bot.knowledge.excerpt import excerpt
from bot.knowledge.validate import Positions
from bot.models import Problem

_TRAILING = re.compile(r"[\s?.!]+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What a cross-check needs from one snippet file: its path, id (if readable) and positions."""

    path: Path
    id: str | None
    positions: Positions
    # The same-text keys of the aliases and questions, made once per file: a reload that
    # validates only the changed files reuses the others' entries (100,000 questions: 0.5 s).
    alias_keys: tuple[str, ...] = field(init=False, compare=False, repr=False)
    question_keys: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        aliases = tuple(same_text_key(text) for text, _ in self.positions.aliases)
        questions = tuple(same_text_key(text) for text, _ in self.positions.questions)
        object.__setattr__(self, "alias_keys", aliases)
        object.__setattr__(self, "question_keys", questions)


def same_text_key(text: str) -> str:
    """Key under which two aliases or questions count as the same: case and spacing ignored."""
    return " ".join(_TRAILING.sub("", text).casefold().split())


def cross_check(entries: Sequence[Entry]) -> list[Problem]:
    """Duplicate ids, unknown or self ``related`` ids, aliases claimed twice (errors) and
    questions listed under two snippets (warnings)."""
    problems: list[Problem] = []
    first_id: dict[str, Entry] = {}
    for e in entries:
        if e.id is None:
            continue
        if e.id in first_id:
            other = first_id[e.id]
            where = f"{other.path}:{other.positions.id}"
            problems.append(
                Problem(
                    path=e.path,
                    line=e.positions.id,
                    field="id",
                    message=f"duplicate id '{excerpt(e.id)}', also in {where}",
                )
            )
        else:
            first_id[e.id] = e
    for e in entries:
        problems.extend(_related(e, first_id))
    problems.extend(_claimed(entries, "aliases", warning=False))
    problems.extend(_claimed(entries, "questions", warning=True))
    return problems


def _related(e: Entry, ids: dict[str, Entry]) -> list[Problem]:
    out: list[Problem] = []
    seen: set[str] = set()
    for i, (rid, line) in enumerate(e.positions.related):
        name = f"related[{i}]"
        if rid == e.id:
            out.append(
                Problem(
                    path=e.path, line=line, field=name, message="a snippet cannot relate to itself"
                )
            )
        elif rid not in ids:
            out.append(
                Problem(
                    path=e.path,
                    line=line,
                    field=name,
                    message=f"no snippet has id '{excerpt(rid)}'",
                )
            )
        elif rid in seen:
            out.append(
                Problem(
                    path=e.path,
                    line=line,
                    field=name,
                    message=f"'{excerpt(rid)}' listed twice",
                    warning=True,
                )
            )
        seen.add(rid)
    return out


def _claimed(entries: Sequence[Entry], kind: str, *, warning: bool) -> list[Problem]:
    """Report texts (aliases or questions) listed more than once, naming the first place."""
    out: list[Problem] = []
    first: dict[str, tuple[Entry, int]] = {}
    of = _alias_keys if kind == "aliases" else _question_keys
    # Only files holding a text listed more than once can have a problem: counting the keys
    # first skips the others (100,000 questions, nearly all distinct).
    counted = Counter(chain.from_iterable(map(of, entries)))
    repeated = {key for key, n in counted.items() if n > 1}
    for e in entries:
        keys = of(e)
        if repeated.isdisjoint(keys):
            continue
        texts = e.positions.aliases if kind == "aliases" else e.positions.questions
        for i, ((text, line), key) in enumerate(zip(texts, keys, strict=True)):
            if key not in first:
                first[key] = (e, line)
                continue
            owner, owner_line = first[key]
            where = f"{owner.path}:{owner_line}"
            if owner is e:
                message = f"'{excerpt(text)}' is listed twice (also on line {owner_line})"
                is_warning = True
            else:
                what = "alias" if kind == "aliases" else "question"
                message = f"{what} '{excerpt(text)}' is also listed under '{owner.id}' ({where})"
                is_warning = warning
            out.append(
                Problem(
                    path=e.path,
                    line=line,
                    field=f"{kind}[{i}]",
                    message=message,
                    warning=is_warning,
                )
            )
    return out


def _alias_keys(e: Entry) -> tuple[str, ...]:
    return e.alias_keys


def _question_keys(e: Entry) -> tuple[str, ...]:
    return e.question_keys
