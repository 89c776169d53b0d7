"""`radio episode --verify`: a check that listens (Whisper tiny.en, offline), and the quality
gate on planted faults. Real audio throughout: the real pyttsx3 engine, espeak-ng, ffmpeg;
fakes only at the engine boundary."""

from __future__ import annotations

import json
import shutil
import subprocess
import wave
from array import array
from pathlib import Path

import pytest

from radio.config import Settings
from radio.pipeline import render_episode
from radio.publish.verify import (
    HeardWord,
    SegmentHearing,
    VerifyOptions,
    chapter_offsets_ms,
    cue_offsets_ms,
    judged_groups,
    normal_words,
    vtt_cues,
    word_errors,
)
from radio.sound.engines.fake import FakeEngine
from tests.helpers import tiny_script
from tests.test_cli import radio

pytest.importorskip("faster_whisper", reason="the verify extra: pip install 'radio-bulletin[verify]'")


# ---------------------------------------------------------------- words and timing, no audio


def test_numbers_money_and_spellings_compare_as_said() -> None:
    assert normal_words("£48 million, 3.2 metres, in the 1890s.") == normal_words(
        "48 million pounds 3.2 meters in the eighteen-nineties"
    )
    assert normal_words("£48 million") == ["forty", "eight", "million", "pounds"]
    assert normal_words("The harbour's centre, organised.") == normal_words("the harbor's center organized")
    assert normal_words("“Go,” she said—now!") == ["go", "she", "said", "now"]
    assert normal_words("Fourteen steel gates") == normal_words("14 steel gates")


def test_word_errors_count_substitutions_deletions_insertions() -> None:
    ref = ["we", "missed", "the", "boat"]
    assert word_errors(ref, ref) == 0
    assert word_errors(ref, ["we", "kissed", "the", "boat"]) == 1
    assert word_errors(ref, ["we", "missed", "boat"]) == 1
    assert word_errors(ref, ["oh", "we", "missed", "the", "big", "boat"]) == 2
    assert word_errors(ref, []) == 4
    assert word_errors([], ["noise"]) == 1


def test_short_segments_are_judged_with_the_next() -> None:
    def heard(words: int) -> SegmentHearing:
        return SegmentHearing(0, "", (), 0, words)

    assert judged_groups([heard(20), heard(2), heard(30), heard(9)], 8) == [[0], [1, 2], [3]]
    assert judged_groups([heard(20), heard(2), heard(30), heard(9), heard(9)]) == [[0], [1, 2], [3, 4]]
    assert judged_groups([heard(20), heard(3)]) == [[0, 1]]  # a short tail joins the group before
    assert judged_groups([heard(2)]) == [[0]]


def test_cue_offsets_find_the_cues_first_words_among_the_heard() -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Alex>The ferry sailed.\n\n"
        "00:00:04.500 --> 00:00:06.000\nAgain on Monday.\n"
    )
    cues = vtt_cues(vtt)
    assert cues == [(1000, "The ferry sailed."), (4500, "Again on Monday.")]
    words = [HeardWord("The", 1200, 1300), HeardWord("ferry", 1300, 1700), HeardWord("again,", 4300, 4600)]
    words += [HeardWord("on", 4600, 4700), HeardWord("Monday.", 4700, 5200)]
    assert cue_offsets_ms(cues, words) == [-200, 200]  # early by 0.2 s, then late by 0.2 s
    assert cue_offsets_ms([(9000, "Nothing heard here")], words) == [None]
    assert chapter_offsets_ms([0, 4400], words) == [-1200, 100]  # the first chapter starts with music


# ---------------------------------------------------------------- real speech


