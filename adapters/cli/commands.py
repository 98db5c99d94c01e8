"""The terminal commands ``explainbot ask``, ``explainbot topics`` and ``explainbot check``.

Every command takes ``--knowledge DIR`` (else ``$EXPLAINBOT_KNOWLEDGE``, else the bundled
``knowledge/``). A knowledge directory that does not load is reported as its problems, one
``file:line: field: what is wrong`` per line on stderr, with exit code 1.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from adapters.cli.render import (
    answer_to_json_dict,
    render_answer,
    render_problems,
    render_topics,
    topics_to_json_list,
)
from bot.errors import KnowledgeError
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge, scan_knowledge
from bot.matching.engine import Engine
from bot.models import Answer, ChannelKind, Question
from bot.runtime.service import AnswerService
from bot.settings import Settings

ECHO_LIMIT = 200  # characters of a question echoed before its answer in batch text mode


def register(
    subparsers: Any, serve_subparsers: Any, parents: Sequence[argparse.ArgumentParser]
) -> None:
    """Add ``ask``, ``topics`` and ``check`` to the ``explainbot`` parser."""
    del serve_subparsers  # these commands serve no platform
    ask = subparsers.add_parser(
        "ask",
        parents=list(parents),
        help="answer a question (or one question per line from stdin)",
        description="Answer QUESTION, or every line of standard input when none is given.",
    )
    ask.add_argument("question", nargs="*", metavar="QUESTION", help="the question (words)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question per line")
    ask.add_argument(
        "--verbose", action="store_true", help="also show the match score (a debugging figure)"
    )
    ask.set_defaults(func=run_ask)

    topics = subparsers.add_parser("topics", parents=list(parents), help="list the topics")
    topics.add_argument("--json", action="store_true", help="print a JSON list")
    topics.set_defaults(func=run_topics)

    check = subparsers.add_parser(
        "check",
        parents=list(parents),
        help="validate a knowledge directory",
        description="Print every problem as file:line: field: message; exit 1 on errors.",
    )
    check.add_argument("directory", nargs="?", metavar="DIR", help="directory to check")
    check.set_defaults(func=run_check)


def settings(args: argparse.Namespace) -> Settings:
    """The settings, with ``--knowledge`` winning over ``$EXPLAINBOT_KNOWLEDGE``."""
    return Settings.from_env(knowledge=getattr(args, "knowledge", None))


def run_ask(args: argparse.Namespace) -> int:
    config = settings(args)
    kb = _load(config.knowledge_dir, cache_dir=config.index_cache)
    if kb is None:
        return 1
    service = AnswerService(Engine(kb, config=config.match))

    def answer(text: str) -> Answer:
        question = Question(text=text, platform="cli", channel_kind=ChannelKind.CLI)
        return service.ask(question).answer

    if args.question:
        text = " ".join(args.question)
        return _write(
            lambda: _emit(answer(text), as_json=args.json, echo=False, verbose=args.verbose)
        )
    interactive = _is_tty(sys.stdin)

    def batch() -> None:
        for line in _stdin_lines():
            _emit(
                answer(line), as_json=args.json, echo=True, flush=interactive, verbose=args.verbose
            )

    return _write(batch)


def run_topics(args: argparse.Namespace) -> int:
    config = settings(args)
    kb = _load(config.knowledge_dir, cache_dir=config.index_cache)
    if kb is None:
        return 1
    topics = Engine(kb).topics()
    if args.json:
        return _write(lambda: print(json.dumps(topics_to_json_list(topics))))
    return _write(lambda: print(render_topics(topics)))


def run_check(args: argparse.Namespace) -> int:
    directory = Path(args.directory) if args.directory else settings(args).knowledge_dir
    scan = scan_knowledge(directory)
    errors, warnings = len(scan.errors), len(scan.warnings)

    def report() -> None:
        if scan.problems:
            print(render_problems(scan.problems))
        verdict = "FAILED" if errors else "OK"
        print(
            f"{verdict}: {directory}: {len(scan.snippets)} valid snippet(s), "
            f"{errors} error(s), {warnings} warning(s)"
        )

    written = _write(report)
    return 1 if errors else written


def _load(directory: Path, *, cache_dir: Path | None) -> KnowledgeBase | None:
    """The knowledge base, or None after printing why it does not load."""
    try:
        return load_knowledge(directory, cache_dir=cache_dir)
    except KnowledgeError as exc:
        print(render_problems(exc.problems), file=sys.stderr)
        print(
            f"explainbot: {len(exc.problems)} problem(s) in {directory}; "
            f"fix them (explainbot check {directory}) or pass --knowledge DIR",
            file=sys.stderr,
        )
        return None


def _emit(
    answer: Answer, *, as_json: bool, echo: bool, flush: bool = False, verbose: bool = False
) -> None:
    if as_json:
        # ASCII-only JSON cannot fail on any terminal encoding and is one line by construction.
        print(json.dumps(answer_to_json_dict(answer)), flush=flush)
        return
    if echo:
        shown = answer.question
        if len(shown) > ECHO_LIMIT:
            shown = shown[:ECHO_LIMIT] + "..."
        print(f"> {shown}")
    print(render_answer(answer, verbose=verbose), flush=flush and not echo)
    if echo:
        print(flush=flush)  # a blank line between the answers of a batch


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _stdin_lines() -> Iterator[str]:
    """Lines of standard input without their line ends; bytes that are not UTF-8 are replaced."""
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # a text stream without bytes underneath (e.g. io.StringIO)
        for line in sys.stdin:
            yield line.rstrip("\r\n")
        return
    for data in raw:
        yield data.decode("utf-8", errors="replace").rstrip("\r\n")


def _write(produce: Callable[[], None]) -> int:
    """Run ``produce`` (which prints), surviving an unencodable character or a closed pipe."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")
    try:
        produce()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (e.g. `head`) left; stop quietly instead of a traceback at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    return 0
