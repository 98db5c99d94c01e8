"""The built wheel, installed outside the checkout, answers from the bundled knowledge.

Builds offline and without build isolation (the test extra brings a setuptools that can build
wheels), installs into a fresh venv that sees the test venv's dependencies but not its editable
explainbot, and runs the real console script from a directory far from the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 120  # seconds per step; each normally takes one or two
SOURCES = ("bot", "adapters", "knowledge", "pyproject.toml", "README.md")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=LIMIT,
        check=False,
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Build from a copy: setuptools writes build/ and *.egg-info next to the sources.
    work = tmp_path_factory.mktemp("build")
    source = work / "src"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    dist = work / "dist"
    _run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
        "--no-build-isolation", "--disable-pip-version-check", "--wheel-dir", dist, source,
        cwd=work,
    )  # fmt: skip
    (built,) = dist.glob("explainbot-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed; the dependencies come from the test venv."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv.parent)
    python = venv / "bin" / "python"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                   cwd=venv.parent).strip()  # fmt: skip
    # A path line, not a site dir: the test venv's .pth files (its editable explainbot) stay off.
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", "--disable-pip-version-check", wheel,
        cwd=venv.parent,
    )  # fmt: skip
    return venv


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("EXPLAINBOT_", "PYTHON"))}


def test_wheel_ships_the_knowledge_and_type_markers(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "knowledge").glob("*.yaml"):
        assert f"knowledge/{path.name}" in names
    assert {"bot/py.typed", "adapters/py.typed", "adapters/slack/manifest.yaml"} <= names
    assert "bot/matching/wordlists/person_nouns.txt" in names  # read at question time


def test_installed_wheel_answers_from_the_bundled_knowledge(installed: Path) -> None:
    elsewhere = installed.parent
    where = _run(installed / "bin" / "python", "-c", "import bot; print(bot.__file__)",
                 cwd=elsewhere, env=_env())  # fmt: skip
    assert Path(where.strip()).is_relative_to(installed), "the checkout was imported instead"
    out = _run(installed / "bin" / "explainbot", "ask", "llm vs genai", cwd=elsewhere, env=_env())
    expected = yaml.safe_load((ROOT / "knowledge" / "llm-vs-genai.yaml").read_text("utf-8"))
    assert expected["title"] in out


def test_version_comes_from_pyproject(installed: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = _run(installed / "bin" / "explainbot", "--version", cwd=installed.parent, env=_env())
    assert out.strip() == f"explainbot {project['version']}"
