"""YAML parsing that keeps line numbers, so that every problem can name its line.

PyYAML's ``safe_load`` returns plain values and forgets where they came from, and silently keeps
the last of two duplicate keys. Here the document is composed into a node tree with
``yaml.CSafeLoader`` (``SafeLoader`` when libyaml is missing) and converted node by node into
:class:`YamlValue` objects that remember their 1-based line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from bot.knowledge.excerpt import excerpt
from bot.models import Problem

Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)

# Guards against alias bombs ("billion laughs"): aliases share nodes, so walking expands them.
MAX_NODES = 100_000

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class Kind(StrEnum):
    SCALAR = "scalar"
    SEQUENCE = "sequence"
    MAPPING = "mapping"


@dataclass(frozen=True, slots=True, kw_only=True)
class YamlEntry:
    """One key of a mapping: the key's value (a scalar), its line, and the value."""

    key: object
    line: int
    value: YamlValue


@dataclass(frozen=True, slots=True, kw_only=True)
class YamlValue:
    """A YAML node with its 1-based line.

    Attributes:
        kind: scalar, sequence or mapping.
        line: where the node starts.
        scalar: the constructed value of a scalar (str, int, bool, None, date...).
        items: the elements of a sequence.
        entries: the keys of a mapping, in file order, duplicates already removed.
    """

    kind: Kind
    line: int
    scalar: object = None
    items: tuple[YamlValue, ...] = ()
    entries: tuple[YamlEntry, ...] = ()


def parse_yaml(text: str, path: Path) -> tuple[YamlValue | None, list[Problem]]:
    """Parse one YAML document.

    Returns:
        The root value (None for an empty document or one that does not parse) and every problem
        found: a syntax error with the line PyYAML reports, duplicate keys, unsupported tags.
    """
    loader = Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 0
            what = exc.problem or exc.context or "malformed YAML"
            context = exc.context_mark
            if exc.problem and exc.context and context is not None and mark is not None:
                what += f" ({exc.context} started on line {context.line + 1})"
            return None, [Problem(path=path, line=line, field="yaml", message=what)]
        except yaml.YAMLError as exc:  # e.g. a control character the reader rejects
            message = excerpt(str(exc).splitlines()[0], 100) if str(exc) else "malformed YAML"
            position = getattr(exc, "position", None)
            line = text[:position].count("\n") + 1 if isinstance(position, int) else 0
            return None, [Problem(path=path, line=line, field="yaml", message=message)]
        if node is None:
            return None, []
        return _Converter(loader, path).convert(node, "yaml")
    finally:
        loader.dispose()


class _Converter:
    def __init__(self, loader: yaml.SafeLoader | yaml.CSafeLoader, path: Path) -> None:
        self._loader = loader
        self._path = path
        self._problems: list[Problem] = []
        self._budget = MAX_NODES
        self._active: set[int] = set()  # ids of the nodes being converted: catches recursion

    def convert(self, node: yaml.Node, field: str) -> tuple[YamlValue | None, list[Problem]]:
        value = self._node(node, field)
        return value, self._problems

    def _problem(self, node: yaml.Node, field: str, message: str) -> None:
        line = node.start_mark.line + 1
        self._problems.append(Problem(path=self._path, line=line, field=field, message=message))

    def _node(self, node: yaml.Node, field: str) -> YamlValue | None:
        self._budget -= 1
        if self._budget < 0:
            if self._budget == -1:
                self._problem(node, field, f"document has more than {MAX_NODES} values")
            return None
        if id(node) in self._active:
            self._problem(node, field, "an alias refers to itself")
            return None
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, field)
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ_TAG:
                    self._problem(node, field, f"unsupported tag {node.tag}")
                    return None
                items = [self._node(child, f"{field}[{i}]") for i, child in enumerate(node.value)]
                return YamlValue(
                    kind=Kind.SEQUENCE,
                    line=line,
                    items=tuple(v for v in items if v is not None),
                )
            if isinstance(node, yaml.MappingNode):
                if node.tag != _MAP_TAG:
                    self._problem(node, field, f"unsupported tag {node.tag}")
                    return None
                return YamlValue(kind=Kind.MAPPING, line=line, entries=self._entries(node, field))
        finally:
            self._active.discard(id(node))
        self._problem(node, field, "unsupported YAML node")
        return None

    def _entries(self, node: yaml.MappingNode, field: str) -> tuple[YamlEntry, ...]:
        entries: list[YamlEntry] = []
        first_line: dict[object, int] = {}
        prefix = "" if field == "yaml" else f"{field}."
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, field, "a key must be plain text, not a list or mapping")
                continue
            if key_node.tag == _MERGE_TAG:
                self._problem(key_node, field, "merge keys (<<) are not supported")
                continue
            key_value = self._scalar(key_node, field)
            if key_value is None:
                continue
            key = key_value.scalar
            name = f"{prefix}{excerpt(key)}"
            key_line = key_node.start_mark.line + 1
            try:
                seen = first_line.get(key)
            except TypeError:  # unhashable keys cannot come from a scalar, but stay safe
                seen = None
            if seen is not None:
                self._problem(key_node, name, f"duplicate key (first given on line {seen})")
                continue
            first_line[key] = key_line
            value = self._node(value_node, name)
            if value is not None:
                entries.append(YamlEntry(key=key, line=key_line, value=value))
        return tuple(entries)

    def _scalar(self, node: yaml.ScalarNode, field: str) -> YamlValue | None:
        line = node.start_mark.line + 1
        if node.tag == _STR_TAG:  # the common case needs no constructor
            return YamlValue(kind=Kind.SCALAR, line=line, scalar=node.value)
        try:
            value = self._loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            self._problem(node, field, f"cannot read value: {excerpt(problem, 60)}")
            return None
        return YamlValue(kind=Kind.SCALAR, line=line, scalar=value)
