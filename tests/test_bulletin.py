"""Bulletins of several stories: one script (an intro naming the headlines, each story under its
headline, one cast), a sting or a pause between stories, a chapter per story, ``--length``
cutting later paragraphs to fit, and the script JSON that records the stories. The fake engine
stands at the engine boundary; one bulletin is rendered with the real pyttsx3/espeak-ng."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from radio.config import Settings, load_settings
from radio.errors import ConfigError, InputError, ScriptError
from radio.models import Script, Segment
from radio.pipeline import estimate_ms, fit_length, make_bulletin, make_script, render_episode
from radio.publish.sidecars import MIN_CHAPTER_MS, chapter_list, chapter_starts
from radio.sound import mix
from radio.sound.engines import get_engine
from radio.words.script import script_from_json, script_to_json
from radio.words.trim import parse_length, speech_ms, trim_to_length

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "scripts" / "articles"

HARBOUR = """Harbour wall repairs begin before the winter storms
By Lena Hart
PORTLOWE — Work started on Tuesday to rebuild forty metres of the harbour wall that cracked in last year's storms.
"If we wait another winter, the wall will not be there to mend," said Mara Quill, the harbour master.
Crews will work at low tide for six weeks, and the slipway will close on weekdays.
Fishing crews said they would moor at the north quay while the work goes on.
The council has set aside 1.2 million pounds for the repairs.
"""

FERRY = """Ferry timetable changes for the harbour works
By Lena Hart
PORTLOWE — The island ferry will leave from the north quay for six weeks while the harbour wall is rebuilt.
"Passengers should allow ten more minutes to reach the boat," said Mara Quill, the harbour master.
Tom Bright, who runs the ferry, said the last crossing would stay at nine in the evening.
"We will not drop a single sailing," Bright said.
"""


@pytest.fixture
def stories(tmp_path: Path) -> list[Path]:
    harbour, ferry = tmp_path / "harbour.txt", tmp_path / "ferry.md"
    harbour.write_text(HARBOUR, encoding="utf-8")
    ferry.write_text(FERRY, encoding="utf-8")
    return [harbour, ferry]


def _settings(**changes: object) -> Settings:
    return dataclasses.replace(Settings(engine="fake", air_date="2026-06-18"), **changes)


def _bulletin(paths: list[Path], settings: Settings | None = None, title: str | None = None) -> Script:
    settings = settings or _settings()
    return make_bulletin([str(p) for p in paths], settings, get_engine("fake"), title=title)


def _radio(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CONFIG_HOME": str(cwd)},
        timeout=600,
        check=False,
    )


# --- the script ---------------------------------------------------------------


def test_intro_names_the_headlines_and_each_story_opens_with_its_headline(stories: list[Path]) -> None:
    script = _bulletin(stories)
    intro, outro = script.segments[0], script.segments[-1]
    assert intro.kind == "intro" and outro.kind == "outro" and intro.story == outro.story == -1
    assert "In this bulletin: Harbour wall repairs begin before the winter storms; and Ferry timetable" in intro.text
    assert script.stories == (
        "Harbour wall repairs begin before the winter storms",
        "Ferry timetable changes for the harbour works",
    )
    assert script.title == "The Radio Bulletin, Thursday, June 18, 2026"  # the show's name and the air date
    told = [s.story for s in script.segments[1:-1]]
    assert told == sorted(told) and set(told) == {0, 1}  # story 1 whole, then story 2
    for number, headline in enumerate(script.stories):
        first = next(s for s in script.segments if s.story == number)
        assert first.kind == "anchor" and first.paragraph == -1 and first.text == f"{headline}."
    assert script.segments[2].text.startswith("Work started on Tuesday")


def test_one_cast_for_the_whole_bulletin(stories: list[Path]) -> None:
    script = _bulletin(stories)
    voices: dict[str, set[str]] = {}
    for seg in script.segments:
        if seg.kind == "quote" and seg.speaker:
            voices.setdefault(seg.speaker, set()).add(seg.voice)
    quill = {s.story for s in script.segments if s.speaker == "Mara Quill"}
    assert quill == {0, 1}, "Mara Quill is quoted in both stories"
    assert voices["Mara Quill"] == voices["Mara Quill"] and len(voices["Mara Quill"]) == 1
    assert voices["Tom Bright"] != voices["Mara Quill"]
    anchor = {s.voice for s in script.segments if s.kind != "quote"}
    assert anchor == {"fake-anchor"} and not anchor & voices["Tom Bright"]


def test_title_option_and_the_bulletin_intro_template(stories: list[Path], tmp_path: Path) -> None:
    toml = tmp_path / "radio.toml"
    toml.write_text(
        '[show]\nname = "Coast FM"\nbulletin_intro = "{show} news for {air_date}. {title}. Tonight: {headlines}."\n'
        'outro = "That was {title} on {show}."\n'
        '[music]\nbetween_stories = "pause"\n',
        encoding="utf-8",
    )
    settings = dataclasses.replace(load_settings(toml), engine="fake", air_date="2026-06-18")
    assert settings.story_transition == "pause"
    script = _bulletin(stories, settings, title="  Evening   bulletin ")
    assert script.title == "Evening bulletin"
    assert script.segments[0].text == (
        "Coast FM news for Thursday, June 18. Evening bulletin. Tonight: Harbour wall repairs begin before the "
        "winter storms; and Ferry timetable changes for the harbour works."
    )
    assert script.segments[-1].text == "That was Evening bulletin on Coast FM."
    toml.write_text('[show]\nbulletin_intro = "In this bulletin: {stories}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"show.bulletin_intro: unknown placeholder \{stories\}.*\{headlines\}"):
        load_settings(toml)
    toml.write_text('[music]\nbetween_stories = "gong"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="between_stories must be sting or pause"):
        load_settings(toml)


def test_a_single_article_is_unchanged(stories: list[Path]) -> None:
    one = make_script(str(stories[0]), _settings(), get_engine("fake"))
    assert one.stories == () and {s.story for s in one.segments} == {-1}
    data = json.loads(script_to_json(one))
    assert "stories" not in data and not any("story" in row for row in data["segments"])
    assert [t for _, t in chapter_starts(one, "")][:2] == [
        "Intro",
        "Harbour wall repairs begin before the winter storms",
    ]
    assert "Mara Quill" in [t.split(",")[0] for _, t in chapter_starts(one, "")]


def test_one_bad_article_fails_the_bulletin_naming_it(stories: list[Path], tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bulletin story 2 of 3: .*missing\.txt: no such file"):
        _bulletin([stories[0], tmp_path / "missing.txt", stories[1]])
    out = tmp_path / "out"
    proc = _radio("episode", str(stories[0]), str(tmp_path / "missing.txt"), "-e", "fake", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("radio: error: bulletin story 2 of 2") and "missing.txt" in lines[0]
    assert not out.exists() or not list(out.glob("*.mp3"))


# --- the script JSON ----------------------------------------------------------


def test_script_json_records_the_stories_and_reads_back(stories: list[Path]) -> None:
    script = _bulletin(stories)
    data = json.loads(script_to_json(script))
    assert data["stories"] == list(script.stories)
    headline_segments = [row for row in data["segments"] if row.get("story") == 1]
    assert headline_segments and all(row["headline"] == script.stories[1] for row in headline_segments)
    assert "story" not in data["segments"][0] and "story" not in data["segments"][-1]
    again = script_from_json(script_to_json(script), "bulletin.json")
    assert again == script
    # an editor who dropped the "stories" list: the segments' headlines still tell the stories
    del data["stories"]
    assert script_from_json(json.dumps(data), "edited.json").stories == script.stories


def test_old_script_files_still_read() -> None:
    old = {
        "title": "Ferry returns",
        "engine": "fake",
        "segments": [
            {"kind": "intro", "text": "Hello.", "voice": "fake-anchor"},
            {"kind": "anchor", "text": "The ferry is back.", "voice": "fake-anchor", "paragraph": 0},
        ],
    }
    script = script_from_json(json.dumps(old), "old.json")
    assert script.stories == () and [s.story for s in script.segments] == [-1, -1]


@pytest.mark.parametrize(
    ("story", "needle"),
    [(2, "'story' must be a story's index 0 to 1"), ("one", "'story' must be"), (True, "'story' must be")],
)
def test_a_bad_story_index_is_named(stories: list[Path], story: object, needle: str) -> None:
    data = json.loads(script_to_json(_bulletin(stories)))
    data["segments"][3]["story"] = story
    with pytest.raises(ScriptError, match=f"edited.json: segment 4: {needle}"):
        script_from_json(json.dumps(data), "edited.json")


def test_an_edited_bulletin_renders_from_its_script(stories: list[Path], tmp_path: Path) -> None:
    proc = _radio("episode", *map(str, stories), "-e", "fake", "--date", "2026-06-18", "--dry-run", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    script = _bulletin(stories)
    data = json.loads(script_to_json(script))
    gone = next(i for i, row in enumerate(data["segments"]) if row["text"].startswith("Fishing crews"))
    del data["segments"][gone]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    proc = _radio("episode", "--script", str(edited), "-o", str(out), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["stories"] == list(script.stories)
    chapters = json.loads(Path(result["files"]["chapters"]).read_text(encoding="utf-8"))["chapters"]
    assert [c["title"] for c in chapters] == ["Intro", *script.stories, "Outro"]
    transcript = ID3(result["mp3"]).getall("USLT")[0].text
    assert "Fishing crews" not in transcript and "Passengers should allow" in transcript


# --- chapters -----------------------------------------------------------------


def test_story_chapters_are_the_default_for_a_bulletin(stories: list[Path]) -> None:
    script = _bulletin(stories)
    first = {s.story: i for i, s in reversed(list(enumerate(script.segments)))}
    last = len(script.segments) - 1
    expected = [(0, "Intro"), (first[0], script.stories[0]), (first[1], script.stories[1]), (last, "Outro")]
    assert chapter_starts(script) == chapter_starts(script, "story") == expected
    speaker = [title for _, title in chapter_starts(script, "speaker")]
    assert speaker[:2] == ["Intro", script.stories[0]] and speaker[2].startswith("Mara Quill")
    assert script.stories[1] in speaker and sum(t.startswith("Mara Quill") for t in speaker) == 1
    assert len(chapter_starts(script, "segment")) == len(script.segments) and chapter_starts(script, "none") == []


def test_no_story_chapter_under_five_seconds() -> None:
    def seg(kind: str, story: int, paragraph: int = -1) -> Segment:
        return Segment(kind, "Words.", "Words.", "fake-anchor", paragraph=paragraph, story=story)  # type: ignore[arg-type]

    segments = (seg("intro", -1), seg("anchor", 0), seg("anchor", 0, 0), seg("anchor", 1), seg("anchor", 1, 0))
    script = Script("a b", "Bulletin", None, "Show", "Alex", "fake", (*segments, seg("outro", -1)), stories=("A", "B"))
    from radio.models import Placement

    lengths = [6000, 1000, 1000, 6000, 6000, 6000]  # story A lasts 2 s: merged into the intro's chapter
    placements, at = [], 0
    for index, length in enumerate(lengths):
        placements.append(Placement(index, at, at + length))
        at += length
    chapters = chapter_list(script, placements, at)
    assert [t for _, _, t in chapters] == ["Intro", "B", "Outro"]
    assert all(end - start >= MIN_CHAPTER_MS for start, end, _ in chapters)


# --- length -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ms"), [("5", 300_000), ("2.5", 150_000), ("4:30", 270_000), ("90s", 90_000), ("3 min", 180_000)]
)
def test_parse_length(text: str, ms: int) -> None:
    assert parse_length(text) == ms


@pytest.mark.parametrize("text", ["", "soon", "0", "-5", "5s", "4:75", "nan", "9999"])
def test_a_length_radio_cannot_fit_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="--length"):
        parse_length(text)


def test_the_estimate_follows_the_engine_rate(stories: list[Path]) -> None:
    script = _bulletin(stories)
    settings = _settings()
    assert speech_ms("one two three four", 120) == 2000
    assert speech_ms("Don't stop — it’s 9 o'clock.", 120) == 2500  # "don't", "it's", "o'clock": one word each
    slow, fast = estimate_ms(script, settings, 120), estimate_ms(script, settings, 240)
    words = sum(speech_ms(s.spoken, 240) for s in script.segments)
    assert slow - fast == pytest.approx(words, abs=len(script.segments))


def test_length_cuts_later_paragraphs_first_and_keeps_first_paragraphs() -> None:
    three = [str(ARTICLES / name) for name in ("bus-route.txt", "library-reopens.txt", "orchard-harvest.txt")]
    settings = _settings()
    script = make_bulletin(three, settings, get_engine("fake"))
    full = estimate_ms(script, settings, 175)
    fit = fit_length(script, settings, 175, full - 40_000)
    assert fit.fits and fit.before_ms == full and fit.estimated_ms <= full - 40_000
    assert fit.estimated_ms == estimate_ms(fit.script, settings, 175)
    kept = {s: {seg.paragraph for seg in fit.script.segments if seg.story == s} for s in range(3)}
    was = {s: {seg.paragraph for seg in script.segments if seg.story == s} for s in range(3)}
    for story in range(3):
        assert 0 in kept[story] and -1 in kept[story]  # the headline and the first paragraph stay
        assert kept[story] == {p for p in was[story] if p < max(kept[story]) + 1}  # a cut takes the story's tail
    assert fit.cuts and sum(c.paragraphs for c in fit.cuts) == sum(len(was[s]) - len(kept[s]) for s in range(3))
    assert fit.script.segments[0] == script.segments[0] and fit.script.segments[-1] == script.segments[-1]
    lines = fit.summary()
    assert lines[0].startswith("length: about ") and "now about" in lines[0]
    assert any(line.startswith("cut the last") and "of story" in line for line in lines[1:])
    # what a tighter target cuts includes what a looser one cuts: later paragraphs go first
    tighter = fit_length(script, settings, 175, full - 80_000)
    for cut in fit.cuts:
        assert any(t.story == cut.story and t.from_paragraph <= cut.from_paragraph for t in tighter.cuts)


def test_length_says_when_it_cannot_fit(stories: list[Path]) -> None:
    script = _bulletin(stories)
    fit = fit_length(script, _settings(), 175, 10_000)
    assert not fit.fits
    assert {s.paragraph for s in fit.script.segments} == {-1, 0}  # only headlines and first paragraphs left
    assert "cannot fit 0:10" in fit.summary()[-1] and "over" in fit.summary()[-1]
    roomy = fit_length(script, _settings(), 175, 3_600_000)
    assert roomy.fits and roomy.script == script and roomy.cuts == ()


def test_a_cut_never_falls_inside_a_quote_that_runs_over_a_paragraph_break() -> None:
    def seg(kind: str, paragraph: int, speaker: str | None = None) -> Segment:
        words = " ".join(["word"] * 50)
        return Segment(kind, words, words, "v", speaker, None, paragraph)  # type: ignore[arg-type]

    segments = (
        seg("intro", -1),
        seg("anchor", 0),
        seg("anchor", 1),
        seg("quote", 1, "Ana Ruiz"),
        seg("quote", 2, "Ana Ruiz"),  # her quote goes on in the next paragraph
        seg("anchor", 3),
        seg("outro", -1),
    )
    script = Script("a.txt", "A story", None, "Show", "Alex", "fake", segments)

    def estimate(s: Script) -> int:
        return sum(speech_ms(seg.spoken, 150) for seg in s.segments)

    fit = trim_to_length(script, estimate(script) - 30_000, estimate)  # one paragraph's worth is not enough
    assert [seg.paragraph for seg in fit.script.segments] == [-1, 0, -1]
    assert fit.cuts[0].paragraphs == 3 and fit.cuts[0].from_paragraph == 2 and fit.cuts[0].to_paragraph == 4
    mid = trim_to_length(script, estimate(script) - 20_000, estimate)  # paragraph 3 alone is enough
    assert [seg.paragraph for seg in mid.script.segments] == [-1, 0, 1, 1, 2, -1]


def test_length_from_the_command_line(stories: list[Path], tmp_path: Path) -> None:
    three = [str(ARTICLES / name) for name in ("bus-route.txt", "library-reopens.txt", "orchard-harvest.txt")]
    proc = _radio("episode", *three, "-e", "fake", "--dry-run", "--length", "1:30", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    notes = proc.stderr.strip().splitlines()
    assert notes[0].startswith("radio: length: about ") and "target 1:30" in notes[0]
    assert any("cut the last" in line and "Late frost halves the apple harvest" in line for line in notes)
    bad = _radio("episode", *three, "-e", "fake", "--dry-run", "--length", "soon", cwd=tmp_path)
    assert bad.returncode == 1 and bad.stderr.startswith("radio: error: --length 'soon'")


# --- the audio ----------------------------------------------------------------


def test_pause_or_sting_between_stories(stories: list[Path], tmp_path: Path) -> None:
    script = _bulletin(stories)
    boundary = next(i for i, s in enumerate(script.segments) if s.story == 1)
    assert mix.new_story(script, boundary) and not any(
        mix.new_story(script, i) for i in range(len(script.segments)) if i != boundary
    )
    quiet = _settings(music_enabled=False, pause_between_stories_ms=2200)
    assert mix.pause_before(script, boundary, quiet) == 2200
    paused = render_episode(script, quiet, tmp_path / "pause")
    gap = paused.placements[boundary].start_ms - paused.placements[boundary - 1].end_ms
    assert abs(gap - 2200) <= 2
    stung = render_episode(script, _settings(), tmp_path / "sting")
    gap = stung.placements[boundary].start_ms - stung.placements[boundary - 1].end_ms
    expected = _settings().pause_between_paragraphs_ms + mix.STING_MS + mix.STING_GAP_MS
    assert abs(gap - expected) <= 2
    assert not stung.failed_checks and not paused.failed_checks  # the programme's length is its parts' sum
    from pydub import AudioSegment

    audio = AudioSegment.from_file(stung.mp3_path)
    sting_at = stung.placements[boundary - 1].end_ms + _settings().pause_between_paragraphs_ms
    sting = audio[sting_at + 200 : sting_at + mix.STING_MS - 1000]
    speech = audio[stung.placements[boundary].start_ms : stung.placements[boundary].end_ms]
    assert abs(sting.dBFS - speech.dBFS) < 6, (sting.dBFS, speech.dBFS)  # heard, and near the speech's level
    quiet_audio = AudioSegment.from_file(paused.mp3_path)
    gap_at = paused.placements[boundary - 1].end_ms
    assert quiet_audio[gap_at + 300 : gap_at + 1900].dBFS < -50


def test_bulletin_rendered_with_the_real_engine(stories: list[Path], tmp_path: Path) -> None:
    """pyttsx3 + espeak-ng + ffmpeg for real: the chapters read back from the tagged MP3 start at
    each story's headline, and the transcript runs in the bulletin's order."""
    out = tmp_path / "out"
    proc = _radio(
        "episode",
        *map(str, stories),
        "--title",
        "Evening bulletin",
        "--date",
        "2026-06-18",
        "-o",
        str(out),
        "--json",
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    mp3 = Path(result["mp3"])
    assert mp3.name == "evening-bulletin.mp3" and result["fit_to_air"], result["failed_checks"]
    script = script_from_json(Path(result["files"]["script"]).read_text(encoding="utf-8"), "script.json")
    assert script.stories == tuple(result["stories"]) and len(script.stories) == 2
    tags = ID3(mp3)
    chap = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [str(c.sub_frames["TIT2"]) for c in chap] == ["Intro", *script.stories, "Outro"]
    assert chap[0].start_time == 0 and chap[-1].end_time == result["duration_ms"]
    assert all(c.end_time - c.start_time >= MIN_CHAPTER_MS for c in chap)
    vtt = Path(result["files"]["vtt"]).read_text(encoding="utf-8")
    starts = {}
    for line_no, line in enumerate(vtt.splitlines()):
        for needle in ("In this bulletin", "Work started on Tuesday", "leave from the north", "Thanks for listening"):
            if needle in line and needle not in starts:
                starts[needle] = line_no
    assert list(starts) == [
        "In this bulletin",
        "Work started on Tuesday",
        "leave from the north",
        "Thanks for listening",
    ]
    # each story chapter starts as its headline is heard (the cue of the headline's first words)
    chapters = json.loads(Path(result["files"]["chapters"]).read_text(encoding="utf-8"))["chapters"]
    for chapter, headline in zip(chapters[1:3], script.stories, strict=True):
        opening = ">" + " ".join(headline.split()[:2])  # the cue that opens with the headline
        cue_line = next(i for i, line in enumerate(vtt.splitlines()) if opening in line)
        stamp = vtt.splitlines()[cue_line - 1].split(" --> ")[0]
        h, m, s = stamp.split(":")
        assert abs(int(h) * 3600 + int(m) * 60 + float(s) - chapter["startTime"]) < 0.3
    transcript = tags.getall("USLT")[0].text
    assert transcript.index("Harbour wall repairs") < transcript.index("Ferry timetable changes for the harbour")
    assert transcript.index("Work started") < transcript.index("Passengers should allow")
