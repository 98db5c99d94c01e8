"""Run the Dockerfile's install steps in a fresh virtual environment, as the image build would.

Usage: python3 scripts/check_image_install.py [--timeout SECONDS]

There is no Docker engine on the development machines, so this checks what can be checked
without one: every ``RUN`` line of the Dockerfile that calls ``pip`` is run, unchanged, by
``sh -c`` in a copy of what the Dockerfile ``COPY``s, with a fresh venv's ``pip`` first on PATH
and pip's machine configuration (local mirrors, find-links, constraints) switched off, so that
packages come from PyPI as in the build and must match the lock's hashes. Then the installed
``explainbot`` answers a question from the copied knowledge and both chat libraries import.
Each step is bounded by ``--timeout``; exit status 0 when everything passed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        op, _, rest = (pending + line).partition(" ")
        pending = ""
        out.append((op.upper(), rest.strip()))
    return out


def run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> None:
    shown = " ".join(shlex.quote(c) for c in command)
    print(f"$ {shown}", flush=True)
    started = time.monotonic()
    subprocess.run(command, cwd=cwd, env=env, timeout=timeout, check=True)
    print(f"  ok ({time.monotonic() - started:.1f} s)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    steps = dockerfile()
    with tempfile.TemporaryDirectory(prefix="explainbot-image-") as tmp:
        app, env_dir = Path(tmp) / "app", Path(tmp) / "venv"
        app.mkdir()
        for op, rest in steps:  # COPY src... dest, relative to WORKDIR /app
            if op == "COPY":
                *sources, dest = shlex.split(rest)
                for src in sources:
                    target = app / dest / Path(src).name if dest.endswith("/") else app / dest
                    if (ROOT / src).is_dir():
                        shutil.copytree(ROOT / src, target, dirs_exist_ok=True)
                    else:
                        shutil.copy2(ROOT / src, target)
        venv.EnvBuilder(with_pip=True).create(env_dir)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
        env |= {
            "PATH": f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}",
            "PIP_CONFIG_FILE": os.devnull,  # no machine mirrors or constraints: PyPI only
            "PIP_NO_CACHE_DIR": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        for op, rest in steps:
            if op == "RUN" and rest.startswith("pip "):
                run(["sh", "-c", rest], cwd=app, env=env, timeout=args.timeout)
        python = str(env_dir / "bin" / "python")
        run(
            [python, "-c", "import slack_bolt, discord, watchfiles, numpy, rapidfuzz"],
            cwd=Path(tmp),
            env=env,
            timeout=args.timeout,
        )
        check_env = env | {"EXPLAINBOT_KNOWLEDGE": str(app / "knowledge")}
        explainbot = str(env_dir / "bin" / "explainbot")
        run([explainbot, "check", str(app / "knowledge")], cwd=Path(tmp), env=check_env, timeout=60)
        run([explainbot, "ask", "llm vs genai"], cwd=Path(tmp), env=check_env, timeout=60)
    print("the image's install steps work in a fresh environment")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"check_image_install: failed: {exc}", file=sys.stderr)
        sys.exit(1)
