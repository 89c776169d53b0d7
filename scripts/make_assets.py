#!/usr/bin/env python3
"""Generate radio's own intro sting, outro bed and default cover art.

Everything is synthesised here from first principles (additive sine
synthesis, a hand-drawn PNG), so the package ships no third-party audio or
images. Run it to regenerate ``radio/assets/``:

    python scripts/make_assets.py

Needs ffmpeg (to encode the beds as Ogg Vorbis).
"""

from __future__ import annotations

import math
import struct
import subprocess
import sys
import tempfile
import wave
import zlib
from array import array
from pathlib import Path

RATE = 44100
ASSETS = Path(__file__).resolve().parent.parent / "radio" / "assets"


# Equal-tempered frequencies from MIDI note numbers.
def hz(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def render(events: list[tuple[float, float, int, float, str]], seconds: float) -> list[float]:
    """Mix (start_s, length_s, midi_note, level, timbre) events into a buffer."""
    out = [0.0] * int(seconds * RATE)
    for start, length, note, level, timbre in events:
        f = hz(note)
        first = int(start * RATE)
        count = min(int(length * RATE), len(out) - first)
        for i in range(count):
            t = i / RATE
            if timbre == "pluck":  # bell-like: fast attack, exponential decay, a few partials
                env = min(1.0, t / 0.005) * math.exp(-3.2 * t)
                v = (
                    math.sin(2 * math.pi * f * t)
                    + 0.35 * math.sin(2 * math.pi * 2 * f * t)
                    + 0.12 * math.sin(2 * math.pi * 3.01 * f * t)
                )
            elif timbre == "pad":  # slow swell, gentle detune for width
                env = min(1.0, t / 0.8) * min(1.0, (length - t) / 1.2)
                v = (
                    math.sin(2 * math.pi * f * t)
                    + math.sin(2 * math.pi * f * 1.004 * t)
                    + 0.3 * math.sin(2 * math.pi * 2 * f * t)
                )
            else:  # "pulse": a soft low thump on the beat
                env = math.exp(-14 * t)
                v = math.sin(2 * math.pi * f * (1 + 2 * math.exp(-30 * t)) * t)
            out[first + i] += level * env * v
    peak = max(abs(x) for x in out) or 1.0
    scale = 10 ** (-3 / 20) / peak  # -3 dBFS sample peak
    return [x * scale for x in out]


def sting() -> list[float]:
    beat = 0.6  # 100 bpm
    chords = [(60, 64, 67), (55, 59, 62), (57, 60, 64), (53, 57, 60)]  # C G Am F
    events: list[tuple[float, float, int, float, str]] = []
    for bar, chord in enumerate(chords):
        t0 = bar * 4 * beat * 0.5
        for note in chord:
            events.append((t0, 2.6, note - 12, 0.22, "pad"))
        for step, note in enumerate((*chord, chord[0] + 12)):
            events.append((t0 + step * beat * 0.5, 1.4, note + 12, 0.35, "pluck"))
        events.append((t0, 0.5, 36 if bar % 2 == 0 else 31, 0.6, "pulse"))
    events += [(4.8, 4.2, n, 0.2, "pad") for n in (48, 55, 60, 64)]
    events += [(4.8, 3.0, 72, 0.3, "pluck"), (4.8, 3.0, 79, 0.2, "pluck")]
    return render(events, 9.0)


def outro() -> list[float]:
    beat = 0.6
    chords = [(53, 57, 60), (55, 59, 62), (52, 55, 60), (57, 60, 64), (53, 57, 60), (55, 59, 62)]
    events: list[tuple[float, float, int, float, str]] = []
    for bar, chord in enumerate(chords):
        t0 = bar * 2 * beat
        for note in chord:
            events.append((t0, 2.4, note - 12, 0.2, "pad"))
        for step, note in enumerate(reversed((*chord, chord[0] + 12))):
            events.append((t0 + step * beat * 0.5, 1.2, note + 12, 0.3, "pluck"))
        events.append((t0, 0.5, 36, 0.5, "pulse"))
    end = len(chords) * 2 * beat
    events += [(end, 4.5, n, 0.25, "pad") for n in (48, 55, 60, 64, 67)]
    events += [(end, 4.0, 84, 0.25, "pluck"), (end, 4.0, 72, 0.3, "pluck")]
    return render(events, end + 4.6)


def write_ogg(samples: list[float], target: Path) -> None:
    pcm = array("h", (int(max(-1.0, min(1.0, x)) * 32767) for x in samples))
    with tempfile.TemporaryDirectory() as tmp:
        wav_path = Path(tmp) / "bed.wav"
        with wave.open(str(wav_path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(pcm.tobytes())
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-i", str(wav_path), "-c:a", "libvorbis", "-q:a", "6", str(target)],
            check=True,
        )


# --- cover art: a 1400 px square PNG drawn pixel by pixel -------------------

FONT = {  # 5x7 block letters
    "R": ["11110", "10001", "10001", "11110", "10100", "10010", "10001"],
    "A": ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
    "D": ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
    "I": ["11111", "00100", "00100", "00100", "00100", "00100", "11111"],
    "O": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
}


def cover(size: int = 1400) -> bytes:
    top, bottom = (18, 38, 64), (8, 90, 110)
    accent = (255, 196, 61)
    cx, cy = size * 0.5, size * 0.44
    word, cell = "RADIO", size // 40
    text_w = (len(word) * 6 - 1) * cell
    tx0, ty0 = (size - text_w) // 2, int(size * 0.74)
    rows = []
    for y in range(size):
        mix = y / (size - 1)
        base = tuple(int(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        row = bytearray()
        for x in range(size):
            r = math.hypot(x - cx, y - cy) / size
            colour = base
            if r < 0.05:
                colour = accent
            elif r < 0.36 and y < cy + (x - cx) * 0.0 + size * 0.12:
                band = (r - 0.05) / 0.065
                if band - math.floor(band) > 0.62:
                    colour = tuple(int(c * 0.35 + a * 0.65) for c, a in zip(base, accent, strict=True))
            gx, gy = (x - tx0) // cell, (y - ty0) // cell
            if 0 <= gy < 7 and 0 <= gx < len(word) * 6 and gx % 6 < 5 and FONT[word[gx // 6]][gy][gx % 6] == "1":
                colour = (245, 245, 240)
            row += bytes(colour)
        rows.append(b"\x00" + bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB, no alpha
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> int:
    ASSETS.mkdir(parents=True, exist_ok=True)
    write_ogg(sting(), ASSETS / "intro.ogg")
    write_ogg(outro(), ASSETS / "outro.ogg")
    (ASSETS / "cover.png").write_bytes(cover())
    for name in ("intro.ogg", "outro.ogg", "cover.png"):
        print(f"{ASSETS / name}: {(ASSETS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
