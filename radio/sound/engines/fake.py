"""A deterministic engine for tests: a tone per voice, length by text.

It stands at the engine boundary only: everything after it (decoding,
mixing, loudness, MP3, tags) runs for real.
"""

from __future__ import annotations

import math
import os
import time
import wave
import zlib
from array import array
from pathlib import Path

from radio.sound.engines import Engine, Voice

MS_PER_CHAR = 60
# Test hooks, for tests of a batch's isolation only: a text with this word makes the fake engine hang
# (or its process die), as a real engine sometimes does. No article a producer writes contains them.
HANG_MARKER = "xqhangxq"
CRASH_MARKER = "xqcrashxq"


class FakeEngine(Engine):
    name = "fake"
    sample_rate_hz = 22050
    in_worker = False  # cannot hang; tests stay fast (tests/plugins has one that runs in a worker)
    anchor_voice = "fake-anchor"
    cast_voices = (
        Voice("fake-f1", "female"),
        Voice("fake-m1", "male"),
        Voice("fake-f2", "female"),
        Voice("fake-m2", "male"),
        Voice("fake-f3", "female"),
        Voice("fake-m3", "male"),
    )

    @staticmethod
    def duration_ms(text: str) -> int:
        """How long the fake voice takes to say ``text``."""
        return max(300, MS_PER_CHAR * len(text))

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        self.check_voice(voice)
        if HANG_MARKER in text.lower():
            time.sleep(3600)
        if CRASH_MARKER in text.lower():
            os._exit(70)
        rate = self.sample_rate_hz
        n = rate * self.duration_ms(text) // 1000
        freq = 110 + zlib.crc32(voice.encode()) % 200
        second = array("h")  # one second tiles seamlessly: whole cycles of tone and envelope
        for i in range(rate):
            t = i / rate
            syllable = 0.55 + 0.45 * math.sin(2 * math.pi * 4 * t)  # speech-like 4 Hz envelope
            value = syllable * (0.6 * math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(2 * math.pi * 3 * freq * t))
            second.append(int(12000 * value))
        samples = (second * (n // rate + 1))[:n]
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(samples.tobytes())
