"""The quality report: what was measured on the finished MP3, and whether it
is fit to air."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from radio.config import Settings
from radio.models import Loudness, Placement, Script, SilenceProfile
from radio.publish.cover import Cover

LOUDNESS_TOLERANCE_LU = 1.0
DURATION_TOLERANCE_MS = 150  # MP3 framing
MAX_SILENCE_INSIDE_MS = 3000  # longer is dead air on the radio
MAX_SILENCE_EDGE_MS = 1000
MIN_SEGMENT_DBFS = -45.0


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


def inspect_mp3(mp3: Path) -> dict[str, Any]:
    audio: Any = MP3(str(mp3))
    tags = ID3(str(mp3))
    return {
        "duration_ms": round(audio.info.length * 1000),
        "sample_rate_hz": audio.info.sample_rate,
        "channels": audio.info.channels,
        "bitrate_kbps": round(audio.info.bitrate / 1000),
        "id3_version": ".".join(str(v) for v in tags.version),
        "chapters": len(tags.getall("CHAP")),
        "has_cover": bool(tags.getall("APIC")),
        "has_transcript": bool(tags.getall("USLT")),
        "size_bytes": mp3.stat().st_size,
    }


def build_report(
    script: Script,
    settings: Settings,
    mp3: Path,
    loudness: Loudness,
    placements: tuple[Placement, ...],
    expected_duration_ms: int,
    cover: Cover,
    timings_s: dict[str, float],
    silences: SilenceProfile,
) -> dict[str, Any]:
    facts = inspect_mp3(mp3)
    checks = [
        Check(
            "loudness",
            abs(loudness.integrated_lufs - settings.target_lufs) <= LOUDNESS_TOLERANCE_LU,
            f"{loudness.integrated_lufs:.1f} LUFS integrated "
            f"(target {settings.target_lufs:.1f} ± {LOUDNESS_TOLERANCE_LU:.0f} LU)",
        ),
        Check(
            "true_peak",
            loudness.true_peak_dbtp <= settings.max_true_peak_dbtp,
            f"{loudness.true_peak_dbtp:.1f} dBTP (max {settings.max_true_peak_dbtp:.1f})",
        ),
        Check(
            "duration",
            abs(facts["duration_ms"] - expected_duration_ms) <= DURATION_TOLERANCE_MS,
            f"{facts['duration_ms']} ms (parts add up to {expected_duration_ms} ms)",
        ),
        Check(
            "format",
            facts["sample_rate_hz"] == settings.sample_rate_hz
            and facts["channels"] == settings.channels
            and facts["bitrate_kbps"] == settings.bitrate_kbps,
            f"{facts['sample_rate_hz']} Hz, {facts['channels']} ch, {facts['bitrate_kbps']} kbit/s",
        ),
        Check(
            "tags",
            facts["id3_version"] == "2.3.0"
            and facts["has_cover"]
            and facts["has_transcript"]
            and facts["chapters"] == len(placements),
            f"ID3v{facts['id3_version']}, {facts['chapters']} chapters, cover, transcript",
        ),
        Check(
            "dead_air",
            silences.longest_inside_ms <= MAX_SILENCE_INSIDE_MS
            and max(silences.leading_ms, silences.trailing_ms) <= MAX_SILENCE_EDGE_MS,
            f"longest silence {silences.longest_inside_ms} ms inside (max {MAX_SILENCE_INSIDE_MS}), "
            f"{silences.leading_ms} ms at the start, {silences.trailing_ms} ms at the end (max {MAX_SILENCE_EDGE_MS})",
        ),
        Check(
            "every_segment_audible",
            silences.quietest_segment_dbfs > MIN_SEGMENT_DBFS,
            f"quietest segment {max(silences.quietest_segment_dbfs, -120.0):.1f} dBFS before normalisation "
            f"(min {MIN_SEGMENT_DBFS:.0f})",
        ),
        Check(
            "cover",
            cover.meets_podcast_rules,
            f"{cover.width_px}x{cover.height_px} {cover.mime} (square, 1400-3000 px)",
        ),
    ]
    audio_s = facts["duration_ms"] / 1000
    return {
        "title": script.title,
        "source": script.source,
        "fit_to_air": all(c.passed for c in checks),
        "checks": {c.name: {"passed": c.passed, "detail": c.detail} for c in checks},
        "loudness": {
            "integrated_lufs": loudness.integrated_lufs,
            "true_peak_dbtp": loudness.true_peak_dbtp,
            "range_lu": loudness.range_lu,
        },
        "mp3": facts,
        "engine": script.engine,
        "voices": {s.speaker or script.anchor: s.voice for s in script.segments},
        "timings_s": {k: round(v, 3) for k, v in timings_s.items()},
        "realtime_factor": round(sum(timings_s.values()) / audio_s, 4) if audio_s else None,
    }


def failed_checks(report: dict[str, Any]) -> list[str]:
    return [f"{name}: {c['detail']}" for name, c in report["checks"].items() if not c["passed"]]


def report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
