"""explainbot's platform-neutral answer engine.

Nothing in this package knows about any chat platform.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.errors import ConfigError, ExplainbotError, KnowledgeError
    from bot.knowledge.base import KnowledgeBase, build_knowledge
    from bot.knowledge.loader import load_knowledge
    from bot.matching.engine import Engine, MatchConfig
    from bot.models import (
        Answer,
        ChannelKind,
        Problem,
        Question,
        Reply,
        Snippet,
        Source,
        Status,
        Suggestion,
    )
    from bot.runtime.service import AnswerService
    from bot.settings import bundled_knowledge_dir

# Imported on first use, so that a command pays only for the modules it uses.
_HOME = {
    "Answer": "bot.models",
    "AnswerService": "bot.runtime.service",
    "ChannelKind": "bot.models",
    "ConfigError": "bot.errors",
    "Engine": "bot.matching.engine",
    "ExplainbotError": "bot.errors",
    "KnowledgeBase": "bot.knowledge.base",
    "KnowledgeError": "bot.errors",
    "MatchConfig": "bot.matching.engine",
    "Problem": "bot.models",
    "Question": "bot.models",
    "Reply": "bot.models",
    "Snippet": "bot.models",
    "Source": "bot.models",
    "Status": "bot.models",
    "Suggestion": "bot.models",
    "build_knowledge": "bot.knowledge.base",
    "bundled_knowledge_dir": "bot.settings",
    "load_knowledge": "bot.knowledge.loader",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'bot' has no attribute {name!r}")
    return getattr(import_module(home), name)


__all__ = [
    "Answer",
    "AnswerService",
    "ChannelKind",
    "ConfigError",
    "Engine",
    "ExplainbotError",
    "KnowledgeBase",
    "KnowledgeError",
    "MatchConfig",
    "Problem",
    "Question",
    "Reply",
    "Snippet",
    "Source",
    "Status",
    "Suggestion",
    "build_knowledge",
    "bundled_knowledge_dir",
    "load_knowledge",
]
