"""The quality report: what was measured on the finished MP3, and whether it
is fit to air."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from radio.config import Settings
from radio.models import Loudness, Placement, Script, SilenceProfile
from radio.publish import cover as covers
from radio.sound.clipping import MIN_RUN_SAMPLES, ClippedSegment
from radio.words.script import spoken_form
from radio.words.speech import Lexicon, load_user_lexicon

LOUDNESS_TOLERANCE_LU = 1.0
DURATION_TOLERANCE_MS = 150  # MP3 framing
MAX_SILENCE_INSIDE_MS = 3000  # longer is dead air on the radio
MAX_SILENCE_EDGE_MS = 1000
MIN_SEGMENT_DBFS = -45.0
MIN_SPOKEN_AGREEMENT = 0.5  # a hand-edited 'spoken' keeps at least this share of its text's words, in order
_V24_ONLY = {"ASPI", "EQU2", "RVA2", "SEEK", "SIGN", "TDEN", "TDOR", "TDRC", "TDRL", "TDTG", "TIPL", "TMCL", "TMOO",
             "TPRO", "TSOA", "TSOP", "TSOT", "TSST"}  # fmt: skip


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str


def _cover_facts(tags: Any) -> dict[str, Any] | None:
    """The embedded front cover, decoded from the MP3's own bytes."""
    pictures = [p for p in tags.getall("APIC") if p.type == 3] or tags.getall("APIC")
    if not pictures:
        return None
    try:
        found = covers.decode(pictures[0].data)
    except ValueError as exc:
        return {"decodes": False, "error": str(exc)}
    return {
        "decodes": True,
        "mime": found.mime,
        "declared_mime": pictures[0].mime,
        "width_px": found.width_px,
        "height_px": found.height_px,
        "mode": found.mode,
        "meets_podcast_rules": found.meets_podcast_rules and found.mime == pictures[0].mime,
    }


def _toc_reaches_every_chapter(tags: Any) -> bool:
    """One top-level table of contents, no table over 255 entries, every chapter reached from the top."""
    tables = {t.element_id: t for t in tags.getall("CTOC")}
    tops = [t for t in tables.values() if t.flags & 0x02]
    if len(tops) != 1 or any(len(t.child_element_ids) > 255 for t in tables.values()):
        return False
    reached: set[str] = set()
    todo = list(tops[0].child_element_ids)
    while todo:
        element = todo.pop()
        if element in tables:
            todo += tables.pop(element).child_element_ids  # pop: a cycle cannot loop
        else:
            reached.add(element)
    return reached == {c.element_id for c in tags.getall("CHAP")}


def inspect_mp3(mp3: Path) -> dict[str, Any]:
    audio: Any = MP3(str(mp3))
    tags = ID3(str(mp3), translate=False)  # the frames as stored: mutagen would upgrade TYER to TDRC
    return {
        "duration_ms": round(audio.info.length * 1000),
        "sample_rate_hz": audio.info.sample_rate,
        "channels": audio.info.channels,
        "bitrate_kbps": round(audio.info.bitrate / 1000),
        "id3_version": ".".join(str(v) for v in tags.version),
        "chapters": len(tags.getall("CHAP")),
        "toc_complete": _toc_reaches_every_chapter(tags),
        "v24_frames": sorted({f.FrameID for f in tags.values() if f.FrameID in _V24_ONLY}),
        "cover": _cover_facts(tags),
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
    timings_s: dict[str, float],
    silences: SilenceProfile,
    voices: dict[str, Any] | None = None,
    chapters: int | None = None,  # how many chapters the tag should hold (default: one per segment)
    clipped: Sequence[ClippedSegment] = (),
) -> dict[str, Any]:
    """The quality report. ``voices`` is ``voicecheck.voice_report``: pitch and
    loudness per voice, and whether every quote voice stands apart from the anchor's."""
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
            and not facts["v24_frames"]
            and facts["cover"] is not None
            and facts["has_transcript"]
            and facts["chapters"] == (len(placements) if chapters is None else chapters)
            and (facts["toc_complete"] or chapters == 0 == facts["chapters"]),
            f"ID3v{facts['id3_version']}, {facts['chapters']} chapters"
            f"{', table of contents complete' if facts['toc_complete'] else ', table of contents INCOMPLETE'}, "
            f"{'cover' if facts['cover'] else 'NO cover'}, "
            f"{'transcript' if facts['has_transcript'] else 'NO transcript'}"
            f"{', v2.4 frames ' + ' '.join(facts['v24_frames']) if facts['v24_frames'] else ''}",
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
        clipping_check(clipped),
        _cover_check(facts["cover"]),
        transcript_check(script, _uslt(mp3), load_user_lexicon(settings.lexicon)),
    ]
    if voices is not None:
        distinct = voices["distinct_voices"]
        checks.append(Check("distinct_voices", distinct["passed"], distinct["detail"]))
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
        "voice_measures": voices["voices"] if voices is not None else None,
        "timings_s": {k: round(v, 3) for k, v in timings_s.items()},
        "realtime_factor": round(sum(timings_s.values()) / audio_s, 4) if audio_s else None,
    }


