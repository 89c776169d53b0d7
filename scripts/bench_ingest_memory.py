#!/usr/bin/env python3
"""Benchmark: peak memory and time of the text stages (ingest and script, no
audio) as the input grows to the size limit, and that a larger input is
refused at once.

    python scripts/bench_ingest_memory.py [--sizes 1,4,10] [--over 50]

Each size (MB) is a generated plain-text article of news-like sentences,
written to a temporary folder and run through ``radio script --json`` in a
fresh process. Prints wall seconds and peak RSS (MiB) per size. The text
stages should stay well under 250 MB at the limit (10 MB).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = (
    "the council said on Tuesday that a new harbour wall would be built before winter storms arrive "
    "in the town and ferry crews would rehearse a rescue on the estuary while the mayor spoke"
)
WORDS = SENTENCE.split(" ")


def article(path: Path, size_mb: float) -> None:
    rng = random.Random(1)
    target = int(size_mb * 2**20)
    with path.open("w", encoding="utf-8") as out:
        out.write("Harbour wall approved after a long night\n\n")
        written = 0
        while written < target:
            para = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + ".\n\n"
            out.write(para)
            written += len(para)


def run(path: Path) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS (MiB), exit status and the last line of stderr."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radio", "script", str(path), "--json", "--engine", "fake"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    err = proc.stderr.read().strip().splitlines() if proc.stderr else []
    return wall, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), err[-1] if err else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,10", help="input sizes in MB, comma-separated")
    parser.add_argument("--over", type=float, default=50, help="an input over the limit, in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'input':>8}  {'wall s':>7}  {'peak MiB':>8}  status")
        for size in [float(s) for s in args.sizes.split(",")] + [args.over]:
            path = Path(tmp) / f"article-{size:g}mb.txt"
            article(path, size - 0.01 if size == 10 else size)  # just under the limit at 10 MB
            wall, peak, status, last = run(path)
            note = "ok" if status == 0 else f"exit {status}: {last}"
            print(f"{size:>6g}MB  {wall:>7.2f}  {peak:>8d}  {note}")


if __name__ == "__main__":
    main()
