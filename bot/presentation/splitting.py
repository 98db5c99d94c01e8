"""Cut a Markdown tree into smaller trees that each fit a size limit.

The cut happens on the tree, not on rendered text, so a piece never ends inside a link or a
formatting span: a span cut in two becomes two spans, each closed in its own piece. Cuts fall
between top-level blocks first, then between list items, quoted blocks or code lines, then
between words; a word longer than a whole piece is cut between characters. The platform
renderers decide what "fits" means (their syntax and limits); this module only cuts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeAlias

from bot.presentation.markdown import (
    Block,
    BlockQuote,
    BulletList,
    Code,
    CodeBlock,
    Document,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListItem,
    OrderedList,
    Paragraph,
    Span,
    Text,
    merge_text,
    plain_text,
)

Fits: TypeAlias = Callable[[Document], bool]
# One inline leaf with the spans around it, outermost first (compared by identity).
_Atom: TypeAlias = tuple[tuple[Span, ...], Inline]
_WORD = re.compile(r"\S+\s*|\s+")


def split(document: Document, fits: Fits) -> list[Document]:
    """Pieces of ``document``, in order, each accepted by ``fits`` where that is possible.

    A piece that cannot be made to fit (``fits`` refuses even one character) is returned
    whole; the caller decides what to do with it.
    """
    pieces: list[Document] = []
    current: list[Block] = []
    queue = list(reversed(document.children))
    while queue:
        block = queue.pop()
        if fits(Document(children=(*current, block))):
            current.append(block)
            continue
        if current:  # prefer a cut between blocks
            pieces.append(Document(children=tuple(current)))
            current = []
            if fits(Document(children=(block,))):
                current = [block]
                continue
        cut = _cut(block, lambda b: fits(Document(children=(b,))))
        if cut is None:
            pieces.append(Document(children=(block,)))
            continue
        head, tail = cut
        pieces.append(Document(children=(head,)))
        queue.append(tail)
    if current:
        pieces.append(Document(children=tuple(current)))
    return pieces


def _cut(block: Block, fits: Callable[[Block], bool]) -> tuple[Block, Block] | None:
    """The longest head of ``block`` that fits, and the rest; None if nothing fits."""
    if isinstance(block, Paragraph | Heading):
        return _cut_inline(block, fits)
    if isinstance(block, CodeBlock):
        lines = block.text.split("\n")
        if len(lines) == 1:
            return _cut_code_chars(block, fits)
        k = _longest(len(lines) - 1, lambda k: fits(replace(block, text="\n".join(lines[:k]))))
        if k == 0:
            line_cut = _cut_code_chars(replace(block, text=lines[0]), fits)
            if line_cut is None:
                return None
            head, tail = line_cut
            assert isinstance(tail, CodeBlock)
            return head, replace(block, text="\n".join([tail.text, *lines[1:]]))
        return replace(block, text="\n".join(lines[:k])), replace(block, text="\n".join(lines[k:]))
    if isinstance(block, BulletList | OrderedList):
        start = block.start if isinstance(block, OrderedList) else 1

        def make(items: Sequence[ListItem], offset: int) -> Block:
            if isinstance(block, OrderedList):
                return OrderedList(items=tuple(items), start=start + offset)
            return BulletList(items=tuple(items))

        items = block.items
        k = _longest(len(items) - 1, lambda k: fits(make(items[:k], 0)))
        if k:
            return make(items[:k], 0), make(items[k:], k)
        item_cut = _cut_container(
            items[0].children, lambda bs: fits(make([ListItem(children=bs)], 0))
        )
        if item_cut is None:
            return None
        first, rest = item_cut
        return (
            make([ListItem(children=first)], 0),
            make([ListItem(children=rest), *items[1:]], 0),
        )
    if isinstance(block, BlockQuote):
        quote_cut = _cut_container(block.children, lambda bs: fits(BlockQuote(children=bs)))
        if quote_cut is None:
            return None
        return BlockQuote(children=quote_cut[0]), BlockQuote(children=quote_cut[1])
    return None  # a thematic break: nothing to cut


def _cut_container(
    blocks: tuple[Block, ...], fits: Callable[[tuple[Block, ...]], bool]
) -> tuple[tuple[Block, ...], tuple[Block, ...]] | None:
    k = _longest(len(blocks) - 1, lambda k: fits(blocks[:k]))
    if k:
        return blocks[:k], blocks[k:]
    inner = _cut(blocks[0], lambda b: fits((b,)))
    if inner is None:
        return None
    return (inner[0],), (inner[1], *blocks[1:])


def _cut_inline(
    block: Paragraph | Heading, fits: Callable[[Block], bool]
) -> tuple[Block, Block] | None:
    for by_character in (False, True):
        atoms = _atoms(block.children, (), by_character=by_character)

        def head_fits(k: int, atoms: list[_Atom] = atoms) -> bool:
            return fits(replace(block, children=_head(atoms[:k])))

        k = _longest(len(atoms) - 1, head_fits)
        if k:
            return (
                replace(block, children=_head(atoms[:k])),
                replace(block, children=_tail(atoms[k:])),
            )
    return None


def _cut_code_chars(block: CodeBlock, fits: Callable[[Block], bool]) -> tuple[Block, Block] | None:
    text = block.text
    k = _longest(len(text) - 1, lambda k: fits(replace(block, text=text[:k])))
    return (replace(block, text=text[:k]), replace(block, text=text[k:])) if k else None


def _atoms(inlines: Sequence[Inline], path: tuple[Span, ...], *, by_character: bool) -> list[_Atom]:
    """Inline leaves in order: words (or characters) of text, whole code spans and links.

    Cutting by character is the last resort for one overlong word; a link or code span then
    gives up its formatting and becomes text, so that it too can be cut.
    """
    out: list[_Atom] = []
    for node in inlines:
        if isinstance(node, Text | Code | Link) and by_character:
            text = node.text if isinstance(node, Text | Code) else plain_text(node.children)
            out += [(path, Text(text=c)) for c in text]
        elif isinstance(node, Text):
            out += [(path, Text(text=w)) for w in _WORD.findall(node.text)]
        elif isinstance(node, Code | Link | LineBreak):
            out.append((path, node))
        else:
            out += _atoms(node.children, (*path, node), by_character=by_character)
    return out


def _head(atoms: Sequence[_Atom]) -> tuple[Inline, ...]:
    """Rebuild the first piece, without whitespace or line breaks at its end."""
    trimmed = list(atoms)
    while trimmed and isinstance(trimmed[-1][1], LineBreak):
        trimmed.pop()
    if trimmed and isinstance(leaf := trimmed[-1][1], Text):
        trimmed[-1] = (trimmed[-1][0], Text(text=leaf.text.rstrip()))
    return _rebuild(trimmed, 0)


def _tail(atoms: Sequence[_Atom]) -> tuple[Inline, ...]:
    """Rebuild the rest, without whitespace or line breaks at its start."""
    trimmed = list(atoms)
    while trimmed and isinstance(trimmed[0][1], LineBreak):
        trimmed.pop(0)
    if trimmed and isinstance(leaf := trimmed[0][1], Text):
        trimmed[0] = (trimmed[0][0], Text(text=leaf.text.lstrip()))
    return _rebuild(trimmed, 0)


def _rebuild(atoms: Sequence[_Atom], depth: int) -> tuple[Inline, ...]:
    out: list[Inline] = []
    i = 0
    while i < len(atoms):
        path, leaf = atoms[i]
        if len(path) == depth:
            out.append(leaf)
            i += 1
            continue
        span = path[depth]
        j = i
        while j < len(atoms) and len(atoms[j][0]) > depth and atoms[j][0][depth] is span:
            j += 1
        children = _rebuild(atoms[i:j], depth + 1)
        if children:
            out.append(replace(span, children=children))
        i = j
    return merge_text(out)


def _longest(most: int, ok: Callable[[int], bool]) -> int:
    """The largest ``k`` in ``1..most`` with ``ok(k)``, assuming ``ok`` holds up to some point
    and fails after it; 0 if ``ok(1)`` fails. Gallops first, so a short answer costs little."""
    if most < 1 or not ok(1):
        return 0
    good, step = 1, 2
    while step <= most and ok(step):
        good, step = step, step * 2
    bad = min(step, most + 1)
    while bad - good > 1:
        mid = (good + bad) // 2
        if ok(mid):
            good = mid
        else:
            bad = mid
    return good
