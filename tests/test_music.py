"""Music against speech, measured on the decoded MP3 of real renders (fake engine at the
boundary; pydub, ffmpeg and mutagen for real): the sting and the outro's tail at the
speech's loudness, the bed under the voice the configured depth below it; a show's own
music files; the music off."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from radio.config import Settings, load_settings
from radio.models import Episode
from radio.pipeline import render_episode
from radio.sound.engines import get_engine
from radio.sound.level import voice_loudness
from radio.sound.mix import (
    INTRO_VOICE_AT_MS,
    OUTRO_FADE_MS,
    OUTRO_TAIL_MS,
    RAMP_MS,
    MusicLevel,
    _intro_block,
    load_bed,
)
from radio.sound.voice import voice_script
from tests.helpers import tiny_script

_FRAME = re.compile(r"t:\s*([\d.]+)\s+TARGET:.*?M:\s*(-?[\d.]+|-inf)\s+S:\s*(-?[\d.]+|-inf)\s+I:\s*(-?[\d.]+|-inf)")
_SUMMARY_I = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")


def _ebur128(mp3: Path, start_ms: int, end_ms: int) -> tuple[list[tuple[float, float, float]], float]:
    """(t, momentary, short-term) per 100 ms frame of [start, end) of the decoded file, and its
    integrated loudness: ffmpeg's ebur128, the meter the issue measured with."""
    args = ["ffmpeg", "-hide_banner", "-nostats", "-i", str(mp3), "-af"]
    args += [f"atrim=start={start_ms / 1000}:end={end_ms / 1000},ebur128", "-f", "null", "-"]
    log = subprocess.run(args, capture_output=True, text=True, check=True).stderr
    frames = [(float(t), float(m), float(s)) for t, m, s, _ in _FRAME.findall(log)]
    integrated = _SUMMARY_I.search(log[log.rfind("Summary:") :])
    assert integrated is not None
    return frames, float(integrated.group(1))


def _short_term(mp3: Path, start_ms: int, end_ms: int) -> float:
    """The loudest full 3 s short-term window inside [start, end)."""
    frames, _ = _ebur128(mp3, start_ms, end_ms)
    full = [s for t, _, s in frames if t >= 3.0 - 1e-6]
    assert full, "the range is shorter than the 3 s short-term window"
    return max(full)


def music_levels(episode: Episode) -> dict[str, float]:
    """Sting, tail, bed-under-voice and speech loudness, over time ranges from the placements."""
    mp3 = Path(episode.mp3_path)
    places = episode.placements
    intro, first, outro = places[0], places[1], places[-1]
    _, speech = _ebur128(mp3, first.start_ms, places[-2].end_ms)  # the story, anchor and quotes
    sting = _short_term(mp3, intro.start_ms - INTRO_VOICE_AT_MS, intro.start_ms)
    tail = _short_term(mp3, outro.end_ms, outro.end_ms + OUTRO_TAIL_MS)
    return {"speech": speech, "sting": sting, "tail": tail}


@pytest.fixture(scope="module")
def default_render(tmp_path_factory: pytest.TempPathFactory) -> Episode:
    return render_episode(tiny_script(), Settings(engine="fake"), tmp_path_factory.mktemp("out"))


def test_sting_and_tail_sit_within_one_lu_of_the_speech(default_render: Episode) -> None:
    levels = music_levels(default_render)
    # ebur128 reads to 0.1 LU: compare at that resolution (-16.6 against -15.6 is within 1 LU)
    assert round(abs(levels["sting"] - levels["speech"]), 1) <= 1.0, levels
    assert round(abs(levels["tail"] - levels["speech"]), 1) <= 1.0, levels


@pytest.mark.parametrize("below_db", [15.0, 18.0, 20.0])
def test_bed_under_the_voice_is_the_configured_depth_below_the_speech(tmp_path: Path, below_db: float) -> None:
    """The intro block mixed twice: with the anchor's clip, and with the same clip made
    inaudible (which isolates the bed). The bed under the words is ``below_db`` under the
    voice's loudness (same meter), within 1.5 LU (the bed's own swell)."""
    script = tiny_script()
    (voice,) = voice_script(script, get_engine("fake"), tmp_path, 44100, 1)[:1]
    voice = voice * 4  # a long intro line: a long stretch of ducked bed to measure
    speech = voice_loudness([voice])
    assert speech is not None
    level = MusicLevel(speech, below_db)
    bed_only, at = _intro_block(voice - 120, load_bed("intro.ogg", 44100, 1), level)
    under = voice_loudness([bed_only[at + RAMP_MS : at + len(voice) - 1600]])
    assert under is not None
    assert abs((speech - under) - below_db) <= 1.5, (speech, under)
    sting = voice_loudness([bed_only[:at]])
    assert sting is not None and abs(sting - speech) <= 0.5


def test_the_duck_ramps_smoothly_around_the_words(tmp_path: Path) -> None:
    """The bed alone (the voice made inaudible), in 50 ms windows: it goes down over the
    ramp before the first word and back up after the last, never in one step."""
    script = tiny_script()
    voice = voice_script(script, get_engine("fake"), tmp_path, 44100, 1)[0] * 3
    speech = voice_loudness([voice])
    bed = load_bed("intro.ogg", 44100, 1)
    bed_only, at = _intro_block(voice - 120, bed, MusicLevel(speech, 18.0))
    windows = [bed_only[t : t + 50].dBFS for t in range(at - 1000, at + 600, 50)]
    steps = [abs(b - a) for a, b in itertools.pairwise(windows)]
    assert max(steps) < 6.0, steps  # a step duck would drop ~18 dB between two windows
    assert windows[0] - windows[-1] >= 12.0, windows  # and it does go down, by about the depth
    before_ramp = bed_only[at - RAMP_MS - 300 : at - RAMP_MS].dBFS
    assert before_ramp > bed_only[at : at + 300].dBFS + 12  # the duck is in place at the first word
    assert OUTRO_FADE_MS < OUTRO_TAIL_MS


