"""Command-line conventions: --version, -h, `episode --json`."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from tests.test_cli import radio


def test_version(tmp_path: Path) -> None:
    proc = radio("--version", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    dist = (metadata.packages_distributions().get("radio") or ["radio"])[0]
    assert proc.stdout.strip() == f"radio {metadata.version(dist)}"


def test_short_help(tmp_path: Path) -> None:
    for args in (["-h"], ["episode", "-h"], ["names", "-h"]):
        proc = radio(*args, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "Usage:" in proc.stdout and "--help" in proc.stdout


def test_episode_json(tmp_path: Path, short_article: Path) -> None:
    out = tmp_path / "out"
    proc = radio("episode", str(short_article), "--engine", "fake", "--out", str(out), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    assert Path(shown["mp3"]).is_file() and shown["fit_to_air"] is True and shown["failed_checks"] == []
    assert shown["title"].startswith("Ferry service returns")
    assert shown["duration_ms"] > 1000 and abs(shown["integrated_lufs"] + 16) <= 1
    assert Path(shown["files"]["report"]).is_file() and Path(shown["files"]["vtt"]).is_file()
