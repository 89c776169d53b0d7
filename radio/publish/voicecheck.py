"""Voice check: pitch and loudness per speaker, and whether a listener can tell
the quoted voices from the anchor's.

Pitch is the median fundamental frequency of the voiced frames, found by a
small autocorrelation tracker on 8 kHz samples: each 40 ms frame is correlated
with the signal at every lag for 70-400 Hz (``audioop``, in C); the shortest lag
whose normalised correlation peaks within 10 % of the best is the period, and
only frames that are loud and repeat well (correlation >= 0.75) count as voiced.
The median over frames absorbs the odd octave slip.

The check fails an episode when a quote voice's median pitch is within 10 % of
the anchor's at the same accent (two espeak-ng variants of one accent within
that band sound like one person).
"""

from __future__ import annotations

import audioop  # pydub's own dependency (audioop-lts on Python >= 3.13)
import dataclasses
import math
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pydub import AudioSegment

from radio.models import Script
from radio.sound.mix import loudness_of

ANALYSIS_RATE_HZ = 8000
FRAME_MS = 40
HOP_MS = 40
MIN_PITCH_HZ = 70
MAX_PITCH_HZ = 400
MIN_CORRELATION = 0.75
MAX_ANALYSED_MS = 20_000  # per voice: enough for a stable median
PITCH_BAND = 0.10  # a quote voice within 10 % of the anchor's median pitch, same accent: too alike


@dataclass(frozen=True)
class VoiceMeasure:
    """What one voice sounds like in an episode."""

    voice: str
    speakers: tuple[str, ...]  # who speaks with it ("anchor" for the anchor)
    median_pitch_hz: float | None  # None when too little voiced speech
    loudness_lufs: float | None
    accent: str


def median_pitch_hz(clip: AudioSegment) -> float | None:
    """Median fundamental frequency of the voiced frames of ``clip``, or None."""
    mono = clip.set_channels(1).set_sample_width(2)[:MAX_ANALYSED_MS]
    data, _ = audioop.ratecv(mono.raw_data, 2, 1, mono.frame_rate, ANALYSIS_RATE_HZ, None)
    samples = len(data) // 2
    frame = ANALYSIS_RATE_HZ * FRAME_MS // 1000
    hop = ANALYSIS_RATE_HZ * HOP_MS // 1000
    min_lag = ANALYSIS_RATE_HZ // MAX_PITCH_HZ
    max_lag = ANALYSIS_RATE_HZ // MIN_PITCH_HZ
    loudest = audioop.rms(data, 2)
    if loudest == 0:
        return None
    pitches = []
    for start in range(0, samples - frame - max_lag, hop):
        ref = data[2 * start : 2 * (start + frame)]
        ref_rms = audioop.rms(ref, 2)
        if ref_rms < 0.5 * loudest:  # silence, breath and most unvoiced consonants
            continue
        period = _period(data, start, frame, ref, ref_rms, min_lag, max_lag)
        if period:
            pitches.append(ANALYSIS_RATE_HZ / period)
    if len(pitches) < 10:
        return None
    return statistics.median(pitches)


def _period(data: bytes, start: int, frame: int, ref: bytes, ref_rms: int, min_lag: int, max_lag: int) -> float:
    """The frame's period in samples (0 if it does not repeat): the shortest lag whose
    normalised correlation is a local peak within 10 % of the best, refined by a parabola."""
    scores = []
    for lag in range(min_lag - 1, max_lag + 2):
        shifted = data[2 * (start + lag) : 2 * (start + lag + frame)]
        shifted_rms = audioop.rms(shifted, 2)
        scores.append(audioop.findfactor(shifted, ref) * ref_rms / shifted_rms if shifted_rms else 0.0)
    best = max(scores[1:-1])
    if best < MIN_CORRELATION:
        return 0.0
    for i in range(1, len(scores) - 1):
        left, here, right = scores[i - 1], scores[i], scores[i + 1]
        if here >= 0.9 * best and here >= left and here >= right:
            bend = left - 2 * here + right
            shift = 0.5 * (left - right) / bend if bend else 0.0
            return min_lag - 1 + i + shift
    return 0.0


def accent_of(voice: str) -> str:
    """The accent part of a voice id: the espeak-ng language without its variant,
    or the Piper model without speaker and shift."""
    base = voice.split("+", 1)[0].split("@", 1)[0].split("#", 1)[0]
    return base.rsplit("/", 1)[-1]


