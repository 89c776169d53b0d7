#!/usr/bin/env python3
"""Benchmark `radio batch` with the default engine on variants of the sample article.

The variants are made here from radio/assets/sample-article.txt by changing its town, people and
figures (so each has its own headline and most paragraphs differ). Every scenario runs the real
command as a fresh process, with its own empty segment cache unless it says otherwise:

1. 20 articles on 1 worker, then on 2 workers (each from an empty cache and output folder);
2. the same 2-worker command again, unchanged (everything skipped);
3. one paragraph of one article edited, the command again (one article redone, from the cache);
4. peak memory of each worker process at 20 and at 100 articles (2 workers).

    python scripts/benchmark_batch.py [--articles 20] [--big 100] [--engine pyttsx3] [--scaling-only]

Prints one line per scenario and a summary to paste into the README.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "radio" / "assets" / "sample-article.txt"

TOWNS = ["Porthaven", "Aberlyn", "Kestrelby", "Millbrook", "Sandholm", "Carreg", "Westwick", "Dunmore", "Halloway"]
MAYORS = ["Gwen Alder", "Ruth Okafor", "Megan Tull", "Sara Lind", "Ines Marsh", "Olwen Reed", "Clara Voss"]
ENGINEERS = ["Rhys Morgan", "Idris Bevan", "Owen Carter", "Hugh Lerner", "Tomas Ek", "Pavel Rusk"]
FISHERS = ["Daniel Price", "Aled Jones", "Marek Nowak", "Sean Doyle", "Evan Pike", "Luca Brandt"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


def variant(text: str, i: int) -> str:
    """The sample article with its names and figures changed; variant ``i`` has its own headline."""
    town = TOWNS[i % len(TOWNS)]
    days = i + 2
    mayor, engineer, fisher = (MAYORS[i % len(MAYORS)], ENGINEERS[i % len(ENGINEERS)], FISHERS[i % len(FISHERS)])
    swaps = [
        ("Harbour town finishes its tidal barrier a week before the winter storms",
         f"{town} finishes its tidal barrier {days} days before the winter storms"),
        ("seven days before", f"{days} days before"),
        ("PORTHAVEN", town.upper()),
        ("Porthaven", town),
        ("£48 million", f"£{30 + i} million"),
        ("14 steel gates", f"{10 + i % 9} steel gates"),
        ("3.2 metres", f"{2 + (i % 9) / 10:.1f} metres"),
        ("600 homes", f"{400 + 10 * i} homes"),
        ("Gwen Alder", mayor),
        ("£11 million", f"£{5 + i % 7} million"),
        ("Rhys Morgan", engineer),
        ("Morgan added", engineer.split()[1] + " added"),
        ("four of the foundations", f"{NUMBER_WORDS[i % len(NUMBER_WORDS)]} of the foundations"),
        ("six years", f"{NUMBER_WORDS[(i + 3) % len(NUMBER_WORDS)]} years"),
        ("Daniel Price", fisher),
        ("1890s", f"18{i % 9 + 1}0s"),
    ]  # fmt: skip
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new)
    return text


def make_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"story-{i:03d}.txt"
        path.write_text(variant(text, i), encoding="utf-8")
        paths.append(path)
    return paths


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _peak_kib(pid: int) -> int:
    try:
        status = (Path("/proc") / str(pid) / "status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) if match else 0


CPU_S: list[float] = []  # CPU seconds (user + system, every process of the run) of each run, in order


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], cache: Path) -> tuple[float, dict[int, int], str]:
    """Wall seconds, peak RSS (KiB) of each worker process, and the command's stdout."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": "200"}
    cpu_before = _cpu_s()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radio", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        for child in _children(proc.pid):
            if Path(f"/proc/{child}/cmdline").read_bytes().find(b"spawn_main") >= 0:
                peaks[child] = max(peaks.get(child, 0), _peak_kib(child))
        time.sleep(0.25)
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    CPU_S.append(_cpu_s() - cpu_before)
    if proc.returncode != 0:
        sys.exit(f"radio {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    return wall, peaks, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--big", type=int, default=100)
    parser.add_argument("--engine", default="pyttsx3")
    parser.add_argument("--scaling-only", action="store_true", help="only the 1 vs 2 workers runs")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="radio-bench-") as tmp_name:
        tmp = Path(tmp_name)
        small = make_articles(tmp / "articles", opts.articles)
        common = ["--engine", opts.engine, "--quiet"]

        t1, peaks1, _ = run(["batch", str(tmp / "articles"), "--out", str(tmp / "out1"), "--workers", "1", *common],
                            tmp / "cache1")  # fmt: skip
        print(f"{opts.articles} articles, 1 worker:  {t1:7.1f} s  {opts.articles / t1 * 60:5.1f} articles/min")
        args2 = ["batch", str(tmp / "articles"), "--out", str(tmp / "out2"), "--workers", "2", *common]
        t2, peaks2, out2 = run(args2, tmp / "cache2")
        print(f"{opts.articles} articles, 2 workers: {t2:7.1f} s  {opts.articles / t2 * 60:5.1f} articles/min")
        minutes = re.search(r"([\d.]+) min of audio", out2)
        print(f"  audio made: {minutes.group(1) if minutes else '?'} min; speed-up 2 vs 1 worker: {t1 / t2:.2f}x")
        print(f"  CPU seconds per article: 1 worker {CPU_S[0] / opts.articles:.2f}, "
              f"2 workers {CPU_S[1] / opts.articles:.2f}; load average now {os.getloadavg()[0]:.1f}")  # fmt: skip
        if opts.scaling_only:
            return

        again, _, out_again = run(args2, tmp / "cache2")
        print(f"unchanged second run: {again:5.2f} s = {again / t2 * 100:.1f} % of the first ({_counts(out_again)})")

        target = small[len(small) // 2]
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("tested at every spring tide", "tested at every high tide"), "utf-8")
        edited, _, out_edit = run(args2, tmp / "cache2")
        print(f"one paragraph edited: {edited:5.2f} s = {edited / t2 * 100:.1f} % of the first ({_counts(out_edit)})")

        make_articles(tmp / "big", opts.big)
        tb, peaks_big, _ = run(["batch", str(tmp / "big"), "--out", str(tmp / "outbig"), "--workers", "2", *common],
                               tmp / "cachebig")  # fmt: skip
        mib = lambda peaks: ", ".join(f"{v / 1024:.0f}" for v in sorted(peaks.values())) or "?"  # noqa: E731
        print(f"peak RSS per worker (MiB): {opts.articles} articles: {mib(peaks2)}; "
              f"{opts.big} articles: {mib(peaks_big)} ({tb:.0f} s); "
              f"1 worker at {opts.articles}: {mib(peaks1)}")  # fmt: skip


def _counts(summary: str) -> str:
    match = re.search(r"(\d+) done, (\d+) unchanged, (\d+) failed", summary)
    voiced = re.search(r"\d+ segments voiced, \d+ taken from the cache", summary)
    return ", ".join(m.group(0) for m in (match, voiced) if m) or "?"


if __name__ == "__main__":
    main()
