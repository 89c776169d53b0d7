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

import math
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from radio.errors import AudioError
from radio.models import Loudness
from radio.tools import child_options, program_failed, require, run, stopped_on_exit

TOLERANCE_LU = 0.5  # retry threshold; the quality report allows 1 LU
MAX_PASSES = 4
_I = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")
_LRA = re.compile(r"LRA:\s+(-?[\d.]+) LU")
# ebur128 logs a line per 100 ms of audio unless told to log them below ffmpeg's default level:
# captured, that log would grow with the programme (12 MB for two hours); the summary is all we read.
QUIET = "framelog=verbose"
_PEAK = re.compile(r"Peak:\s+(-?[\d.]+|-inf) dBFS")


@dataclass(frozen=True)
class EncodeSettings:
    target_lufs: float
    max_true_peak_dbtp: float
    bitrate_kbps: int
    sample_rate_hz: int
    channels: int


def measure(
    path: Path, true_peak: bool = True, raw: EncodeSettings | None = None, timeout_s: float = 600.0
) -> Loudness:
    """Integrated loudness, true peak and loudness range of a decoded file
    (of raw PCM at ``raw``'s rate and channels when it is a ``.pcm`` file).

    Without ``true_peak`` the (slower, 4x oversampled) peak meter is skipped
    and ``true_peak_dbtp`` is NaN.
    """
    meter = f"ebur128=peak=true:{QUIET}" if true_peak else f"ebur128={QUIET}"
    proc = run(
        ["ffmpeg", "-hide_banner", "-nostats", *_input(path, raw), "-af", meter, "-f", "null", "-"],
        "measuring loudness",
        timeout_s,
    )
    return _parse_summary(proc.stderr, path.name, true_peak)


def _input(path: Path, raw: EncodeSettings | None) -> list[str]:
    """ffmpeg's input options for ``path``: a ``.pcm`` file is raw 16-bit PCM (the mixed
    programme: no header, so no 4 GB limit) described by ``raw``; anything else is probed."""
    if path.suffix != ".pcm":
        return ["-i", str(path)]
    if raw is None:
        raise ValueError(f"{path.name} is raw PCM: its sample rate and channels are needed")
    return ["-f", "s16le", "-ar", str(raw.sample_rate_hz), "-ac", str(raw.channels), "-i", str(path)]


def _parse_summary(log: str, name: str, true_peak: bool) -> Loudness:
    summary = log[log.rfind("Summary:") :]
    found_i, found_peak = _I.search(summary), _PEAK.search(summary)
    if not found_i or (true_peak and not found_peak):
        raise AudioError(f"could not read a loudness measurement of {name}")
    lra = _LRA.search(summary)
    return Loudness(
        integrated_lufs=_number(found_i.group(1)),
        true_peak_dbtp=_number(found_peak.group(1)) if found_peak else math.nan,
        range_lu=float(lra.group(1)) if lra else 0.0,
    )


def _number(text: str) -> float:
    return -math.inf if text == "-inf" else float(text)


