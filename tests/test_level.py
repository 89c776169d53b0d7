"""Level per voice, on clips rendered for real by espeak-ng and Piper."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pydub import AudioSegment

from radio.models import Script, Segment
from radio.sound.engines import get_engine
from radio.sound.level import level_stream, level_voices, voice_loudness
from radio.sound.voice import decode_clip

ANCHOR = "gmw/en-us"
LINES = (
    ("anchor", "The harbour wall will be rebuilt before the winter storms, the council said on Tuesday.", ANCHOR),
    ("quote", "We have waited ten years for this, and the fleet cannot wait another winter.", "gmw/en-us+f1"),
    ("anchor", "Work starts next month and should take about a year.", ANCHOR),
    ("quote", "The road on the quay will stay open in the summer, when most visitors come.", "gmw/en-gb-x-rp+m1"),
)


def _script(lines: tuple[tuple[str, str, str], ...]) -> Script:
    segments = tuple(
        Segment(kind, text, text, voice, None if kind == "anchor" else f"Speaker {n}")  # type: ignore[arg-type]
        for n, (kind, text, voice) in enumerate(lines)
    )
    return Script("t.txt", "Harbour wall", None, "Test Radio", "Alex Morgan", "pyttsx3", segments)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[AudioSegment]:
    engine = get_engine("pyttsx3")
    folder = tmp_path_factory.mktemp("level")
    clips = []
    for number, (_, text, voice) in enumerate(LINES):
        path = engine.voice_file(text, voice, folder / f"{number}.wav")
        clips.append(decode_clip(path, 44100, 1))
    return clips


def _by_voice(script: Script, clips: list[AudioSegment]) -> dict[str, float]:
    groups: dict[str, list[AudioSegment]] = {}
    for segment, clip in zip(script.segments, clips, strict=True):
        groups.setdefault(segment.voice, []).append(clip)
    result = {voice: voice_loudness(group) for voice, group in groups.items()}
    assert all(v is not None for v in result.values())
    return result  # type: ignore[return-value]


def test_every_voice_ends_within_1_lu_of_the_anchor(rendered: list[AudioSegment]) -> None:
    script = _script(LINES)
    quiet = [clip if n != 1 else clip.apply_gain(-9) for n, clip in enumerate(rendered)]  # one voice 9 dB down
    loud = [clip if n != 3 else clip.apply_gain(+4) for n, clip in enumerate(quiet)]  # and one 4 dB up
    before = _by_voice(script, loud)
    assert max(abs(v - before[ANCHOR]) for v in before.values()) > 4  # the test would fail without levelling
    after = _by_voice(script, level_voices(script, loud))
    for voice, lufs in after.items():
        assert abs(lufs - after[ANCHOR]) <= 1.0, (voice, lufs, after[ANCHOR])


def test_levelling_never_clips(rendered: list[AudioSegment]) -> None:
    script = _script(LINES)
    quiet = [clip.apply_gain(-15) if n == 1 else clip for n, clip in enumerate(rendered)]
    leveled = level_voices(script, quiet)
    assert max(clip.max_dBFS for clip in leveled) <= -0.4
    assert [len(c) for c in leveled] == [len(c) for c in quiet]  # gain only, nothing cut


def test_a_neural_and_an_espeak_voice_in_one_show_are_balanced(rendered: list[AudioSegment], tmp_path: Path) -> None:
    piper = get_engine("piper")
    text = LINES[1][1]
    joe = decode_clip(piper.voice_file(text, "en_US-joe-medium", tmp_path / "joe.wav"), 44100, 1)
    lines = (LINES[0], (*LINES[1][:2], "joe"))
    script = _script(lines)
    clips = [rendered[0], joe]
    after = _by_voice(script, level_voices(script, clips))
    assert abs(after["joe"] - after[ANCHOR]) <= 1.0


def test_a_single_voice_is_left_alone(rendered: list[AudioSegment]) -> None:
    script = _script(LINES)
    only_anchor = replace(script, segments=tuple(replace(s, voice=ANCHOR) for s in script.segments))
    assert level_voices(only_anchor, rendered) == rendered


def test_the_streamed_leveller_balances_voices_and_keeps_the_order(rendered: list[AudioSegment]) -> None:
    """What the pipeline uses: clips arrive one by one and leave in the same order."""
    script = _script(LINES)
    quiet = [clip if n != 1 else clip.apply_gain(-9) for n, clip in enumerate(rendered)]
    loud = [clip if n != 3 else clip.apply_gain(+4) for n, clip in enumerate(quiet)]
    out = list(level_stream(script, iter(loud)))
    assert [len(c) for c in out] == [len(c) for c in loud]
    after = _by_voice(script, out)
    for voice, lufs in after.items():
        assert abs(lufs - after[ANCHOR]) <= 1.0, (voice, lufs, after[ANCHOR])
    assert max(clip.max_dBFS for clip in out) <= -0.4


def test_the_streamed_leveller_holds_back_only_until_a_voice_is_measured(rendered: list[AudioSegment]) -> None:
    script = _script(LINES)
    pulled: list[int] = []

    def source() -> Iterator[AudioSegment]:
        for n, clip in enumerate(rendered):
            pulled.append(n)
            yield clip

    stream = level_stream(script, source())
    next(stream)  # the anchor's first clip is long enough to measure: out at once
    assert pulled == [0]
