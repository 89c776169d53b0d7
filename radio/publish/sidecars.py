"""Files beside the MP3: WebVTT and SRT transcripts, Podcasting 2.0 chapters,
and the plain transcript. Timings come from the real segment placements;
within a segment, cue boundaries are shared out by characters.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from radio.models import Placement, Script
from radio.words.sentences import split_sentences

VTT_LINE_CHARS = 65
SRT_LINE_CHARS = 32


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    speaker: str
    lines: tuple[str, ...]


def speaker_name(script: Script, index: int) -> str:
    segment = script.segments[index]
    return segment.speaker or script.anchor or "Anchor"


MIN_CHAPTER_MS = 5000  # a shorter chapter is merged into the one before it
Chapter = tuple[int, int, str]  # (start_ms, end_ms, title)


def chapter_mode(script: Script, mode: str = "") -> str:
    """The chapter mode in effect: ``mode``, or by default ``story`` for a bulletin of
    several stories and ``speaker`` for one article."""
    return mode or ("story" if len(script.stories) > 1 else "speaker")


def chapter_starts(script: Script, mode: str = "") -> list[tuple[int, str]]:
    """Where chapters start, as (segment index, title), before short ones are merged.

    ``speaker`` (the default for one article): the intro, the story's first words
    (titled with the story's title, or a bulletin story's headline), the first words
    of each newly quoted speaker ("Gwen Alder, mayor"), the outro. ``story`` (the
    default for a bulletin of several stories): the intro, each story (titled with
    its headline), the outro. ``segment``: one per segment. ``none``: no chapters.
    """
    mode = chapter_mode(script, mode)
    if mode == "none":
        return []
    if mode == "segment":
        return [(i, chapter_title(script, i)) for i in range(len(script.segments))]
    starts: list[tuple[int, str]] = []
    heard: set[str] = set()
    story: int | None = None  # the story being told; None before the first
    for index, segment in enumerate(script.segments):
        if segment.kind in ("intro", "outro"):
            starts.append((index, chapter_title(script, index)))
            continue
        opens = segment.story != story
        story = segment.story
        if mode == "speaker" and segment.kind == "quote" and segment.speaker and segment.speaker not in heard:
            heard.add(segment.speaker)
            who = f"{segment.speaker}, {segment.speaker_title}" if segment.speaker_title else segment.speaker
            starts.append((index, who))
        elif opens:
            starts.append((index, script.stories[story] if 0 <= story < len(script.stories) else script.title))
    return starts or [(0, script.title)]


def chapter_list(
    script: Script, placements: Sequence[Placement], duration_ms: int, mode: str = ""
) -> list[Chapter]:
    """The chapters (start_ms, end_ms, title) in ``mode`` (see ``chapter_starts``): the first
    starts at 0, each ends where the next begins, the last at the end of the programme, and
    none is shorter than ``MIN_CHAPTER_MS`` (a short one is merged into the one before it;
    a short first chapter takes in the next)."""
    at = {p.index: p.start_ms for p in placements}
    starts = [(at[index], title) for index, title in chapter_starts(script, mode) if index in at]
    if not starts:
        return []
    starts[0] = (0, starts[0][1])
    ends = [s for s, _ in starts[1:]] + [duration_ms]
    chapters = [(s, e, t) for (s, t), e in zip(starts, ends, strict=True)]
    if chapter_mode(script, mode) == "segment":
        return chapters
    merged: list[Chapter] = []
    for start, end, title in chapters:
        if merged and (end - start < MIN_CHAPTER_MS or merged[-1][1] - merged[-1][0] < MIN_CHAPTER_MS):
            merged[-1] = (merged[-1][0], end, merged[-1][2])
        else:
            merged.append((start, end, title))
    return merged


def chapter_title(script: Script, index: int) -> str:
    segment = script.segments[index]
    if segment.kind == "intro":
        return "Intro"
    if segment.kind == "outro":
        return "Outro"
    words = segment.text.split()
    gist = " ".join(words[:7]) + ("…" if len(words) > 7 else "")
    return f"{segment.speaker}: {gist}" if segment.kind == "quote" else gist


def cues(
    script: Script, placements: Sequence[Placement], line_chars: int, max_lines: int = 2, name_speakers: bool = False
) -> list[Cue]:
    """Cut each segment into cues of at most ``max_lines`` lines of ``line_chars``.

    With ``name_speakers``, a segment whose speaker differs from the one before
    starts with "Name:" (the SRT convention; WebVTT uses voice tags instead).
    """
    result: list[Cue] = []
    previous = None
    for placement in placements:
        segment = script.segments[placement.index]
        speaker = speaker_name(script, placement.index)
        sentences = split_sentences(segment.text)
        if name_speakers and speaker != previous and sentences:
            sentences[0] = f"{speaker}: {sentences[0]}"
        previous = speaker
        chunks: list[tuple[str, ...]] = []
        for sentence in sentences:
            lines = textwrap.wrap(sentence, line_chars, break_long_words=True)
            chunks += [tuple(lines[i : i + max_lines]) for i in range(0, len(lines), max_lines)]
        total = sum(len(" ".join(c)) for c in chunks) or 1
        span = placement.end_ms - placement.start_ms
        at, cursor = placement.start_ms, 0
        for chunk in chunks:
            cursor += len(" ".join(chunk))
            end = placement.start_ms + round(span * cursor / total)
            if end > at:
                result.append(Cue(at, end, speaker, chunk))
            at = end
    return result


def _stamp(ms: int, sep: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


def _escape_vtt(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "→")


def to_vtt(script: Script, placements: Sequence[Placement]) -> str:
    blocks = ["WEBVTT"]
    for cue in cues(script, placements, VTT_LINE_CHARS):
        body = "\n".join(_escape_vtt(line) for line in cue.lines)
        blocks.append(
            f"{_stamp(cue.start_ms, '.')} --> {_stamp(cue.end_ms, '.')}\n<v {_escape_vtt(cue.speaker)}>{body}"
        )
    return "\n\n".join(blocks) + "\n"


def to_srt(script: Script, placements: Sequence[Placement]) -> str:
    blocks = []
    for number, cue in enumerate(cues(script, placements, SRT_LINE_CHARS, name_speakers=True), start=1):
        text = "\n".join(cue.lines).replace("-->", "→")
        blocks.append(f"{number}\n{_stamp(cue.start_ms, ',')} --> {_stamp(cue.end_ms, ',')}\n{text}")
    return "\n\n".join(blocks) + "\n"


def to_chapters_json(script: Script, chapters: Sequence[Chapter]) -> str:
    doc = {
        "version": "1.2.0",
        "title": script.title,
        "podcastName": script.show,
        "chapters": [
            {"startTime": round(s / 1000, 3), "endTime": round(e / 1000, 3), "title": t} for s, e, t in chapters
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_transcript(script: Script) -> str:
    """Plain transcript with speaker names, for the USLT frame."""
    lines = []
    for index, segment in enumerate(script.segments):
        lines.append(f"{speaker_name(script, index)}: {segment.text}")
    return "\n".join(lines)
