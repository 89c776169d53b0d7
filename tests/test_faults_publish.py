"""Faults at the publishing end: long articles (nested chapter tables), a blocked
or failing final name, a cover that is only a header, v2.3 dates, and the
streamed mix of a long script. The fake engine stands at the engine boundary;
ffmpeg, pydub and mutagen run for real."""

from __future__ import annotations

import dataclasses
import io
import json
import os
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from PIL import Image
from pydub import AudioSegment

from radio.config import Settings
from radio.errors import AudioError, InputError
from radio.models import Script, Segment
from radio.pipeline import render_episode, slugify
from radio.publish import place, tags
from radio.publish.cover import Cover, load_cover, parse_image
from radio.publish.report import _cover_check, _cover_facts
from radio.sound import mix
from radio.sound.engines.fake import FakeEngine
from radio.sound.voice import voice_clips
from radio.words.script import script_to_json
from tests.helpers import tiny_script
from tests.test_cli import assert_one_line_error, radio

HEADER_ONLY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000005780000057808020000009f6ab6f6"
)  # the PNG signature and an IHDR chunk saying 1400x1400, then nothing


class CountingEngine(FakeEngine):
    """The fake engine, counting its calls: proves a check ran before any voicing."""

    calls = 0

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        type(self).calls += 1
        super().synthesize_to_file(text, voice, path)


class QuickEngine(FakeEngine):
    """The fake engine, making each distinct (voice, length) tone once: long scripts in seconds."""

    made: dict[tuple[str, int], bytes] = {}  # noqa: RUF012

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        key = (voice, self.duration_ms(text))
        if key not in self.made:
            super().synthesize_to_file(text, voice, path)
            self.made[key] = path.read_bytes()
        path.write_bytes(self.made[key])


SHORT_PAUSES = Settings(engine="fake", lead_in_ms=200, pause_within_paragraph_ms=200, pause_between_paragraphs_ms=500)


def long_script(segments: int) -> Script:
    """Intro, ``segments - 2`` short anchor lines (three to a paragraph), outro."""
    body = tuple(
        Segment(
            "anchor", f"Line {n} of the long report.", f"Line {n} of the long report.", "fake-anchor", paragraph=n // 3
        )
        for n in range(segments - 2)
    )
    first, *_, last = tiny_script().segments
    return dataclasses.replace(tiny_script(), title="A very long report", segments=(first, *body, last))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".radio-")]


# -- item 1: any number of segments, nested tables of contents ------------------------------


def test_toc_plan_nests_only_past_255_entries() -> None:
    assert [len(t.children) for t in tags.toc_plan([f"c{i}" for i in range(255)], "T")] == [255]
    plan = tags.toc_plan([f"c{i}" for i in range(300)], "T")
    assert [len(t.children) for t in plan] == [150, 150, 2]
    assert plan[-1].top_level and not any(t.top_level for t in plan[:-1])
    assert plan[0].title == "Chapters 1-150" and plan[1].title == "Chapters 151-300"
    deep = tags.toc_plan([f"c{i}" for i in range(70_000)], "T")  # two levels of sub-tables
    assert all(len(t.children) <= 255 for t in deep) and sum(t.top_level for t in deep) == 1


