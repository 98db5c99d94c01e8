"""``explainbot report [--since 7d] [--json] [--db PATH]``: what the question log says."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import ExplainbotError
from bot.knowledge.loader import load_knowledge
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.insights.report import Report
    from bot.store import StoreError

# bot.insights.report and bot.store (sqlite3 and friends) are imported when the command runs: other
# commands (``ask``) never pay for them.

OUTCOMES = ("answer", "suggest", "none", "topics", "throttled")


def register(
    subparsers: Any, serve_subparsers: Any, parents: Sequence[argparse.ArgumentParser]
) -> None:
    """Add ``report`` to the ``explainbot`` parser."""
    del serve_subparsers
    report = subparsers.add_parser(
        "report",
        parents=list(parents),
        help="what people asked: topics, feedback, unanswered questions, new example questions",
        description="Summarise the question log ($EXPLAINBOT_DATABASE_URL, else $EXPLAINBOT_DB, "
        "else $XDG_DATA_HOME/explainbot/explainbot.db).",
    )
    report.add_argument("--since", metavar="PERIOD", help="only the last PERIOD: 30m, 12h, 7d")
    report.add_argument("--json", action="store_true", help="print one JSON object")
    report.add_argument("--db", metavar="PATH", help="a SQLite database (default: $EXPLAINBOT_DB)")
    report.set_defaults(func=run_report)


def database_args(args: argparse.Namespace, settings: Settings) -> tuple[str | None, Path]:
    """(PostgreSQL URL or None, SQLite path) from ``--db``, else the settings."""
    if getattr(args, "db", None):
        return None, Path(args.db)
    return settings.database_url, settings.db_path


def run_report(args: argparse.Namespace) -> int:
    from bot.insights.report import build_report, parse_since
    from bot.store import StoreError, open_backend

    since = parse_since(args.since) if args.since else None
    settings = Settings.from_env(knowledge=args.knowledge)
    url, path = database_args(args, settings)
    where = path
    report: Report | None = None
    if url or path.is_file():
        backend = open_backend(database_url=url, db_path=path, read_only=True)
        try:
            report = build_report(
                backend,
                now=time.time(),
                since_seconds=since,
                known_questions=_known(settings.knowledge_dir),
            )
        except StoreError:
            raise
        except Exception as exc:  # sqlite3 / psycopg errors: one line, no traceback
            raise database_error(backend.where, exc, url=url) from None
        finally:
            backend.close()
    if report is None or report.total == 0:
        where_text = report.database if report is not None else str(where)
        if report is None:
            message = f"No questions recorded yet: {where_text} does not exist."
        elif args.since:
            message = f"No questions recorded in the last {args.since} in {where_text}."
        else:
            message = f"No questions recorded yet: {where_text} is empty."
        if args.json:
            print(json.dumps({"database": where_text, "total": 0, "message": message}))
        else:
            print(message)
        return 0
    print(json.dumps(to_json(report), ensure_ascii=False) if args.json else render_text(report))
    return 0


def database_error(where: str, exc: Exception, *, url: str | None) -> StoreError:
    """One line saying why the database could not be read."""
    from bot.store import StoreError

    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    if url and type(exc).__name__ == "OperationalError":
        return StoreError(f"{where}: cannot reach the database: {detail}")
    return StoreError(f"{where}: not a readable explainbot database: {detail}")


def to_json(report: Report) -> dict[str, Any]:
    data = asdict(report)
    for votes, entry in zip(report.votes, data["votes"], strict=True):
        entry["helpful_ratio"] = round(votes.ratio, 3)
    return data


def _known(directory: Path) -> dict[str, frozenset[str]] | None:
    """Current questions per snippet, so suggestions skip what is already there."""
    try:
        kb = load_knowledge(directory)
    except (ExplainbotError, OSError):
        return None  # the report stands without the filter
    return {
        sid: frozenset(q.casefold() for q in (*s.questions, *s.aliases))
        for sid, s in kb.snippets.items()
    }


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M UTC")


def render_text(report: Report) -> str:
    from bot.insights.report import FOLLOW_UP_SECONDS

    """The report as plain text; the suggestions paste straight into snippet YAML."""
    span = f"since {_when(report.since)}" if report.since is not None else "all time"
    out = [f"explainbot report: {report.total} questions, {span} ({report.database})", ""]
    out.append("By outcome")
    for outcome in sorted(report.by_outcome, key=_outcome_order):
        n = report.by_outcome[outcome]
        out.append(f"  {outcome:<10} {n:>7}  {100 * n / report.total:5.1f}%")
    if report.picks:
        out.append(f"  (and {report.picks} did-you-mean picks)")
    out += ["", "By platform"]
    for platform, counts in sorted(report.by_platform.items()):
        parts = " · ".join(f"{o} {counts[o]}" for o in sorted(counts, key=_outcome_order))
        out.append(f"  {platform:<10} {parts}")
    out += ["", "Most asked topics (confident answers)"]
    out += [f"  {t.count:>7}  {t.snippet_id}" for t in report.top_topics] or ["  (none)"]
    out += ["", "Helpful ratio per snippet (least helpful first)"]
    out += [
        f"  {v.snippet_id:<28} {100 * v.ratio:5.1f}% helpful  "
        f"({v.helpful} helpful, {v.not_helpful} not helpful)"
        for v in report.votes
    ] or ["  (no votes)"]
    out += ["", "Most frequent questions without a confident answer (none or suggest)"]
    if not report.unanswered:
        out.append("  (none)")
    for group in report.unanswered:
        similar = ""
        if group.variants:
            shown = ", ".join(json.dumps(v, ensure_ascii=False) for v in group.variants[:3])
            more = f" and {len(group.variants) - 3} more" if len(group.variants) > 3 else ""
            similar = f"  (also: {shown}{more})"
        out.append(f"  {group.count:>5}  {group.text}{similar}")
    minutes = int(FOLLOW_UP_SECONDS // 60)
    out += [
        "",
        "Suggested example questions (unanswered, then a did-you-mean pick or a rephrasing "
        f"answered within {minutes} minutes); add them to each snippet's questions:",
    ]
    if not report.suggested:
        out.append("  (none)")
    for i, sid in enumerate(sorted({s.snippet_id for s in report.suggested})):
        if i:
            out.append("")
        out += [f"# knowledge/{sid}.yaml", "questions:"]
        out += [
            f"  - {json.dumps(s.question, ensure_ascii=False)}  "
            f"# {s.count}x: {s.picked} picked, {s.rephrased} rephrased"
            for s in report.suggested
            if s.snippet_id == sid
        ]
    return "\n".join(out)


def _outcome_order(outcome: str) -> tuple[int, str]:
    return (OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES), outcome)
