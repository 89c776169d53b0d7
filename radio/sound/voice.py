"""Voice: synthesize every segment with the engine and decode what it wrote.

A segment is voiced sentence by sentence (the one splitter of ``radio.words.sentences``), the
clips joined with a breath of silence between them, so where each sentence starts in the
segment's clip is known from the audio itself: the transcripts' cues start there. The engine's
file extension is never trusted: ffmpeg probes the file.
"""

from __future__ import annotations

import audioop  # as pydub uses it (the audioop-lts package on Python >= 3.13)
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError
from pydub.silence import detect_leading_silence

from radio.errors import EngineError
from radio.models import Script
from radio.sound.engines import EmptyAudioError, Engine, quoted
from radio.tools import require
from radio.words.sentences import split_sentences

if TYPE_CHECKING:
    from radio.sound.cache import SegmentCache

EDGE_SILENCE_KEEP_MS = 40  # engines pad clips with silence; the mix sets pauses itself
EMPTY_ATTEMPTS = 2  # an empty clip is voiced once more before the segment fails
# silence between two sentences of a segment, the clips' kept edges included: the same quiet
# (0.37-0.40 s below -20 dB, measured) as espeak-ng leaves at a full stop inside one call
SENTENCE_GAP_MS = 340
_WORDLESS = re.compile(r"^\W*$")
PAUSE_MS = 100  # a pause inside a sentence this long (a comma's, a dash's) ends a heard phrase
PAUSE_BELOW_DB = 20.0  # ... where the clip is this far below its own average level
_FRAME_MS = 10


@dataclass(frozen=True)
class SegmentTiming:
    """Where things are heard in one segment's clip, in ms from the clip's start."""

    sentence_starts_ms: tuple[int, ...]  # each voiced sentence's start (the first 0)
    pause_ends_ms: tuple[int, ...] = ()  # where the voice resumes after a pause inside a sentence


def voice_script(
    script: Script,
    engine: Engine,
    workdir: Path,
    sample_rate_hz: int,
    channels: int,
    progress: Callable[[int, int], None] | None = None,
    cache: SegmentCache | None = None,
    timings: list[SegmentTiming] | None = None,
) -> list[AudioSegment]:
    """Return one decoded clip per segment, in order (with a ``cache`` and ``timings``:
    see ``voice_clips``)."""
    return list(voice_clips(script, engine, workdir, sample_rate_hz, channels, progress, cache, timings))


def voice_clips(
    script: Script,
    engine: Engine,
    workdir: Path,
    sample_rate_hz: int,
    channels: int,
    progress: Callable[[int, int], None] | None = None,
    cache: SegmentCache | None = None,
    timings: list[SegmentTiming] | None = None,
) -> Iterator[AudioSegment]:
    """Yield one decoded clip per segment, in order, each as soon as it is voiced
    (the mix writes it out before the next is made: memory stays flat). With a ``cache``, text
    voiced before (same engine, version, voice, rate and format) is taken from it and new clips
    are stored in it; it keys each sentence, so editing one sentence re-voices only that one.
    With ``timings``, where each sentence starts in its segment's clip, and where the voice
    resumes after a pause inside a sentence, is appended to it for every segment as its clip is
    yielded (see ``SegmentTiming``)."""
    require("ffmpeg")
    for voice in sorted({s.voice for s in script.segments}):
        engine.check_voice(voice)
    gap = AudioSegment.silent(duration=max(0, SENTENCE_GAP_MS - 2 * EDGE_SILENCE_KEEP_MS), frame_rate=sample_rate_hz)
    gap = gap.set_channels(channels).set_sample_width(2)
    for number, segment in enumerate(script.segments, start=1):
        pieces: list[AudioSegment] = []
        starts: list[int] = []
        resumes: list[int] = []
        at = 0
        for order, sentence in enumerate(voiced_sentences(segment.spoken)):
            parts = []
            for part, text in enumerate(chunks(sentence, engine.max_chars_per_call)):
                key = cache.key(text, segment.voice, engine, sample_rate_hz, channels) if cache is not None else ""
                clip = cache.get(key) if cache is not None else None
                if clip is None:
                    path = workdir / f"segment-{number:03d}-{order:03d}-{part:02d}.audio"
                    clip = voice_piece(engine, text, segment.voice, path, sample_rate_hz, channels)
                    if cache is not None:
                        cache.put(key, clip)
                parts.append(clip)
            if pieces:
                pieces.append(gap)
                at += len(gap)
            starts.append(at)
            sentence_clip = sum(parts[1:], parts[0])
            resumes += [at + ms for ms in pause_ends(sentence_clip)]
            pieces.append(sentence_clip)
            at += len(sentence_clip)
        clip = sum(pieces[1:], pieces[0])
        del pieces
        if progress:
            progress(number, len(script.segments))
        if timings is not None:
            timings.append(SegmentTiming(tuple(starts), tuple(resumes)))
        yield clip
    if cache is not None:
        cache.evict()


