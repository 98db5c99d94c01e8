"""Validation of ``_synonyms.yaml``: canonical term -> list of variants."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.crosscheck import same_text_key
from bot.knowledge.excerpt import excerpt
from bot.knowledge.fieldcheck import type_name
from bot.knowledge.yamlpos import Kind, YamlValue
from bot.models import Problem


def check_synonyms(
    path: Path, root: YamlValue | None, problems: list[Problem]
) -> dict[str, tuple[str, ...]]:
    """Validate ``_synonyms.yaml``: a mapping of a canonical term to a list of its variants."""

    def fail(line: int, name: str, message: str) -> None:
        problems.append(Problem(path=path, line=line, field=name, message=message))

    if root is None:
        return {}
    if root.kind is not Kind.MAPPING:
        fail(root.line, "yaml", f"expected a mapping of term: [variants], got {type_name(root)}")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    owner: dict[str, tuple[str, int]] = {}
    for entry in root.entries:
        term = entry.key.strip() if isinstance(entry.key, str) else ""
        name = excerpt(entry.key)
        if not term:
            fail(entry.line, name, "a term must be non-empty text")
            continue
        value = entry.value
        if value.kind is not Kind.SEQUENCE or not value.items:
            fail(value.line, name, f"expected a non-empty list of variants, got {type_name(value)}")
            continue
        variants: list[str] = []
        for i, item in enumerate(value.items):
            text = item.scalar.strip() if isinstance(item.scalar, str) else ""
            if item.kind is not Kind.SCALAR or not text:
                what = (
                    "is empty"
                    if isinstance(item.scalar, str)
                    else f"expected text, got {type_name(item)}"
                )
                fail(item.line, f"{name}[{i}]", what)
                continue
            key = same_text_key(text)
            if key in owner and owner[key][0] != term:
                first, line = owner[key]
                fail(
                    item.line,
                    f"{name}[{i}]",
                    f"'{excerpt(text)}' is also a variant of '{excerpt(first)}' (line {line})",
                )
                continue
            owner[key] = (term, item.line)
            variants.append(text)
        out[term] = tuple(variants)
    return out
