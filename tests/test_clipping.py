"""Clipping: an engine's flat tops at full scale are found and fail the report; clean loud peaks are not."""

from __future__ import annotations

import json
import math
import wave
from array import array
from pathlib import Path

from pydub import AudioSegment

from radio.config import Settings
from radio.pipeline import render_episode
from radio.sound.clipping import ClipWatch, clip_events
from radio.sound.engines.fake import FakeEngine
from tests.test_export import tiny_script


def tone(peak: float, rate: int = 22050, seconds: float = 0.5, freq: float = 220.0) -> AudioSegment:
    """A sine at ``peak`` times full scale, saturated at the rails as an overdriven engine writes it."""
    samples = array("h", (max(-32768, min(32767, round(peak * 32767 * math.sin(2 * math.pi * freq * i / rate))))
                          for i in range(int(rate * seconds))))  # fmt: skip
    return AudioSegment(samples.tobytes(), frame_rate=rate, sample_width=2, channels=1)


def test_a_clean_peak_at_full_scale_is_not_clipping() -> None:
    assert clip_events(tone(1.0)) == (0, 0)  # normalised to 0 dBFS, but a curve
    assert clip_events(tone(0.5)) == (0, 0)


def test_flat_tops_are_counted_in_every_channel() -> None:
    events, longest = clip_events(tone(1.5))  # +3.5 dB into the rails: every half cycle squared off
    assert events == 2 * 110  # 110 cycles in 0.5 s, a flat top and a flat bottom each
    assert longest >= 10
    stereo = AudioSegment.from_mono_audiosegments(tone(0.5), tone(1.5))
    assert clip_events(stereo)[0] == events
    assert clip_events(tone(1.5).set_sample_width(4))[0] == events


def test_the_watch_passes_clips_through_and_names_the_clipped_ones() -> None:
    clips = [tone(0.5), tone(1.5), tone(0.9)]
    watch = ClipWatch()
    assert list(watch.tap(clips)) == clips
    assert [c.index for c in watch.found] == [1]


class OverdrivenQuote(FakeEngine):
    """The fake engine, with the quote's voice 18 dB too hot and saturated, as a badly set engine writes it."""

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        super().synthesize_to_file(text, voice, path)
        if voice == "fake-f1":
            with wave.open(str(path)) as w:
                samples = array("h", w.readframes(w.getnframes()))
            hot = array("h", (max(-32768, min(32767, s * 8)) for s in samples))
            with wave.open(str(path), "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(self.sample_rate_hz)
                w.writeframes(hot.tobytes())


def test_an_engine_that_clips_fails_the_report_naming_the_segment(tmp_path: Path) -> None:
    script = tiny_script()
    episode = render_episode(script, Settings(engine="fake"), tmp_path, engine=OverdrivenQuote())
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    check = report["checks"]["no_clipping"]
    assert report["fit_to_air"] is False and check["passed"] is False
    quote = next(i for i, s in enumerate(episode.script.segments) if s.voice == "fake-f1")
    assert f"segment {quote + 1} (" in check["detail"]
    assert any(failed.startswith("no_clipping: ") for failed in episode.failed_checks)
