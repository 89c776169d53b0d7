"""The segment cache: keys, identical audio on a hit, LRU eviction, and re-voicing only what an
edit changed. The fake engine stands at the engine boundary; decoding and mixing run for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydub import AudioSegment
from pydub.generators import Sine

from radio.config import Settings
from radio.models import Script
from radio.pipeline import render_episode
from radio.sound.cache import SegmentCache, cache_root, engine_version
from radio.sound.engines import get_engine
from radio.sound.voice import voice_script, voiced_sentences
from radio.words.script import read_script
from tests.helpers import tiny_script


def pieces(script: Script) -> int:
    """Clips the voice stage asks for (and caches): one per sentence."""
    return sum(len(voiced_sentences(s.spoken)) for s in script.segments)


def test_cache_lives_in_the_xdg_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "radio"
    assert SegmentCache().root == tmp_path / "xdg" / "radio" / "segments"


def test_key_changes_with_everything_that_decides_the_sound(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path)
    fake = get_engine("fake")
    base = cache.key("Hello there.", "fake-anchor", fake, 44100, 1)
    assert base == SegmentCache(tmp_path).key("Hello there.", "fake-anchor", get_engine("fake"), 44100, 1)
    others = {
        cache.key("Hello there!", "fake-anchor", fake, 44100, 1),
        cache.key("Hello there.", "fake-f1", fake, 44100, 1),
        cache.key("Hello there.", "fake-anchor", get_engine("fake", rate_wpm=200), 44100, 1),
        cache.key("Hello there.", "fake-anchor", fake, 48000, 1),
        cache.key("Hello there.", "fake-anchor", fake, 44100, 2),
        cache.key("Hello there.", "gmw/en-us", get_engine("pyttsx3"), 44100, 1),
    }
    assert base not in others and len(others) == 6
    assert "espeak-ng" in engine_version(get_engine("pyttsx3")).lower()


def test_a_hit_gives_the_same_samples_and_damage_is_a_miss(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path)
    clip = Sine(440).to_audio_segment(duration=400).set_frame_rate(44100).set_sample_width(2).set_channels(1)
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, clip)
    back = cache.get("ab" * 32)
    assert back is not None and back.raw_data == clip.raw_data and back.frame_rate == 44100
    assert (cache.hits, cache.misses) == (1, 1)
    path = next(cache.root.glob("*/*.wav"))
    path.write_bytes(b"RIFF....WAVEjunk")
    assert cache.get("ab" * 32) is None and not path.exists()


def test_least_recently_used_clips_are_evicted_first(tmp_path: Path) -> None:
    clip = AudioSegment.silent(duration=1000, frame_rate=22050)  # about 44 kB as WAV
    cache = SegmentCache(tmp_path, limit_bytes=10**9)
    for number, key in enumerate(["aa" * 32, "bb" * 32, "cc" * 32]):
        cache.put(key, clip)
        path = next(cache.root.glob(f"*/{key}.wav"))
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    assert cache.get("aa" * 32) is not None  # used now: the newest
    size = next(cache.root.glob("*/*.wav")).stat().st_size
    cache.limit_bytes = int(2.5 * size)
    assert cache.evict() == 1  # down to 90 % of the limit: one clip goes
    assert cache.get("bb" * 32) is None  # the least recently used went first
    assert cache.get("aa" * 32) is not None and cache.get("cc" * 32) is not None
    assert cache.info().size_bytes == 2 * size <= cache.limit_bytes
    assert cache.evict() == 0
    assert cache.clear() == 2
    assert cache.info().clips == 0


def test_voice_script_voices_only_what_is_not_cached(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "cache")
    engine = get_engine("fake")
    script = tiny_script()
    work = tmp_path / "work"
    work.mkdir()
    first = voice_script(script, engine, work, 44100, 1, cache=cache)
    assert (cache.hits, cache.misses) == (0, pieces(script))
    second = voice_script(script, engine, tmp_path / "none", 44100, 1, cache=cache)  # the engine could not write here
    assert (cache.hits, cache.misses) == (pieces(script), pieces(script))
    assert [c.raw_data for c in second] == [c.raw_data for c in first]


def test_an_edited_script_re_voices_only_the_changed_segment(tmp_path: Path) -> None:
    settings = Settings(engine="fake")
    engine = get_engine("fake")
    cache = SegmentCache(tmp_path / "cache")
    first = render_episode(tiny_script(), settings, tmp_path / "out", engine, cache=cache)
    assert cache.hits == 0
    script_path = Path(first.sidecars["script"])
    data = json.loads(script_path.read_text(encoding="utf-8"))
    before = len(voiced_sentences(data["segments"][4]["spoken"]))
    data["segments"][4]["text"] = data["segments"][4]["spoken"] = "Crossings now run every hour."
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    again = SegmentCache(tmp_path / "cache")
    second = render_episode(read_script(edited), settings, tmp_path / "out2", engine, cache=again)
    assert (again.hits, again.misses) == (pieces(tiny_script()) - before, 1)
    assert second.duration_ms != first.duration_ms  # the edit is heard
    # The same through the command line: `radio episode --script` uses the user's cache.
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    run = [sys.executable, "-m", "radio", "episode", "--script", str(edited), "-e", "fake", "--out"]
    for out in ("cli1", "cli2"):
        proc = subprocess.run([*run, str(tmp_path / out)], capture_output=True, text=True, env=env, check=False)
        assert proc.returncode == 0, proc.stderr
    info = subprocess.run(
        [sys.executable, "-m", "radio", "cache", "info"], capture_output=True, text=True, env=env, check=False
    )
    assert info.returncode == 0 and str(tmp_path / "xdg" / "radio" / "segments") in info.stdout
    clips = pieces(read_script(edited))
    assert f"{clips} clips" in info.stdout
    cleared = subprocess.run(
        [sys.executable, "-m", "radio", "cache", "clear"], capture_output=True, text=True, env=env, check=False
    )
    assert cleared.returncode == 0 and f"removed {clips} cached clips" in cleared.stdout


def test_cached_and_uncached_episodes_sound_the_same(tmp_path: Path) -> None:
    settings = Settings(engine="fake")
    engine = get_engine("fake")
    plain = render_episode(tiny_script(), settings, tmp_path / "a", engine)
    cache = SegmentCache(tmp_path / "cache")
    render_episode(tiny_script(), settings, tmp_path / "b", engine, cache=cache)
    cached = render_episode(tiny_script(), settings, tmp_path / "c", engine, cache=cache)
    assert cache.hits == pieces(tiny_script())
    assert cached.duration_ms == plain.duration_ms
    assert [p.start_ms for p in cached.placements] == [p.start_ms for p in plain.placements]
    assert cached.loudness == plain.loudness
