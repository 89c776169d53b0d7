"""Pitch per voice, measured on audio espeak-ng renders, and the check that a
quote voice stands apart from the anchor's."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pydub import AudioSegment
from pydub.generators import Sine

from radio.models import Script, Segment
from radio.publish.voicecheck import PITCH_BAND, accent_of, measure_voices, median_pitch_hz, too_alike, voice_report
from radio.sound.engines import get_engine
from radio.sound.engines.pyttsx3_engine import Pyttsx3Engine
from radio.sound.voice import decode_clip

TEXT = "The harbour wall will be rebuilt before the winter storms, the council said on Tuesday evening."
ANCHOR = Pyttsx3Engine.anchor_voice


@pytest.fixture(scope="module")
def render(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    engine = get_engine("pyttsx3")
    folder = tmp_path_factory.mktemp("pitch")
    cache: dict[str, AudioSegment] = {}

    def rendered(voice: str) -> AudioSegment:
        if voice not in cache:
            path = engine.voice_file(TEXT, voice, folder / f"{len(cache)}.wav")
            cache[voice] = decode_clip(path, 22050, 1)
        return cache[voice]

    return rendered


def test_the_tracker_finds_a_known_frequency() -> None:
    tone = Sine(150).to_audio_segment(duration=2000, volume=-10).set_frame_rate(22050)
    assert median_pitch_hz(tone) == pytest.approx(150, rel=0.03)
    assert median_pitch_hz(AudioSegment.silent(2000, 22050)) is None


def test_a_womans_variant_is_an_octave_up_and_m3_sits_on_the_anchor(render) -> None:  # type: ignore[no-untyped-def]
    anchor = median_pitch_hz(render(ANCHOR))
    f3 = median_pitch_hz(render("gmw/en-us+f3"))
    m3 = median_pitch_hz(render("gmw/en-us+m3"))
    assert anchor and f3 and m3
    assert 90 < anchor < 120
    assert f3 / anchor > 1.6
    assert abs(math.log(m3 / anchor)) < math.log(1 + PITCH_BAND)  # the complaint, measured


def _script(voices: list[str]) -> Script:
    segments = [Segment("anchor", TEXT, TEXT, ANCHOR)]
    segments += [Segment("quote", TEXT, TEXT, v, f"Speaker {n}") for n, v in enumerate(voices)]
    return Script("t.txt", "t", None, "Test Radio", "Alex Morgan", "pyttsx3", tuple(segments))


def test_the_check_fails_a_quote_voice_in_the_anchors_pitch_band(render) -> None:  # type: ignore[no-untyped-def]
    voices = ["gmw/en-us+m3", "gmw/en-us+f1"]
    script = _script(voices)
    measures = measure_voices(script, [render(s.voice) for s in script.segments])
    problems = too_alike(measures, ANCHOR)
    assert len(problems) == 1 and problems[0].startswith("gmw/en-us+m3 (Speaker 0)")
    report = voice_report(measures, ANCHOR)
    assert report["distinct_voices"] == {"passed": False, "detail": problems[0]}


def test_no_voice_of_the_default_pool_is_in_the_anchors_band(render) -> None:  # type: ignore[no-untyped-def]
    voices = [v.id for v in Pyttsx3Engine.cast_voices]
    script = _script(voices)
    measures = measure_voices(script, [render(s.voice) for s in script.segments])
    assert all(m.median_pitch_hz for m in measures)
    assert too_alike(measures, ANCHOR) == []
    # Same accent as the anchor: at least 15 % away, as the pool was chosen.
    anchor_pitch = next(m.median_pitch_hz for m in measures if m.voice == ANCHOR)
    for m in measures:
        if m.voice != ANCHOR and m.accent == accent_of(ANCHOR):
            assert abs(math.log(m.median_pitch_hz / anchor_pitch)) >= math.log(1.12), m  # type: ignore[operator]


def test_accents_are_read_from_voice_ids(tmp_path: Path) -> None:
    assert accent_of("gmw/en-gb-x-rp+f3") == "en-gb-x-rp"
    assert accent_of("gmw/en-us") == accent_of("gmw/en-us+m8") == "en-us"
    assert accent_of("en_US-joe-medium@-3") == accent_of("en_US-joe-medium") == "en_US-joe-medium"


def test_the_report_section_has_pitch_and_loudness_per_voice(render) -> None:  # type: ignore[no-untyped-def]
    script = _script(["gmw/en-us+f1"])
    clips = [render(s.voice) for s in script.segments]
    report = voice_report(measure_voices(script, clips), ANCHOR)
    rows = {r["voice"]: r for r in report["voices"]}  # type: ignore[attr-defined]
    assert rows[ANCHOR]["speakers"] == ["anchor"] and rows["gmw/en-us+f1"]["speakers"] == ["Speaker 0"]
    assert all(-40 < r["loudness_lufs"] < -10 for r in rows.values())
    assert rows["gmw/en-us+f1"]["median_pitch_hz"] > 1.5 * rows[ANCHOR]["median_pitch_hz"]
    assert report["distinct_voices"]["passed"] is True  # type: ignore[index]
