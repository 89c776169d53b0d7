"""What `radio episode --verify` costs and what it hears, on the sample article.

    python scripts/benchmark_verify.py            # 3 runs with the default engine (pyttsx3)
    python scripts/benchmark_verify.py --runs 5 --engine piper

Each run renders the sample article in a fresh process with ``--verify`` (an empty
output folder; voiced segments may come from the segment cache, which does not change
what is heard) and reads the report's ``verify`` section: the check's wall and CPU
seconds per audio minute (the model load included), the word error over the episode,
segments above the threshold, quotes heard word for word, and the offsets of cues and
chapters from the heard words. Medians over the runs. Needs the ``verify`` extra.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "radio" / "assets" / "sample-article.txt"


def one_run(engine: str, folder: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "radio", "episode", str(SAMPLE), "--engine", engine, "--out", str(folder), "--verify"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode not in (0, 3):
        raise SystemExit(proc.stderr)
    report: dict[str, Any] = json.loads(next(folder.glob("*.report.json")).read_text(encoding="utf-8"))
    return dict(report["verify"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default="pyttsx3")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        runs = [one_run(args.engine, Path(tmp) / str(n)) for n in range(args.runs)]

    def median(key: str) -> float:
        return statistics.median(r["cost"][key] for r in runs)

    last = runs[-1]
    wall, cpu = median("seconds_per_audio_minute"), median("cpu_seconds_per_audio_minute")
    print(f"{args.engine}, sample article, {args.runs} runs (medians):")
    print(f"  audio: {median('audio_minutes'):.2f} min; cost: {wall:.1f} s wall, {cpu:.1f} CPU s per audio minute")
    print(f"  word error: {statistics.median(r['wer'] for r in runs):.3f} over {last['words']} words")
    print(f"  segments above {last['threshold']}: {[r['segments_above_threshold'] for r in runs]}")
    print(f"  quotes: {last['quotes']}")
    print(f"  cues: { {k: v for k, v in last['cues'].items() if k != 'offsets_ms'} }")
    print(f"  chapters: { {k: v for k, v in last['chapters'].items() if k != 'offsets'} }")


if __name__ == "__main__":
    main()
