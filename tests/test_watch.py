"""`radio watch`: rounds on a schedule from a feed served by a local HTTP server, one log line per round,
back-off on a failing source, a clean stop on SIGTERM, and nothing made twice across restarts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from radio.batch.watch import Backoff, parse_interval
from radio.errors import InputError
from radio.publish.catalog import Catalog
from tests.feed_helpers import rss, serve
from tests.publish_helpers import BASE_URL, SHOW_TOML


def test_interval_forms() -> None:
    assert parse_interval("15m") == 900
    assert parse_interval("1h30m") == 5400
    assert parse_interval("90") == 90
    assert parse_interval("2s") == 2
    for bad in ("soon", "0s", "15 minutes"):
        with pytest.raises(InputError, match="--every"):
            parse_interval(bad)


def test_backoff_doubles_and_resets() -> None:
    backoff = Backoff(every_s=60)
    assert backoff.failed("feed", 0) == 60
    assert not backoff.due("feed", 30) and backoff.due("feed", 60)
    assert backoff.failed("feed", 60) == 120
    assert backoff.failed("feed", 180) == 240
    for _ in range(10):
        wait = backoff.failed("feed", 0)
    assert wait == 60 * 16  # capped
    assert backoff.recovered("feed") == 13
    assert backoff.due("feed", 0) and backoff.recovered("feed") == 0


def _start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "radio", "watch", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "300"},
    )


def _wait_for(proc: subprocess.Popen[str], needle: str, lines: list[str], timeout_s: float = 240) -> None:
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if needle in line:
            return
    proc.kill()
    raise AssertionError(f"never saw {needle!r}:\n" + "\n".join(lines))


def test_two_rounds_then_sigterm_stops_cleanly_and_a_restart_makes_nothing_twice(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "show.toml").write_text(SHOW_TOML, encoding="utf-8")
    with serve() as site:
        site.put("/rss.xml", rss(site.base, ["ferry"], {"ferry"}), "application/rss+xml")
        missing = f"{site.base}/gone.xml"  # a source that fails: backed off, the rest goes on
        args = (f"{site.base}/rss.xml", missing, "--every", "1s", "-o", str(out), "-e", "fake", "-j", "1")
        args += ("--delay", "0", "--feed", "--base-url", BASE_URL, "-c", str(tmp_path / "show.toml"))
        proc = _start(*args, cwd=tmp_path)
        lines: list[str] = []
        _wait_for(proc, "round 1:", lines)
        site.put("/rss.xml", rss(site.base, ["ferry", "school"], {"ferry", "school"}), "application/rss+xml")
        _wait_for(proc, "round 2:", lines)
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=60)
        lines += rest.splitlines()
    log = "\n".join(lines)
    assert proc.returncode == 0, log
    assert "Traceback" not in log
    rounds = [line for line in lines if line.startswith("radio: round ")]
    assert rounds[0].startswith("radio: round 1: 1 done, 0 unchanged, 0 failed"), log
    assert rounds[1].startswith("radio: round 2: 1 done, 1 unchanged, 0 failed"), log
    assert "gone.xml: HTTP 404" in log and "backing off: next try in" in log
    assert "watch: stopped by SIGTERM" in log
    with Catalog.open(out) as catalog:
        done = catalog.episodes()
    assert sorted(e.mp3_name for e in done) == [
        "ferry-returns-to-sandholm-after-repairs.mp3",
        "village-school-wins-a-grant-for-a-new-roof.mp3",
    ]
    assert (out / "feed.xml").read_text(encoding="utf-8").count("<item>") == 2
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".radio-") or p.name.endswith(".tmp")]
    assert leftovers == []

    with serve() as site:  # a restart (the same stories at a new address: known by their guids)
        site.put("/rss.xml", rss(site.base, ["ferry", "school"], {"ferry", "school"}), "application/rss+xml")
        again = _finish(f"{site.base}/rss.xml", out, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "round 1: 0 done, 2 unchanged, 0 failed" in again.stderr


def test_stop_during_a_round_leaves_nothing_half_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serve() as site:
        site.put("/rss.xml", rss(site.base, ["ferry", "school", "clinic"], {"ferry", "school", "clinic"}))
        proc = _start(
            f"{site.base}/rss.xml",
            "--every",
            "1h",
            "-o",
            str(out),
            "-e",
            "fake",
            "-j",
            "1",
            "--delay",
            "0",
            cwd=tmp_path,
        )
        lines: list[str] = []
        _wait_for(proc, "watch: 1 source", lines)
        deadline = time.monotonic() + 120
        while not _done(out) and time.monotonic() < deadline:  # the first episode is catalogued
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=60)
    log = "\n".join(lines + rest.splitlines())
    assert proc.returncode == 0, log
    assert "stopped by SIGTERM during round 1" in log, log
    with Catalog.open(out) as catalog:
        done = catalog.episodes()
    assert 1 <= len(done) < 3
    for entry in done:  # what is catalogued is whole
        assert (out / entry.mp3_name).stat().st_size == entry.size_bytes
    with serve() as site:  # started again: the rest is made, nothing twice, nothing left behind
        site.put("/rss.xml", rss(site.base, ["ferry", "school", "clinic"], {"ferry", "school", "clinic"}))
        again = _finish(f"{site.base}/rss.xml", out, tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"round 1: {3 - len(done)} done, {len(done)} unchanged, 0 failed" in again.stderr
    assert len(list(out.glob("*.mp3"))) == 3
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".radio-") or p.name.endswith(".tmp")]
    assert leftovers == []


def _done(out: Path) -> int:
    if not (out / "catalog.sqlite").is_file():
        return 0
    with Catalog.open(out) as catalog:
        return len(catalog.episodes())


def _finish(feed: str, out: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "radio", "watch", feed, "--rounds", "1", "-o", str(out), "-e", "fake"]
    return subprocess.run([*command, "--delay", "0"], cwd=cwd, capture_output=True, text=True, timeout=240, check=False)
