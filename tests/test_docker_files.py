"""Dockerfile, docker-compose.yml, .env.example and requirements.lock refer only to things that
exist: commands the CLI parses, paths in the repository, variables the code reads, pins that
satisfy pyproject.toml. No Docker engine is needed."""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from adapters.cli.main import build_parser
from bot.engine import Engine
from bot.health import HealthServer
from bot.knowledge import build_knowledge
from bot.metrics import Metrics
from bot.models import Snippet

ROOT = Path(__file__).resolve().parent.parent
VAR = re.compile(r"\b((?:EXPLAINBOT|SLACK|DISCORD|WATCHFILES)_[A-Z0-9_]+)\b")
BRIEF_VARS = {
    "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_BASE_URL",
    "DISCORD_TOKEN", "DISCORD_API_BASE_URL", "DISCORD_GATEWAY_URL", "EXPLAINBOT_KNOWLEDGE",
    "EXPLAINBOT_DB", "EXPLAINBOT_SALT", "EXPLAINBOT_ADMIN_CHANNEL", "EXPLAINBOT_HEALTH_PORT",
    "EXPLAINBOT_HEALTH_HOST", "EXPLAINBOT_LOG_FORMAT", "EXPLAINBOT_RATE_LIMIT",
    "EXPLAINBOT_SLACK_RESPONSE",
}  # fmt: skip


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
        line = pending + line
        pending = ""
        op, _, rest = line.partition(" ")
        out.append((op.upper(), rest.strip()))
    return out


def instructions(op: str) -> list[str]:
    return [rest for o, rest in dockerfile() if o == op]


def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def env_example() -> dict[str, str]:
    out = {}
    for raw in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        line = raw.strip().lstrip("#")
        if re.match(r"^[A-Z][A-Z0-9_]*=", line):
            name, _, value = line.partition("=")
            out[name] = value
    return out


def source_text() -> str:
    parts = [
        p.read_text(encoding="utf-8") for d in ("bot", "adapters") for p in (ROOT / d).rglob("*.py")
    ]
    return "\n".join(parts)


def assert_cli_accepts(argv: list[str]) -> None:
    assert argv[0] == "explainbot"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert "explainbot" in scripts
    args = build_parser().parse_args(argv[1:])
    assert callable(args.func)


def healthcheck_code(test: list[str]) -> str:
    assert test[:3] == ["CMD", "python", "-c"], "slim images have no curl: use python -c"
    code = test[3]
    compile(code, "<healthcheck>", "exec")
    assert "urllib" in code and "/healthz" in code
    return code


def test_dockerfile_base_user_and_install_from_the_lock() -> None:
    (base,) = instructions("FROM")
    assert base == "python:3.11-slim"
    runs = instructions("RUN")
    assert any("pip install" in r and "-r requirements.lock" in r for r in runs)
    assert any("pip install" in r and "--no-deps ." in r for r in runs)
    (user,) = instructions("USER")
    assert user not in {"root", "0"}
    assert any("useradd" in r and user in r for r in runs)
    # The lock is installed before the sources are copied (the dependency layer is cached).
    ops = [(o, r) for o, r in dockerfile() if o in {"COPY", "RUN"}]
    lock_install = next(
        i for i, (o, r) in enumerate(ops) if "requirements.lock" in r and o == "RUN"
    )
    first_source = next(i for i, (o, r) in enumerate(ops) if o == "COPY" and r.startswith("bot"))
    assert lock_install < first_source


def test_dockerfile_copies_paths_that_exist_and_are_not_ignored() -> None:
    ignored = {
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "!"))
    }
    for rest in instructions("COPY"):
        *sources, _dest = shlex.split(rest)
        for src in sources:
            assert (ROOT / src).exists(), f"COPY {src}: no such path"
            assert src.rstrip("/") not in ignored, f"COPY {src} is excluded by .dockerignore"
    assert {".env", ".venv", ".git"} <= ignored


