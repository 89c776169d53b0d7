#!/usr/bin/env python3
"""Benchmark: time and memory against article length.

The sample article's body is repeated 1x, 4x, 16x and 64x (the title once),
the script is written once per length and saved, and ``radio episode
--script`` renders it as a fresh process. For each length it prints the wall
time and the CPU time (radio and its children) per second of audio, and the
peak memory:

- tree: the largest sum of the memory of radio and all its child processes
  (ffmpeg), sampled from /proc every 20 ms (Linux only), as proportional set
  size, so that the shared libraries every ffmpeg maps count once;
- radio process: the peak RSS of radio's own process (its VmHWM, read every
  20 ms while it runs).

    python scripts/benchmark_length.py [--times 1 4 16 64] [--engine pyttsx3|fake]
                                       [--code DIR]

``--code DIR`` runs another copy of the ``radio`` package (e.g. an older
version exported with ``git archive``) for comparison. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss_bytes(root: int) -> int:
    """Resident memory of ``root`` and every descendant, now."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat[stat.rfind(")") + 2 :].split()[1])
    tree, todo = {root}, [root]
    while todo:
        pid = todo.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        tree.update(children)
        todo += children
    return sum(_pss_bytes(pid) for pid in tree)


def _high_water_kib(pid: int) -> int:
    """The peak resident memory of one process so far (VmHWM), in KiB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _pss_bytes(pid: int) -> int:
    """Proportional set size (shared library pages shared out among the processes that map
    them, so a sum over processes counts them once), or RSS where smaps_rollup is missing."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def run_measured(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, int, str]:
    """Wall seconds, CPU seconds (the whole tree), peak tree memory (MiB, sampled PSS),
    radio's own peak RSS (MiB), and the last line of its error output if it failed."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    peak = largest = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, largest
        while not done.is_set():
            peak = max(peak, _tree_rss_bytes(proc.pid))
            largest = max(largest, _high_water_kib(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)  # ru_maxrss here can miss radio's own peak: VmHWM is read instead
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    lines = stderr.decode(errors="replace").strip().splitlines()
    failure = lines[-1] if os.waitstatus_to_exitcode(status) != 0 and lines else ""
    return wall, usage.ru_utime + usage.ru_stime, peak // 2**20, max(largest // 1024, usage.ru_maxrss // 1024), failure


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--times", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--engine", default="pyttsx3")
    parser.add_argument("--code", type=Path, help="folder holding the radio package to run (default: this one)")
    parser.add_argument("--article", type=Path, default=ROOT / "radio" / "assets" / "sample-article.txt")
    args = parser.parse_args()

    from mutagen.mp3 import MP3

    from radio.config import Settings
    from radio.sound.cast import caster
    from radio.sound.engines import get_engine
    from radio.words.ingest import load_article
    from radio.words.script import script_to_json, write_script

    article = load_article(str(args.article))
    settings = Settings(engine=args.engine)
    engine = get_engine(args.engine)
    code = (args.code or ROOT).resolve()
    env = {**os.environ, "XDG_CONFIG_HOME": tempfile.mkdtemp(), "PYTHONPATH": str(code)}
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp()  # a segment cache of its own (each length voices new text)
    print(f"engine {args.engine}; code {code}")
    print(
        "| article | segments | audio | wall time | wall per audio s | CPU per audio s "
        "| peak memory (tree) | radio process |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for times in args.times:
        long = dataclasses.replace(article, paragraphs=article.paragraphs * times)
        script = write_script(long, settings, engine.name, caster(engine))
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            script_file = work / "script.json"
            script_file.write_text(script_to_json(script), encoding="utf-8")
            command = [sys.executable, "-m", "radio", "episode", "--script", str(script_file)]
            command += ["--engine", args.engine, "--out", str(work / "out")]
            # cwd: not this checkout, or ``python -m radio`` would import it ahead of --code
            wall, cpu, tree_mib, largest_mib, failure = run_measured(command, env, work)
            mp3 = next((work / "out").glob("*.mp3"), None)
            if mp3 is None:  # an older version may crash: show how far it got and what it cost
                print(
                    f"| {times}x | {len(script.segments)} | failed after {wall:.1f} s: {failure[:80]} | | | "
                    f"| {tree_mib} MiB | {largest_mib} MiB |",
                    flush=True,
                )
                continue
            audio_s = MP3(str(mp3)).info.length
        print(
            f"| {times}x | {len(script.segments)} | {audio_s / 60:.1f} min | {wall:.1f} s "
            f"| {wall / audio_s * 1000:.1f} ms | {cpu / audio_s * 1000:.1f} ms | {tree_mib} MiB | {largest_mib} MiB |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
