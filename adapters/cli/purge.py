"""``explainbot purge --older-than 30d | --user ID [--db PATH]``: delete from the question log.

By age (what the running bot does hourly with ``EXPLAINBOT_RETENTION_DAYS``) or by user (a
person who asks to be forgotten: their questions and votes, on every platform). A user is found
by the same salted hash the bot stores, so the salt must be the bot's: ``EXPLAINBOT_USER_SALT``,
or the file beside the SQLite database.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import Any

from adapters.cli.report import database_args, database_error
from bot.errors import ConfigError

# bot.insights.report and bot.store (sqlite3, prometheus_client) are imported when the command runs:
# building the parser for ``explainbot ask`` must not pay 50-70 ms for them.


def register(
    subparsers: Any, serve_subparsers: Any, parents: Sequence[argparse.ArgumentParser]
) -> None:
    """Add ``purge`` to the ``explainbot`` parser."""
    del serve_subparsers
    purge = subparsers.add_parser(
        "purge",
        parents=list(parents),
        help="delete recorded questions and votes by age or by user",
        description="Delete from the question log ($EXPLAINBOT_DATABASE_URL, else "
        "$EXPLAINBOT_DB). Give --older-than, --user, or both (then: that user's older ones).",
    )
    purge.add_argument("--older-than", metavar="PERIOD", help="asked before PERIOD ago: 30d, 12h")
    purge.add_argument("--user", metavar="ID", help="a Slack or Discord user id (e.g. U0123ABCD)")
    purge.add_argument("--db", metavar="PATH", help="a SQLite database (default: $EXPLAINBOT_DB)")
    purge.set_defaults(func=run_purge)


def run_purge(args: argparse.Namespace) -> int:
    from bot.insights.report import parse_since
    from bot.settings import SALT, Settings
    from bot.store import StoreError, open_backend, user_hash
    from bot.store.salt import salt_path

    if not args.older_than and not args.user:
        raise ConfigError("purge: say what to delete: --older-than PERIOD and/or --user ID")
    before = time.time() - parse_since(args.older_than) if args.older_than else None
    settings = Settings.from_env(knowledge=args.knowledge)
    url, path = database_args(args, settings)
    if not url and not path.is_file():
        print(f"Nothing to purge: {path} does not exist.")
        return 0
    hashed = None
    if args.user:
        salt = settings.salt
        if not salt:
            if url or not salt_path(path).is_file():
                raise ConfigError(
                    f"purge --user: {SALT} is not set and {salt_path(path)} does not exist; "
                    "use the salt the bot records with"
                )
            salt = salt_path(path).read_text(encoding="ascii").strip()
        hashed = user_hash(salt.encode(), args.user.strip())
    backend = open_backend(database_url=url, db_path=path)
    try:
        deleted = backend.purge(before=before, user_hash=hashed)
    except StoreError:
        raise
    except Exception as exc:  # sqlite3 / psycopg errors: one line, no traceback
        raise database_error(backend.where, exc, url=url) from None
    finally:
        backend.close()
    what = " and ".join(
        part
        for part in (
            f"asked more than {args.older_than} ago" if args.older_than else "",
            "by that user" if args.user else "",
        )
        if part
    )
    print(f"Deleted {deleted} question(s) {what}, with their votes, from {backend.where}.")
    return 0
