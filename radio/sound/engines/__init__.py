"""Text-to-speech engines: one base class, one registry.

An engine turns a text and a voice id into an audio file. Built-in engines
are listed here; others register under the ``radio.sound.engines`` entry-point group
(``[project.entry-points."radio.engines"]`` in a plugin's pyproject).
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

from radio.errors import EngineError


class EmptyAudioError(EngineError):
    """The engine wrote a file with no audio in it (worth one more try)."""


@dataclass(frozen=True)
class Voice:
    """A voice an engine offers for casting."""

    id: str
    gender: Literal["female", "male"] | None = None
    language: str | None = None  # BCP 47 where the engine says, e.g. "en-GB"


# A newsreader's pace. Measured (Whisper tiny.en on the project's four articles, as cast): espeak-ng
# word error 0.127 at its own 175 words a minute, 0.112 at 160, 0.101 at 145.
DEFAULT_RATE_WPM = 160


class Engine(ABC):
    """Base class: subclasses implement ``synthesize_to_file`` and list their voices."""

    name: ClassVar[str]
    sample_rate_hz: ClassVar[int]
    anchor_voice: ClassVar[str]
    cast_voices: ClassVar[tuple[Voice, ...]]  # voices for quoted speakers, in casting order
    install_hint: ClassVar[str] = ""
    max_chars_per_call: ClassVar[int] = 100_000  # longer texts are voiced in pieces, split at sentences
    # The registry runs an engine in a worker process (radio.sound.engines.worker), where a
    # call that hangs or crashes can be stopped: set False only for an engine that cannot hang.
    # An engine that runs in a worker must pickle: keep settings on the instance and load a
    # model on first use (once per worker), not in __init__.
    in_worker: ClassVar[bool] = True
    call_timeout_s: ClassVar[float] = 120.0  # longest one call (max_chars_per_call at most) may take

    def __init__(self, rate_wpm: int = DEFAULT_RATE_WPM) -> None:
        self.rate_wpm = rate_wpm
        self.voice_rates_wpm: dict[str, int] = {}  # a producer's rate for one voice ([rates] in radio.toml)

    def rate_for(self, voice: str) -> int:
        """The speaking rate (words per minute) of ``voice``: its own if the producer set one."""
        return self.voice_rates_wpm.get(voice, self.rate_wpm)

    @abstractmethod
    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        """Write ``text`` spoken by ``voice`` to ``path`` (any format ffmpeg reads)."""

    def check_voice(self, voice: str) -> None:
        """Raise EngineError if ``voice`` is not one this engine can use."""
        known = {self.anchor_voice, *(v.id for v in self.cast_voices)}
        if voice not in known:
            raise EngineError(f"unknown voice {voice!r} for engine {self.name}; try one of: {', '.join(sorted(known))}")

    def voice_file(self, text: str, voice: str, path: Path) -> Path:
        """Synthesize and check that the engine really wrote something."""
        self.synthesize_to_file(text, voice, path)
        if not path.is_file() or path.stat().st_size < 64:
            raise EmptyAudioError(f"engine {self.name} wrote no audio for {quoted(text)} (voice {voice})")
        return path

    def close(self) -> None:
        """Release what the engine holds (a worker process); it starts again if used."""
        return None


def quoted(text: str, limit: int = 60) -> str:
    """``text`` in quotation marks for a message, shortened to about ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return f"“{flat}”"


BUILTIN_ENGINES = {
    "pyttsx3": "radio.sound.engines.pyttsx3_engine:Pyttsx3Engine",
    "fake": "radio.sound.engines.fake:FakeEngine",
    "piper": "radio.sound.engines.piper_engine:PiperEngine",
}


def _entry_points() -> list[EntryPoint]:
    from importlib.metadata import entry_points  # slow to import; only when a plugin is asked for

    return list(entry_points(group="radio.engines"))


def engine_names() -> list[str]:
    names = set(BUILTIN_ENGINES)
    names.update(ep.name for ep in _entry_points())
    return sorted(names)


def get_engine(
    name: str,
    rate_wpm: int = DEFAULT_RATE_WPM,
    in_worker: bool | None = None,
    voice_rates_wpm: dict[str, int] | None = None,
) -> Engine:
    """Resolve an engine by name (built-in first, then entry points); ``voice_rates_wpm`` gives
    single voices their own rate.

    The engine runs in a worker process unless it declares ``in_worker = False``
    (or ``in_worker`` says otherwise here)."""
    target = BUILTIN_ENGINES.get(name)
    if target is None:
        for ep in _entry_points():
            if ep.name == name:
                target = ep.value
                break
    if target is None:
        raise EngineError(f"unknown engine {name!r}; available engines: {', '.join(engine_names())}")
    module_name, _, attr = target.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), attr)
    except ImportError as exc:
        raise EngineError(f"engine {name!r} is not installed ({exc}); pip install 'radio-bulletin[{name}]'") from None
    if not (isinstance(cls, type) and issubclass(cls, Engine)):
        raise EngineError(f"engine {name!r} ({target}) is not a radio Engine")
    engine: Engine = cls(rate_wpm=rate_wpm)
    engine.voice_rates_wpm = dict(voice_rates_wpm or {})
    if cls.in_worker if in_worker is None else in_worker:
        from radio.sound.engines.worker import WorkerEngine

        return WorkerEngine(engine)
    return engine