def encode_mp3(wav: Path, mp3: Path, settings: EncodeSettings, rms_dbfs: float | None = None) -> Loudness:
    """Encode ``wav`` (a WAV file, or raw 16-bit PCM at the settings' rate and channels
    when its name ends ``.pcm``) to ``mp3`` at the loudness target; return the MP3's measurement.

    Two steps, so that the final gain is a plain linear change: first gain a
    little past the target and limit the peaks (the limiter takes back part
    of the gain; how much is measured in the same pass), then encode with the
    small negative correction that lands on the target, which cannot raise a
    peak. ``rms_dbfs`` (the programme's plain RMS level, known to the mixer
    for free) is the first guess at its loudness; without it the file is
    measured first.
    """
    timeout_s = time_allowed_s(wav, settings)
    if rms_dbfs is None or not math.isfinite(rms_dbfs):
        rms_dbfs = measure(wav, true_peak=False, raw=settings, timeout_s=timeout_s).integrated_lufs
        if rms_dbfs == -math.inf:
            raise AudioError("the programme is silent; the engine produced no audible speech")
    ceiling_db = settings.max_true_peak_dbtp - 1.5  # headroom for inter-sample peaks and the MP3 encoder
    limited = wav.with_name(wav.stem + ".limited.pcm")  # raw as well: no size limit
    goal = settings.target_lufs + ENCODER_LOSS_LU  # what the limited WAV must reach before the encoder
    push_db = goal - rms_dbfs + OVERSHOOT_LU
    level = _limit(wav, limited, push_db, ceiling_db, settings, timeout_s)
    for _ in range(MAX_PASSES):  # rare: the limiter took back more than the overshoot
        if level >= goal:
            break
        push_db += (goal - level) * 2 + OVERSHOOT_LU  # limiting keeps only part of any extra gain
        level = _limit(wav, limited, push_db, ceiling_db, settings, timeout_s)
    correction_db = min(0.0, goal - level)
    result = Loudness(level, math.nan)
    for _ in range(MAX_PASSES):
        result = _encode_and_measure(limited, mp3, correction_db, settings, timeout_s)
        loud_ok = abs(result.integrated_lufs - settings.target_lufs) <= TOLERANCE_LU
        peak_ok = result.true_peak_dbtp <= settings.max_true_peak_dbtp
        if loud_ok and peak_ok:
            break
        if not peak_ok:
            correction_db -= result.true_peak_dbtp - settings.max_true_peak_dbtp + 0.2
        else:
            correction_db = min(0.0, correction_db + settings.target_lufs - result.integrated_lufs)
    limited.unlink(missing_ok=True)
    return result


ENCODE_TIMEOUT_S = 600.0  # a hung ffmpeg is stopped after this, plus the time below per second of audio
TIMEOUT_S_PER_AUDIO_S = 1.0  # ffmpeg runs these steps at 50-100x real time: real time is a hang


def time_allowed_s(audio: Path, settings: EncodeSettings) -> float:
    """How long one ffmpeg step over ``audio`` may take: longer programmes get longer."""
    bytes_per_s = settings.sample_rate_hz * settings.channels * 2
    return ENCODE_TIMEOUT_S + TIMEOUT_S_PER_AUDIO_S * audio.stat().st_size / bytes_per_s


OVERSHOOT_LU = 3.0  # push past the target before limiting, so the final correction is a cut
# Measured here: LAME (64-128 kbit/s) lowers the BS.1770 loudness of limited speech by 0.4-0.5 LU.
# The decoded MP3 is measured anyway; this only saves a second encode.
ENCODER_LOSS_LU = 0.4


def _limit(
    wav: Path, out: Path, gain_db: float, ceiling_db: float, settings: EncodeSettings, timeout_s: float
) -> float:
    """Write ``wav`` with gain and a peak limiter to ``out`` (raw 16-bit PCM at the settings'
    rate and channels); return its integrated loudness."""
    limit = max(0.0625, min(1.0, 10 ** (ceiling_db / 20)))
    proc = run(
        [
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-y",
            *_input(wav, settings),
            "-af",
            f"volume={gain_db:.3f}dB,{limiter_filter(limit)},ebur128={QUIET}",
            "-ar",
            str(settings.sample_rate_hz),
            "-ac",
            str(settings.channels),
            "-f",
            "s16le",
            str(out),
        ],
        "limiting peaks",
        timeout_s,
    )
    found = _I.search(proc.stderr[proc.stderr.rfind("Summary:") :])
    if not found or _number(found.group(1)) == -math.inf:
        raise AudioError("the programme is silent; the engine produced no audible speech")
    return _number(found.group(1))


def limiter_filter(limit: float) -> str:
    """The loudness stage's peak limiter (ffmpeg filter), at ``limit`` (linear, 0.0625-1)."""
    return f"alimiter=limit={limit:.5f}:attack=2:release=60:level=disabled"


