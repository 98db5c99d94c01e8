"""Terminal rendering of neutral answers, and the JSON form of ``explainbot ask --json``.

Snippet bodies are Markdown. On a terminal they are shown rendered, styled by ``rich`` (bold,
italics, lists, links, code); piped, they are the Markdown as written, which is plain text
already and what a script can pass on. The parser and rich are imported only for a terminal:
every ``explainbot ask`` pays for its imports at start (issue 13), and both together cost
more than the whole cold-start budget.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bot.models import Answer, Problem, Suggestion
from bot.presentation.present import present_answer
from bot.presentation.view import Choice, View, ViewKind

if TYPE_CHECKING:
    from bot.presentation.markdown import Block, Document, Inline

# One line of terminal output: runs of text, each with a rich style ("" for none).
Line = list[tuple[str, str]]
_STYLES = {"Strong": "bold", "Emphasis": "italic", "Strikethrough": "strike"}


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


def render_answer(answer: Answer, *, verbose: bool = False, styled: bool | None = None) -> str:
    """An answer as readable terminal text, through its neutral view.

    The match score is a debugging figure: shown only with ``verbose``. ``styled`` chooses
    bodies rendered with terminal styles (escape codes chosen by rich) or as written; by
    default, styled exactly when standard output is a terminal.
    """
    text = render_view(present_answer(answer), styled=styled)
    if verbose and (answer.snippets or answer.suggestions):
        detail = "" if answer.snippets else f" ({answer.reason.value})"
        text += f"\n\nScore: {_score(answer.score):.1f}{detail}"
    return text


def render_view(view: View, *, styled: bool | None = None) -> str:
    """A neutral view as terminal text (everything in a terminal is for its one reader)."""
    if view.kind is ViewKind.TOPICS:
        return render_topics(view.topics, intro=f"{view.title}:")
    if view.kind is ViewKind.ANSWER:
        return _render_found(view, styled=styled)
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


def render(document: Document, *, styled: bool | None = None) -> str:
    """A Markdown tree as terminal text: styled by rich, or plain (see :func:`render_answer`)."""
    lines = _layout(document)
    if styled is None:
        styled = _is_terminal()
    if not styled:
        return "\n".join("".join(text for text, _ in line) for line in lines)
    from rich.console import Console
    from rich.text import Text

    # soft_wrap: the terminal wraps long lines; rich adds no line breaks of its own.
    # Colours still follow the environment (NO_COLOR, TERM=dumb), as rich reads it.
    console = Console(
        force_terminal=True, soft_wrap=True, highlight=False, emoji=False, markup=False
    )
    with console.capture() as captured:
        console.print(Text("\n").join(Text.assemble(*line) for line in lines), end="")
    return captured.get()


def render_problems(problems: Iterable[Problem]) -> str:
    """One ``file:line: field: what is wrong`` line per problem."""
    return "\n".join(str(p) for p in problems)


def _render_found(view: View, *, styled: bool | None) -> str:
    if styled is None:
        styled = _is_terminal()
    lines: list[str] = []
    if len(view.parts) > 1:
        lines += [_underline(view.title), ""]
    for part in view.parts:
        lines += [
            _underline(part.heading or view.title),
            "",
            _body(part.markdown, styled=styled),
            "",
        ]
    if view.choices:
        lines.append("Related: " + ", ".join(f"{c.label} ({c.id})" for c in view.choices))
    return "\n".join(lines).rstrip("\n")


def _body(markdown: str, *, styled: bool) -> str:
    if not styled:
        return markdown.strip()
    from bot.presentation.markdown import parse

    return render(parse(markdown), styled=True)


def _layout(document: Document) -> list[Line]:
    from bot.presentation.markdown import close_blocks

    lines: list[Line] = []
    previous: Block | None = None
    for block in document.children:
        if previous is not None and not close_blocks(previous, block):
            lines.append([])
        lines += _block(block)
        previous = block
    return lines


def _block(block: Block) -> list[Line]:
    from bot.presentation import markdown as md

    if isinstance(block, md.Paragraph | md.Heading):
        style = "bold underline" if isinstance(block, md.Heading) else ""
        lines: list[Line] = [[]]
        for text, run_style in _runs(block.children, style):
            for n, part in enumerate(text.split("\n")):
                if n:
                    lines.append([])
                if part:
                    lines[-1].append((part, run_style))
        return lines
    if isinstance(block, md.CodeBlock):
        return [[("    " + line, "cyan")] for line in block.text.split("\n")]
    if isinstance(block, md.BlockQuote):
        return [
            [("\u2502 ", "dim"), *line] for line in _layout(md.Document(children=block.children))
        ]
    if isinstance(block, md.BulletList | md.OrderedList):
        out: list[Line] = []
        for n, item in enumerate(block.items):
            marker = "\u2022 " if isinstance(block, md.BulletList) else f"{block.start + n}. "
            body = [line for child in item.children for line in _block(child)] or [[]]
            out.append([(marker, "bold"), *body[0]])
            out += [[(" " * len(marker), ""), *line] if line else line for line in body[1:]]
        return out
    return [[("\u2500" * 3, "dim")]]


def _runs(nodes: Iterable[Inline], style: str) -> list[tuple[str, str]]:
    from bot.presentation import markdown as md

    out: list[tuple[str, str]] = []
    for node in nodes:
        if isinstance(node, md.Text):
            out.append((node.text, style))
        elif isinstance(node, md.Code):
            out.append((node.text, f"{style} cyan".strip()))
        elif isinstance(node, md.LineBreak):
            out.append(("\n", style))
        elif isinstance(node, md.Link):
            out += _runs(node.children, f"{style} underline link {node.url}".strip())
            if md.plain_text(node.children) != node.url.removeprefix("mailto:"):
                out.append((f" ({node.url})", "dim"))
        else:
            out += _runs(node.children, f"{style} {_STYLES[type(node).__name__]}".strip())
    return out


def _is_terminal() -> bool:
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _underline(title: str) -> str:
    return f"{title}\n{'=' * min(len(title), 100)}"


def _score(score: float) -> float:
    """Scores as JSON-safe floats within 0-100 (NaN would not be valid JSON)."""
    value = float(score)
    if math.isnan(value):
        return 0.0
    return round(min(max(value, 0.0), 100.0), 2)