@pytest.mark.slow
def test_verify_strict_passes_on_the_real_engines_speech(tmp_path: Path, short_article: Path) -> None:
    out = tmp_path / "out"
    proc = radio(
        "episode", str(short_article), "--engine", "pyttsx3", "--out", str(out), "--verify-strict",
        "--verify-threshold", "0.6",  # espeak-ng's speech varies run to run; a name-heavy line measured up to 0.5
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, (proc.stderr, _heard(out))
    line = next(x for x in proc.stderr.splitlines() if x.startswith("radio: verify: "))
    assert "per audio minute" in line and "quotes" in line, line
    report = json.loads(next(out.glob("*.report.json")).read_text(encoding="utf-8"))
    heard = report["verify"]
    assert report["fit_to_air"] is True and report["checks"]["verify"]["passed"] is True, heard
    assert heard["passed"] and heard["segments_above_threshold"] == [] and heard["wer"] < 0.3, heard
    assert heard["words"] == sum(len(normal_words(s["spoken"])) for s in _script(out)["segments"])
    assert heard["quotes"]["count"] == 1
    quote = next(s for s in heard["segments"] if s["kind"] == "quote")
    assert quote["quote_heard"] in ("word for word", "within 0.15"), quote
    cues = heard["cues"]
    assert cues["count"] >= len(heard["segments"]) and cues["no_word_near"] <= cues["count"] // 4, cues  # misheard
    inner = [c["offset_ms"] for c in heard["chapters"]["offsets"] if c["start_ms"] > 0]
    assert inner and all(o is not None and abs(o) <= 300 for o in inner), heard["chapters"]  # at the segment starts
    assert heard["cost"]["seconds_per_audio_minute"] > 0 and heard["cost"]["audio_minutes"] > 0.1


def _heard(out: Path) -> list[tuple[object, ...]]:
    rows = json.loads(next(out.glob("*.report.json")).read_text(encoding="utf-8"))["verify"]["segments"]
    return [(r["index"], r["words"], r["errors"], r["judged_wer"], r["heard"]) for r in rows]


def _script(out: Path) -> dict[str, object]:
    return json.loads(next(out.glob("*.script.json")).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


class ReversedSpeech(FakeEngine):
    """espeak-ng's real speech, written backwards: every sound of speech, no word in it."""

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        self.check_voice(voice)
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "175", "-w", str(path), text], check=True)
        with wave.open(str(path)) as w:
            params = w.getparams()
            samples = array("h", w.readframes(params.nframes))
        samples.reverse()
        with wave.open(str(path), "wb") as w:
            w.setparams(params)
            w.writeframes(samples.tobytes())


@pytest.mark.slow
def test_verify_strict_fails_on_reversed_speech(tmp_path: Path) -> None:
    episode = render_episode(
        tiny_script(), Settings(engine="fake"), tmp_path, ReversedSpeech(), verify=VerifyOptions(strict=True)
    )
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    heard = report["verify"]
    assert heard["passed"] is False and heard["wer"] > 0.7, heard
    assert len(heard["segments_above_threshold"]) == len(heard["segments"]) == 6
    assert report["fit_to_air"] is False and report["checks"]["verify"]["passed"] is False
    assert any(c.startswith("verify: word error") for c in episode.failed_checks), episode.failed_checks
    assert heard["quotes"]["not_heard_as_written"] == 1
    assert all(c["passed"] for name, c in report["checks"].items() if name != "verify")  # only the listening fails


@pytest.mark.slow
def test_verify_report_only_keeps_the_episode_fit_to_air(tmp_path: Path) -> None:
    script = tiny_script()
    short = type(script)(**{**script.__dict__, "segments": script.segments[3:4]})  # the quote alone: quick
    episode = render_episode(short, Settings(engine="fake"), tmp_path, ReversedSpeech(), verify=VerifyOptions())
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["verify"]["passed"] is False and report["verify"]["strict"] is False
    assert "verify" not in report["checks"] and not any(c.startswith("verify") for c in episode.failed_checks)


