"""The one error root of explainbot and its children."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Problem


class ExplainbotError(Exception):
    """Base class of every error explainbot raises on purpose."""


class KnowledgeError(ExplainbotError):
    """A knowledge directory did not validate.

    Attributes:
        problems: every error found (warnings are not included), each naming file, line and field.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"knowledge has {len(self.problems)} problem(s):\n{lines}")


class ConfigError(ExplainbotError):
    """A setting (environment variable or option) is missing or malformed."""