def test_a_300_segment_script_renders_and_its_nested_chapters_read_back(tmp_path: Path) -> None:
    script = long_script(300)
    settings = SHORT_PAUSES.with_overrides(chapters="segment")  # a chapter per segment: 300 of them
    episode = render_episode(script, settings, tmp_path, engine=QuickEngine())
    id3 = ID3(episode.mp3_path)
    tables = {t.element_id: t for t in id3.getall("CTOC")}
    chapters = {c.element_id: c for c in id3.getall("CHAP")}
    assert len(chapters) == 300
    (top,) = [t for t in tables.values() if t.flags & 0x02]
    assert top.flags == 0x03  # top level, ordered
    assert all(len(t.child_element_ids) <= 255 for t in tables.values())
    subs = [tables[i] for i in top.child_element_ids]  # the top table lists sub-tables, in order
    assert len(subs) == 2 and all(t.flags == 0x01 for t in subs)
    in_order = [chapters[i] for sub in subs for i in sub.child_element_ids]
    assert len(in_order) == 300
    assert [c.start_time for c in in_order] == sorted(c.start_time for c in in_order)
    assert in_order[0].start_time == 0 and in_order[-1].end_time == episode.duration_ms
    assert str(in_order[-1].sub_frames["TIT2"]) == "Outro"
    assert all("TIT2" in t.sub_frames for t in tables.values())
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["checks"]["tags"]["passed"], report["checks"]["tags"]
    assert report["mp3"]["toc_complete"] is True


def test_a_tag_too_big_for_id3_fails_before_any_voicing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tags, "MAX_TAG_BYTES", 20_000)  # stands in for ID3's 268 MB, which no test should write
    CountingEngine.calls = 0
    with pytest.raises(InputError, match="ID3 tag would be"):
        render_episode(long_script(300), Settings(engine="fake"), tmp_path, engine=CountingEngine())
    assert CountingEngine.calls == 0
    assert list(tmp_path.iterdir()) == []


# -- item 6: the episode is published as one unit --------------------------------------------