def test_verify_without_the_extra_says_what_to_install(tmp_path: Path, short_article: Path) -> None:
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "faster_whisper.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = radio(
        "episode", str(short_article), "--engine", "fake", "--out", str(out), "--verify",
        cwd=tmp_path, env={"PYTHONPATH": str(hidden)},
    )  # fmt: skip
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.strip().splitlines() == ["radio: error: --verify needs the offline speech recogniser: "
                                                "pip install 'radio-bulletin[verify]'"]  # fmt: skip
    assert not out.exists() or not any(out.iterdir())
    plain = radio(  # without --verify the recogniser is never imported
        "episode", str(short_article), "--engine", "fake", "--out", str(out), cwd=tmp_path,
        env={"PYTHONPATH": str(hidden)},
    )  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    assert "verify" not in json.loads(next(out.glob("*.report.json")).read_text(encoding="utf-8"))


def test_a_threshold_outside_zero_to_one_is_refused(tmp_path: Path, short_article: Path) -> None:
    proc = radio("episode", str(short_article), "--engine", "fake", "--verify-threshold", "2", cwd=tmp_path)
    assert proc.returncode != 0 and "--verify-threshold must be above 0 and at most 1" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------- the gate, on planted faults


class Planted(FakeEngine):
    """The fake voice, with one fault planted in the quote (voice fake-f1)."""

    def __init__(self, fault: str) -> None:
        super().__init__()
        self.fault = fault

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        super().synthesize_to_file(text, voice, path)
        if voice != "fake-f1":
            return
        with wave.open(str(path)) as w:
            params = w.getparams()
            samples = array("h", w.readframes(params.nframes))
        if self.fault == "silence":  # three and a half seconds of nothing in the middle of the quote
            half = len(samples) // 2
            samples = samples[:half] + array("h", bytes(2 * self.sample_rate_hz * 7 // 2)) + samples[half:]
        elif self.fault == "empty":  # the quote came out as nothing at all, at its full length
            samples = array("h", bytes(2 * len(samples)))
        with wave.open(str(path), "wb") as w:
            w.setparams(params)
            w.writeframes(samples.tobytes())


@pytest.mark.parametrize(("fault", "check"), [("silence", "dead_air"), ("empty", "every_segment_audible")])
def test_the_gate_fails_on_a_planted_fault(tmp_path: Path, fault: str, check: str) -> None:
    episode = render_episode(tiny_script(), Settings(engine="fake"), tmp_path, Planted(fault))
    report = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    assert report["fit_to_air"] is False and report["checks"][check]["passed"] is False, report["checks"]
    assert any(c.startswith(f"{check}: ") for c in episode.failed_checks)


def test_the_gate_fails_on_a_clipped_file(tmp_path: Path) -> None:
    """The finished MP3 driven 18 dB into clipping: the true peak check fails on it."""
    from radio.publish.report import build_report
    from radio.sound.loudness import measure

    episode = render_episode(tiny_script(), Settings(engine="fake"), tmp_path / "good", FakeEngine())
    clipped = tmp_path / "clipped.mp3"
    subprocess.run(
        [shutil.which("ffmpeg") or "ffmpeg", "-v", "error", "-i", episode.mp3_path, "-map_metadata", "0",
         "-af", "volume=18dB", "-c:a", "libmp3lame", "-b:a", "64k", str(clipped)],
        check=True,
    )  # fmt: skip
    measured = measure(clipped)
    assert measured.true_peak_dbtp > 0  # really clipped
    good = json.loads(Path(episode.sidecars["report"]).read_text(encoding="utf-8"))
    report = build_report(
        episode.script,
        Settings(engine="fake"),
        clipped,
        measured,
        episode.placements,
        episode.duration_ms,
        {},
        _silences(),
    )
    assert good["checks"]["true_peak"]["passed"] is True
    assert report["fit_to_air"] is False and report["checks"]["true_peak"]["passed"] is False, report["checks"]


def _silences():  # type: ignore[no-untyped-def]
    from radio.models import SilenceProfile

    return SilenceProfile(leading_ms=0, trailing_ms=0, longest_inside_ms=0, quietest_segment_dbfs=-20.0)
