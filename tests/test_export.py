"""Render a hand-written script with the fake engine and check every file for
real: mutagen reads the tags back, ffmpeg measures the decoded MP3."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from radio.config import Settings
from radio.models import Episode
from radio.pipeline import render_episode, slugify
from radio.publish.sidecars import SRT_LINE_CHARS, VTT_LINE_CHARS
from radio.sound.loudness import measure
from tests.helpers import tiny_script


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Episode, Path]:
    out = tmp_path_factory.mktemp("out")
    return render_episode(tiny_script(), Settings(engine="fake"), out), out


def test_files_are_published_under_the_slug(rendered: tuple[Episode, Path]) -> None:
    episode, out = rendered
    slug = "ferry-returns-to-the-island"
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        f"{slug}{ext}" for ext in (".mp3", ".script.json", ".vtt", ".srt", ".chapters.json", ".report.json")
    )
    assert episode.mp3_path == str(out / f"{slug}.mp3")


def test_mp3_format_and_duration(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    info = MP3(episode.mp3_path).info
    assert info.sample_rate == 44100 and info.channels == 1 and round(info.bitrate / 1000) == 96
    assert abs(info.length * 1000 - episode.duration_ms) <= 150


def test_loudness_and_true_peak_on_the_decoded_mp3(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    result = measure(Path(episode.mp3_path))
    assert abs(result.integrated_lufs - -16.0) <= 1.0
    assert result.true_peak_dbtp <= -1.0


def test_id3_text_frames(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    tags = ID3(episode.mp3_path)
    assert tags.version == (2, 3, 0)
    assert str(tags["TIT2"]) == "Ferry returns to the island"
    assert str(tags["TPE1"]) == "Alex Morgan"
    assert str(tags["TALB"]) == "Test Radio"
    assert str(tags["TCON"]) == "News"
    assert str(tags["TDRC"]).startswith("2026")
    assert str(tags["TEXT"]) == "Sam Ortega"  # the byline goes to the tags, not the narration
    assert tags.getall("COMM")[0].text == ["The ferry sailed again on Monday."]
    for frame in tags.values():  # ID3v2.3 has no UTF-8 encoding
        assert getattr(frame, "encoding", 0) != 3


def test_cover_is_embedded(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    (apic,) = ID3(episode.mp3_path).getall("APIC")
    assert apic.type == 3 and apic.mime == "image/png"
    assert apic.data.startswith(b"\x89PNG")


def test_chapters_cover_the_programme(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    tags = ID3(episode.mp3_path)
    (toc,) = tags.getall("CTOC")
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert toc.flags == 3
    assert toc.child_element_ids == [c.element_id for c in chapters]
    assert chapters[0].start_time == 0
    assert chapters[-1].end_time == episode.duration_ms
    for a, b in itertools.pairwise(chapters):
        assert a.end_time == b.start_time and a.start_time < a.end_time
    titles = [str(c.sub_frames["TIT2"]) for c in chapters]
    # the default follows the story: intro, the story, each new quoted speaker, outro; this
    # outro ("Thanks for listening." and the music's tail) is under 5 s, so it joins the chapter before
    assert episode.duration_ms - episode.placements[5].start_ms < 5000
    assert titles == ["Intro", "Ferry returns to the island", "Ingrid Vale, who runs the shop"]
    assert all(len(t) <= 51 for t in titles)
    starts = {p.index: p.start_ms for p in episode.placements}
    assert [c.start_time for c in chapters[1:]] == [starts[1], starts[3]]


def test_transcript_frame(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    (uslt,) = ID3(episode.mp3_path).getall("USLT")
    assert uslt.lang == "eng"
    assert "Ingrid Vale: We missed the boat." in uslt.text
    assert uslt.text.startswith("Alex Morgan: This is Test Radio.")


def _stamp_ms(stamp: str) -> int:
    h, m, rest = stamp.replace(",", ".").split(":")
    return int(h) * 3_600_000 + int(m) * 60_000 + round(float(rest) * 1000)


def test_webvtt(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    text = Path(episode.sidecars["vtt"]).read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n")
    cues = re.findall(
        r"(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})\n<v ([^>]+)>(.+?)(?:\n\n|\Z)", text, re.S
    )
    assert cues
    previous = 0
    for start, end, _speaker, body in cues:
        assert previous <= _stamp_ms(start) < _stamp_ms(end) <= episode.duration_ms
        previous = _stamp_ms(start)
        assert all(len(line) <= VTT_LINE_CHARS for line in body.splitlines())
    speakers = [c[2] for c in cues]
    assert "Ingrid Vale" in speakers and "Alex Morgan" in speakers
    quote_cue = next(c for c in cues if c[2] == "Ingrid Vale")
    placement = episode.placements[3]
    assert _stamp_ms(quote_cue[0]) == placement.start_ms and _stamp_ms(quote_cue[1]) == placement.end_ms


def test_srt(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    blocks = Path(episode.sidecars["srt"]).read_text(encoding="utf-8").strip().split("\n\n")
    for number, block in enumerate(blocks, start=1):
        index, timing, *lines = block.split("\n")
        assert index == str(number)
        start, end = timing.split(" --> ")
        assert re.fullmatch(r"\d{2}:\d{2}:\d{2},\d{3}", start) and _stamp_ms(start) < _stamp_ms(end)
        assert 1 <= len(lines) <= 2 and all(0 < len(line) <= SRT_LINE_CHARS for line in lines)
    joined = " ".join(" ".join(b.split("\n")[2:]) for b in blocks)
    assert "Ingrid Vale: We missed the boat." in joined


def test_chapters_json(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    doc = json.loads(Path(episode.sidecars["chapters"]).read_text(encoding="utf-8"))
    assert doc["version"] == "1.2.0"
    starts = [c["startTime"] for c in doc["chapters"]]
    assert starts[0] == 0 and starts == sorted(starts) and starts[-1] < episode.duration_ms / 1000


def test_report_says_fit_to_air(rendered: tuple[Episode, Path]) -> None:
    episode, _ = rendered
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["fit_to_air"] is True, report["checks"]
    assert set(report["checks"]) == {
        "loudness", "true_peak", "duration", "format", "tags", "dead_air", "every_segment_audible", "cover",
        "distinct_voices", "transcript_matches_voice", "no_clipping",
    }  # fmt: skip


def test_script_sidecar_round_trips(rendered: tuple[Episode, Path]) -> None:
    from radio.words.script import script_from_json

    episode, _ = rendered
    text = Path(episode.sidecars["script"]).read_text(encoding="utf-8")
    assert script_from_json(text, "x") == episode.script


def test_user_cover_and_target(tmp_path: Path) -> None:
    from radio.publish.cover import parse_image

    cover = tmp_path / "cover.png"
    cover.write_bytes((Path(__file__).resolve().parent.parent / "radio" / "assets" / "cover.png").read_bytes())
    settings = Settings(engine="fake", cover_path=str(cover), target_lufs=-23.0, bitrate_kbps=128)
    episode = render_episode(tiny_script(), settings, tmp_path / "out")
    assert abs(measure(Path(episode.mp3_path)).integrated_lufs - -23.0) <= 1.0
    assert round(MP3(episode.mp3_path).info.bitrate / 1000) == 128
    assert parse_image(cover.read_bytes(), "c").width_px == 1400


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Harbour town: a £48m barrier?", "harbour-town-a-48m-barrier"),
        ("Café déjà vu / «Quotes»", "cafe-deja-vu-quotes"),
        ("CON", "con-episode"),
        ("What's next for the port's 'new' quay?", "whats-next-for-the-ports-new-quay"),
        ("What’s next", "whats-next"),
        ("???", "episode"),
        ("x" * 200, "x" * 80),
    ],
)
def test_slug_is_safe_everywhere(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_a_segment_that_came_out_silent_fails_the_report(tmp_path: Path) -> None:
    import wave

    from radio.sound.engines.fake import FakeEngine

    class MutedQuote(FakeEngine):
        def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
            super().synthesize_to_file(text, voice, path)
            if voice == "fake-f1":  # the quote's voice: same length, all zeros
                with wave.open(str(path)) as w:
                    frames = w.getnframes()
                with wave.open(str(path), "wb") as w:
                    w.setnchannels(1)
                    w.setsampwidth(2)
                    w.setframerate(self.sample_rate_hz)
                    w.writeframes(b"\0\0" * frames)

    episode = render_episode(tiny_script(), Settings(engine="fake"), tmp_path, engine=MutedQuote())
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["fit_to_air"] is False
    assert report["checks"]["every_segment_audible"]["passed"] is False
    assert report["checks"]["dead_air"]["passed"] is True  # a 1.2 s quote plus pauses is not 3 s of dead air


def test_long_pauses_are_dead_air(tmp_path: Path) -> None:
    settings = Settings(engine="fake", pause_between_paragraphs_ms=4000)
    episode = render_episode(tiny_script(), settings, tmp_path)
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["checks"]["dead_air"]["passed"] is False, report["checks"]["dead_air"]


def test_transcript_cues_keep_closing_quote_marks() -> None:
    from radio.models import Placement, Segment
    from radio.publish.sidecars import cues

    text = 'He said "yes." Then he left. “Go,” she said.'
    script = dataclasses.replace(tiny_script(), segments=(Segment("anchor", text, text, "fake-anchor", paragraph=0),))
    lines = [" ".join(c.lines) for c in cues(script, [Placement(0, 0, 6000)], 65)]
    assert lines == ['He said "yes."', "Then he left.", "“Go,” she said."]
