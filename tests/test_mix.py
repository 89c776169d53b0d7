from pathlib import Path

from radio.config import Settings
from radio.sound.engines import get_engine
from radio.sound.mix import (
    INTRO_TAIL_MS,
    INTRO_VOICE_AT_MS,
    OUTRO_LEAD_MS,
    OUTRO_TAIL_MS,
    assemble,
    expected_duration_ms,
    pause_before,
)
from radio.sound.voice import voice_script
from tests.helpers import tiny_script


def test_programme_length_is_the_sum_of_its_parts(tmp_path: Path) -> None:
    settings = Settings(engine="fake", pause_within_paragraph_ms=300, pause_between_paragraphs_ms=900, lead_in_ms=500)
    script = tiny_script()
    clips = voice_script(script, get_engine("fake"), tmp_path, 44100, 1)
    programme = assemble(script, clips, settings, pcm_path=tmp_path / "programme.pcm")
    pauses = [pause_before(script, i, settings) for i in range(len(clips))]
    assert pauses == [500, 900, 900, 300, 900, 900]
    parts = sum(pauses) + sum(len(c) for c in clips) + INTRO_VOICE_AT_MS + INTRO_TAIL_MS + OUTRO_LEAD_MS + OUTRO_TAIL_MS
    assert abs(programme.duration_ms - parts) <= 2
    assert expected_duration_ms(script, [len(c) for c in clips], settings) == parts
    # the file on disk holds exactly the programme: 16-bit mono frames
    assert programme.pcm_path.stat().st_size == 2 * programme.frames == 2 * programme.parts_frames


def test_placements_follow_the_clips(tmp_path: Path) -> None:
    settings = Settings(engine="fake")
    script = tiny_script()
    clips = voice_script(script, get_engine("fake"), tmp_path, 44100, 1)
    programme = assemble(script, clips, settings, pcm_path=tmp_path / "programme.pcm")
    assert [p.index for p in programme.placements] == list(range(len(clips)))
    for placement, clip in zip(programme.placements, clips, strict=True):
        assert placement.end_ms - placement.start_ms == len(clip)
    starts = [p.start_ms for p in programme.placements]
    assert starts == sorted(starts)
    assert programme.placements[0].start_ms == settings.lead_in_ms + INTRO_VOICE_AT_MS
    # each gap is the configured pause
    gap = programme.placements[4].start_ms - programme.placements[3].end_ms
    assert gap == settings.pause_between_paragraphs_ms


def test_music_bed_is_ducked_under_the_intro_voice(tmp_path: Path) -> None:
    script = tiny_script()
    clips = voice_script(script, get_engine("fake"), tmp_path, 44100, 1)
    from radio.sound.mix import MusicLevel, _intro_block, load_bed

    bed = load_bed("intro.ogg", 44100, 1)
    level = MusicLevel(clips[0].dBFS, 20.0)
    block, at = _intro_block(clips[0], bed, level)
    silent_voice = clips[0] - 120  # the same length, inaudible: isolates the bed
    bed_only, _ = _intro_block(silent_voice, bed, level)
    before = bed_only[: at - 500].dBFS
    under = bed_only[at + 200 : at + len(clips[0]) - 1600].dBFS
    assert before - under >= 15, (before, under)
    assert len(bed) > 5000
    assert block[at : at + len(clips[0])].dBFS > under + 12  # the voice stands well above the bed