def _previous_episode(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A rendered episode in ``out`` and its script file, with every byte of it recorded."""
    out = tmp_path / "out"
    render_episode(tiny_script(), Settings(engine="fake"), out)
    script_file = tmp_path / "edited.json"
    script_file.write_text(script_to_json(tiny_script()), encoding="utf-8")
    return out, script_file, _files(out)


def test_a_folder_in_the_way_of_a_sidecar_leaves_the_previous_episode_intact(tmp_path: Path) -> None:
    out, script_file, before = _previous_episode(tmp_path)
    slug = slugify(tiny_script().title)
    blocked = out / f"{slug}.vtt"
    blocked.unlink()
    blocked.mkdir()  # a folder where the transcript must go
    del before[blocked.name]
    proc = radio(
        "episode", "--script", str(script_file), "--engine", "fake", "--out", str(out), "--force", cwd=tmp_path
    )  # replacing the previous episode
    assert_one_line_error(proc, f"{slug}.vtt is a folder")
    assert _files(out) == before  # the previous MP3 and sidecars, byte for byte
    assert blocked.is_dir() and _leftovers(out) == []


def test_a_blocked_final_name_is_found_before_any_voicing(tmp_path: Path) -> None:
    (tmp_path / f"{slugify(tiny_script().title)}.report.json").mkdir()
    CountingEngine.calls = 0
    with pytest.raises(InputError, match=r"report\.json is a folder; move it away"):
        render_episode(tiny_script(), Settings(engine="fake"), tmp_path, engine=CountingEngine())
    assert CountingEngine.calls == 0 and _leftovers(tmp_path) == []


def test_a_rename_failing_midway_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, _, before = _previous_episode(tmp_path)
    renamed: list[str] = []
    real_rename = place._rename

    def rename_fails_on_the_fourth(new: Path, dest: Path) -> None:  # a fault at the write boundary
        if len(renamed) == 3:
            raise PermissionError(13, "Permission denied")
        real_rename(new, dest)
        renamed.append(dest.name)

    monkeypatch.setattr(place, "_rename", rename_fails_on_the_fourth)
    longer = dataclasses.replace(tiny_script(), summary="A different episode under the same title.")
    with pytest.raises(AudioError, match="Permission denied; the previous episode is unchanged"):
        render_episode(longer, Settings(engine="fake"), out)
    assert len(renamed) == 3 and not any(name.endswith(".mp3") for name in renamed)  # the MP3 goes last
    assert _files(out) == before
    assert _leftovers(out) == []


def test_publish_into_an_empty_folder_removes_what_it_placed_on_failure(tmp_path: Path) -> None:
    staged, out = tmp_path / "staged", tmp_path / "out"
    staged.mkdir()
    out.mkdir()
    pairs = []
    for name in ("a.vtt", "a.srt", "a.mp3"):
        (staged / name).write_text(name, encoding="utf-8")
        pairs.append((staged / name, out / name))
    pairs[1] = (staged / "missing.srt", out / "a.srt")  # the second rename fails: its source is gone
    with pytest.raises(AudioError, match=r"cannot publish .*a\.srt"):
        place.publish(pairs, staged / "previous")
    assert list(out.iterdir()) == []


def _unwritable_folder(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir(mode=0o555)
        return folder
    if Path("/sys/kernel").is_dir():
        return Path("/sys")  # root writes anywhere, but not there
    pytest.skip("no folder this user cannot write to")  # pragma: no cover


@pytest.mark.parametrize("command", ["episode", "batch"])
def test_an_existing_output_folder_radio_cannot_write_is_one_line(tmp_path: Path, command: str) -> None:
    """The folder lock was the first write, and its OSError came out as a traceback."""
    folder = _unwritable_folder(tmp_path)
    article = tmp_path / "story.txt"
    article.write_text("Harbour wall approved\n\n" + "The council voted to build a new harbour wall. " * 5, "utf-8")
    proc = radio(command, str(article), "--engine", "fake", "--out", str(folder), cwd=tmp_path)
    assert_one_line_error(proc, f"cannot write in the output folder {folder}: Permission denied; choose another --out")
    assert not (folder / ".radio.lock").exists()


# -- item 10: covers are decoded and checked before any audio work -----------------------------


def _png(side: int, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (side, side), (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("image", "needle"),
    [("header-only", "not a readable PNG or JPEG image"), ("small", "500x500 px"), ("oblong", "1400x1500 px")],
)
def test_a_bad_cover_is_refused_before_any_audio_work(tmp_path: Path, image: str, needle: str) -> None:
    cover = tmp_path / "cover.png"
    if image == "header-only":
        cover.write_bytes(HEADER_ONLY_PNG)
        assert len(HEADER_ONLY_PNG) == 33
    else:
        Image.new("RGB", (500, 500) if image == "small" else (1400, 1500)).save(cover, "PNG")
    CountingEngine.calls = 0
    out = tmp_path / "out"
    with pytest.raises(InputError, match=needle):
        render_episode(tiny_script(), Settings(engine="fake", cover_path=str(cover)), out, engine=CountingEngine())
    assert CountingEngine.calls == 0 and not out.exists()  # no engine call, not even a temporary folder


def test_a_header_only_png_is_one_line_at_the_command_line(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(HEADER_ONLY_PNG)
    script_file = tmp_path / "s.json"
    script_file.write_text(script_to_json(tiny_script()), encoding="utf-8")
    out = tmp_path / "out"
    proc = radio("episode", "--script", str(script_file), "--cover", str(cover), "--out", str(out), cwd=tmp_path)
    assert_one_line_error(proc, "cover image")
    assert not out.exists()


@pytest.mark.parametrize(("side", "needle"), [(1000, "1000x1000 px"), (3200, "3200x3200 px")])
def test_a_cover_of_the_wrong_size_is_refused(side: int, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        parse_image(_png(side), "c.png")


def test_a_cover_that_is_not_square_or_not_png_or_jpeg_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (1400, 1500)).save(buffer, "PNG")
    with pytest.raises(InputError, match="1400x1500 px"):
        parse_image(buffer.getvalue(), "c.png")
    buffer = io.BytesIO()
    Image.new("RGB", (1400, 1400)).save(buffer, "GIF")
    with pytest.raises(InputError, match="GIF, not PNG or JPEG"):
        parse_image(buffer.getvalue(), "c.gif")


def test_a_cover_with_alpha_is_converted_to_rgb() -> None:
    cover = parse_image(_png(1400, "RGBA"), "c.png")
    assert cover.mode == "RGB" and cover.mime == "image/png" and cover.meets_podcast_rules
    with Image.open(io.BytesIO(cover.data)) as image:
        assert image.mode == "RGB" and image.size == (1400, 1400)
        assert image.getpixel((5, 5)) == (227, 142, 142)  # half-transparent red, flattened on white


def test_the_report_decodes_the_embedded_cover(tmp_path: Path) -> None:
    """The report's cover check reads the picture back from the MP3 and decodes it."""
    mp3 = tmp_path / "x.mp3"
    mp3.write_bytes(b"")
    good = load_cover(None)
    info = tags.TagInfo("A", "News", "en", good, "text")
    tags.write_tags(mp3, tiny_script(), info, [(0, 1000, "Intro")])
    broken = Cover(HEADER_ONLY_PNG, "image/png", 1400, 1400)
    tags.write_tags(mp3, tiny_script(), dataclasses.replace(info, cover=broken), [(0, 1000, "Intro")])
    facts = _cover_facts(ID3(str(mp3), translate=False))
    assert facts is not None and facts["decodes"] is False
    assert _cover_check(facts).passed is False
    tags.write_tags(mp3, tiny_script(), info, [(0, 1000, "Intro")])
    facts = _cover_facts(ID3(str(mp3), translate=False))
    assert facts is not None and facts["width_px"] == 1400 and _cover_check(facts).passed


# -- item 11: ID3v2.3 dates --------------------------------------------------------------------


def test_the_saved_tag_holds_v23_date_frames_not_tdrc(tmp_path: Path) -> None:
    episode = render_episode(tiny_script(), Settings(engine="fake"), tmp_path)
    raw = Path(episode.mp3_path).read_bytes()
    assert raw[:4] == b"ID3\x03"  # ID3v2.3
    size = raw[6] << 21 | raw[7] << 14 | raw[8] << 7 | raw[9]
    tag = raw[10 : 10 + size]
    assert b"TYER" in tag and b"TDAT" in tag
    assert b"TDRC" not in tag
    stored = ID3(episode.mp3_path, translate=False)  # the frames as stored, not upgraded by mutagen
    assert str(stored["TYER"]) == "2026" and str(stored["TDAT"]) == "0303"  # 3 March: DDMM


# -- memory: the mix is streamed to disk, with exact durations -----------------------------------


def test_the_streamed_mix_of_a_long_script_adds_up_exactly(tmp_path: Path) -> None:
    settings = dataclasses.replace(SHORT_PAUSES, sample_rate_hz=44100, channels=1)
    script = long_script(400)
    engine = QuickEngine()
    clips = voice_clips(script, engine, tmp_path, 44100, 1)
    frame_counts: list[int] = []

    def noted(clip: AudioSegment) -> AudioSegment:
        frame_counts.append(int(clip.frame_count()))
        return clip

    programme = mix.assemble(script, (noted(c) for c in clips), settings, pcm_path=tmp_path / "p.pcm")
    rate = 44100
    pauses = [mix.frames_of(mix.pause_before(script, i, settings), rate) for i in range(len(script.segments))]
    music = sum(
        mix.frames_of(ms, rate)
        for ms in (mix.INTRO_VOICE_AT_MS, mix.INTRO_TAIL_MS, mix.OUTRO_LEAD_MS, mix.OUTRO_TAIL_MS)
    )
    parts = sum(pauses) + sum(frame_counts) + music
    assert programme.pcm_path.stat().st_size // 2 == programme.frames == programme.parts_frames == parts
    assert programme.duration_ms == programme.expected_ms == round(parts * 1000 / rate)
    # each segment starts where its pause and everything before it end, to the frame
    at, last = 0, len(frame_counts) - 1
    for index, (placement, clip_frames) in enumerate(zip(programme.placements, frame_counts, strict=True)):
        lead = {0: mix.INTRO_VOICE_AT_MS, last: mix.OUTRO_LEAD_MS}.get(index, 0)
        tail = {0: mix.INTRO_TAIL_MS, last: mix.OUTRO_TAIL_MS}.get(index, 0)
        at += pauses[index] + mix.frames_of(lead, rate)
        assert placement.start_ms == round(at * 1000 / rate)
        assert placement.end_ms - placement.start_ms == round(clip_frames * 1000 / rate)
        at += clip_frames + mix.frames_of(tail, rate)
    assert at == programme.frames


@pytest.mark.parametrize(("rate", "channels"), [(22050, 1), (48000, 2)])
def test_the_streamed_mix_adds_up_at_every_rate(tmp_path: Path, rate: int, channels: int) -> None:
    settings = dataclasses.replace(SHORT_PAUSES, sample_rate_hz=rate, channels=channels)
    script = tiny_script()
    clips = list(voice_clips(script, QuickEngine(), tmp_path, rate, channels))
    programme = mix.assemble(script, clips, settings, pcm_path=tmp_path / "p.pcm")
    music_ms = (mix.INTRO_VOICE_AT_MS, mix.INTRO_TAIL_MS, mix.OUTRO_LEAD_MS, mix.OUTRO_TAIL_MS)
    parts = sum(mix.frames_of(mix.pause_before(script, i, settings), rate) for i in range(len(clips)))
    parts += sum(int(c.frame_count()) for c in clips) + sum(mix.frames_of(ms, rate) for ms in music_ms)
    assert programme.pcm_path.stat().st_size == 2 * channels * programme.frames
    assert programme.frames == programme.parts_frames == parts


def test_the_streamed_silence_profile_matches_the_whole_programme_in_memory(tmp_path: Path) -> None:
    settings = Settings(engine="fake", pause_between_paragraphs_ms=4000)
    script = tiny_script()
    programme = mix.assemble(
        script, voice_clips(script, FakeEngine(), tmp_path, 44100, 1), settings, pcm_path=tmp_path / "p.pcm"
    )
    audio = AudioSegment.from_raw(  # the old way: all of it in memory
        str(programme.pcm_path), sample_width=2, frame_rate=44100, channels=1
    )
    threshold = audio.dBFS - mix.SILENCE_BELOW_DB
    quiet = [audio[i : i + 50].dBFS < threshold for i in range(0, len(audio), 50)]
    runs, run = [], 0
    for silent in [*quiet, False]:
        if silent:
            run += 1
        elif run:
            runs.append(run)
            run = 0
    assert abs(programme.rms_dbfs - audio.dBFS) < 0.01
    assert programme.silences.longest_inside_ms == max(runs) * 50 >= 3000
    levels = [audio[p.start_ms : p.end_ms].dBFS for p in programme.placements]
    assert abs(programme.silences.quietest_segment_dbfs - min(levels)) < 0.05


def test_ffmpeg_gets_longer_for_a_longer_programme(tmp_path: Path) -> None:
    from radio.sound.loudness import ENCODE_TIMEOUT_S, EncodeSettings, time_allowed_s

    two_hours = tmp_path / "programme.pcm"
    with two_hours.open("wb") as fh:
        fh.truncate(44100 * 2 * 7200)  # sparse: no disk used
    allowed = time_allowed_s(two_hours, EncodeSettings(-16.0, -1.0, 96, 44100, 1))
    assert allowed == pytest.approx(ENCODE_TIMEOUT_S + 7200)


@pytest.mark.parametrize("command", ["episode", "batch"])
def test_an_output_folder_that_is_a_file_is_named_as_such(tmp_path: Path, command: str) -> None:
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    source = Path(__file__).resolve().parent.parent / "radio" / "assets" / "sample-article.txt"
    proc = radio(command, str(source), "--engine", "fake", "--out", "afile", cwd=tmp_path)
    assert_one_line_error(proc, "afile is a file; choose another --out")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder"
