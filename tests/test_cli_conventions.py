"""Command-line conventions: --version, -h, `episode --json`, usage errors as one line, -q/-v,
NO_COLOR, shell completion."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from tests.test_cli import radio


def test_version(tmp_path: Path) -> None:
    proc = radio("--version", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"radio {metadata.version('radio-bulletin')}"


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


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["episode", "--bitrate", "x"], "'--bitrate'"),
        (["episode", "--bogus"], "No such option: --bogus"),
        (["nosuch"], "No such command 'nosuch'"),
        (["episode"], "give ARTICLES or --script FILE"),
        (["-q", "-v", "config", "path"], "not both"),
    ],
)
def test_a_usage_error_is_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    proc = radio(*args, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("radio: error: ") and needle in lines[0], proc.stderr
    assert "bitrate_kbps" not in proc.stderr and "Traceback" not in proc.stderr and proc.stdout == ""


def test_quiet_and_verbose(tmp_path: Path, short_article: Path) -> None:
    out = tmp_path / "out"
    quiet = radio("-q", "episode", str(short_article), "--engine", "fake", "--out", str(out), cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert Path(quiet.stdout.strip()).is_file()  # the result is still printed
    assert "radio: mixed" not in quiet.stderr and "voicing" not in quiet.stderr
    verbose = radio("--verbose", "episode", str(short_article), "-e", "fake", "-o", str(out), "--force", cwd=tmp_path)
    assert verbose.returncode == 0, verbose.stderr
    lines = verbose.stderr.splitlines()
    assert any(line.startswith("radio: ") and " ms mixed " in line for line in lines), verbose.stderr
    assert any(" ms episode took " in line for line in lines), verbose.stderr


def test_batch_quiet_still_works_and_so_does_the_global_one(tmp_path: Path, short_article: Path) -> None:
    for number, args in enumerate((["batch", "-q"], ["-q", "batch"])):
        out = str(tmp_path / f"out{number}")
        proc = radio(*args, str(short_article), "--engine", "fake", "--out", out, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "1 done, 0 unchanged, 0 failed" in proc.stdout  # the summary
        assert "radio: batch:" not in proc.stderr and "[1/1]" not in proc.stderr, proc.stderr


def _on_a_terminal(args: list[str], cwd: Path, **env: str) -> str:
    """What radio writes to a terminal (a pseudo-terminal), standard output and error together."""
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PY_COLORS", "TERM")}
    clean |= {"TERM": "xterm-256color", "COLUMNS": "100", "XDG_CONFIG_HOME": str(cwd), **env}
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radio", *args], cwd=cwd, env=clean, stdout=follower, stderr=follower, close_fds=True
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: radio is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=60)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_color(tmp_path: Path) -> None:
    for args in (["-h"], ["config", "-h"]):
        assert "\x1b[" in _on_a_terminal(args, tmp_path)  # colour on a terminal by default
        plain = _on_a_terminal(args, tmp_path, NO_COLOR="1")
        assert "\x1b[" not in plain and "Usage" in plain


def test_shell_completion(tmp_path: Path) -> None:
    shown = radio("--show-completion", "bash", cwd=tmp_path)
    assert shown.returncode == 0 and "_radio_completion" in shown.stdout and "complete" in shown.stdout
    env = {"_RADIO_COMPLETE": "complete_bash", "COMP_WORDS": "radio config s", "COMP_CWORD": "2"}
    completed = radio(cwd=tmp_path, env=env)
    assert completed.returncode == 0 and completed.stdout.split() == ["show"]
    assert "--install-completion" in radio("-h", cwd=tmp_path).stdout


def test_script_and_dry_run_show_written_and_said_with_an_estimate(tmp_path: Path, short_article: Path) -> None:
    shown = radio("script", str(short_article), "--engine", "fake", cwd=tmp_path)
    dry = radio("episode", str(short_article), "--engine", "fake", "--dry-run", cwd=tmp_path)
    assert shown.returncode == 0 and dry.returncode == 0, shown.stderr + dry.stderr
    assert shown.stdout.strip() == dry.stdout.strip()  # the same view
    lines = shown.stdout.splitlines()
    assert lines[0] == "Ferry service returns to the island after a month of repairs"
    header = lines[1]
    assert "read by Alex Morgan" in header and " segments · about 0 min " in header
    assert header.endswith("s with music and pauses, speech at 160 words a minute")
    written = [line for line in lines if line.startswith("     written: ")]
    said = [line for line in lines if line.startswith("     said:    ")]
    assert len(written) == len(said) >= 4
    assert any("month of repairs" in line for line in written)
    assert not (tmp_path / "output").exists()  # --dry-run makes no audio


def test_the_estimate_counts_words_at_the_rate_and_the_pauses() -> None:
    from radio.config import Settings
    from radio.models import Script, Segment
    from radio.pipeline import estimate_ms
    from radio.words.estimate import spoken_words

    assert spoken_words("Twenty-one people didn't come, said Ms. O'Neill.") == 7
    segments = (
        Segment("intro", "x", " ".join(["word"] * 175), "v"),
        Segment("anchor", "x", " ".join(["word"] * 35), "v", paragraph=0),
        Segment("anchor", "x", " ".join(["word"] * 35), "v", paragraph=0),
        Segment("outro", "x", " ".join(["word"] * 5), "v"),
    )
    script = Script("s", "t", None, "show", "anchor", "fake", segments)
    quiet = Settings(music_enabled=False, pause_within_paragraph_ms=350, pause_between_paragraphs_ms=800)
    # 250 words at 125 a minute: 120 s; the pauses the mix puts in; the music adds its own length
    without_music = estimate_ms(script, quiet, 125)
    assert 120_000 + 1150 <= without_music <= 120_000 + 1950 + 2 * quiet.lead_in_ms
    assert estimate_ms(script, Settings(), 125) > without_music


def test_flags_show_no_type_in_help() -> None:
    """A flag takes no value: help shows `--force`, never `--force <bool>`."""
    from typer.testing import CliRunner

    from radio.cli import app

    for command in (["episode"], ["batch"], ["script"], ["feed"], ["voices"], ["config", "show"]):
        shown = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "160"})
        assert shown.exit_code == 0, shown.output
        assert "<bool>" not in shown.output, command
        assert "--help" in shown.output
