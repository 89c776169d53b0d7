"""Files beside the MP3: WebVTT and SRT transcripts, Podcasting 2.0 chapters,
and the plain transcript. Timings come from the real segment placements and,
within a segment, from where the voice stage heard each sentence start
(``Placement.sentence_starts_ms``) and the voice resume after a pause inside a
sentence (``Placement.pause_ends_ms``): a cue starts when its first word is heard.
Only a stretch too long for one cue with no pause in it is cut by characters.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
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


def chapter_list(script: Script, placements: Sequence[Placement], duration_ms: int, mode: str = "") -> list[Chapter]:
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


MIN_CUE_MS = 1000  # a shorter cue is merged into a neighbour (a flash nobody can read)
MAX_LATE_MS = 150  # a cue may start this much after its words, to give a short one before it its second
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


_PHRASE_END = re.compile(r"[,;:]\s+|\s+[—–-]\s+|[—–]\s*")  # where a heard phrase may end in the text
_PAUSE_REACH = 0.15  # a pause is matched to a phrase end within this share of the sentence's text
_COST_SHORT, _COST_WORD, _COST_UNHEARD = 3.0, 0.5, 5.0  # per cue: under MIN_CUE_MS, cut at a word, untimed
_COST_BRIEF, _EASY_READ_MS = 0.4, 2500  # and a little for a cue shorter than is easy to read


def phrase_breaks(run: Timed, pauses: Sequence[int]) -> list[tuple[int, int, bool]]:
    """(offset in the text, ms, at a clause mark) for each heard pause inside ``run``: the pause
    is put at the phrase end (comma, semicolon, colon, dash) nearest its share of the run, else
    at the nearest space between two words."""
    start, end, text = run
    clause_ends = [m.end() for m in _PHRASE_END.finditer(text) if m.end() < len(text)]
    spaces = [m.end() for m in re.finditer(r"\s+", text) if m.end() < len(text)]
    out: list[tuple[int, int, bool]] = []
    for ms in pauses:
        if not start < ms < end:
            continue
        guess = (ms - start) / (end - start) * len(text)
        near = [c for c in clause_ends if abs(c - guess) <= _PAUSE_REACH * len(text)]
        pool = near or spaces
        if not pool:
            continue
        at = min(pool, key=lambda c: abs(c - guess))
        if not out or (at > out[-1][0] and ms > out[-1][1]):
            out.append((at, ms, bool(near)))
    return out


def _fits(text: str, line_chars: int, max_lines: int) -> bool:
    return len(textwrap.wrap(text, line_chars, break_long_words=True)) <= max_lines


def split_run(
    run: Timed, pauses: Sequence[int], line_chars: int, max_lines: int, prefix: str = ""
) -> list[tuple[int, int, tuple[str, ...]]]:
    """A run (a sentence or a few) cut into cues of at most ``max_lines`` lines. Cuts are made
    where the voice resumes after a pause inside the run (``phrase_breaks``), at clause marks
    first, in as few cues as fit, none under ``MIN_CUE_MS`` where it can be helped; only a
    stretch with no heard pause to cut at is cut between lines, timed by its characters.
    ``prefix`` ("Name: ") leads the first cue's text; it is not heard."""
    start, end, said = run
    said = " ".join(said.split())
    text = prefix + said
    if _fits(text, line_chars, max_lines):
        return [(start, end, tuple(textwrap.wrap(text, line_chars, break_long_words=True)) or (text,))]
    heard = {
        len(prefix) + at: (ms, 0.0 if clause else _COST_WORD)
        for at, ms, clause in phrase_breaks((start, end, said), pauses)
    }
    nodes: dict[int, tuple[float, float]] = {0: (start, 0.0), len(text): (end, 0.0), **heard}
    offset = 0  # cuts between lines, used only where no heard cut will do: timed between heard neighbours
    for line in textwrap.wrap(text, line_chars, break_long_words=True)[:-1]:
        offset = text.index(line, offset) + len(line)
        cut = offset + len(text[offset:]) - len(text[offset:].lstrip())
        if cut > len(prefix) and cut not in nodes:
            before = max(k for k in nodes if k < cut)
            after = min(k for k in nodes if k > cut)
            share = (cut - max(before, len(prefix))) / (after - max(before, len(prefix)))
            nodes[cut] = (nodes[before][0] + share * (nodes[after][0] - nodes[before][0]), _COST_UNHEARD)
    order = sorted(nodes)
    best: dict[int, tuple[float, int]] = {0: (0.0, -1)}  # node -> (cost, previous node)
    for j, here in enumerate(order[1:], start=1):
        for i in range(j):
            there = order[i]
            if there not in best or not _fits(text[there:here], line_chars, max_lines):
                continue
            piece_ms = nodes[here][0] - nodes[there][0]
            cost = best[there][0] + 1 + nodes[there][1] + (_COST_SHORT if piece_ms < MIN_CUE_MS else 0)
            cost += _COST_BRIEF * max(0.0, 1 - piece_ms / _EASY_READ_MS)  # balanced cuts read better
            if here not in best or cost < best[here][0]:
                best[here] = (cost, there)
    cuts = [len(text)]
    while cuts[-1] != 0:
        cuts.append(best[cuts[-1]][1])
    cuts.reverse()
    out = []
    for there, here in itertools.pairwise(cuts):
        lines = tuple(textwrap.wrap(text[there:here], line_chars, break_long_words=True))
        out.append((round(nodes[there][0]), round(nodes[here][0]), lines))
    return out


