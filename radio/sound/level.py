"""Level per voice: before mixing, bring every voice to the anchor's loudness,
so no quoted speaker is noticeably louder or quieter than the anchor.

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
from collections import Counter
from collections.abc import Sequence
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
