"""Level per voice: before mixing, bring every voice to the anchor's loudness,
so no quoted speaker is noticeably louder or quieter than the anchor.

``level_stream`` is what the pipeline uses: the programme is mixed clip by clip
(memory stays flat), so each voice's gain is set from its first clips (at least
``MIN_MEASURED_MS`` of them) and kept for the rest of the episode; clips wait
only until their voice has been measured. ``level_voices`` measures each voice
over all its clips, for callers that hold them all.

Each voice is measured once over all its clips (integrated loudness, ITU-R
BS.1770 through ffmpeg's ``ebur128``, the same meter as the programme) and
gets one gain, so a speaker's own dynamics are kept. If a gain would push a
clip's peak past the headroom, every voice (the anchor too) comes down by the
same amount: the balance between voices is what matters here; the programme's
loudness stage sets the final level.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from pydub import AudioSegment

from radio.errors import AudioError
from radio.models import Script
from radio.tools import require

TOLERANCE_LU = 0.5  # closer than this, a voice is left alone
MAX_GAIN_DB = 20.0  # a voice this far off is broken, not quiet; the report's silence checks catch it
PEAK_CEILING_DBFS = -0.5
MIN_MEASURED_MS = 500  # the meter's gating needs at least one 400 ms block
_INTEGRATED = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")


def voice_loudness(clips: Sequence[AudioSegment]) -> float | None:
    """Integrated loudness (LUFS) of clips heard one after another, or None if too short or silent."""
    if not clips or sum(len(c) for c in clips) < MIN_MEASURED_MS:
        return None
    joined = sum(clips[1:], clips[0]).set_sample_width(2)
    command = [require("ffmpeg"), "-hide_banner", "-nostats", "-f", "s16le", "-ar", str(joined.frame_rate)]
    command += ["-ac", str(joined.channels), "-i", "pipe:0", "-af", "ebur128", "-f", "null", "-"]
    try:  # raw samples through a pipe: no file to write
        proc = subprocess.run(command, input=joined.raw_data, capture_output=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        raise AudioError("measuring a voice's loudness took longer than 300 s") from None
    log = proc.stderr.decode("utf-8", errors="replace")
    found = _INTEGRATED.search(log[log.rfind("Summary:") :])
    if proc.returncode != 0 or found is None:
        raise AudioError(f"ffmpeg could not measure a voice's loudness: {log.strip().splitlines()[-1:]}")
    measured = float(found.group(1))
    return measured if math.isfinite(measured) else None


def anchor_voice(script: Script) -> str:
    """The voice that reads the anchor's lines (the most used one among them)."""
    voices = Counter(s.voice for s in script.segments if s.kind != "quote") or Counter(s.voice for s in script.segments)
    return voices.most_common(1)[0][0]


def level_voices(script: Script, clips: list[AudioSegment]) -> list[AudioSegment]:
    """Return the clips with one gain per voice, each voice at the anchor's loudness."""
    by_voice: dict[str, list[int]] = {}
    for index, segment in enumerate(script.segments):
        by_voice.setdefault(segment.voice, []).append(index)
    if len(by_voice) < 2:
        return clips
    with ThreadPoolExecutor(max_workers=2) as pool:  # one ffmpeg meter per voice, two at a time
        found = pool.map(lambda idx: voice_loudness([clips[i] for i in idx]), by_voice.values())
        measured = dict(zip(by_voice, found, strict=True))
    reference = measured.get(anchor_voice(script))
    if reference is None:
        return clips
    gains = {
        voice: max(-MAX_GAIN_DB, min(MAX_GAIN_DB, reference - lufs))
        for voice, lufs in measured.items()
        if lufs is not None
    }
    peaks = [clips[i].max_dBFS + gains[v] for v, idx in by_voice.items() if v in gains for i in idx]
    overshoot = max(0.0, max(peaks) - PEAK_CEILING_DBFS) if peaks else 0.0
    leveled = list(clips)
    for voice, idx in by_voice.items():
        gain = gains.get(voice, 0.0) - overshoot
        if abs(gain) < TOLERANCE_LU:
            continue
        for i in idx:
            leveled[i] = clips[i].apply_gain(gain)
    return leveled


def level_stream(script: Script, clips: Iterable[AudioSegment]) -> Iterator[AudioSegment]:
    """Yield ``clips`` (one per segment of ``script``, in order) with one gain per
    voice, each voice at the anchor's loudness, keeping the order.

    A voice is measured over its first clips until they last ``MIN_MEASURED_MS``
    (or over all of them, when it says less); clips wait only until their voice
    and the anchor's are measured. A gain is capped so no clip passes the peak
    headroom; the programme's loudness stage sets the final level.
    """
    anchor = anchor_voice(script)
    voices = [s.voice for s in script.segments]
    left = Counter(voices)
    measured: dict[str, float | None] = {}  # voice -> integrated loudness (None: too short or silent)
    held: dict[str, list[AudioSegment]] = {}  # clips of voices not measured yet
    queue: deque[tuple[str, AudioSegment]] = deque()

    def gain(voice: str) -> float | None:
        if voice not in measured or anchor not in measured:
            return None
        reference, lufs = measured[anchor], measured[voice]
        if voice == anchor or reference is None or lufs is None:
            return 0.0
        return max(-MAX_GAIN_DB, min(MAX_GAIN_DB, reference - lufs))

    def measure(voice: str) -> None:
        measured[voice] = voice_loudness(held.pop(voice, []))

    for index, clip in enumerate(clips):
        voice = voices[index]
        left[voice] -= 1
        queue.append((voice, clip))
        if voice not in measured:
            held.setdefault(voice, []).append(clip)
            if left[voice] == 0 or sum(len(c) for c in held[voice]) >= MIN_MEASURED_MS:
                measure(voice)
        while queue and (g := gain(queue[0][0])) is not None:
            yield _with_gain(queue.popleft()[1], g)
    for voice in list(held):
        measure(voice)
    measured.setdefault(anchor, None)
    for voice, clip in queue:
        yield _with_gain(clip, gain(voice) or 0.0)


def _with_gain(clip: AudioSegment, gain_db: float) -> AudioSegment:
    if gain_db > 0 and clip.max_dBFS + gain_db > PEAK_CEILING_DBFS:
        gain_db = max(0.0, PEAK_CEILING_DBFS - clip.max_dBFS)
    return clip if abs(gain_db) < TOLERANCE_LU else clip.apply_gain(gain_db)
