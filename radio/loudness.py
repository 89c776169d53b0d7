"""Loudness: measure (EBU R128 / ITU-R BS.1770 via ffmpeg's ebur128 filter,
true peak included) and bring the whole programme to its target while it is
encoded to MP3.

The programme is normalised as a whole, never segment by segment: a gain to
the target, then a true-peak limiter (run at 4x the sample rate so it sees
inter-sample peaks). The decoded MP3 is measured again and the gain corrected
until it lands within tolerance.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from radio.errors import AudioError
from radio.models import Loudness
from radio.tools import run

TOLERANCE_LU = 0.3
MAX_PASSES = 4
_I = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")
_LRA = re.compile(r"LRA:\s+(-?[\d.]+) LU")
_PEAK = re.compile(r"Peak:\s+(-?[\d.]+|-inf) dBFS")


@dataclass(frozen=True)
class EncodeSettings:
    target_lufs: float
    max_true_peak_dbtp: float
    bitrate_kbps: int
    sample_rate_hz: int
    channels: int


def measure(path: Path) -> Loudness:
    """Integrated loudness, true peak and loudness range of a decoded file."""
    proc = run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        "measuring loudness",
    )
    summary = proc.stderr[proc.stderr.rfind("Summary:") :]
    found_i, found_peak = _I.search(summary), _PEAK.search(summary)
    if not found_i or not found_peak:
        raise AudioError(f"could not read a loudness measurement of {path.name}")
    lra = _LRA.search(summary)
    return Loudness(
        integrated_lufs=_number(found_i.group(1)),
        true_peak_dbtp=_number(found_peak.group(1)),
        range_lu=float(lra.group(1)) if lra else 0.0,
    )


def _number(text: str) -> float:
    return -math.inf if text == "-inf" else float(text)


def encode_mp3(wav: Path, mp3: Path, settings: EncodeSettings) -> Loudness:
    """Encode ``wav`` to ``mp3`` at the loudness target; return the MP3's measurement."""
    source = measure(wav)
    if source.integrated_lufs == -math.inf:
        raise AudioError("the programme is silent; the engine produced no audible speech")
    gain_db = settings.target_lufs - source.integrated_lufs
    ceiling_db = settings.max_true_peak_dbtp - 1.0  # headroom for the MP3 encoder's overshoot
    result = source
    for _ in range(MAX_PASSES):
        _encode(wav, mp3, gain_db, ceiling_db, settings)
        result = measure(mp3)
        loud_ok = abs(result.integrated_lufs - settings.target_lufs) <= TOLERANCE_LU
        peak_ok = result.true_peak_dbtp <= settings.max_true_peak_dbtp
        if loud_ok and peak_ok:
            return result
        if not peak_ok:
            ceiling_db -= result.true_peak_dbtp - settings.max_true_peak_dbtp + 0.3
        gain_db += settings.target_lufs - result.integrated_lufs
    return result


def _encode(wav: Path, mp3: Path, gain_db: float, ceiling_db: float, settings: EncodeSettings) -> None:
    rate = settings.sample_rate_hz
    limit = max(0.0625, min(1.0, 10 ** (ceiling_db / 20)))
    chain = (
        f"volume={gain_db:.3f}dB,aresample={rate * 4},"
        f"alimiter=limit={limit:.5f}:attack=2:release=60:level=disabled,aresample={rate}"
    )
    run(
        [
            "ffmpeg", "-hide_banner", "-nostats", "-y", "-i", str(wav), "-af", chain,
            "-ar", str(rate), "-ac", str(settings.channels),
            "-c:a", "libmp3lame", "-b:a", f"{settings.bitrate_kbps}k",
            "-id3v2_version", "3", "-write_id3v1", "0", "-f", "mp3", str(mp3),
        ],
        "encoding the MP3",
    )
