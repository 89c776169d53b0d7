"""Measure the music against the speech on a rendered episode's decoded MP3 (ffmpeg ebur128):
the intro sting's and the outro tail's loudest short-term (3 s) loudness, and the story's
integrated loudness, over the time ranges the placements give.

    python scripts/measure_music.py [ARTICLE] [--engine pyttsx3]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
from pathlib import Path

from radio import asset
from radio.config import Settings
from radio.pipeline import make_script, render_episode
from radio.sound.engines import get_engine

INTRO_VOICE_AT_MS, OUTRO_TAIL_MS = 3000, 3500
_FRAME = re.compile(r"t:\s*([\d.]+)\s+TARGET:.*?S:\s*(-?[\d.]+|-inf)")
_SUMMARY_I = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")


def ebur128(mp3: Path, start_ms: int, end_ms: int) -> tuple[float, float]:
    """(loudest full short-term window, integrated) over [start, end) of the decoded file."""
    args = ["ffmpeg", "-hide_banner", "-nostats", "-i", str(mp3), "-af"]
    args += [f"atrim=start={start_ms / 1000}:end={end_ms / 1000},ebur128", "-f", "null", "-"]
    log = subprocess.run(args, capture_output=True, text=True, check=True).stderr
    short = [float(s) for t, s in _FRAME.findall(log) if float(t) >= 3.0 - 1e-6]
    found = _SUMMARY_I.search(log[log.rfind("Summary:") :])
    return max(short, default=float("nan")), float(found.group(1)) if found else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(asset("sample-article.txt")))
    parser.add_argument("--engine", default="pyttsx3")
    args = parser.parse_args()
    settings = Settings(engine=args.engine)
    engine = get_engine(args.engine, rate_wpm=settings.rate_wpm)
    with tempfile.TemporaryDirectory() as out:
        episode = render_episode(make_script(args.article, settings, engine), settings, Path(out), engine)
        mp3, places = Path(episode.mp3_path), episode.placements
        _, speech = ebur128(mp3, places[1].start_ms, places[-2].end_ms)
        sting, _ = ebur128(mp3, places[0].start_ms - INTRO_VOICE_AT_MS, places[0].start_ms)
        tail, _ = ebur128(mp3, places[-1].end_ms, places[-1].end_ms + OUTRO_TAIL_MS)
    print(f"speech {speech:.1f} LUFS; sting {sting:.1f} ({sting - speech:+.1f} LU); ", end="")
    print(f"tail {tail:.1f} ({tail - speech:+.1f} LU)")


if __name__ == "__main__":
    main()
