"""Mix: lay the voiced segments on a timeline with pauses, the intro sting
with its bed ducked under the anchor's opening, and the outro bed rising
after the sign-off.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

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
    """The mixed programme, before loudness and encoding."""

    audio: AudioSegment
    placements: tuple[Placement, ...]


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


def assemble(script: Script, clips: list[AudioSegment], settings: Settings, beds: Beds | None = None) -> Programme:
    """Return the mixed programme and where each segment sits on it."""
    rate, channels = settings.sample_rate_hz, settings.channels
    duck = settings.music_bed_duck_db
    beds = beds or load_beds(script, settings)
    pieces: list[bytes] = []
    position_ms = 0
    placements: list[Placement] = []
    for index, clip in enumerate(clips):
        pause = AudioSegment.silent(duration=pause_before(script, index, settings), frame_rate=rate)
        pause = pause.set_channels(channels)
        if index == 0 and beds.intro is not None:
            block, voice_at = _intro_block(clip, beds.intro, duck)
        elif index == len(clips) - 1 and beds.outro is not None:
            block, voice_at = _outro_block(clip, beds.outro, duck)
        else:
            block, voice_at = clip, 0
        start = position_ms + len(pause) + voice_at
        placements.append(Placement(index, start, start + len(clip)))
        pieces += [pause.raw_data, block.raw_data]
        position_ms += len(pause) + len(block)
    audio = AudioSegment(data=b"".join(pieces), sample_width=2, frame_rate=rate, channels=channels)
    return Programme(audio, tuple(placements))


def _intro_block(voice: AudioSegment, bed: AudioSegment, duck_db: float) -> tuple[AudioSegment, int]:
    length = INTRO_VOICE_AT_MS + len(voice) + INTRO_TAIL_MS
    bed = _duck(_looped(bed, length), INTRO_VOICE_AT_MS, length, duck_db)
    bed = bed.fade_out(min(1500, len(voice)))
    return bed.overlay(voice, position=INTRO_VOICE_AT_MS), INTRO_VOICE_AT_MS


def _outro_block(voice: AudioSegment, bed: AudioSegment, duck_db: float) -> tuple[AudioSegment, int]:
    length = OUTRO_LEAD_MS + len(voice) + OUTRO_TAIL_MS
    bed = _looped(bed, length)
    bed = _duck(bed, 0, OUTRO_LEAD_MS + len(voice), duck_db).fade_in(OUTRO_LEAD_MS).fade_out(1500)
    return bed.overlay(voice, position=OUTRO_LEAD_MS), OUTRO_LEAD_MS


def _looped(bed: AudioSegment, length_ms: int) -> AudioSegment:
    """Repeat ``bed`` until it lasts ``length_ms``, then cut it there."""
    looped = bed
    while len(looped) < length_ms:
        looped += bed
    return looped[:length_ms]


SILENCE_WINDOW_MS = 50
SILENCE_BELOW_DB = 35.0  # a window this far below the programme's average level counts as silence


def silence_profile(programme: Programme) -> SilenceProfile:
    audio = programme.audio
    threshold = audio.dBFS - SILENCE_BELOW_DB
    quiet = [audio[i : i + SILENCE_WINDOW_MS].dBFS < threshold for i in range(0, len(audio), SILENCE_WINDOW_MS)]
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
    levels = [audio[p.start_ms : p.end_ms].dBFS for p in programme.placements]
    return SilenceProfile(
        leading_ms=leading * SILENCE_WINDOW_MS,
        trailing_ms=trailing * SILENCE_WINDOW_MS,
        longest_inside_ms=max(inside, default=0) * SILENCE_WINDOW_MS,
        quietest_segment_dbfs=min(levels, default=0.0),
    )


def expected_duration_ms(script: Script, clips: list[AudioSegment], settings: Settings) -> int:
    """The programme's length from its parts: pauses, clips, intro and outro music."""
    total = sum(pause_before(script, i, settings) for i in range(len(clips))) + sum(len(c) for c in clips)
    if script.segments[0].kind == "intro":
        total += INTRO_VOICE_AT_MS + INTRO_TAIL_MS
    if script.segments[-1].kind == "outro" and len(clips) > 1:
        total += OUTRO_LEAD_MS + OUTRO_TAIL_MS
    return total
