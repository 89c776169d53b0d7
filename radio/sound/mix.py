"""Mix: lay the voiced segments on a timeline with pauses, the intro sting
with its bed ducked under the anchor's opening, and the outro bed rising
after the sign-off.
"""

from __future__ import annotations

import audioop  # as pydub uses it (the audioop-lts package on Python >= 3.13)
import math
from array import array
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pydub import AudioSegment

from radio import asset
from radio.config import Settings
from radio.models import Placement, Script, SilenceProfile
from radio.tools import run

RAMP_MS = 400  # duck / unduck ramp
INTRO_VOICE_AT_MS = 3000  # the anchor comes in over the sting
INTRO_TAIL_MS = 700  # bed fades out under the end of the intro line
OUTRO_LEAD_MS = 1200  # outro bed rises before the sign-off
OUTRO_TAIL_MS = 3500  # bed plays out after the sign-off


@dataclass(frozen=True)
class Programme:
    """The mixed programme, written once to a raw 16-bit PCM file (s16le at the settings'
    rate and channels: no header, so no 4 GB limit), before loudness and encoding.

    Nothing of it stays in memory: the levels the report needs (silences, each
    segment's level, the overall RMS) are measured while it is written.
    """

    pcm_path: Path
    frames: int
    sample_rate_hz: int
    placements: tuple[Placement, ...]
    parts_frames: int  # what the parts add up to: pauses, clips, intro and outro music
    rms_dbfs: float  # plain RMS level of the whole programme
    silences: SilenceProfile

    @property
    def duration_ms(self) -> int:
        return round(self.frames * 1000 / self.sample_rate_hz)

    @property
    def expected_ms(self) -> int:
        return round(self.parts_frames * 1000 / self.sample_rate_hz)


def load_bed(name: str, sample_rate_hz: int, channels: int) -> AudioSegment:
    """Decode a shipped music bed straight to raw PCM (one ffmpeg run, no probe)."""
    proc = run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(asset(name)),
            "-f",
            "s16le",
            "-ac",
            str(channels),
            "-ar",
            str(sample_rate_hz),
            "-",
        ],
        f"decoding the music bed {name}",
        binary=True,
    )
    return AudioSegment(data=proc.stdout, sample_width=2, frame_rate=sample_rate_hz, channels=channels)


def pause_before(script: Script, index: int, settings: Settings) -> int:
    """Silence before segment ``index``: longer between paragraphs than within one."""
    if index == 0:
        return settings.lead_in_ms
    previous, current = script.segments[index - 1], script.segments[index]
    if current.paragraph == previous.paragraph >= 0:
        return settings.pause_within_paragraph_ms
    return settings.pause_between_paragraphs_ms


def _duck(bed: AudioSegment, start_ms: int, end_ms: int, duck_db: float) -> AudioSegment:
    """Lower ``bed`` by ``duck_db`` between start and end, with ramps either side."""
    start_ms = max(0, start_ms)
    down_at = max(0, start_ms - RAMP_MS)
    up_end = min(len(bed), end_ms + RAMP_MS)
    head = bed[:down_at]
    down = bed[down_at:start_ms].fade(from_gain=0, to_gain=duck_db, start=0, duration=max(1, start_ms - down_at))
    under = bed[start_ms:end_ms] + duck_db
    up = bed[end_ms:up_end].fade(from_gain=duck_db, to_gain=0, start=0, duration=max(1, up_end - end_ms))
    return head + down + under + up + bed[up_end:]


@dataclass(frozen=True)
class Beds:
    """The decoded music beds a script needs (None where it has no intro or outro)."""

    intro: AudioSegment | None
    outro: AudioSegment | None


def load_beds(script: Script, settings: Settings) -> Beds:
    """Decode the intro and outro beds, side by side (two ffmpeg runs)."""
    rate, channels = settings.sample_rate_hz, settings.channels
    has_intro = script.segments[0].kind == "intro"
    has_outro = script.segments[-1].kind == "outro" and len(script.segments) > 1
    with ThreadPoolExecutor(max_workers=2) as pool:
        intro = pool.submit(load_bed, "intro.ogg", rate, channels) if has_intro else None
        outro = pool.submit(load_bed, "outro.ogg", rate, channels) if has_outro else None
        return Beds(intro.result() if intro else None, outro.result() if outro else None)


