"""Entry point of the ``explainbot`` command: builds the parser from each adapter's commands.

Each command module exposes ``register(subparsers, parents)``; platform modules import their
libraries lazily so that ``explainbot ask`` never pays for slack_bolt or discord.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.errors import ExplainbotError

# Modules that add subcommands (each owns its own), with the top-level commands they add: a
# command line naming one of them builds only its modules' parsers (``explainbot ask`` is a
# cold start: the others' imports and parsers cost it about 6 ms); any other line builds all.
COMMAND_MODULES = {
    "adapters.cli.commands": ("ask", "topics", "check"),
    "adapters.cli.report": ("report",),
    "adapters.cli.purge": ("purge",),
    "adapters.slack.cli": ("serve",),
    "adapters.discord.cli": ("serve", "discord"),
}


class _Version(argparse.Action):
    """``--version``, reading the package metadata only when asked (importlib.metadata costs
    every other command 20 ms)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from bot.version import installed_version

        print(f"{parser.prog} {installed_version()}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser, or, given a command line whose first word is a command, the parser
    of that command's modules only (the same parse of that line)."""
    import importlib

    first = next(iter(argv), None) if argv is not None else None
    known = {command for commands in COMMAND_MODULES.values() for command in commands}
    only = first if first in known else None

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--knowledge",
        metavar="DIR",
        default=None,
        help="knowledge directory (default: $EXPLAINBOT_KNOWLEDGE, else the bundled knowledge/)",
    )
    parser = argparse.ArgumentParser(
        prog="explainbot", description="Explains AI terms from curated snippets."
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = sub.add_parser("serve", help="run the bot on a chat platform")
    serve_sub = serve.add_subparsers(dest="platform", required=True, metavar="PLATFORM")
    for name, commands in COMMAND_MODULES.items():
        if only is not None and only not in commands:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # not written yet
        module.register(sub, serve_sub, [common])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    line = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(line).parse_args(line)
    try:
        code: int = args.func(args)
    except ExplainbotError as exc:
        print(f"explainbot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
