"""Files beside the MP3: WebVTT and SRT transcripts, Podcasting 2.0 chapters,
and the plain transcript. Timings come from the real segment placements and,
within a segment, from where the voice stage heard each sentence start
(``Placement.sentence_starts_ms``): a cue starts when its first word is heard.
Only a sentence too long for one cue is shared out by characters inside it.
"""

from __future__ import annotations

import dataclasses
import itertools
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


def chapter_starts(script: Script, mode: str = "speaker") -> list[tuple[int, str]]:
    """Where chapters start, as (segment index, title), before short ones are merged.

    ``speaker`` (the default): the intro, the story's first words (titled with the
    story's title), the first words of each newly quoted speaker ("Gwen Alder,
    mayor"), the outro. ``segment``: one per segment. ``none``: no chapters.
    (A chapter per story needs bulletins of several stories, which radio does not
    make yet: a single-story episode has its one story chapter.)
    """
    if mode == "none":
        return []
    if mode == "segment":
        return [(i, chapter_title(script, i)) for i in range(len(script.segments))]
    starts: list[tuple[int, str]] = []
    heard: set[str] = set()
    story_started = False
    for index, segment in enumerate(script.segments):
        if segment.kind in ("intro", "outro"):
            starts.append((index, chapter_title(script, index)))
        elif segment.kind == "quote" and segment.speaker and segment.speaker not in heard:
            heard.add(segment.speaker)
            who = f"{segment.speaker}, {segment.speaker_title}" if segment.speaker_title else segment.speaker
            starts.append((index, who))
        elif not story_started:
            starts.append((index, script.title))
        story_started = story_started or segment.kind != "intro"
    return starts or [(0, script.title)]