def _tone(path: Path, freq_hz: int, seconds: float, rate_hz: int = 48000, channels: int = 2) -> Path:
    """A sine tone written by ffmpeg in the format the name says (flac, ogg, mp3, wav)."""
    args = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=frequency={freq_hz}:duration={seconds}"]
    args += ["-ar", str(rate_hz), "-ac", str(channels), str(path)]
    subprocess.run(args, check=True)
    return path


def _show_toml(folder: Path, music: str) -> Path:
    toml = folder / "radio.toml"
    toml.write_text(f'[voice]\nengine = "fake"\n\n[music]\n{music}\n', encoding="utf-8")
    return toml


def test_a_shows_own_music_files_are_used_at_the_speechs_level(tmp_path: Path) -> None:
    """Intro FLAC, bed OGG, outro MP3, stinger WAV: 48 kHz stereo, mixed into a 44.1 kHz mono
    programme; paths are relative to radio.toml. The sting heard is the intro file's tone."""
    sounds = tmp_path / "show" / "sounds"
    sounds.mkdir(parents=True)
    _tone(sounds / "intro.flac", 880, 4.0)
    _tone(sounds / "bed.ogg", 330, 2.0)
    _tone(sounds / "outro.mp3", 550, 3.0)
    _tone(sounds / "stinger.wav", 660, 1.0, rate_hz=22050, channels=1)
    music = 'intro = "sounds/intro.flac"\nbed = "sounds/bed.ogg"\n'
    music += 'outro = "sounds/outro.mp3"\nstinger = "sounds/stinger.wav"'
    settings = load_settings(_show_toml(tmp_path / "show", music))
    assert settings.music_intro == str(sounds / "intro.flac")
    assert settings.music_stinger == str(sounds / "stinger.wav")
    episode = render_episode(tiny_script(), settings, tmp_path / "out")
    assert not episode.failed_checks, episode.failed_checks
    levels = music_levels(episode)
    assert abs(levels["sting"] - levels["speech"]) <= 1.0, levels
    assert abs(levels["tail"] - levels["speech"]) <= 1.0, levels
    mp3 = Path(episode.mp3_path)
    intro, outro = episode.placements[0], episode.placements[-1]
    assert abs(_pitch_hz(mp3, intro.start_ms - 2500, intro.start_ms - 500) - 880) < 15
    assert abs(_pitch_hz(mp3, outro.end_ms + 300, outro.end_ms + 1800) - 550) < 15


def _pitch_hz(mp3: Path, start_ms: int, end_ms: int) -> float:
    """The frequency of a pure tone in [start, end) of the decoded file, from its zero crossings."""
    args = ["ffmpeg", "-v", "error", "-i", str(mp3), "-ss", str(start_ms / 1000), "-to", str(end_ms / 1000)]
    raw = subprocess.run([*args, "-f", "s16le", "-ac", "1", "-ar", "44100", "-"], capture_output=True, check=True)
    samples = array("h", raw.stdout)
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings / (len(samples) / 44100)


def test_music_off_makes_a_programme_of_voices_and_pauses_only(tmp_path: Path) -> None:
    settings = load_settings(_show_toml(tmp_path, "enabled = false"))
    assert settings.music_enabled is False
    script = tiny_script()
    episode = render_episode(script, settings, tmp_path / "out")
    assert not episode.failed_checks, episode.failed_checks
    # no sting before the first words: the intro starts after the lead-in alone
    assert episode.placements[0].start_ms == settings.lead_in_ms
    assert episode.duration_ms - episode.placements[-1].end_ms < 200  # no outro tail
    frames, _ = _ebur128(Path(episode.mp3_path), 0, episode.placements[0].start_ms)
    assert all(m < -60 for _, m, _ in frames), frames  # silence where the sting was


@pytest.mark.parametrize(
    ("music", "message"),
    [
        ('intro = "missing.flac"', "music file not found"),
        ('outro = "noise.ogg"', "cannot be decoded as audio"),
        ("bed = 3", "must be the path of an audio file"),
    ],
)
def test_a_bad_music_file_is_one_clear_line_before_any_voicing(tmp_path: Path, music: str, message: str) -> None:
    (tmp_path / "noise.ogg").write_bytes(b"this is not an ogg file\n" * 50)
    command = [sys.executable, "-m", "radio", "episode", str(_article(tmp_path)), "-o", str(tmp_path / "out")]
    result = subprocess.run(
        [*command, "--config", str(_show_toml(tmp_path, music))],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("radio: error: ") and message in lines[0], result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.mp3"))


def _article(folder: Path) -> Path:
    path = folder / "ferry.txt"
    text = "Ferry returns\n\nThe island ferry sailed again on Monday after a month in dry dock.\n"
    path.write_text(text + '"We missed the boat," said Ingrid Vale, who runs the shop.\n', encoding="utf-8")
    return path