def test_dockerfile_environment_healthcheck_and_command() -> None:
    env = " ".join(instructions("ENV"))
    assert "EXPLAINBOT_KNOWLEDGE=/app/knowledge" in env
    assert "EXPLAINBOT_DB=/data/explainbot.db" in env
    assert "EXPLAINBOT_HEALTH_HOST=0.0.0.0" in env
    assert any(
        r.startswith("./knowledge") or r.startswith("knowledge ./knowledge")
        for r in instructions("COPY")
    )
    (health,) = instructions("HEALTHCHECK")
    assert "curl" not in health and "wget" not in health
    cmd = json.loads(health[health.index("CMD") + 3 :].strip())
    healthcheck_code(["CMD", *cmd])
    (command,) = instructions("CMD")
    assert_cli_accepts(json.loads(command))


def test_compose_services_from_one_image() -> None:
    data = compose()
    services = data["services"]
    assert set(services) == {"slack", "discord"}
    for platform, svc in services.items():
        assert svc["build"] == "."
        assert svc["command"] == ["explainbot", "serve", platform]
        assert_cli_accepts(svc["command"])
        assert svc["profiles"] == [platform]  # `docker compose up slack` runs Slack only
        assert svc["env_file"] == ".env"
        assert svc["restart"] == "unless-stopped"
        assert svc["environment"]["EXPLAINBOT_IDLE_WITHOUT_TOKEN"] == "1"
        volumes = svc["volumes"]
        assert "./knowledge:/app/knowledge:ro" in volumes
        assert any(v.endswith(":/data") for v in volumes)
        named = next(v.split(":")[0] for v in volumes if v.endswith(":/data"))
        assert named in data["volumes"]
        env = svc["environment"]
        assert env["EXPLAINBOT_KNOWLEDGE"] == "/app/knowledge"
        assert env["EXPLAINBOT_DB"].startswith("/data/")
        assert env["EXPLAINBOT_HEALTH_HOST"] == "0.0.0.0"
        healthcheck_code(svc["healthcheck"]["test"])
    assert services["slack"]["image"] == services["discord"]["image"]
    assert any((ROOT / "knowledge").glob("*.yaml"))


def test_every_variable_is_documented_and_read_by_the_code() -> None:
    documented = env_example()
    assert set(documented) >= BRIEF_VARS
    code = source_text()
    referenced = set(VAR.findall((ROOT / "Dockerfile").read_text(encoding="utf-8")))
    referenced |= set(VAR.findall((ROOT / "docker-compose.yml").read_text(encoding="utf-8")))
    compose_text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    interpolated = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", compose_text))
    for name in sorted(referenced | set(documented)):
        if name.startswith(("WATCHFILES_", "COMPOSE_")):
            continue  # read by the watchfiles library and by docker compose themselves
        if name in interpolated and name not in code:
            continue  # consumed by compose's ${...} interpolation, never by our code
        assert name in code, f"{name} is documented or set but no code reads it"
    assert referenced <= set(documented)
    assert "COMPOSE_PROFILES" in documented


def test_env_example_holds_no_secret() -> None:
    for name, value in env_example().items():
        if re.search(r"TOKEN|SECRET|SALT", name):
            assert value == "", f"{name} must be empty in .env.example"


def test_lock_pins_every_runtime_dependency_within_pyproject_ranges() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9._+-]+)", line.strip())
            assert match, f"not an exact pin: {line!r}"
            pins[canonicalize_name(match.group(1))] = match.group(2)
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock (regenerate it)"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{name}=={pins[name]} vs {req}"
        )
    for dev in ("pytest", "mypy", "ruff", "hypothesis"):
        assert dev not in pins  # test tools stay out of the image


@pytest.mark.parametrize(("connected", "code"), [(True, 0), (False, 1)])
def test_the_healthcheck_command_against_a_real_server(connected: bool, code: int) -> None:
    """Run the compose healthcheck exactly as Docker would, against a live /healthz."""
    test = compose()["services"]["slack"]["healthcheck"]["test"]
    snippet = Snippet(id="a", title="A", summary="A.", questions=("a", "b", "c"), body="A.")
    server = HealthServer(
        "slack",
        engine=Engine(build_knowledge([snippet])),
        connected=lambda: connected,
        metrics=Metrics.create(),
    )

    async def run() -> int:
        port = await server.start("127.0.0.1", 0)
        try:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                *test[2:],
                env={"EXPLAINBOT_HEALTH_PORT": str(port)},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            return await asyncio.wait_for(proc.wait(), timeout=30)
        finally:
            await server.stop()

    assert asyncio.run(run()) == code
