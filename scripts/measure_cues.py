#!/usr/bin/env python3
"""Measure how far the transcripts' cue starts are from the words as heard.

Renders each article with the real engine (music off, so the pauses between the words are
silences), decodes the MP3 and finds where speech starts after each pause (pydub's
``detect_nonsilent``), then reports for the WebVTT and SRT cues: how far each cue start is from
the nearest heard onset (max, median, how many over 0.25 s and 0.5 s) and how many cues are under
one second.

    python scripts/measure_cues.py [ARTICLE ...] [--engine pyttsx3]

With no article: the sample article and every article in ``scripts/articles/``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STAMP = re.compile(r"(\d\d):(\d\d):(\d\d)[.,](\d{3}) --> (\d\d):(\d\d):(\d\d)[.,](\d{3})")
MIN_SILENCE_MS = 120  # a pause this long or longer separates two onsets
BELOW_PROGRAMME_DB = 20  # silence: this far below the programme's average level


def cue_times(text: str) -> list[tuple[float, float]]:
    """(start, end) in seconds of every cue of a WebVTT or SRT file."""
    out = []
    for g in _STAMP.findall(text):
        n = [int(x) for x in g]
        out.append((n[0] * 3600 + n[1] * 60 + n[2] + n[3] / 1000, n[4] * 3600 + n[5] * 60 + n[6] + n[7] / 1000))
    return out


def mid_phrase(text: str) -> list[bool]:
    """For every cue: does it start in the middle of a phrase (the cue before ends with no
    punctuation)? Such a cue has no pause before it to be heard at; it is timed by characters."""
    bodies = [block.split("\n", 2)[-1] for block in re.split(r"\n\n+", text.strip()) if _STAMP.search(block)]
    ends = [re.sub(r"<[^>]+>", "", body).rstrip()[-1:] for body in bodies]
    return [False] + [end not in ".,;:!?\"”’)…" for end in ends[:-1]]


def heard_onsets(mp3: Path) -> list[float]:
    """Where sound starts after a pause, in seconds, in the decoded MP3."""
    from pydub import AudioSegment
    from pydub.silence import detect_nonsilent

    audio = AudioSegment.from_file(str(mp3))
    spans = detect_nonsilent(audio, MIN_SILENCE_MS, audio.dBFS - BELOW_PROGRAMME_DB, seek_step=5)
    return [start / 1000 for start, _ in spans]


def offsets(cues: list[tuple[float, float]], onsets: list[float]) -> list[float]:
    return [min((abs(start - onset) for onset in onsets), default=float("inf")) for start, _ in cues]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--engine", default="pyttsx3")
    args = parser.parse_args()
    sample = ROOT / "radio" / "assets" / "sample-article.txt"
    articles = args.articles or [sample, *sorted(ROOT.glob("scripts/articles/*.txt"))]

    from radio.config import Settings
    from radio.pipeline import make_script, render_episode
    from radio.sound.engines import get_engine

    settings = Settings(engine=args.engine, music_enabled=False)
    engine = get_engine(args.engine, rate_wpm=settings.rate_wpm)
    found: dict[str, list[float]] = {"vtt": [], "srt": []}
    inside: dict[str, list[float]] = {"vtt": [], "srt": []}  # cues that start mid-phrase
    short: dict[str, int] = {"vtt": 0, "srt": 0}
    count: dict[str, int] = {"vtt": 0, "srt": 0}
    for article in articles:
        with tempfile.TemporaryDirectory() as out:
            episode = render_episode(make_script(str(article), settings, engine), settings, Path(out), engine)
            onsets = heard_onsets(Path(episode.mp3_path))
            line = [f"{article.name}:"]
            for kind in ("vtt", "srt"):
                text = Path(episode.sidecars[kind]).read_text(encoding="utf-8")
                cues = cue_times(text)
                off = offsets(cues, onsets)
                found[kind] += [o for o, mid in zip(off, mid_phrase(text), strict=True) if not mid]
                inside[kind] += [o for o, mid in zip(off, mid_phrase(text), strict=True) if mid]
                count[kind] += len(cues)
                short[kind] += sum(1 for s, e in cues if e - s < 0.999)
                line.append(
                    f"{kind} {len(cues)} cues, offset max {max(off):.2f} s median {statistics.median(off):.2f} s,"
                    f" {sum(o > 0.25 for o in off)} over 0.25 s;"
                )
            print(" ".join(line))
    for kind in ("vtt", "srt"):
        off = found[kind]
        print(
            f"all {kind}: {count[kind]} cues, {short[kind]} under 1 s; {len(off)} start a phrase: offset from"
            f" the heard onset max {max(off):.2f} s, median {statistics.median(off):.3f} s,"
            f" {sum(o > 0.25 for o in off)} over 0.25 s, {sum(o > 0.5 for o in off)} over 0.5 s;"
            f" {len(inside[kind])} start mid-phrase (no pause to hear; timed by characters)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
