"""A structure the engine builds once per knowledge base, kept the same way across swaps.

The trust judge, the autocomplete index and the fitted answer threshold each have three
places: the one for the current knowledge, the one :meth:`Engine.prepare` built for the next
swap, and the one for the knowledge a swap replaced, which answers begun before the swap may
still need for a few seconds (building it again would cost them 100 ms at 100,000 questions).
Every change is one reference assignment, so readers on other threads see the old or the new.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

T = TypeVar("T")
Held = tuple["KnowledgeBase", T]


class PerKnowledge(Generic[T]):
    """One kind of structure, per knowledge base (see the module docstring)."""

    def __init__(self) -> None:
        self.current: Held[T] | None = None
        self.prepared: Held[T] | None = None
        self.retired: Held[T] | None = None

    def get(
        self, kb: KnowledgeBase, build: Callable[[KnowledgeBase], T], *, current: bool = True
    ) -> T:
        """The structure for ``kb``: cached, prepared, retired (not cached again), or built.

        ``current``: whether ``kb`` is the knowledge being served. Only then does a prepared
        or built structure become the current one: a late answer on knowledge already let go
        (or a look at knowledge not swapped in yet) must not push out the served one's.
        """
        held = self.current
        if held is not None and held[0] is kb:
            return held[1]
        prepared = self.prepared
        if prepared is not None and prepared[0] is kb:
            if current:
                self.current = prepared
            return prepared[1]
        retired = self.retired
        if retired is not None and retired[0] is kb:
            return retired[1]  # an answer begun before the swap
        built = (kb, build(kb))
        if current:
            self.current = built
        return built[1]

    def prepare(self, kb: KnowledgeBase, value: T) -> None:
        self.prepared = (kb, value)

    def latest(self) -> Held[T] | None:
        """The newest one built (prepared, else current): what an update starts from."""
        return self.prepared or self.current

    def swap(self, kb: KnowledgeBase) -> None:
        """``kb`` replaces the current knowledge: the current structure is retired, and the
        one prepared for ``kb`` becomes current now, not when a question next needs it (the
        replaced knowledge, index and all, would stay alive until then)."""
        self.retired = self.current
        prepared = self.prepared
        if prepared is not None and prepared[0] is kb:
            self.current = prepared

    def release(self) -> None:
        """No answer can still be on the replaced knowledge: let go of its structure."""
        self.retired = None

    def holds(self) -> list[KnowledgeBase]:
        """The knowledge bases this keeps alive (current and retired)."""
        return [held[0] for held in (self.current, self.retired) if held is not None]
