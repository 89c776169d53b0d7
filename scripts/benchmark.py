#!/usr/bin/env python3
"""Benchmark: render the sample article and, in the same run, the floor.

The floor is the least any tool could do with the same text: ``espeak-ng -w`` (at radio's rate)
over the article's body, then an ``ffmpeg`` MP3 encode in the same format as
radio's episode (44.1 kHz, mono, 96 kbit/s). radio's episode adds the script
writer, several voices, the music beds, whole-programme loudness, tags and
sidecars. Both run as fresh processes (start-up included), alternating, and
the medians are compared, so machine noise hits both alike.

    python scripts/benchmark.py [--runs 5] [--article PATH]

Prints wall times, their ratio, the realtime factor, peak memory, and how
long text normalisation takes for the article.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB, largest process in the tree) of a command."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_maxrss // 1024


def floor(body: Path, work: Path) -> tuple[float, int]:
    wav, mp3 = work / "floor.wav", work / "floor.mp3"
    from radio.config import Settings

    rate = str(Settings().rate_wpm)  # the same pace as radio's episode
    t1, m1 = timed(["espeak-ng", "-v", "en-us", "-s", rate, "-w", str(wav), "-f", str(body)])
    t2, m2 = timed(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-i",
            str(wav),
            "-ar",
            "44100",
            "-ac",
            "1",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "96k",
            str(mp3),
        ]
    )
    return t1 + t2, max(m1, m2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--article", type=Path, default=ROOT / "radio" / "assets" / "sample-article.txt")
    args = parser.parse_args()

    from mutagen.mp3 import MP3

    from radio.config import Settings
    from radio.sound.cast import caster
    from radio.sound.engines import get_engine
    from radio.words.ingest import load_article
    from radio.words.script import write_script
    from radio.words.speech import load_user_lexicon, to_spoken

    article = load_article(str(args.article))
    settings = Settings()
    radio_exe = shutil.which("radio") or str(Path(sys.executable).parent / "radio")
    env = {**os.environ, "XDG_CONFIG_HOME": tempfile.mkdtemp()}  # the default settings, not the user's
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        body = work / "body.txt"
        body.write_text(article.title + ".\n\n" + "\n\n".join(article.paragraphs), encoding="utf-8")
        ours, base, ours_mem, base_mem = [], [], [], []
        for _ in range(args.runs):
            t, m = floor(body, work)
            base.append(t)
            base_mem.append(m)
            cold = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp()}  # an empty segment cache: every segment voiced
            t, m = timed([radio_exe, "episode", str(args.article), "--out", str(work / "out"), "--force"], cold)
            ours.append(t)
            ours_mem.append(m)
        mp3 = next((work / "out").glob("*.mp3"))
        audio_s = MP3(str(mp3)).info.length
        floor_audio_s = MP3(str(work / "floor.mp3")).info.length

    tts = get_engine("pyttsx3")
    script = write_script(article, settings, tts.name, caster(tts))
    lexicon = load_user_lexicon({})
    norm = []
    for _ in range(50):
        started = time.perf_counter()
        for segment in script.segments:
            to_spoken(segment.text, lexicon, "pyttsx3")
        norm.append(time.perf_counter() - started)

    ours_s, base_s = statistics.median(ours), statistics.median(base)
    words = sum(len(p.split()) for p in article.paragraphs)
    print(f"article: {args.article.name}, {words} words, {len(script.segments)} segments, {args.runs} runs")
    print(
        f"floor (espeak-ng -w + ffmpeg mp3): median {base_s:.2f} s for {floor_audio_s:.1f} s of audio, "
        f"peak {max(base_mem)} MiB"
    )
    print(
        f"radio episode (full):              median {ours_s:.2f} s for {audio_s:.1f} s of audio, "
        f"peak {max(ours_mem)} MiB"
    )
    print(f"ratio radio / floor:               {ours_s / base_s:.2f}x (aim: within 2.5x)")
    print(f"realtime factor:                   {ours_s / audio_s:.4f} ({audio_s / ours_s:.0f}x faster than real time)")
    norm_ms = statistics.median(norm) * 1000
    print(
        f"normalisation (to_spoken, all segments): median {norm_ms:.1f} ms"
        f" = {norm_ms / 10 / ours_s:.2f}% of the episode"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
