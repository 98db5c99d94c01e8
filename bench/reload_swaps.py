"""How long until ``explainbot serve slack`` serves a knowledge directory replaced or edited the
ways deployments do it (issue 12, part 1).

Usage: .venv/bin/python bench/reload_swaps.py [--repeat N] [--polling] [--timeout S]

Starts the real ``explainbot serve slack`` process idling without a Slack token (the knowledge
watcher and ``/healthz`` run exactly as when connected; nothing leaves 127.0.0.1), then for each
way of changing the directory measures the time from the end of the change until ``/healthz``
reports knowledge loaded after it (polled every 10 ms). A change not served within ``--timeout``
seconds counts as deaf and ends that row. ``--polling`` sets ``WATCHFILES_FORCE_POLLING=true``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IDS = ("alpha", "beta", "gamma")


def snippet(sid: str, version: str) -> str:
    return (
        f"id: {sid}\ntitle: {sid.title()} explained\nsummary: What {sid} means, in one line.\n"
        f"questions:\n  - what is {sid}\n  - explain {sid}\n  - {sid} meaning\n"
        f"body: |\n  {sid} {version}.\n"
    )


def tree(directory: Path, version: str) -> None:
    directory.mkdir(parents=True)
    for sid in IDS:
        (directory / f"{sid}.yaml").write_text(snippet(sid, version), encoding="utf-8")


def edit_in_place(d: Path, v: str) -> None:
    (d / "beta.yaml").write_text(snippet("beta", v), encoding="utf-8")


def recreate(d: Path, v: str) -> None:
    shutil.rmtree(d)
    tree(d, v)


def rename_in(d: Path, v: str) -> None:
    staged, old = d.with_name("staged"), d.with_name("old")
    tree(staged, v)
    shutil.rmtree(old, ignore_errors=True)
    d.rename(old)
    staged.rename(d)


def configmap(d: Path, v: str) -> None:
    if not (d / "..data").exists():  # first use: turn the plain tree into a ConfigMap layout
        shutil.rmtree(d)
        d.mkdir()
        tree(d / "..v0", "v0")
        (d / "..data").symlink_to("..v0")
        for sid in IDS:
            (d / f"{sid}.yaml").symlink_to(f"..data/{sid}.yaml")
    old = os.readlink(d / "..data")
    tree(d / f"..{v}", v)
    (d / "..data_tmp").symlink_to(f"..{v}")
    os.replace(d / "..data_tmp", d / "..data")
    shutil.rmtree(d / old)


def half_written(d: Path, v: str) -> None:
    text = snippet("beta", v)
    cut = text.index("questions:")
    with (d / "beta.yaml").open("w", encoding="utf-8") as f:
        f.write(text[:cut])
        f.flush()
        time.sleep(0.1)
        f.write(text[cut:])


CHANGES: dict[str, Callable[[Path, str], None]] = {
    "edit in place": edit_in_place,
    "half-written save (0.1 s pause)": half_written,
    "delete and recreate": recreate,
    "replace by rename": rename_in,
    "ConfigMap ..data swap": configmap,
}


def healthz(port: int) -> dict[str, object]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
            body: dict[str, object] = json.load(resp)
    except urllib.error.HTTPError as exc:  # 503 while idling without a token: body as usual
        body = json.load(exc)
    return body


def start(tmp: Path, polling: bool) -> tuple[subprocess.Popen[bytes], int, Path]:
    """A fresh ``explainbot serve slack`` on a fresh knowledge directory; waits for /healthz."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    knowledge = tmp / "knowledge"
    shutil.rmtree(tmp, ignore_errors=True)
    tree(knowledge, "v0")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "EXPLAINBOT"))}
    env.pop("WATCHFILES_FORCE_POLLING", None)
    env |= {"EXPLAINBOT_IDLE_WITHOUT_TOKEN": "1", "EXPLAINBOT_HEALTH_PORT": str(port)}
    env |= {"EXPLAINBOT_DB": str(tmp / "db.sqlite")}
    if polling:
        env["WATCHFILES_FORCE_POLLING"] = "true"
    command = [sys.executable, "-m", "adapters.cli.main", "serve", "slack"]
    proc = subprocess.Popen(
        [*command, "--knowledge", str(knowledge)], env=env, cwd=ROOT, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            healthz(port)
            return proc, port, knowledge
        except OSError:
            assert time.monotonic() < deadline and proc.poll() is None, "no /healthz"
            time.sleep(0.05)


def measure(
    change: Callable[[Path, str], None], repeat: int, timeout: float, polling: bool, tmp: Path
) -> tuple[list[float], str, object]:
    """Seconds until served for each change (stops at the first never served), the watch
    mode and the last reload error."""
    proc, port, knowledge = start(tmp, polling)
    times: list[float] = []
    try:
        for n in range(1, repeat + 1):
            before = healthz(port)["knowledge_loaded_at"]
            change(knowledge, f"v{n}")
            began = time.monotonic()
            while healthz(port)["knowledge_loaded_at"] == before:
                if time.monotonic() - began > timeout:
                    break
                time.sleep(0.01)
            else:
                times.append(time.monotonic() - began)
                time.sleep(0.2)
                continue
            break  # deaf: later changes would wait in vain
        body = healthz(port)
        return times, str(body.get("watch_mode", "not reported")), body["last_reload_error"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--polling", action="store_true")
    args = parser.parse_args()
    print(f"{args.repeat} changes each, one fresh process per row; seconds until served\n")
    print("| change | watch mode | median s | max s | served | last reload error |")
    print("|---|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, change in CHANGES.items():
            times, mode, error = measure(
                change, args.repeat, args.timeout, args.polling, Path(tmp) / "run"
            )
            row = "never | never"
            if times:
                row = f"{statistics.median(times):.2f} | {max(times):.2f}"
            shown = "none" if error is None else str(error).split(": ", 1)[-1][:60]
            served = f"{len(times)}/{args.repeat}"
            print(f"| {name} | {mode} | {row} | {served} | {shown} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
