"""``explainbot serve slack``. Slack libraries are imported only when the command runs."""

from __future__ import annotations

import argparse


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
    from adapters.slack.settings import SECRET_VARS, SlackSettings, load_settings
    from bot.runtime.ops import Ops
    from bot.settings import Settings, missing, read_environ

    # Settings first, before anything slow: a bad setting stops at once, in one line.
    environ = read_environ(SECRET_VARS)
    settings = Settings.from_env(environ, knowledge=args.knowledge)
    absent = missing(environ, ["SLACK_BOT_TOKEN"])
    slack: SlackSettings | None = None
    if not (absent and settings.idle_without_token):
        slack = load_settings(environ)
    ops = Ops.from_settings("slack", settings)

    from adapters.slack.serve import run  # slack_bolt loads here, never for other commands

    return run(ops, slack, host=args.host, port=args.port, missing=absent, environ=environ)
