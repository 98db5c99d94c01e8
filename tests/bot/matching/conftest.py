"""The engine on the bundled knowledge, built once per test module that asks for it."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import load_knowledge
from bot.matching.engine import Engine
from bot.settings import bundled_knowledge_dir


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge(bundled_knowledge_dir()))
