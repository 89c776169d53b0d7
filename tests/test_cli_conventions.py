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


def test_an_existing_episode_is_kept_unless_force(tmp_path: Path, short_article: Path) -> None:
    out = tmp_path / "out"
    first = radio("episode", str(short_article), "--engine", "fake", "--out", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    mp3 = Path(first.stdout.strip())
    before = mp3.stat().st_mtime_ns
    again = radio("episode", str(short_article), "--engine", "fake", "--out", str(out), cwd=tmp_path)
    assert again.returncode == 1 and "add --force" in again.stderr and "Traceback" not in again.stderr
    assert mp3.stat().st_mtime_ns == before
    forced = radio("episode", str(short_article), "--engine", "fake", "--out", str(out), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert f"replaced {mp3}" in forced.stderr and mp3.stat().st_mtime_ns != before
    assert not list(out.glob(".radio-*"))
