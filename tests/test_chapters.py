"""Chapters follow the story: intro, the story, each newly quoted speaker, outro; none under
5 s; ``--chapters segment|speaker|none``. Read back from real renders with mutagen."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

from mutagen.id3 import ID3

from radio.config import Settings
from radio.models import Placement, Script, Segment
from radio.pipeline import render_episode
from radio.publish.sidecars import MIN_CHAPTER_MS, chapter_list
from radio.publish.tags import MAX_CHAPTER_TITLE, short_title
from tests.helpers import tiny_script


def _script() -> Script:
    a = "fake-anchor"

    def seg(kind: str, text: str, speaker: str | None = None, title: str | None = None) -> Segment:
        return Segment(kind, text, text, a if speaker is None else "fake-f1", speaker, title, 0)  # type: ignore[arg-type]

    segments = (
        seg("intro", "This is Test Radio."),
        seg("anchor", "The council met."),
        seg("anchor", "The mayor said:"),
        seg("quote", "We will build it.", "Gwen Alder", "mayor"),
        seg("quote", "It is a promise.", "Gwen Alder", "mayor"),
        seg("anchor", "A resident disagreed."),
        seg("quote", "No.", "Tom Reed", None),  # a short chapter: merged into the one before
        seg("quote", "We are ready.", "Ana Ruiz", "the council's clerk"),
        seg("quote", "And so am I.", "Gwen Alder", "mayor"),  # heard before: no new chapter
        seg("outro", "Goodbye."),
    )
    return Script("c.txt", "Council backs the bridge", None, "Test Radio", "Alex Morgan", "fake", segments)


# each segment 3 s long, 1 s apart, except the short quote "No." (0.5 s)
_LENGTHS = [3000, 3000, 3000, 3000, 3000, 3000, 500, 3000, 3000, 6000]


def _placements() -> tuple[list[Placement], int]:
    out, at = [], 1000
    for index, length in enumerate(_LENGTHS):
        out.append(Placement(index, at, at + length))
        at += length + 1000
    return out, at


def test_speaker_chapters_follow_the_story() -> None:
    placements, duration = _placements()
    chapters = chapter_list(_script(), placements, duration)
    titles = [t for _, _, t in chapters]
    assert titles == [
        "Intro",
        "Council backs the bridge",
        "Gwen Alder, mayor",
        "Ana Ruiz, the council's clerk",
        "Outro",
    ]
    starts = [s for s, _, _ in chapters]
    assert starts == [0, *(placements[i].start_ms for i in (1, 3, 7, 9))]
    assert chapters[-1][1] == duration
    assert all(e - s >= MIN_CHAPTER_MS for s, e, _ in chapters)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(chapters))


def test_tom_reeds_short_chapter_is_merged_into_the_one_before() -> None:
    """Tom Reed says "No." and Ana Ruiz answers 1 s later: his chapter would last 1.5 s."""
    script = _script()
    placements, duration = _placements()
    # without the merge his chapter would start at segment 6
    assert placements[7].start_ms - placements[6].start_ms < MIN_CHAPTER_MS
    assert all("Tom Reed" not in t for _, _, t in chapter_list(script, placements, duration))
    # a longer gap after him, and he gets his chapter
    stretched = [p if p.index < 7 else Placement(p.index, p.start_ms + 4000, p.end_ms + 4000) for p in placements]
    titles = [t for _, _, t in chapter_list(script, stretched, duration + 4000)]
    assert "Tom Reed" in titles


def test_segment_and_none_modes() -> None:
    placements, duration = _placements()
    segments = chapter_list(_script(), placements, duration, "segment")
    assert len(segments) == len(placements) and segments[6][1] - segments[6][0] < MIN_CHAPTER_MS  # as they were
    assert chapter_list(_script(), placements, duration, "none") == []


def test_no_chapters_renders_without_a_table_of_contents(tmp_path: Path) -> None:
    episode = render_episode(tiny_script(), Settings(engine="fake", chapters="none"), tmp_path)
    tags = ID3(episode.mp3_path)
    assert tags.getall("CHAP") == [] and tags.getall("CTOC") == []
    assert json.loads(Path(episode.sidecars["chapters"]).read_text(encoding="utf-8"))["chapters"] == []
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["checks"]["tags"]["passed"], report["checks"]["tags"]


def test_chapters_option(tmp_path: Path, short_article: Path) -> None:
    run = [sys.executable, "-m", "radio", "episode", str(short_article), "-e", "fake", "-o", str(tmp_path / "o")]
    done = subprocess.run([*run, "--chapters", "segment"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (mp3,) = (tmp_path / "o").glob("*.mp3")
    (script_json,) = (tmp_path / "o").glob("*.script.json")
    segments = json.loads(script_json.read_text(encoding="utf-8"))["segments"]
    assert len(ID3(str(mp3)).getall("CHAP")) == len(segments)
    bad = subprocess.run([*run, "--chapters", "scene"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "radio: error: chapters must be one of segment, speaker, story, none, not 'scene'"


def test_long_chapter_titles_are_cut_at_a_word() -> None:
    title = "Rhys Morgan, the chief engineer for the regional water authority"
    short = short_title(title)
    assert short == "Rhys Morgan, the chief engineer for the regional…" and len(short) <= MAX_CHAPTER_TITLE
    assert short_title("Gwen Alder, mayor") == "Gwen Alder, mayor"
