"""``explainbot serve slack``. Slack libraries are imported only when the command runs."""

from __future__ import annotations

import argparse
import os


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    serve_subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Add ``serve slack`` (this module adds no top-level command)."""
    del subparsers
    parser = serve_subparsers.add_parser(
        "slack",
        parents=parents,
        help="run the Slack bot",
        description=(
            "Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, otherwise an HTTP "
            "server for Slack's Events API and interactivity on --host/--port at /slack/events. "
            "Needs SLACK_BOT_TOKEN, and SLACK_SIGNING_SECRET in HTTP mode."
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="HTTP mode: address to bind (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=_port, default=3000, help="HTTP mode: port (default: %(default)s)"
    )
    parser.set_defaults(func=_serve)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}")
    return port


def _serve(args: argparse.Namespace) -> int:
    from adapters.slack.settings import SlackSettings, load_settings, slack_environ
    from bot.runtime.lifecycle import idle_wanted, missing_settings
    from bot.runtime.ops import Ops

    # Settings first, before anything slow: a bad setting stops at once, in one line.
    environ = slack_environ(os.environ)
    missing = missing_settings(["SLACK_BOT_TOKEN"], environ)
    settings: SlackSettings | None = None
    if not (missing and idle_wanted(environ)):
        settings = load_settings(environ)
    ops = Ops.from_env("slack", environ, knowledge=args.knowledge)

    from adapters.slack.serve import run  # slack_bolt loads here, never for other commands

    return run(ops, settings, host=args.host, port=args.port, missing=missing, environ=environ)