def assemble(
    script: Script,
    clips: Iterable[AudioSegment],
    settings: Settings,
    beds: Beds | None = None,
    pcm_path: Path | None = None,
) -> Programme:
    """Write the mixed programme to ``pcm_path`` clip by clip, as the clips arrive; return
    where each segment sits on it. Only one clip and its music are in memory at a time."""
    if pcm_path is None:
        raise ValueError("assemble needs the file to write the programme to")
    rate, channels = settings.sample_rate_hz, settings.channels
    duck = settings.music_bed_duck_db
    beds = beds or load_beds(script, settings)
    last = len(script.segments) - 1
    placements: list[Placement] = []
    segment_dbfs: list[float] = []
    parts = 0
    with pcm_path.open("wb") as out:
        meter = _WindowMeter(rate, channels)
        for index, clip in enumerate(clips):
            pause_frames = frames_of(pause_before(script, index, settings), rate)
            if index == 0 and beds.intro is not None:
                block, voice_at = _intro_block(clip, beds.intro, duck)
                music_ms = INTRO_VOICE_AT_MS, INTRO_TAIL_MS
            elif index == last and index > 0 and beds.outro is not None:
                block, voice_at = _outro_block(clip, beds.outro, duck)
                music_ms = OUTRO_LEAD_MS, OUTRO_TAIL_MS
            else:
                block, voice_at, music_ms = clip, 0, (0, 0)
            # the parts, counted apart from the audio written: what the programme's length must be
            parts += pause_frames + int(clip.frame_count()) + sum(frames_of(ms, rate) for ms in music_ms)
            start_frame = meter.frames + pause_frames + frames_of(voice_at, rate)
            start_ms = round(start_frame * 1000 / rate)
            placements.append(Placement(index, start_ms, start_ms + len(clip)))
            segment_dbfs.append(block[voice_at : voice_at + len(clip)].dBFS)
            silence = b"\0" * (pause_frames * 2 * channels)
            for data in (silence, block.raw_data):
                out.write(data)
                meter.add(data)
        meter.finish()
    if len(placements) != len(script.segments):
        raise ValueError(f"{len(placements)} clips for {len(script.segments)} segments")
    return Programme(
        pcm_path=pcm_path,
        frames=meter.frames,
        sample_rate_hz=rate,
        placements=tuple(placements),
        parts_frames=parts,
        rms_dbfs=meter.rms_dbfs,
        silences=meter.silences(segment_dbfs),
    )


def frames_of(ms: int, rate: int) -> int:
    """Frames in ``ms`` milliseconds, as pydub counts them."""
    return int(ms * rate / 1000)


def _fit(block: AudioSegment, frames: int) -> AudioSegment:
    """``block`` cut or padded with silence to exactly ``frames`` frames (ms slicing may
    be a frame or two off; the programme's length must be the sum of its parts)."""
    data = block.raw_data[: frames * block.frame_width]
    return block._spawn(data + b"\0" * (frames * block.frame_width - len(data)))


def _intro_block(voice: AudioSegment, bed: AudioSegment, duck_db: float) -> tuple[AudioSegment, int]:
    length = INTRO_VOICE_AT_MS + len(voice) + INTRO_TAIL_MS
    bed = _duck(_looped(bed, length), INTRO_VOICE_AT_MS, length, duck_db)
    bed = bed.fade_out(min(1500, len(voice)))
    rate = voice.frame_rate
    frames = frames_of(INTRO_VOICE_AT_MS, rate) + int(voice.frame_count()) + frames_of(INTRO_TAIL_MS, rate)
    return _fit(bed.overlay(voice, position=INTRO_VOICE_AT_MS), frames), INTRO_VOICE_AT_MS


def _outro_block(voice: AudioSegment, bed: AudioSegment, duck_db: float) -> tuple[AudioSegment, int]:
    length = OUTRO_LEAD_MS + len(voice) + OUTRO_TAIL_MS
    bed = _looped(bed, length)
    bed = _duck(bed, 0, OUTRO_LEAD_MS + len(voice), duck_db).fade_in(OUTRO_LEAD_MS).fade_out(1500)
    rate = voice.frame_rate
    frames = frames_of(OUTRO_LEAD_MS, rate) + int(voice.frame_count()) + frames_of(OUTRO_TAIL_MS, rate)
    return _fit(bed.overlay(voice, position=OUTRO_LEAD_MS), frames), OUTRO_LEAD_MS


