"""Terminal rendering of neutral answers, and the JSON form of ``explainbot ask --json``."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from bot.models import Answer, Problem, Suggestion
from bot.presentation.present import present_answer
from bot.presentation.view import Choice, View, ViewKind


def answer_to_json_dict(answer: Answer) -> dict[str, Any]:
    """The one-line JSON contract of ``explainbot ask --json``.

    Keys: ``question`` (str), ``status`` (answer|suggest|none), ``id`` (primary snippet or
    null), ``ids`` (every snippet used), ``title`` (str or null), ``score`` (float, 0-100) and
    ``suggestions`` (a list of ``{"id", "title", "score"}``).
    """
    primary = answer.primary
    return {
        "question": answer.question,
        "status": answer.status.value,
        "id": primary.id if primary is not None else None,
        "ids": list(answer.ids),
        "title": answer.title,
        "score": _score(answer.score),
        "suggestions": [
            {"id": s.id, "title": s.title, "score": _score(s.score)} for s in answer.suggestions
        ],
        "reason": answer.reason.value,
        "missing": list(answer.missing),
    }


def topics_to_json_list(topics: Iterable[Suggestion]) -> list[dict[str, str]]:
    """``explainbot topics --json``: ``[{"id", "title", "summary"}]``."""
    return [{"id": t.id, "title": t.title, "summary": t.summary} for t in topics]


def render_answer(answer: Answer, *, verbose: bool = False) -> str:
    """An answer as readable terminal text, through its neutral view.

    The match score is a debugging figure: shown only with ``verbose``.
    """
    text = render(present_answer(answer))
    if verbose and (answer.snippets or answer.suggestions):
        detail = "" if answer.snippets else f" ({answer.reason.value})"
        text += f"\n\nScore: {_score(answer.score):.1f}{detail}"
    return text


def render(view: View) -> str:
    """A neutral view as terminal text (everything in a terminal is for its one reader)."""
    if view.kind is ViewKind.TOPICS:
        return render_topics(view.topics, intro=f"{view.title}:")
    if view.kind is ViewKind.ANSWER:
        return _render_found(view)
    if view.kind is ViewKind.DID_YOU_MEAN:
        lines = [view.text, ""]
        if view.title:
            lines.append(view.title)
        for n, c in enumerate(view.choices, start=1):
            lines.append(f"  {n}. {c.label} ({c.id}): {c.summary}")
        return "\n".join(lines)
    return view.text


def render_topics(topics: Iterable[Suggestion | Choice], *, intro: str = "") -> str:
    """A topic list: one ``id  title`` line per topic, its summary indented below."""
    topics = tuple(topics)
    width = max((len(t.id) for t in topics), default=0)
    lines = [intro] if intro else []
    for t in topics:
        lines.append(f"  {t.id.ljust(width)}  {t.label if isinstance(t, Choice) else t.title}")
        lines.append(f"  {''.ljust(width)}  {t.summary}")
    if not topics:
        lines.append("  (no topics)")
    return "\n".join(lines)


def render_problems(problems: Iterable[Problem]) -> str:
    """One ``file:line: field: what is wrong`` line per problem."""
    return "\n".join(str(p) for p in problems)


def _render_found(view: View) -> str:
    lines: list[str] = []
    if len(view.parts) > 1:
        lines += [_underline(view.title), ""]
    for part in view.parts:
        lines += [_underline(part.heading or view.title), "", part.markdown, ""]
    if view.choices:
        lines.append("Related: " + ", ".join(f"{c.label} ({c.id})" for c in view.choices))
    return "\n".join(lines).rstrip("\n")


def _underline(title: str) -> str:
    return f"{title}\n{'=' * min(len(title), 100)}"


def _score(score: float) -> float:
    """Scores as JSON-safe floats within 0-100 (NaN would not be valid JSON)."""
    value = float(score)
    if math.isnan(value):
        return 0.0
    return round(min(max(value, 0.0), 100.0), 2)
