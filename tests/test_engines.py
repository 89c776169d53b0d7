import wave
from pathlib import Path

import pytest

from radio.errors import EngineError
from radio.sound.engines import Engine, engine_names, get_engine
from radio.sound.engines.fake import FakeEngine
from radio.sound.voice import decode_clip


def test_registry_resolves_builtins() -> None:
    assert {"fake", "pyttsx3"} <= set(engine_names())
    assert isinstance(get_engine("fake"), FakeEngine)


def test_unknown_engine_lists_the_available_ones() -> None:
    with pytest.raises(EngineError, match=r"unknown engine 'nope'.*fake.*pyttsx3"):
        get_engine("nope")


def test_fake_engine_is_deterministic(tmp_path: Path) -> None:
    engine = get_engine("fake")
    a, b = tmp_path / "a.wav", tmp_path / "b.wav"
    engine.voice_file("Hello from the harbour.", "fake-f1", a)
    engine.voice_file("Hello from the harbour.", "fake-f1", b)
    assert a.read_bytes() == b.read_bytes()
    with wave.open(str(a)) as w:
        assert w.getframerate() == 22050
        assert w.getnframes() * 1000 // 22050 == FakeEngine.duration_ms("Hello from the harbour.")


def test_fake_engine_rejects_unknown_voice(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="unknown voice"):
        get_engine("fake").voice_file("Hi", "fake-x9", tmp_path / "x.wav")


def test_engine_that_writes_nothing_is_caught(tmp_path: Path) -> None:
    class Silent(FakeEngine):
        def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
            path.write_bytes(b"")

    with pytest.raises(EngineError, match="wrote no audio"):
        Silent().voice_file("Hello", "fake-f1", tmp_path / "x.wav")


def test_engine_that_writes_garbage_is_caught(tmp_path: Path) -> None:
    class Garbage(FakeEngine):
        def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
            path.write_bytes(b"not audio at all " * 50)

    raw = Garbage().voice_file("Hello", "fake-f1", tmp_path / "x.wav")
    with pytest.raises(EngineError, match="cannot decode"):
        decode_clip(raw, 44100, 1)


def test_engine_base_has_one_abstract_method() -> None:
    assert Engine.__abstractmethods__ == frozenset({"synthesize_to_file"})


def test_pyttsx3_writes_decodable_audio_for_every_voice(tmp_path: Path) -> None:
    """The real engine: every file is complete (the 2.99 early-return bug) and
    decodable whatever its name says."""
    engine = get_engine("pyttsx3")
    voices = [engine.anchor_voice, *(v.id for v in engine.cast_voices)]
    lengths = []
    for number, voice in enumerate(voices):
        engine.check_voice(voice)
        raw = engine.voice_file("The tide turned at noon, and the gates held.", voice, tmp_path / f"v{number}.mp3")
        clip = decode_clip(raw, 44100, 1)  # named .mp3, really WAV: ffmpeg probes it
        lengths.append(len(clip))
    assert all(1500 < ms < 6000 for ms in lengths), lengths


def test_pyttsx3_unknown_voice_and_variant() -> None:
    engine = get_engine("pyttsx3")
    with pytest.raises(EngineError, match="unknown voice"):
        engine.check_voice("gmw/xx-nowhere")
    with pytest.raises(EngineError, match="variant"):
        engine.check_voice("gmw/en-us+zz9")
