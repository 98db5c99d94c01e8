"""Validation of one snippet file's parsed YAML against the snippet format.

Every problem is collected (none stops the check), each naming the file, line and field.
Checks that need all snippets at once (duplicate ids, unknown related ids, shared aliases and
questions) live in :mod:`bot.knowledge.crosscheck`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.excerpt import excerpt
from bot.knowledge.fieldcheck import FieldCheck, type_name
from bot.knowledge.yamlpos import Kind, YamlValue
from bot.models import Problem, Snippet

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REQUIRED = ("id", "title", "summary", "questions", "body")
OPTIONAL = ("aliases", "related", "tags", "sources")
KNOWN = REQUIRED + OPTIONAL
MAX_TITLE = 100
MAX_SUMMARY = 100
MAX_BODY = 3500  # leaves room for markup conversion within every supported chat platform's limit
MIN_QUESTIONS = 3

_SENTENCE_END = re.compile(r"(\w*)[.!?]\s+[A-Z]")
_ABBREVIATIONS = frozenset({"e.g", "i.e", "g", "e", "vs", "etc", "approx", "dr", "mr", "ms"})
_SUMMARY_MARKUP = re.compile(r"\*\*|__|`|\]\(|^\s*(?:[-*#>]|\d+\.)\s")
_HEADING = re.compile(r"^#{1,6}\s", re.MULTILINE)
_TABLE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.MULTILINE)


@dataclass(slots=True, kw_only=True)
class Positions:
    """Lines of the values that cross-snippet checks report on."""

    id: int = 0
    questions: list[tuple[str, int]] = field(default_factory=list)
    aliases: list[tuple[str, int]] = field(default_factory=list)
    related: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Checked:
    """The result of checking one snippet file: the snippet when it is valid, and positions."""

    snippet: Snippet | None
    positions: Positions
    problems: tuple[Problem, ...]


def check_snippet(path: Path, root: YamlValue) -> Checked:
    """Check the parsed YAML of ``path`` (a snippet file) and build its snippet if valid."""
    c = FieldCheck(path)
    pos = Positions(id=root.line)
    if root.kind is not Kind.MAPPING:
        # Not even the excerpt: a file that is one scalar is often something pasted by mistake.
        what = "text" if isinstance(root.scalar, str) else type_name(root)
        c.error(root.line, "yaml", f"the file must hold a mapping of fields, got {what}")
        return Checked(snippet=None, positions=pos, problems=tuple(c.problems))
    f = c.fields(root.entries, KNOWN)
    for name in REQUIRED:
        if name not in f:
            c.error(root.line, name, "missing required field")
    values: dict[str, str | None] = {}
    if "id" in f:
        pos.id = f["id"].line
        values["id"] = _check_id(c, f["id"], path)
    if "title" in f:
        values["title"] = c.one_line(f["title"], "title", MAX_TITLE)
    if "summary" in f:
        values["summary"] = _check_summary(c, f["summary"])
    if "body" in f:
        values["body"] = _check_body(c, f["body"])
    if "questions" in f:
        pos.questions = c.texts(f["questions"], "questions")
        if f["questions"].kind is Kind.SEQUENCE and len(f["questions"].items) < MIN_QUESTIONS:
            n = len(f["questions"].items)
            line = next(e.line for e in root.entries if e.key == "questions")
            c.error(line, "questions", f"has {n}; at least {MIN_QUESTIONS} needed")
    if "aliases" in f:
        pos.aliases = c.texts(f["aliases"], "aliases")
    if "related" in f:
        pos.related = c.texts(f["related"], "related")
    tags = c.texts(f["tags"], "tags") if "tags" in f else []
    sources = c.sources(f["sources"]) if "sources" in f else []
    errors = [p for p in c.problems if not p.warning]
    snippet = None
    if not errors and all(values.get(name) is not None for name in REQUIRED if name != "questions"):
        snippet = Snippet(
            id=str(values["id"]),
            title=str(values["title"]),
            summary=str(values["summary"]),
            questions=tuple(q for q, _ in pos.questions),
            body=str(values["body"]),
            aliases=tuple(a for a, _ in pos.aliases),
            related=tuple(r for r, _ in pos.related),
            tags=tuple(t for t, _ in tags),
            sources=tuple(sources),
            path=path,
        )
    return Checked(snippet=snippet, positions=pos, problems=tuple(c.problems))


def _check_id(c: FieldCheck, value: YamlValue, path: Path) -> str | None:
    text = c.text(value, "id")
    if text is None:
        return None
    if not ID_RE.match(text):
        shown = excerpt(text)
        c.error(value.line, "id", f"'{shown}' must be lowercase letters, digits and single hyphens")
    elif text != path.stem:
        c.error(value.line, "id", f"'{excerpt(text)}' must equal the file name '{path.stem}'")
    return text


def _check_summary(c: FieldCheck, value: YamlValue) -> str | None:
    text = c.one_line(value, "summary", MAX_SUMMARY)
    if text is None:
        return None
    if any(m.group(1).lower() not in _ABBREVIATIONS for m in _SENTENCE_END.finditer(text)):
        c.error(value.line, "summary", "must be one sentence")
    if _SUMMARY_MARKUP.search(text):
        c.error(value.line, "summary", "must be plain text, without Markdown")
    return text


def _check_body(c: FieldCheck, value: YamlValue) -> str | None:
    text = c.text(value, "body")
    if text is None:
        return None
    if len(text) > MAX_BODY:
        c.error(
            value.line,
            "body",
            f"is {len(text)} characters; at most {MAX_BODY} fit both chat platforms' limits",
        )
    # Chat clients render neither headings nor tables; the snippet still works, so only warn.
    if _HEADING.search(text):
        c.error(value.line, "body", "headings do not render in chat; use **bold**", warning=True)
    if _TABLE.search(text):
        c.error(value.line, "body", "tables do not render in chat; use a list", warning=True)
    return text