def cues(
    script: Script, placements: Sequence[Placement], line_chars: int, max_lines: int = 2, name_speakers: bool = False
) -> list[Cue]:
    """Cut each segment into cues of at most ``max_lines`` lines of ``line_chars``: one cue per
    sentence as heard (``sentence_runs``), short ones merged (``merge_short``), a sentence too
    long for one cue cut where the voice pauses (``split_run``); a cue still under ``MIN_CUE_MS``
    (a segment that short) stays up into the pause after it (``hold_short``).

    With ``name_speakers``, a segment whose speaker differs from the one before
    starts with "Name:" (the SRT convention; WebVTT uses voice tags instead).
    """
    result: list[Cue] = []
    previous = None
    for placement in placements:
        segment = script.segments[placement.index]
        speaker = speaker_name(script, placement.index)
        runs = merge_short(sentence_runs(segment.text, placement))
        prefix = f"{speaker}: " if name_speakers and speaker != previous else ""
        previous = speaker
        pauses = [placement.start_ms + ms for ms in placement.pause_ends_ms]
        for number, run in enumerate(runs):
            for start, end, lines in split_run(run, pauses, line_chars, max_lines, "" if number else prefix):
                if end > start:
                    result.append(Cue(start, end, speaker, lines))
    return hold_short(result)


def hold_short(result: list[Cue], min_ms: int = MIN_CUE_MS, late_ms: int = MAX_LATE_MS) -> list[Cue]:
    """A cue under ``min_ms`` (a segment that short, "She said:") stays up into the pause after
    it; when the next cue starts too soon for that, the next one starts up to ``late_ms`` later."""
    out = list(result)
    for i, cue in enumerate(out):
        if cue.end_ms - cue.start_ms >= min_ms:
            continue
        want = cue.start_ms + min_ms
        if i + 1 == len(out):
            out[i] = dataclasses.replace(cue, end_ms=want)
            continue
        after = out[i + 1]
        late = min(max(0, want - after.start_ms), late_ms, max(0, after.end_ms - after.start_ms - min_ms))
        out[i] = dataclasses.replace(cue, end_ms=max(cue.end_ms, min(want, after.start_ms + late)))
        out[i + 1] = dataclasses.replace(after, start_ms=after.start_ms + late)
    return out


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
