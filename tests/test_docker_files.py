"""Dockerfile, docker-compose.yml, .env.example and requirements.lock refer only to things that
exist: commands the CLI parses, paths in the repository, variables the code reads, hashed pins
that satisfy pyproject.toml; the compose files validate against the Compose Specification's
JSON schema and harden the containers. No Docker engine is needed."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from adapters.cli.main import build_parser
from bot.knowledge.base import build_knowledge
from bot.matching.engine import Engine
from bot.models import Snippet
from bot.runtime.health import HealthServer
from bot.runtime.metrics import Metrics

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILES = ("docker-compose.yml", "docker-compose.secrets.yml")
SCHEMA = ROOT / "tests" / "fixtures" / "compose" / "compose-spec.json"
VAR = re.compile(r"\b((?:EXPLAINBOT|SLACK|DISCORD|WATCHFILES)_[A-Z0-9_]+)\b")
BRIEF_VARS = {
    "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_BASE_URL",
    "DISCORD_TOKEN", "DISCORD_API_BASE_URL", "DISCORD_GATEWAY_URL", "EXPLAINBOT_KNOWLEDGE",
    "EXPLAINBOT_DB", "EXPLAINBOT_SALT", "EXPLAINBOT_ADMIN_CHANNEL", "EXPLAINBOT_HEALTH_PORT",
    "EXPLAINBOT_HEALTH_HOST", "EXPLAINBOT_LOG_FORMAT", "EXPLAINBOT_RATE_LIMIT",
    "EXPLAINBOT_SLACK_RESPONSE",
}  # fmt: skip


def _image_check() -> ModuleType:
    """scripts/check_image_install.py, which runs the Dockerfile's install steps for real."""
    spec = importlib.util.spec_from_file_location(
        "check_image_install", ROOT / "scripts" / "check_image_install.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The same reading of the Dockerfile as the script that runs its steps.
dockerfile = _image_check().dockerfile


def instructions(op: str) -> list[str]:
    return [rest for o, rest in dockerfile() if o == op]


def compose(name: str = "docker-compose.yml") -> dict[str, Any]:
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def interpolate(value: Any, env: dict[str, str]) -> Any:
    """Compose's ``${VAR}`` / ``${VAR:-default}`` substitution (innermost first), recursively."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value
    pattern = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^${}]*))?\}")
    while (found := pattern.search(value)) is not None:
        name, default = found.group(1), found.group(2) or ""
        value = value[: found.start()] + (env.get(name) or default) + value[found.end() :]
    return value


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


def test_dockerfile_base_pinned_by_digest_and_install_from_the_hashed_lock() -> None:
    (base,) = instructions("FROM")
    assert re.fullmatch(r"python:3\.11-slim-bookworm@sha256:[0-9a-f]{64}", base), base
    runs = instructions("RUN")
    (deps,) = [r for r in runs if "-r requirements.lock" in r]
    assert "--require-hashes" in deps and "--only-binary=:all:" in deps
    (own,) = [r for r in runs if "--no-deps" in r]
    # The project is built with the locked backend; nothing is fetched for it.
    assert all(flag in own for flag in ("--no-build-isolation", "--no-index", " ."))
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
    assert "EXPLAINBOT_HEALTH_HOST" not in env  # loopback unless configured
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
    services = {k: v for k, v in data["services"].items() if k in ("slack", "discord")}
    assert set(data["services"]) == {"slack", "discord", "postgres"}
    for platform, svc in services.items():
        assert svc["build"] == "."
        assert svc["command"] == ["explainbot", "serve", platform]
        assert_cli_accepts(svc["command"])
        assert svc["profiles"] == [platform]  # `docker compose up slack` runs Slack only
        assert svc["env_file"] == [{"path": ".env", "required": False}]  # works before .env
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
        assert interpolate(env["EXPLAINBOT_HEALTH_HOST"], {}) == "127.0.0.1"
        assert interpolate(
            env["EXPLAINBOT_HEALTH_HOST"], {"EXPLAINBOT_HEALTH_HOST": "0.0.0.0"}
        ) == ("0.0.0.0")
        assert "ports" not in svc  # nothing published unless the operator opts in
        healthcheck_code(svc["healthcheck"]["test"])
    assert services["slack"]["image"] == services["discord"]["image"]
    assert any((ROOT / "knowledge").glob("*.yaml"))


def test_compose_hardens_every_container() -> None:
    for name, svc in compose()["services"].items():
        if name == "postgres":
            continue  # the official image's entrypoint needs root to start (own test below)
        assert svc["read_only"] is True
        (tmp,) = svc["tmpfs"]
        assert tmp.startswith("/tmp:") and "noexec" in tmp
        assert svc["cap_drop"] == ["ALL"] and "cap_add" not in svc
        assert svc["security_opt"] == ["no-new-privileges:true"]
        assert interpolate(svc["mem_limit"], {}) == "512m"
        assert svc["pids_limit"] > 0
        logging = svc["logging"]
        assert logging["driver"] == "json-file"
        assert logging["options"]["max-size"] and int(logging["options"]["max-file"]) >= 2
        assert "privileged" not in svc and svc.get("network_mode") != "host"


@pytest.mark.parametrize("name", COMPOSE_FILES)
@pytest.mark.parametrize("env", [{}, {"EXPLAINBOT_HEALTH_HOST": "0.0.0.0"}], ids=["no .env", "set"])
def test_compose_files_validate_against_the_compose_schema(name: str, env: dict[str, str]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    for data in (compose(name), interpolate(compose(name), env)):
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_schema_check_catches_mistakes() -> None:
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    data = compose()
    data["services"]["slack"]["read_ony"] = True  # a typo compose would reject
    assert any("read_ony" in e.message for e in validator.iter_errors(data))
    data = compose()
    data["services"]["slack"]["cap_drop"] = "ALL"  # a string where a list belongs
    assert list(validator.iter_errors(data))


def test_the_secrets_overlay_points_each_file_variable_at_its_secret() -> None:
    overlay = compose("docker-compose.secrets.yml")
    declared = overlay["secrets"]
    for name, svc in overlay["services"].items():
        assert name in compose()["services"]
        for secret in svc["secrets"]:
            assert declared[secret]["file"] == f"./secrets/{secret}"
            assert svc["environment"][f"{secret.upper()}_FILE"] == f"/run/secrets/{secret}"
    for ignore in (".gitignore", ".dockerignore"):
        assert "secrets/" in (ROOT / ignore).read_text(encoding="utf-8").split()


def test_compose_postgres_profile() -> None:
    data = compose()
    pg = data["services"]["postgres"]
    assert pg["profiles"] == ["postgres"]  # never started unless asked for
    assert pg["image"].startswith("postgres:")  # the official image
    named = pg["volumes"][0].split(":")[0]
    assert named in data["volumes"] and pg["volumes"][0].endswith(":/var/lib/postgresql/data")
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert "ports" not in pg


def test_every_variable_is_documented_and_read_by_the_code() -> None:
    documented = env_example()
    assert set(documented) >= BRIEF_VARS
    code = source_text()
    referenced = set(VAR.findall((ROOT / "Dockerfile").read_text(encoding="utf-8")))
    compose_text = "\n".join((ROOT / n).read_text(encoding="utf-8") for n in COMPOSE_FILES)
    referenced |= set(VAR.findall(compose_text))
    interpolated = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", compose_text))
    for name in sorted(referenced | set(documented)):
        if name.startswith(("WATCHFILES_", "COMPOSE_", "POSTGRES_")):
            continue  # read by the watchfiles library and by docker compose themselves
        if name in interpolated and name not in code:
            continue  # consumed by compose's ${...} interpolation, never by our code
        if name.endswith("_FILE") and f'"{name.removesuffix("_FILE")}"' in code:
            continue  # NAME_FILE is read for each secret NAME (bot/runtime/secretfiles.py)
        assert name in code, f"{name} is documented or set but no code reads it"
    assert {n for n in referenced if not n.endswith("_FILE")} <= set(documented)
    assert "COMPOSE_PROFILES" in documented


def test_env_example_holds_no_secret() -> None:
    for name, value in env_example().items():
        if re.search(r"TOKEN|SECRET|SALT", name):
            assert value == "", f"{name} must be empty in .env.example"


def lock_pins() -> dict[str, tuple[str, list[str]]]:
    """requirements.lock as name -> (version, sha256 hashes); every entry must be hashed."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins: dict[str, tuple[str, list[str]]] = {}
    for line in text.replace("\\\n", " ").splitlines():
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9._+-]+)((?:\s+--hash=\S+)+)", entry)
        assert match, f"not an exact pin with hashes: {entry!r}"
        hashes = match.group(3).split()
        assert all(re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", h) for h in hashes), entry
        pins[canonicalize_name(match.group(1))] = (match.group(2), hashes)
    return pins


def lock_requirers() -> dict[str, set[str]]:
    """Pinned name -> the names that need it, from pip-compile's ``# via`` notes."""
    via: dict[str, set[str]] = {}
    current = None
    in_via = False
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"([A-Za-z0-9._-]+)==", line):
            current, in_via = canonicalize_name(match.group(1)), False
            via[current] = set()
        elif current and (match := re.match(r"\s+#\s+via(?:\s+(\S+))?", line)):
            in_via = match.group(1) is None
            if match.group(1):
                via[current].add(match.group(1))
        elif current and in_via and (match := re.match(r"\s+#\s+(\S+)", line)):
            via[current].add(match.group(1))
    return via


def test_lock_is_hashed_and_pins_exactly_the_runtime_dependencies() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = lock_pins()
    for spec in pyproject["project"]["dependencies"] + pyproject["build-system"]["requires"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock (regenerate it)"
        assert req.specifier.contains(pins[name][0], prereleases=True), (
            f"{name}=={pins[name][0]} vs {req} (regenerate requirements.lock)"
        )
    # Nothing stale: every pin is needed by explainbot itself, directly or through other pins
    # (pip install --require-hashes, run by scripts/check_image_install.py, finds missing ones).
    requirers = lock_requirers()
    assert set(requirers) == set(pins)
    needed = {"explainbot"}
    while grown := {n for n, by in requirers.items() if n not in needed and by & needed}:
        needed |= grown
    assert set(pins) <= needed, f"pinned but needed by nothing: {set(pins) - needed}"
    for dev in ("pytest", "mypy", "ruff", "hypothesis", "jsonschema", "pip-tools"):
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
