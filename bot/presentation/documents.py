"""The Markdown trees of a view, as every chat platform shows them (each renders the tree in
its own dialect): an answer's body, the did-you-mean and the topic list."""

from __future__ import annotations

from collections.abc import Sequence

from bot.presentation.markdown import (
    BulletList,
    Code,
    Document,
    ListItem,
    Paragraph,
    Strong,
    Text,
    parse,
    titled,
)
from bot.presentation.view import Choice, View


def answer_body(view: View) -> Document:
    """The answer's Markdown; a composed comparison has one titled part per snippet."""
    parts = view.parts
    if len(parts) == 1 and not parts[0].heading:
        return parse(parts[0].markdown)
    return titled((p.heading, parse(p.markdown)) for p in parts)


def did_you_mean_body(view: View) -> Document:
    """The intro sentence, then each candidate with its summary, under the view's title."""
    lines = Document(children=(*parse(view.text).children, choice_list(view.choices)))
    return titled([(view.title, lines)]) if view.title else lines


def topics_body(view: View) -> Document:
    """Every topic with its id and summary."""
    return Document(children=(choice_list(view.topics, ids=True),))


def choice_list(choices: Sequence[Choice], *, ids: bool = False) -> BulletList:
    """``title (`id`): summary`` items, the title bold; all plain text, never Markdown."""
    return BulletList(items=tuple(_item(c, ids=ids) for c in choices))


def _item(choice: Choice, *, ids: bool) -> ListItem:
    tag = (Text(text=" ("), Code(text=choice.id), Text(text=")")) if ids else ()
    tail = (Text(text=": " + choice.summary),) if choice.summary else ()
    bold = Strong(children=(Text(text=choice.label),))
    return ListItem(children=(Paragraph(children=(bold, *tag, *tail)),))
