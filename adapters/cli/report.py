"""``explainbot report [--since 7d] [--json] [--db PATH]``: what the question log says."""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import ExplainbotError
from bot.loader import default_knowledge_dir, load_knowledge

if TYPE_CHECKING:
    from bot.report import Report

# bot.report and bot.store (sqlite3 and friends) are imported when the command runs: other
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
        help="what people asked: outcomes, unanswered questions, feedback, new questions",
        description="Summarise the question log ($EXPLAINBOT_DB, else "
        "$XDG_DATA_HOME/explainbot/explainbot.db).",
    )
    report.add_argument("--since", metavar="PERIOD", help="only the last PERIOD: 30m, 12h, 7d")
    report.add_argument("--json", action="store_true", help="print one JSON object")
    report.add_argument("--db", metavar="PATH", help="the database (default: $EXPLAINBOT_DB)")
    report.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    from bot.report import build_report, parse_since
    from bot.store import default_db_path

    since = parse_since(args.since) if args.since else None
    path = Path(args.db) if args.db else default_db_path(os.environ)
    report = build_report(
        path, now=time.time(), since_seconds=since, known_questions=_known_questions(args)
    )
    if report is None or report.total == 0:
        if report is None:
            message = f"No questions recorded yet: {path} does not exist."
        elif args.since:
            message = f"No questions recorded in the last {args.since} in {path}."
        else:
            message = f"No questions recorded yet: {path} is empty."
        if args.json:
            print(json.dumps({"database": str(path), "total": 0, "message": message}))
        else:
            print(message)
        return 0
    print(json.dumps(asdict(report), ensure_ascii=False) if args.json else render_text(report))
    return 0


def _known_questions(args: argparse.Namespace) -> dict[str, frozenset[str]] | None:
    """Current questions per snippet, so suggestions skip what is already there."""
    directory = Path(args.knowledge) if args.knowledge else default_knowledge_dir()
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
    from bot.report import FOLLOW_UP_SECONDS

    """The report as plain text; the suggestions paste straight into snippet YAML."""
    span = f"since {_when(report.since)}" if report.since is not None else "all time"
    out = [f"explainbot report: {report.total} questions, {span} ({report.database})", ""]
    out.append("By outcome")
    for outcome in sorted(report.by_outcome, key=_outcome_order):
        n = report.by_outcome[outcome]
        out.append(f"  {outcome:<10} {n:>7}  {100 * n / report.total:5.1f}%")
    out += ["", "By platform"]
    for platform, counts in sorted(report.by_platform.items()):
        parts = " · ".join(f"{o} {counts[o]}" for o in sorted(counts, key=_outcome_order))
        out.append(f"  {platform:<10} {parts}")
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
    out += ["", 'Snippets with the most "Not helpful" votes']
    if not report.not_helpful:
        out.append("  (none)")
    for votes in report.not_helpful:
        out.append(
            f"  {votes.snippet_id:<28} {votes.not_helpful} not helpful, {votes.helpful} helpful"
        )
    minutes = int(FOLLOW_UP_SECONDS // 60)
    out += [
        "",
        f"Suggested new questions (unanswered, then rephrased and answered within {minutes} "
        "minutes); add the items to each snippet's questions:",
    ]
    if not report.suggested:
        out.append("  (none)")
    for i, sid in enumerate(sorted({s.snippet_id for s in report.suggested})):
        if i:
            out.append("")
        out += [f"# knowledge/{sid}.yaml", "questions:"]
        out += [
            f"  - {json.dumps(s.question, ensure_ascii=False)}"
            for s in report.suggested
            if s.snippet_id == sid
        ]
    return "\n".join(out)


def _outcome_order(outcome: str) -> tuple[int, str]:
    return (OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES), outcome)
