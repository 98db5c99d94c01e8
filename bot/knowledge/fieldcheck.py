"""Type and shape checks of YAML values, each reporting a problem with file, line and field."""

from __future__ import annotations

import difflib
from pathlib import Path

from bot.knowledge.excerpt import excerpt
from bot.knowledge.yamlpos import Kind, YamlEntry, YamlValue
from bot.models import Problem, Source

SOURCE_KEYS = ("title", "url")


def type_name(value: YamlValue) -> str:
    """How to name a value's type in a message."""
    if value.kind is Kind.SEQUENCE:
        return "a list"
    if value.kind is Kind.MAPPING:
        return "a mapping"
    if value.scalar is None:
        return "nothing (an empty value)"
    if isinstance(value.scalar, bool):
        return f"a true/false value ({value.scalar})"
    if isinstance(value.scalar, int | float):
        return f"a number ({excerpt(value.scalar)})"
    return f"a {type(value.scalar).__name__} value ({excerpt(value.scalar)})"


def did_you_mean(key: str, known: tuple[str, ...]) -> str:
    """``; did you mean 'x'?`` for the closest known name, or an empty string."""
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class FieldCheck:
    """Collects problems for one file while checking the types and shapes of its values."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int, name: str, message: str, *, warning: bool = False) -> None:
        self.problems.append(
            Problem(path=self.path, line=line, field=name, message=message, warning=warning)
        )

    def text(self, value: YamlValue, name: str) -> str | None:
        """A non-empty string (stripped), or None after reporting why not."""
        if value.kind is not Kind.SCALAR or not isinstance(value.scalar, str):
            self.error(value.line, name, f"expected text, got {type_name(value)}")
            return None
        text = value.scalar.strip()
        if not text:
            self.error(value.line, name, "is empty")
            return None
        return text

    def one_line(self, value: YamlValue, name: str, limit: int) -> str | None:
        text = self.text(value, name)
        if text is None:
            return None
        if "\n" in text:
            self.error(value.line, name, "must be a single line")
        if len(text) > limit:
            self.error(value.line, name, f"is {len(text)} characters; at most {limit} allowed")
        return text

    def texts(self, value: YamlValue, name: str) -> list[tuple[str, int]]:
        """The non-empty strings of a list, each with its line."""
        if value.kind is not Kind.SEQUENCE:
            self.error(value.line, name, f"expected a list, got {type_name(value)}")
            return []
        out: list[tuple[str, int]] = []
        for i, item in enumerate(value.items):
            text = self.text(item, f"{name}[{i}]")
            if text is not None:
                out.append((text, item.line))
        return out

    def sources(self, value: YamlValue) -> list[Source]:
        if value.kind is not Kind.SEQUENCE:
            self.error(value.line, "sources", f"expected a list, got {type_name(value)}")
            return []
        out: list[Source] = []
        for i, item in enumerate(value.items):
            name = f"sources[{i}]"
            if item.kind is Kind.MAPPING:
                source = self.source_mapping(item, name)
                if source is not None:
                    out.append(source)
            elif (title := self.text(item, name)) is not None:
                out.append(Source(title=title))
        return out

    def source_mapping(self, item: YamlValue, name: str) -> Source | None:
        fields = self.fields(item.entries, SOURCE_KEYS, name)
        if "title" not in fields:
            self.error(item.line, f"{name}.title", "missing required field")
            return None
        title = self.one_line(fields["title"], f"{name}.title", 300)
        url = ""
        if "url" in fields and (url_text := self.text(fields["url"], f"{name}.url")) is not None:
            url = url_text
            if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
                self.error(fields["url"].line, f"{name}.url", "must be an http(s) URL")
        return Source(title=title, url=url) if title is not None else None

    def fields(
        self, entries: tuple[YamlEntry, ...], known: tuple[str, ...], prefix: str = ""
    ) -> dict[str, YamlValue]:
        """Known keys to their values; reports unknown and non-text keys."""
        out: dict[str, YamlValue] = {}
        for entry in entries:
            key = entry.key
            name = f"{prefix}.{excerpt(key)}" if prefix else excerpt(key)
            if not isinstance(key, str):
                self.error(entry.line, name, "a field name must be text")
            elif key in known:
                out[key] = entry.value
            else:
                self.error(entry.line, name, "unknown field" + did_you_mean(key[:100], known))
        return out
