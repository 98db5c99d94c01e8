"""The adapter contract: what the run loop (:mod:`bot.runtime.run`) needs of a chat platform.

Each platform implements it in one class (``adapters/<platform>/adapter.py``). The run loop owns
everything around it: signals, draining answers in flight, knowledge reload, health and what to
tell the admin channel; an adapter only connects, reports whether it is connected, disconnects,
posts the notices it is given, and renders the neutral views of :mod:`bot.presentation` in its own
format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from bot.presentation.view import View

# What a platform renders a view into (its own message type).
Message_co = TypeVar("Message_co", covariant=True)


class Adapter(Protocol[Message_co]):
    """A chat platform as the run loop drives it.

    The run loop calls :meth:`start`, then waits for a stop request or :meth:`wait_closed`;
    at shutdown it calls :meth:`stop`, lets the answers in flight finish, then :meth:`close`.
    """

    @property
    def platform(self) -> str:
        """The platform's name, recorded with questions and reported by ``/healthz``."""
        ...

    async def start(self) -> None:
        """Connect (or listen) and return once questions can arrive.

        Raises:
            ConfigError: the platform refused a token or cannot be reached (one clear line).
        """
        ...

    async def wait_closed(self) -> None:
        """Return when the connection has ended: after :meth:`close`, or by itself.

        Raises:
            ConfigError: the platform ended it for a reason an admin must fix (a revoked token).
        """
        ...

    def connected(self) -> bool:
        """True while the platform connection is up (``/healthz`` reports it)."""
        ...

    async def stop(self) -> None:
        """Take no new questions; answers in flight must still be deliverable. Idempotent."""
        ...

    async def close(self) -> None:
        """Release the platform connection (answers in flight have finished). Idempotent."""
        ...

    def notice_channel(self, raw: str) -> str | None:
        """``EXPLAINBOT_ADMIN_CHANNEL`` as this platform's channel id, or None (after one
        warning) when it is not one: admin notices are then only logged."""
        ...

    def render(self, view: View) -> Message_co:
        """A neutral view as this platform's message; who may see it is the view's decision."""
        ...

    async def post_notice(self, channel: str, text: str) -> None:
        """Post ``text`` (plain, several lines) to ``channel`` as it is, pinging nobody.

        The text may be longer than the platform allows: the adapter fits it (see
        :func:`bot.runtime.notices.fit_lines`) and escapes whatever its markup would read.
        """
        ...