def _looped(bed: AudioSegment, length_ms: int) -> AudioSegment:
    """Repeat ``bed`` until it lasts ``length_ms``, then cut it there."""
    looped = bed
    while len(looped) < length_ms:
        looped += bed
    return looped[:length_ms]


SILENCE_WINDOW_MS = 50
SILENCE_BELOW_DB = 35.0  # a window this far below the programme's average level counts as silence


def _dbfs(rms: float) -> float:
    return 20 * math.log10(rms / 32768) if rms > 0 else -math.inf


class _WindowMeter:
    """The RMS of each 50 ms window of the programme (window k spans the frames pydub's
    ``audio[50k : 50k + 50]`` would), measured as the programme is written."""

    def __init__(self, rate: int, channels: int) -> None:
        self.rate, self.frame_bytes = rate, 2 * channels
        self.frames = 0
        self.window_rms = array("l")  # 20 a second: 1.1 MB for a two-hour programme
        self._pending = bytearray()
        self._sum_squares = 0.0

    def _window_end(self, k: int) -> int:
        return frames_of((k + 1) * SILENCE_WINDOW_MS, self.rate)

    def add(self, data: bytes) -> None:
        view, at = memoryview(data), 0
        self.frames += len(data) // self.frame_bytes
        while at < len(view):
            start_frame = frames_of(len(self.window_rms) * SILENCE_WINDOW_MS, self.rate)
            need = (self._window_end(len(self.window_rms)) - start_frame) * self.frame_bytes - len(self._pending)
            take = view[at : at + need]
            self._pending += take
            at += len(take)
            if len(take) == need:
                self._close_window()

    def _close_window(self) -> None:
        rms = audioop.rms(bytes(self._pending), 2) if self._pending else 0
        self._sum_squares += float(rms) ** 2 * (len(self._pending) // 2)
        self.window_rms.append(rms)
        self._pending.clear()

    def finish(self) -> None:
        if self._pending:
            self._close_window()

    @property
    def rms_dbfs(self) -> float:
        samples = self.frames * self.frame_bytes // 2
        return _dbfs(math.sqrt(self._sum_squares / samples)) if samples else -math.inf

    def silences(self, segment_dbfs: list[float]) -> SilenceProfile:
        threshold = self.rms_dbfs - SILENCE_BELOW_DB
        quiet = [_dbfs(rms) < threshold for rms in self.window_rms]
        runs: list[tuple[int, int]] = []  # (start window, length) of each silent run
        for i, silent in enumerate(quiet):
            if silent:
                if runs and runs[-1][0] + runs[-1][1] == i:
                    runs[-1] = (runs[-1][0], runs[-1][1] + 1)
                else:
                    runs.append((i, 1))
        leading = runs[0][1] if runs and runs[0][0] == 0 else 0
        trailing = runs[-1][1] if runs and sum(runs[-1]) == len(quiet) else 0
        inside = [n for start, n in runs if start != 0 and start + n != len(quiet)]
        return SilenceProfile(
            leading_ms=leading * SILENCE_WINDOW_MS,
            trailing_ms=trailing * SILENCE_WINDOW_MS,
            longest_inside_ms=max(inside, default=0) * SILENCE_WINDOW_MS,
            quietest_segment_dbfs=min(segment_dbfs, default=0.0),
        )


def expected_duration_ms(script: Script, clip_ms: Sequence[int], settings: Settings) -> int:
    """The programme's length from its parts: pauses, clips, intro and outro music."""
    total = sum(pause_before(script, i, settings) for i in range(len(clip_ms))) + sum(clip_ms)
    if script.segments[0].kind == "intro":
        total += INTRO_VOICE_AT_MS + INTRO_TAIL_MS
    if script.segments[-1].kind == "outro" and len(clip_ms) > 1:
        total += OUTRO_LEAD_MS + OUTRO_TAIL_MS
    return total