def chapter_list(
    script: Script, placements: Sequence[Placement], duration_ms: int, mode: str = "speaker"
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
    if mode == "segment":
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


MIN_CUE_MS = 1000  # a shorter cue is merged into a neighbour (a flash nobody can read)
Timed = tuple[int, int, str]  # (start_ms, end_ms, text)


def sentence_runs(text: str, placement: Placement) -> list[Timed]:
    """The written sentences of a segment, each with the time its voice starts and the time
    the next starts (the last: the segment's end).

    With the voiced sentence starts: one start per written sentence when the counts agree;
    else (the spoken text splits otherwise, "1.5" said "one point five") each heard start goes to
    the written sentence at the nearest share of the text, and a sentence with no start of its
    own joins the one before. Without them, the segment is shared out by characters.
    """
    written = split_sentences(text) or [text]
    span = max(0, placement.end_ms - placement.start_ms)
    sizes = [len(w) + 1 for w in written]
    total = sum(sizes)
    shares = [sum(sizes[:i]) / total for i in range(len(written))]
    heard = placement.sentence_starts_ms
    if not heard:
        at = {i: round(span * share) for i, share in enumerate(shares)}
    elif len(heard) == len(written):
        at = dict(enumerate(heard))
    else:
        at = _align(shares, [offset / span if span else 1.0 for offset in heard], heard)
    runs: list[Timed] = []
    for i, sentence in enumerate(written):
        if i in at and (not runs or at[i] > runs[-1][0] - placement.start_ms):
            runs.append((placement.start_ms + at[i], placement.end_ms, sentence))
        else:
            runs[-1] = (runs[-1][0], runs[-1][1], f"{runs[-1][2]} {sentence}")
    return [(r[0], nxt[0], r[2]) for r, nxt in itertools.pairwise(runs)] + [runs[-1]]


_SKIP_COST = 0.1  # share of the text a start may be moved rather than left unused


def _align(shares: list[float], heard_shares: list[float], heard: tuple[int, ...]) -> dict[int, int]:
    """Written sentence index -> heard start (ms), in order, pairing the sentences' shares of
    the text with the starts' shares of the time at least cost (the first with the first)."""
    m, n = len(shares), len(heard_shares)
    inf = float("inf")
    # cost[j][k]: sentences 1..j and starts 1..k dealt with
    cost = [[inf] * n for _ in range(m)]
    move: dict[tuple[int, int], tuple[int, int, bool]] = {}
    cost[0][0] = 0.0
    for j in range(m):
        for k in range(n):
            if j == 0 and k == 0:
                continue
            options = []
            if j and k:
                options.append((cost[j - 1][k - 1] + abs(shares[j] - heard_shares[k]), (j - 1, k - 1, True)))
            if j:
                options.append((cost[j - 1][k] + _SKIP_COST, (j - 1, k, False)))
            if k:
                options.append((cost[j][k - 1] + _SKIP_COST, (j, k - 1, False)))
            cost[j][k], move[(j, k)] = min(options, key=lambda o: o[0])
    pairs = {0: heard[0]}
    j, k = m - 1, n - 1
    while (j, k) != (0, 0):
        pj, pk, paired = move[(j, k)]
        if paired:
            pairs[j] = heard[k]
        j, k = pj, pk
    return pairs


def merge_short(runs: list[Timed], min_ms: int = MIN_CUE_MS) -> list[Timed]:
    """Runs of one segment, none shorter than ``min_ms`` where the segment allows it: a short
    run joins the run before it (the first joins the one after), so every start stays a heard one."""
    out = list(runs)
    i = 0
    while len(out) > 1 and i < len(out):
        start, end, text = out[i]
        if end - start >= min_ms:
            i += 1
            continue
        if i > 0:
            before = out[i - 1]
            out[i - 1 : i + 1] = [(before[0], end, f"{before[2]} {text}")]
            i -= 1
        else:
            after = out[1]
            out[0:2] = [(start, after[1], f"{text} {after[2]}")]
    return out


def _split_run(run: Timed, line_chars: int, max_lines: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """A run cut into pieces of at most ``max_lines`` lines, balanced (no lone short last piece
    where it can be helped), sharing the run's time by characters."""
    start, end, text = run
    lines = textwrap.wrap(text, line_chars, break_long_words=True) or [text]
    count = -(-len(lines) // max_lines)
    per = -(-len(lines) // count)
    groups = [tuple(lines[i : i + per]) for i in range(0, len(lines), per)]
    total = sum(len(" ".join(g)) for g in groups) or 1
    out, at, cursor = [], start, 0
    for group in groups:
        cursor += len(" ".join(group))
        until = start + round((end - start) * cursor / total)
        out.append((at, until, group))
        at = until
    return out


def cues(
    script: Script, placements: Sequence[Placement], line_chars: int, max_lines: int = 2, name_speakers: bool = False
) -> list[Cue]:
    """Cut each segment into cues of at most ``max_lines`` lines of ``line_chars``: one cue per
    sentence as heard (``sentence_runs``), short ones merged (``merge_short``), a sentence too
    long for one cue cut in balanced pieces; a cue still under ``MIN_CUE_MS`` (a segment that
    short) stays up into the pause after it, up to the next cue.

    With ``name_speakers``, a segment whose speaker differs from the one before
    starts with "Name:" (the SRT convention; WebVTT uses voice tags instead).
    """
    result: list[Cue] = []
    previous = None
    for placement in placements:
        segment = script.segments[placement.index]
        speaker = speaker_name(script, placement.index)
        runs = merge_short(sentence_runs(segment.text, placement))
        if name_speakers and speaker != previous and runs:
            runs[0] = (runs[0][0], runs[0][1], f"{speaker}: {runs[0][2]}")
        previous = speaker
        for run in runs:
            for start, end, lines in _split_run(run, line_chars, max_lines):
                if end > start:
                    result.append(Cue(start, end, speaker, lines))
    for i, cue in enumerate(result):
        if cue.end_ms - cue.start_ms < MIN_CUE_MS:
            limit = result[i + 1].start_ms if i + 1 < len(result) else cue.start_ms + MIN_CUE_MS
            result[i] = dataclasses.replace(cue, end_ms=max(cue.end_ms, min(cue.start_ms + MIN_CUE_MS, limit)))
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
