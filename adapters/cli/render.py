"""Terminal rendering of neutral answers, and the JSON form of ``explainbot ask --json``."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from bot.models import Answer, Problem, Reason, Status, Suggestion


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
    """An answer as readable terminal text (Markdown bodies are shown as written).

    The match score is a debugging figure: shown only with ``verbose``.
    """
    if answer.topics:
        return render_topics(answer.topics, intro="I can explain these topics:")
    if answer.status is Status.ANSWER and answer.snippets:
        return _render_found(answer, verbose=verbose)
    if answer.status is Status.SUGGEST and answer.suggestions:
        lines = [answer.message or "I'm not sure which one you mean.", ""]
        if answer.reason is not Reason.UNCOVERED:
            lines.append("Did you mean:")
        for n, s in enumerate(answer.suggestions, start=1):
            lines.append(f"  {n}. {s.title} ({s.id}): {s.summary}")
        if verbose:
            lines += ["", f"Score: {_score(answer.score):.1f} ({answer.reason.value})"]
        return "\n".join(lines)
    return answer.message or "Sorry, I don't have an explanation for that yet."


def render_topics(topics: Iterable[Suggestion], *, intro: str = "") -> str:
    """A topic list: one ``id  title`` line per topic, its summary indented below."""
    topics = tuple(topics)
    width = max((len(t.id) for t in topics), default=0)
    lines = [intro] if intro else []
    for t in topics:
        lines.append(f"  {t.id.ljust(width)}  {t.title}")
        lines.append(f"  {''.ljust(width)}  {t.summary}")
    if not topics:
        lines.append("  (no topics)")
    return "\n".join(lines)


def render_problems(problems: Iterable[Problem]) -> str:
    """One ``file:line: field: what is wrong`` line per problem."""
    return "\n".join(str(p) for p in problems)


def _render_found(answer: Answer, *, verbose: bool) -> str:
    lines: list[str] = []
    if len(answer.snippets) > 1:
        lines += [_underline(answer.title or ""), ""]
    for snippet in answer.snippets:
        lines += [_underline(snippet.title), "", snippet.body.strip(), ""]
    if answer.related:
        lines.append("Related: " + ", ".join(f"{r.title} ({r.id})" for r in answer.related))
    if verbose:
        lines.append(f"Score: {_score(answer.score):.1f}")
    return "\n".join(lines).rstrip("\n")


def _underline(title: str) -> str:
    return f"{title}\n{'=' * min(len(title), 100)}"


def _score(score: float) -> float:
    """Scores as JSON-safe floats within 0-100 (NaN would not be valid JSON)."""
    value = float(score)
    if math.isnan(value):
        return 0.0
    return round(min(max(value, 0.0), 100.0), 2)
