"""The package shows the product's three halves, and imports only go downward:
the words never import the sound or publishing; the sound never imports publishing;
only the command layer imports typer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "radio"

FORBIDDEN = {
    "words": ("radio.sound", "radio.publish", "radio.pipeline", "radio.cli", "radio.batch"),
    "sound": ("radio.publish", "radio.pipeline", "radio.cli", "radio.batch"),
    "publish": ("radio.pipeline", "radio.cli", "radio.batch"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("half", sorted(FORBIDDEN))
def test_imports_only_go_downward(half: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / half).rglob("*.py")):
        for name in imported_modules(path):
            if name.startswith(FORBIDDEN[half]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_only_the_command_layer_uses_typer() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "cli" not in path.relative_to(PACKAGE).parts and "typer" in {n.split(".")[0] for n in imported_modules(path)}
    ]
    assert not offenders


def test_modules_stay_small() -> None:
    """STYLE: split a module before it passes about 500 lines."""
    big = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 550
    }
    assert not big, big
