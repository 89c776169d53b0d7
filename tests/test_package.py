"""The package anyone can install: its own name on PyPI, one version everywhere, its files shipped.
The real build and install run in CI: scripts/check_package.sh."""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from importlib import metadata
from pathlib import Path

import radio
from radio.cli import DISTRIBUTION

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_distribution_has_a_name_of_its_own() -> None:
    name = PYPROJECT["project"]["name"]
    assert name != "radio"  # on PyPI, `radio` is an unrelated project
    assert name == DISTRIBUTION == "radio-bulletin"
    assert PYPROJECT["project"]["scripts"] == {"radio": "radio.cli:main"}  # the command stays radio
    assert metadata.version(DISTRIBUTION) == radio.__version__


def test_install_hints_name_the_distribution() -> None:
    for path in [*ROOT.joinpath("radio").rglob("*.py"), ROOT / "README.md"]:
        text = path.read_text(encoding="utf-8")
        assert "install 'radio[" not in text and "install radio[" not in text, path


def test_the_changelog_is_versioned_with_the_package() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = next(line for line in changelog.splitlines() if line.startswith("## "))
    found = re.match(r"## (\d+\.\d+\.\d+)\b", heading)
    assert found, f"the CHANGELOG's newest section should name a version: {heading!r}"
    assert found.group(1) == radio.__version__
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "radio.__version__"}


def test_every_file_radio_reads_is_package_data() -> None:
    patterns = PYPROJECT["tool"]["setuptools"]["package-data"]["radio"]
    package = ROOT / "radio"
    needed = [p for p in [*(package / "assets").iterdir(), *(package / "words/quotes/data").iterdir()] if p.is_file()]
    needed.append(package / "py.typed")
    for path in needed:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), f"{relative} is not shipped"


def test_ci_runs_the_package_check() -> None:
    script = ROOT / "scripts" / "check_package.sh"
    assert script.is_file() and os.access(script, os.X_OK)
    text = script.read_text(encoding="utf-8")
    for step in ("python -m build", "python3 -m venv", "--version", "episode", "--engine fake"):
        assert step in text, step
    assert "scripts/check_package.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "build" in " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