def measure_voices(script: Script, clips: Sequence[AudioSegment]) -> list[VoiceMeasure]:
    """Median pitch and integrated loudness of each voice in the episode (clips as voiced, in script order)."""
    by_voice: dict[str, list[AudioSegment]] = {}
    speakers: dict[str, list[str]] = {}
    for segment, clip in zip(script.segments, clips, strict=True):
        by_voice.setdefault(segment.voice, []).append(clip)
        who = segment.speaker or "anchor"
        if who not in speakers.setdefault(segment.voice, []):
            speakers[segment.voice].append(who)
    joined = {voice: sum(voice_clips[1:], voice_clips[0]) for voice, voice_clips in by_voice.items()}
    # every voice through one ffmpeg meter: a process start costs more than the metering
    loudness = dict(zip(joined, loudness_of([(clip, "") for clip in joined.values()]), strict=True))
    result = []
    for voice, clip in joined.items():
        pitch = median_pitch_hz(clip)
        lufs = loudness[voice]
        result.append(
            VoiceMeasure(
                voice,
                tuple(speakers[voice]),
                None if pitch is None else round(pitch, 1),
                None if lufs is None else round(lufs, 1),
                accent_of(voice),
            )
        )
    return result


def too_alike(measures: Sequence[VoiceMeasure], anchor_voice: str) -> list[str]:
    """Quote voices a listener could mistake for the anchor: same accent, median pitch within 10 %."""
    anchor = next((m for m in measures if m.voice == anchor_voice), None)
    if anchor is None or anchor.median_pitch_hz is None:
        return []
    problems = []
    for m in measures:
        if m.voice == anchor_voice or m.median_pitch_hz is None or m.accent != anchor.accent:
            continue
        ratio = m.median_pitch_hz / anchor.median_pitch_hz
        if abs(math.log(ratio)) < math.log(1 + PITCH_BAND):
            problems.append(
                f"{m.voice} ({', '.join(m.speakers)}) at {m.median_pitch_hz:.0f} Hz is within "
                f"{PITCH_BAND:.0%} of the anchor's {anchor.median_pitch_hz:.0f} Hz at the same accent"
            )
    return problems


def voice_report(measures: Sequence[VoiceMeasure], anchor_voice: str) -> dict[str, object]:
    """The report's voice section: a row per voice (pitch, loudness) and the distinctness check.

    In the quality report: ``voice_report(measure_voices(script, clips), level.anchor_voice(script))``
    with the clips as levelled; ``distinct_voices`` is a check like the others (fails the episode)."""
    problems = too_alike(measures, anchor_voice)
    return {
        "voices": [
            {
                "voice": m.voice,
                "speakers": list(m.speakers),
                "median_pitch_hz": m.median_pitch_hz,
                "loudness_lufs": m.loudness_lufs,
                "accent": m.accent,
            }
            for m in measures
        ],
        "distinct_voices": {"passed": not problems, "detail": "; ".join(problems) or "every quote voice stands apart"},
    }


class VoiceSampler:
    """Keeps the first ``MAX_ANALYSED_MS`` of each voice as the clips stream past
    to the mix (memory stays bounded however long the episode), for the report's
    voice check."""

    def __init__(self, script: Script, limit_ms: int = MAX_ANALYSED_MS) -> None:
        self.script = script
        self.limit_ms = limit_ms
        self.kept: dict[int, AudioSegment] = {}  # segment index -> clip
        self._kept_ms: dict[str, int] = {}

    def tap(self, clips: Iterable[AudioSegment]) -> Iterator[AudioSegment]:
        for index, clip in enumerate(clips):
            voice = self.script.segments[index].voice
            if self._kept_ms.get(voice, 0) < self.limit_ms:
                self.kept[index] = clip
                self._kept_ms[voice] = self._kept_ms.get(voice, 0) + len(clip)
            yield clip

    def measures(self) -> list[VoiceMeasure]:
        """Pitch and loudness of each voice over the clips kept."""
        if not self.kept:
            return []
        order = sorted(self.kept)
        sampled = dataclasses.replace(self.script, segments=tuple(self.script.segments[i] for i in order))
        return measure_voices(sampled, [self.kept[i] for i in order])