def voiced_sentences(spoken: str) -> list[str]:
    """The sentences of a segment's spoken text, each voiced by one engine call (or more, when
    longer than the engine takes); a piece with no word in it ("...") joins the sentence before
    (or, first, the one after), so no call is made for a clip that would come out empty."""
    out: list[str] = []
    pending = ""
    for sentence in split_sentences(spoken):
        if _WORDLESS.match(sentence):
            if out:
                out[-1] += " " + sentence
            else:
                pending = f"{pending} {sentence}".strip()
            continue
        out.append(f"{pending} {sentence}".strip())
        pending = ""
    if pending:
        out.append(pending)  # nothing but marks: voiced as it is, failing as before if empty
    return out or [spoken]


def voice_piece(engine: Engine, text: str, voice: str, path: Path, sample_rate_hz: int, channels: int) -> AudioSegment:
    """Voice ``text`` and decode it; a clip that comes out empty is voiced once more,
    then fails naming the text (never only a file name)."""
    for _ in range(EMPTY_ATTEMPTS):
        try:
            raw = engine.voice_file(text, voice, path)
            clip = decode_clip(raw, sample_rate_hz, channels)
        except EmptyAudioError:
            continue
        raw.unlink(missing_ok=True)  # decoded: the disk holds only the mix, however long the programme
        return clip
    raise EngineError(
        f"engine {engine.name} gave an empty clip for {quoted(text)} (voice {voice}), "
        f"{EMPTY_ATTEMPTS} times; reword that text or edit it out of the script"
    )


_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")


def chunks(text: str, max_chars: int) -> list[str]:
    """Split ``text`` for an engine that takes at most ``max_chars`` a call:
    at sentence ends, else at clause ends, else between words."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    splitters: list[Callable[[str], list[str]]] = [
        split_sentences,
        lambda t: _CLAUSE_END.split(t),
        lambda t: t.split(),
    ]
    for splitter in splitters:
        pieces = [p for p in splitter(text) if p.strip()]
        if all(len(p) <= max_chars for p in pieces):
            break
    else:
        pieces = [text[i : i + max_chars] for i in range(0, len(text), max_chars)]  # one endless word
    result: list[str] = []
    for piece in pieces:  # pack consecutive pieces up to the limit
        if result and len(result[-1]) + 1 + len(piece) <= max_chars:
            result[-1] += " " + piece
        else:
            result.append(piece)
    return result


def pause_ends(clip: AudioSegment) -> list[int]:
    """Where the voice resumes after each pause of at least ``PAUSE_MS`` inside ``clip`` (its
    edges are not pauses), in ms, measured over 10 ms frames."""
    width = clip.frame_width
    step = int(clip.frame_rate * _FRAME_MS / 1000) * width
    data = clip.raw_data
    frames = len(data) // step if step else 0
    level = clip.rms
    if frames < 3 or level == 0:
        return []
    threshold = level * 10 ** (-PAUSE_BELOW_DB / 20)
    ends: list[int] = []
    run = 0
    for i in range(frames):
        if audioop.rms(data[i * step : (i + 1) * step], clip.sample_width) < threshold:
            run += 1
            continue
        if run * _FRAME_MS >= PAUSE_MS and run < i:  # a run that began at frame 0 is the clip's edge
            ends.append(i * _FRAME_MS)
        run = 0
    return ends


def decode_clip(path: Path, sample_rate_hz: int, channels: int) -> AudioSegment:
    """Decode an engine's file (format probed by ffmpeg) and trim edge silence."""
    with path.open("rb") as fh:
        head = fh.read(12)
    # A RIFF/WAVE header is read in-process; anything else is probed by ffmpeg.
    sniffed = "wav" if head[:4] == b"RIFF" and head[8:12] == b"WAVE" else None
    try:
        clip = AudioSegment.from_file(str(path), format=sniffed)
    except (CouldntDecodeError, IndexError, OSError) as exc:
        raise EngineError(f"the engine wrote audio ffmpeg cannot decode ({path.name}): {exc}") from None
    if len(clip) < 50:
        raise EmptyAudioError(f"the engine wrote an empty clip ({path.name})")
    clip = clip.set_frame_rate(sample_rate_hz).set_channels(channels).set_sample_width(2)
    return trim_silence(clip)


def trim_silence(clip: AudioSegment, threshold_db: float = -50.0) -> AudioSegment:
    start = max(0, detect_leading_silence(clip, silence_threshold=threshold_db) - EDGE_SILENCE_KEEP_MS)
    end = max(0, detect_leading_silence(clip.reverse(), silence_threshold=threshold_db) - EDGE_SILENCE_KEEP_MS)
    trimmed = clip[start : len(clip) - end]
    return trimmed if len(trimmed) >= 50 else clip
