"""explainbot's platform-neutral answer engine.

Nothing in this package knows about any chat platform.
"""

from __future__ import annotations

from bot.engine import Engine, MatchConfig
from bot.errors import ConfigError, ExplainbotError, KnowledgeError
from bot.knowledge import KnowledgeBase, build_knowledge
from bot.loader import default_knowledge_dir, load_knowledge
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
from bot.service import AnswerService

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
    "default_knowledge_dir",
    "load_knowledge",
]
