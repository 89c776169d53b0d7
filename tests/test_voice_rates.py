"""A producer's rate for one voice: [rates] in radio.toml reaches the engine, its cache key and the audio."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio.config import load_settings
from radio.errors import ConfigError
from radio.sound.cache import SegmentCache
from radio.sound.engines import get_engine
from radio.sound.voice import decode_clip


def test_rates_table_is_read_and_checked(tmp_path: Path) -> None:
    toml = tmp_path / "radio.toml"
    toml.write_text('[voice]\nrate_wpm = 170\n[rates]\n"gmw/en-us+m3" = 140\n', encoding="utf-8")
    settings = load_settings(toml)
    assert settings.rates == {"gmw/en-us+m3": 140} and settings.rate_wpm == 170
    toml.write_text('[rates]\n"gmw/en-us+m3" = 20\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[rates\] 'gmw/en-us\+m3' must be a whole number"):
        load_settings(toml)


def test_a_voice_rate_changes_only_that_voice(tmp_path: Path) -> None:
    engine = get_engine("pyttsx3", rate_wpm=175, voice_rates_wpm={"gmw/en-us+m3": 110})
    assert engine.rate_for("gmw/en-us+m3") == 110 and engine.rate_for("gmw/en-us") == 175
    text = "The council met on a wet Tuesday evening to talk about the new harbour wall."
    lengths = {}
    for voice in ("gmw/en-us", "gmw/en-us+m3"):
        path = engine.voice_file(text, voice, tmp_path / f"{voice.replace('/', '_')}.wav")
        lengths[voice] = len(decode_clip(path, 22050, 1))
    plain = get_engine("pyttsx3", rate_wpm=175)
    path = plain.voice_file(text, "gmw/en-us+m3", tmp_path / "plain.wav")
    at_default = len(decode_clip(path, 22050, 1))
    # espeak-ng speaks the same words about 175/110 = 1.6 times as long at the slower rate
    assert lengths["gmw/en-us+m3"] > 1.3 * at_default
    assert abs(lengths["gmw/en-us"] - at_default) < 0.3 * at_default


def test_the_segment_cache_keys_on_the_voice_rate(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "cache", limit_bytes=10**7)
    slow = get_engine("fake", voice_rates_wpm={"fake-m1": 120}, in_worker=False)
    plain = get_engine("fake", in_worker=False)
    assert cache.key("Hello.", "fake-m1", slow, 22050, 1) != cache.key("Hello.", "fake-m1", plain, 22050, 1)
    assert cache.key("Hello.", "fake-f1", slow, 22050, 1) == cache.key("Hello.", "fake-f1", plain, 22050, 1)


def test_every_call_gets_its_own_rate_the_first_included(tmp_path: Path) -> None:
    """pyttsx3 queues property changes and espeak applies them on its own thread; a call made
    before espeak was idle came out at the previous call's rate, and the first call at pyttsx3's
    default 200 wpm. In-process here (the engine as the worker runs it), alternating rates."""
    from radio.sound.engines.pyttsx3_engine import Pyttsx3Engine

    engine = Pyttsx3Engine(rate_wpm=175)
    engine.voice_rates_wpm = {"gmw/en-us+m3": 110}
    text = "The ferry left the harbour at dawn with forty passengers and a van of post."
    lengths: dict[str, list[int]] = {"gmw/en-us": [], "gmw/en-us+m3": []}
    for number in range(8):
        voice = ("gmw/en-us", "gmw/en-us+m3")[number % 2]
        path = tmp_path / f"{number}.wav"
        engine.synthesize_to_file(text, voice, path)
        lengths[voice].append(len(decode_clip(path, 22050, 1)))
    for voice, found in lengths.items():
        assert max(found) < 1.05 * min(found), (voice, found)  # the same rate every time
    assert min(lengths["gmw/en-us+m3"]) > 1.3 * max(lengths["gmw/en-us"])
