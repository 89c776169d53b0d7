"""Voice: synthesize every segment with the engine and decode what it wrote.

The engine's file extension is never trusted: ffmpeg probes the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError
from pydub.silence import detect_leading_silence

from radio.errors import EngineError
from radio.models import Script
from radio.sound.engines import EmptyAudioError, Engine, quoted
from radio.tools import require
from radio.words.sentences import SENTENCE_END

if TYPE_CHECKING:
    from radio.sound.cache import SegmentCache

EDGE_SILENCE_KEEP_MS = 40  # engines pad clips with silence; the mix sets pauses itself
EMPTY_ATTEMPTS = 2  # an empty clip is voiced once more before the segment fails


def voice_script(
    script: Script,
    engine: Engine,
    workdir: Path,
    sample_rate_hz: int,
    channels: int,
    progress: Callable[[int, int], None] | None = None,
    cache: SegmentCache | None = None,
) -> list[AudioSegment]:
    """Return one decoded clip per segment, in order (with a ``cache``: see ``voice_clips``)."""
    return list(voice_clips(script, engine, workdir, sample_rate_hz, channels, progress, cache))


def voice_clips(
    script: Script,
    engine: Engine,
    workdir: Path,
    sample_rate_hz: int,
    channels: int,
    progress: Callable[[int, int], None] | None = None,
    cache: SegmentCache | None = None,
) -> Iterator[AudioSegment]:
    """Yield one decoded clip per segment, in order, each as soon as it is voiced
    (the mix writes it out before the next is made: memory stays flat). With a ``cache``, text
    voiced before (same engine, version, voice, rate and format) is taken from it and new clips
    are stored in it."""
    require("ffmpeg")
    for voice in sorted({s.voice for s in script.segments}):
        engine.check_voice(voice)
    for number, segment in enumerate(script.segments, start=1):
        pieces = []
        for part, text in enumerate(chunks(segment.spoken, engine.max_chars_per_call)):
            key = cache.key(text, segment.voice, engine, sample_rate_hz, channels) if cache is not None else ""
            clip = cache.get(key) if cache is not None else None
            if clip is None:
                path = workdir / f"segment-{number:03d}-{part:02d}.audio"
                clip = voice_piece(engine, text, segment.voice, path, sample_rate_hz, channels)
                if cache is not None:
                    cache.put(key, clip)
            pieces.append(clip)
        clip = sum(pieces[1:], pieces[0])
        del pieces
        if progress:
            progress(number, len(script.segments))
        yield clip
    if cache is not None:
        cache.evict()


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
    for splitter in (SENTENCE_END, _CLAUSE_END, re.compile(r"\s+")):
        pieces = [p for p in splitter.split(text) if p.strip()]
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