def _encode_and_measure(
    wav: Path, mp3: Path, gain_db: float, settings: EncodeSettings, timeout_s: float = ENCODE_TIMEOUT_S
) -> Loudness:
    """Encode to MP3 and measure what a player decodes from it.

    The encoder writes the file and, through ffmpeg's tee muxer, the same MP3
    stream to a pipe, where a second ffmpeg on the other core decodes and
    meters it while the encode runs. A player skips the encoder delay that the
    file's LAME header records; the piped stream has no such header, so the
    meter skips the same samples itself, and the file's recorded delay is
    checked afterwards (if it differs, the file is measured again in full).
    """
    ffmpeg = require("ffmpeg")
    encoder = [
        ffmpeg, "-hide_banner", "-nostats", "-y", *_input(wav.resolve(), settings), "-af", f"volume={gain_db:.3f}dB",
        "-ar", str(settings.sample_rate_hz), "-ac", str(settings.channels),
        "-c:a", "libmp3lame", "-b:a", f"{settings.bitrate_kbps}k", "-map", "0:a",
        "-f", "tee", f"[f=mp3:id3v2_version=3:write_id3v1=0]{mp3.name}|[f=mp3]pipe\\:1",
    ]  # fmt: skip
    meter = [
        ffmpeg, "-hide_banner", "-nostats", "-f", "mp3", "-i", "pipe:0",
        "-af", f"atrim=start_sample={LAME_START_SAMPLES},ebur128=peak=true:{QUIET}", "-f", "null", "-",
    ]  # fmt: skip
    with tempfile.TemporaryFile() as enc_log, tempfile.TemporaryFile() as meter_log:
        # the file name goes inside the tee syntax, so the encoder runs in its folder
        options = child_options()
        enc = subprocess.Popen(encoder, cwd=mp3.parent, stdout=subprocess.PIPE, stderr=enc_log, **options)
        with stopped_on_exit(enc):
            metering = subprocess.Popen(meter, stdin=enc.stdout, stdout=subprocess.DEVNULL, stderr=meter_log, **options)
        if enc.stdout is not None:
            enc.stdout.close()  # the meter holds the read end now
        try:
            with stopped_on_exit(enc, metering):  # an interrupt stops both before the folder goes
                enc_status, meter_status = enc.wait(timeout_s), metering.wait(timeout_s)
        except subprocess.TimeoutExpired:
            raise AudioError(f"encoding the MP3 took longer than {timeout_s:.0f} s") from None
        enc_log.seek(0)
        meter_log.seek(0)
        enc_text = enc_log.read().decode("utf-8", "replace")
        meter_text = meter_log.read().decode("utf-8", "replace")
    if enc_status != 0 or not mp3.is_file():
        raise program_failed("encoding the MP3", enc_text, enc_status)
    if meter_status != 0 or _start_samples(mp3) != LAME_START_SAMPLES:
        return measure(mp3, timeout_s=timeout_s)  # measure the finished file in full instead
    return _parse_summary(meter_text, mp3.name, true_peak=True)


# LAME's encoder delay (576 samples) plus the decoder delay ffmpeg adds (529): what a
# player skips at the start, at every sample rate.
LAME_START_SAMPLES = 1105
DECODER_DELAY_SAMPLES = 529


def _start_samples(mp3: Path) -> int:
    """How many samples a player skips at the start of ``mp3``: the encoder delay
    its LAME tag records (in the Xing/Info frame) plus the decoder delay; -1 if unknown."""
    with mp3.open("rb") as fh:
        head = fh.read(10)
        start = 0
        if head[:3] == b"ID3" and len(head) == 10:  # skip an ID3v2 tag (synchsafe size)
            start = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F))
        fh.seek(start)
        frame = fh.read(1024)
    at = max(frame.find(b"Xing", 0, 64), frame.find(b"Info", 0, 64))
    if at < 0:
        return -1
    flags = int.from_bytes(frame[at + 4 : at + 8], "big")
    lame = at + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4) + 4 * bool(flags & 8)
    delay = frame[lame + 21 : lame + 24]
    if len(delay) < 3:
        return -1
    return (delay[0] << 4 | delay[1] >> 4) + DECODER_DELAY_SAMPLES