def clipping_check(clipped: Sequence[ClippedSegment]) -> Check:
    """No voiced segment squared off at full scale by its engine (gain later cannot undo it)."""
    rule = f"{MIN_RUN_SAMPLES} or more equal samples at full scale, in the engine's own output"
    if not clipped:
        return Check("no_clipping", True, f"no segment clipped ({rule})")
    worst = sorted(clipped, key=lambda c: -c.events)[:5]
    named = ", ".join(f"segment {c.index + 1} ({c.events} flat tops, longest {c.longest_run_samples} samples)"
                      for c in worst)  # fmt: skip
    more = f" and {len(clipped) - len(worst)} more" if len(clipped) > len(worst) else ""
    return Check(
        "no_clipping",
        False,
        f"clipped: {named}{more} ({rule}); lower the engine's volume or choose another voice, then render again",
    )


def _cover_check(found: dict[str, Any] | None) -> Check:
    """The cover as embedded in the MP3, decoded: square, 1400-3000 px, JPEG or PNG as declared, RGB."""
    rule = "(square JPEG or PNG, 1400-3000 px, RGB)"
    if found is None:
        return Check("cover", False, f"no cover embedded {rule}")
    if not found["decodes"]:
        return Check("cover", False, f"the embedded cover does not decode: {found['error']} {rule}")
    return Check(
        "cover",
        found["meets_podcast_rules"],
        f"{found['width_px']}x{found['height_px']} {found['mime']} {found['mode']}, decoded from the MP3 {rule}",
    )


def with_verify(report: dict[str, Any], heard: dict[str, Any]) -> dict[str, Any]:
    """The report with its ``verify`` section (``radio.publish.verify``); under ``strict``
    a segment above the word-error threshold is a failed check ("verify") too."""
    from radio.publish.verify import summary_line

    result = {**report, "verify": heard}
    if heard["strict"]:
        detail = summary_line(heard).removeprefix("verify: ")
        checks = {**report["checks"], "verify": {"passed": heard["passed"], "detail": detail}}
        result.update(checks=checks, fit_to_air=all(c["passed"] for c in checks.values()))
    return result


def _uslt(mp3: Path) -> str:
    frames = ID3(str(mp3)).getall("USLT")
    return str(frames[0].text) if frames else ""


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def transcript_check(script: Script, transcript: str, lexicon: Lexicon | None = None) -> Check:
    """The words a listener reads and the words voiced agree, segment by segment.

    The transcript in the MP3 (USLT) must hold each segment's text, in order. Each segment's
    ``spoken`` (what the engine said) must be the spoken form of that text as it is now: the form
    radio derives from it (the same derivation whose fingerprint, ``spoken_from`` in the script JSON,
    makes an edited script derive it again when only the text changed), or a producer's hand edit
    of it that keeps at least MIN_SPOKEN_AGREEMENT of the derived form's words, in order: a
    respelled name passes, a 'spoken' that tells another story fails the episode."""
    problems: list[str] = []
    derived_count = 0
    position = 0
    for number, seg in enumerate(script.segments, start=1):
        who = f"segment {number} ({seg.kind}, {seg.speaker or script.anchor})"
        found = transcript.find(seg.text, position)
        if found < 0:
            problems.append(f"{who}: its text is not in the transcript")
        else:
            position = found + len(seg.text)
        derived = spoken_form(seg.kind, seg.text, lexicon, script.engine)
        if seg.spoken == derived:
            derived_count += 1
            continue
        agreement = difflib.SequenceMatcher(None, _words(derived), _words(seg.spoken), autojunk=False).ratio()
        if agreement < MIN_SPOKEN_AGREEMENT:
            problems.append(f"{who}: the audio says {_clip(seg.spoken)!r}, the transcript {_clip(seg.text)!r}")
    edited = len(script.segments) - derived_count
    summary = f"{derived_count} segments voiced as derived from their text, {edited} edited by hand"
    if problems:
        return Check("transcript_matches_voice", False, "; ".join(problems[:3]) + f" ({summary})")
    return Check("transcript_matches_voice", True, summary)


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def failed_checks(report: dict[str, Any]) -> list[str]:
    return [f"{name}: {c['detail']}" for name, c in report["checks"].items() if not c["passed"]]


def report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
