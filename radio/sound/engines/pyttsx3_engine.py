"""The default engine: pyttsx3 (espeak-ng on Linux, NSSpeechSynthesizer on
macOS, SAPI5 on Windows). No download, works anywhere.

pyttsx3 2.99 on Linux returns from the first ``runAndWait()`` before the file
exists (espeak writes it later from its callback thread), so every call waits
for the ``finished-utterance`` event, with a timeout.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from radio.errors import DependencyError, EngineError
from radio.sound.engines import DEFAULT_RATE_WPM, Engine, Voice

TIMEOUT_S = 120.0
ATTEMPTS = 4
FILE_WAIT_S = 10.0  # after the finished event, how long a file may take to appear
# The quote pool, chosen by `scripts/measure_voices.py --wer` from measurements of 126 English
# accent x variant candidates, each reading the sample article's narration (290 words). Anchor
# gmw/en-us: median pitch 102 Hz, Whisper tiny.en WER 0.150. Kept: at least 15 % from the anchor's
# pitch at the same accent (8 % at another), 12 % from each other (6 % across accents), no built-in
# echo (en+f4, +m2), WER at most 0.10 above the anchor's; en-gb-scotland+m7 dropped (worst WER).
# Gender from the measured pitch (under 145 Hz male, over 175 Hz female, between: either).
_ESPEAK_CAST: tuple[Voice, ...] = (
    Voice("gmw/en-us+steph", "female", "en-us"),  # 184 Hz, WER 0.164
    Voice("gmw/en-us+m8", "male", "en-us"),  # 86 Hz, WER 0.178
    Voice("gmw/en-us+Nguyen", None, "en-us"),  # 150 Hz, WER 0.126: suits either
    Voice("gmw/en-gb-x-rp+f2", "female", "en-gb-x-rp"),  # 195 Hz, WER 0.224
    Voice("gmw/en-us+david", "male", "en-us"),  # 76 Hz, WER 0.224
    Voice("gmw/en+Annie", "female", "en"),  # 240 Hz, WER 0.248
    Voice("gmw/en-gb-x-rp+rob", "male", "en-gb-x-rp"),  # 111 Hz, WER 0.182
    Voice("gmw/en-gb-x-rp+m1", "male", "en-gb-x-rp"),  # 94 Hz, WER 0.173
)


class Pyttsx3Engine(Engine):
    name = "pyttsx3"
    sample_rate_hz = 22050
    anchor_voice = "gmw/en-us"
    cast_voices = _ESPEAK_CAST
    install_hint = "apt-get install espeak-ng (Linux); pyttsx3 uses the system voices on macOS and Windows"
    max_chars_per_call = 1500  # the espeak driver's buffer grows quadratically with the text
    call_timeout_s = 30.0  # espeak voices 1,500 characters in well under a second
    # in the segment cache's key: clips cached before the wait for espeak's idle thread may be at
    # another clip's rate, so they are voiced again
    version = "espeak-idle-wait"

    def __getstate__(self) -> dict[str, Any]:  # for the worker process: settings, not the driver
        return {"rate_wpm": self.rate_wpm, "voice_rates_wpm": self.voice_rates_wpm}

    def __setstate__(self, state: dict[str, Any]) -> None:
        rates = state.pop("voice_rates_wpm", {})
        self.__init__(**state)  # type: ignore[misc]
        self.voice_rates_wpm = rates

    def __init__(self, rate_wpm: int = DEFAULT_RATE_WPM) -> None:
        super().__init__(rate_wpm)
        self._engine: Any = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._spoken_once = False
        if not sys.platform.startswith("linux"):  # pragma: no cover - macOS / Windows only
            self._driver()  # the system's own voices replace the espeak-ng ones before casting

    def _driver(self) -> Any:
        if self._engine is None:
            if sys.platform.startswith("linux") and shutil.which("espeak-ng") is None:
                raise DependencyError("espeak-ng is not installed; install it: apt-get install espeak-ng")
            try:
                import pyttsx3
            except ImportError:  # pragma: no cover - a core dependency
                raise EngineError("pyttsx3 is not installed; pip install pyttsx3==2.99") from None
            try:
                self._engine = pyttsx3.init()
            except (OSError, RuntimeError) as exc:
                raise DependencyError(f"cannot start pyttsx3 ({exc}); {self.install_hint}") from None
            self._engine.connect("finished-utterance", self._finished)
            if sys.platform.startswith("linux"):
                # pyttsx3's command queue starts busy: until a first loop runs, property changes
                # wait in it and reach espeak only as the first synthesis starts (which then cancels
                # them). One empty loop (no text yet) runs the queue, so later changes apply at once.
                with contextlib.redirect_stdout(io.StringIO()):
                    self._engine.runAndWait()
                _settle(self._engine)
            if not sys.platform.startswith("linux"):  # other platforms: use their own voices
                self._adopt_system_voices()
        return self._engine

    def _finished(self, name: str | None = None, completed: bool = True) -> None:
        self._done.set()

    def _adopt_system_voices(self) -> None:  # pragma: no cover - macOS / Windows only
        voices = self._engine.getProperty("voices") or []
        ids = [v.id for v in voices if "en" in str(getattr(v, "languages", "") or v.id).lower()] or [
            v.id for v in voices
        ]
        if ids:
            self.anchor_voice = ids[0]  # type: ignore[misc]
            self.cast_voices = tuple(Voice(i) for i in ids[1:] or ids)  # type: ignore[misc]

    def check_voice(self, voice: str) -> None:
        driver = self._driver()
        if not sys.platform.startswith("linux"):  # pragma: no cover
            return super().check_voice(voice)
        base, _, variant = voice.partition("+")
        ids = {v.id for v in driver.getProperty("voices")}
        if base not in ids:
            english = sorted(i for i in ids if "/en" in i)
            raise EngineError(
                f"unknown voice {voice!r}; espeak-ng English voices: {', '.join(english)} (add +f1..f5 or +m1..m7)"
            )
        if variant and not _variant_exists(variant):
            raise EngineError(f"unknown espeak-ng variant {variant!r} in voice {voice!r}; try +f1..f5 or +m1..m7")
        return None

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        driver = self._driver()
        with self._lock:
            for attempt in range(ATTEMPTS):  # a lost or empty utterance is tried again
                path.unlink(missing_ok=True)
                # Commands given while the driver is busy are queued and run later from
                # espeak's callback thread, after synthesis has already started with the
                # previous text and file name: only talk to an idle driver.
                # (The driver reports busy until its first loop starts; that is not a race.)
                if self._spoken_once:
                    _settle(driver)
                self._done.clear()
                driver.setProperty("voice", voice)
                driver.setProperty("rate", self.rate_for(voice))
                _settle(driver)  # the rate is a command on espeak's queue: applied before we go on
                with contextlib.redirect_stdout(io.StringIO()):  # the driver prints "Audio saved to ..."
                    driver.save_to_file(text, str(path))
                    driver.runAndWait()
                    if not self._done.wait(TIMEOUT_S):
                        raise EngineError(f"pyttsx3 did not finish within {TIMEOUT_S:.0f} s for voice {voice!r}")
                    # The event can belong to the utterance before (the driver notifies
                    # from espeak's callback thread): trust only a complete file.
                    self._spoken_once = True
                    if _wait_for_complete_wav(path, FILE_WAIT_S) and _has_audio(path):
                        return
                # espeak is not re-entrant: a synthesis started while its callback thread is
                # still finishing the one before can come out empty. Let it settle, then retry.
                time.sleep(0.05 * (attempt + 1))


def _settle(driver: Any) -> None:
    """Wait until espeak and the driver are idle. espeak runs its commands on its own thread:
    the finished event and the file come from there before that thread is done, and a rate
    set with espeak_SetParameter waits on its queue. pyttsx3's runAndWait cancels whatever
    espeak is still doing when it starts (``stop()`` when ``IsPlaying()``), so a call made
    too early lost its rate (seen under load: the next clip at the last clip's rate) or its
    text. espeak_Synchronize returns once espeak's thread has nothing left to do."""
    if sys.platform.startswith("linux"):
        from pyttsx3.drivers import _espeak  # the driver's own binding of libespeak-ng

        _espeak.Synchronize()
    _wait_until(lambda: not driver.isBusy(), FILE_WAIT_S)


def _wait_for_complete_wav(path: Path, timeout_s: float) -> bool:
    """True once ``path`` holds a WAV whose header agrees with its size."""
    return _wait_until(lambda: _complete_wav(path), timeout_s)


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.002)
    return True


def _has_audio(path: Path) -> bool:
    """More than a bare header (an empty WAV is 44 bytes)."""
    try:
        return path.stat().st_size > 64
    except OSError:
        return False


def _complete_wav(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(44)
            size = path.stat().st_size
    except OSError:
        return False
    if len(head) < 44 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return size > 64 and head[:4] != b"RIFF"  # another container (AIFF on macOS): ffmpeg will judge
    riff_size = int.from_bytes(head[4:8], "little")
    return riff_size + 8 == size


def _variant_exists(variant: str) -> bool:
    for root in (
        Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data"),
        Path("/usr/lib/aarch64-linux-gnu/espeak-ng-data"),
        Path("/usr/share/espeak-ng-data"),
    ):
        folder = root / "voices" / "!v"
        if folder.is_dir():
            return (folder / variant).is_file()
    return True  # cannot tell where the data lives; let espeak-ng decide
