"""Loudness: measure (EBU R128 / ITU-R BS.1770 via ffmpeg's ebur128 filter,
true peak included) and bring the whole programme to its target while it is
encoded to MP3.

The programme is normalised as a whole, never segment by segment: a gain to
the target, then a peak limiter with a ceiling below the true-peak limit
(headroom for inter-sample peaks and the MP3 encoder). The decoded MP3 is
measured again, true peak included, and the gain or ceiling corrected until
it lands within tolerance.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from radio.errors import AudioError
from radio.models import Loudness
from radio.tools import run

TOLERANCE_LU = 0.5  # retry threshold; the quality report allows 1 LU
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


def measure(path: Path, true_peak: bool = True) -> Loudness:
    """Integrated loudness, true peak and loudness range of a decoded file.

    Without ``true_peak`` the (slower, 4x oversampled) peak meter is skipped
    and ``true_peak_dbtp`` is NaN.
    """
    meter = "ebur128=peak=true" if true_peak else "ebur128"
    proc = run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", meter, "-f", "null", "-"],
        "measuring loudness",
    )
    summary = proc.stderr[proc.stderr.rfind("Summary:") :]
    found_i, found_peak = _I.search(summary), _PEAK.search(summary)
    if not found_i or (true_peak and not found_peak):
        raise AudioError(f"could not read a loudness measurement of {path.name}")
    lra = _LRA.search(summary)
    return Loudness(
        integrated_lufs=_number(found_i.group(1)),
        true_peak_dbtp=_number(found_peak.group(1)) if found_peak else math.nan,
        range_lu=float(lra.group(1)) if lra else 0.0,
    )


def _number(text: str) -> float:
    return -math.inf if text == "-inf" else float(text)


def encode_mp3(wav: Path, mp3: Path, settings: EncodeSettings) -> Loudness:
    """Encode ``wav`` to ``mp3`` at the loudness target; return the MP3's measurement."""
    source = measure(wav, true_peak=False)
    if source.integrated_lufs == -math.inf:
        raise AudioError("the programme is silent; the engine produced no audible speech")
    ceiling_db = settings.max_true_peak_dbtp - 1.5  # headroom for inter-sample and MP3 overshoot
    gain_db = limited_gain_for(wav, settings.target_lufs - source.integrated_lufs, settings.target_lufs, ceiling_db)
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
        gain_db += (settings.target_lufs - result.integrated_lufs) * 1.5  # limiting eats part of any gain
    return result


CANDIDATE_STEPS_DB = (0.0, 1.5, 3.0, 4.5, 6.0)


def limited_gain_for(wav: Path, naive_gain_db: float, target_lufs: float, ceiling_db: float) -> float:
    """The gain that lands on ``target_lufs`` after the limiter.

    Limiting takes back part of any gain, so several candidate gains go
    through gain + limiter + loudness meter in one ffmpeg run (the file is
    decoded once), and the answer is interpolated between them.
    """
    gains = [naive_gain_db + step for step in CANDIDATE_STEPS_DB]
    limit = max(0.0625, min(1.0, 10 ** (ceiling_db / 20)))
    labels = "".join(f"[c{i}]" for i in range(len(gains)))
    chains = ";".join(f"[c{i}]volume={g:.3f}dB,{_limiter(limit)},ebur128@g{i}[o{i}]" for i, g in enumerate(gains))
    outputs = [arg for i in range(len(gains)) for arg in ("-map", f"[o{i}]", "-f", "null", "-")]
    proc = run(
        [
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-i",
            str(wav),
            "-filter_complex",
            f"[0:a]asplit={len(gains)}{labels};{chains}",
            *outputs,
        ],
        "measuring loudness",
    )
    loudness = []
    for i in range(len(gains)):
        block = proc.stderr[proc.stderr.rfind(f"[ebur128@g{i} ") :]
        found = _I.search(block)
        loudness.append(_number(found.group(1)) if found else -math.inf)
    points = sorted(zip(loudness, gains, strict=True))
    for (l0, g0), (l1, g1) in itertools.pairwise(points):
        if l0 <= target_lufs <= l1 and l1 > l0:
            return g0 + (g1 - g0) * (target_lufs - l0) / (l1 - l0)
    (l0, g0), (l1, g1) = points[-2], points[-1]  # beyond the candidates: extrapolate
    slope = (g1 - g0) / (l1 - l0) if l1 > l0 else 1.0
    return g1 + slope * (target_lufs - l1) if target_lufs > l1 else points[0][1] - (points[0][0] - target_lufs)


def _limiter(limit: float) -> str:
    return f"alimiter=limit={limit:.5f}:attack=2:release=60:level=disabled"


def _encode(wav: Path, mp3: Path, gain_db: float, ceiling_db: float, settings: EncodeSettings) -> None:
    rate = settings.sample_rate_hz
    limit = max(0.0625, min(1.0, 10 ** (ceiling_db / 20)))
    chain = f"volume={gain_db:.3f}dB,{_limiter(limit)}"
    run(
        [
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-y",
            "-i",
            str(wav),
            "-af",
            chain,
            "-ar",
            str(rate),
            "-ac",
            str(settings.channels),
            "-c:a",
            "libmp3lame",
            "-b:a",
            f"{settings.bitrate_kbps}k",
            "-id3v2_version",
            "3",
            "-write_id3v1",
            "0",
            "-f",
            "mp3",
            str(mp3),
        ],
        "encoding the MP3",
    )
