"""The pipeline, assembled in one place:

    ingest -> script -> spoken text -> voice -> mix -> loudness + MP3 -> tags + sidecars -> report

Each stage is a module; this file only runs them in order and publishes the
finished files atomically (everything is written under a temporary folder in
the output directory and renamed into place at the end, MP3 last).
"""

from __future__ import annotations

import errno
import logging
import re
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from radio.config import Settings
from radio.errors import AudioError, InputError
from radio.models import Episode, Script
from radio.publish.cover import Cover, load_cover
from radio.sound.cast import caster
from radio.sound.engines import Engine, get_engine
from radio.tools import require
from radio.words.ingest import load_article
from radio.words.script import script_to_json, write_script
from radio.words.speech import Lexicon
from radio.workdir import work_folder

if TYPE_CHECKING:
    from radio.sound.cache import SegmentCache

log = logging.getLogger("radio")
Progress = Callable[[str, int, int], None]

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slugify(title: str, limit: int = 80) -> str:
    """A file name safe on every file system."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:limit].rstrip("-") or "episode"
    return f"{slug}-episode" if slug in _RESERVED else slug


def make_script(
    source: str, settings: Settings, engine: Engine, fmt: str | None = None, lexicon: Lexicon | None = None
) -> Script:
    """Ingest an article and write its script (no audio): the text half of the pipeline."""
    cast = caster(engine, settings)
    article = load_article(source, fmt, settings.fetch_timeout_s)
    return write_script(article, settings, engine.name, cast, lexicon)


def render_episode(
    script: Script,
    settings: Settings,
    out_dir: Path,
    engine: Engine | None = None,
    progress: Progress | None = None,
    cache: SegmentCache | None = None,
) -> Episode:
    """Voice, mix, normalise, encode, tag and publish one episode (voiced clips from/to ``cache``)."""
    require("ffmpeg")  # before pydub is imported: it warns when ffmpeg is missing
    require("ffprobe")
    engine = engine or get_engine(settings.engine, rate_wpm=settings.rate_wpm)
    cover = load_cover(settings.cover_path)  # fail on a bad cover before any audio work
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create output folder {out_dir}: {exc.strerror}") from None
    try:
        with work_folder(out_dir) as tmp:  # removed on any exit; a dead run's is removed next time
            return _produce(script, settings, engine, cover, tmp, out_dir, progress, cache)
    except OSError as exc:  # disk full, permissions: say where, keep nothing half-written
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise AudioError(f"no space left in {out_dir}; free some space and run again") from None
        raise AudioError(f"cannot write the episode in {out_dir}: {exc.strerror or exc}") from None


def _produce(
    script: Script,
    settings: Settings,
    engine: Engine,
    cover: Cover,
    tmp: Path,
    out_dir: Path,
    progress: Progress | None,
    cache: SegmentCache | None = None,
) -> Episode:
    """The audio stages, in order, working in ``tmp``; publish into ``out_dir`` last."""
    from radio.publish import sidecars, tags
    from radio.publish.report import build_report, failed_checks, report_json
    from radio.sound import level, loudness, mix, voice

    slug = slugify(script.title)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    step = (lambda done, total: progress("voicing", done, total)) if progress else None
    with ThreadPoolExecutor(max_workers=1) as pool:
        beds = pool.submit(mix.load_beds, script, settings)  # ffmpeg decodes the music while the engine speaks
        clips = voice.voice_script(script, engine, tmp, settings.sample_rate_hz, settings.channels, step, cache)
        clips = level.level_voices(script, clips)  # every voice at the anchor's loudness before mixing
        timings["voice"] = time.perf_counter() - started
        started = time.perf_counter()
        music = beds.result()

    programme = mix.assemble(script, clips, settings, music)
    wav = tmp / "programme.wav"
    programme.audio.export(str(wav), format="wav")
    expected_ms = mix.expected_duration_ms(script, clips, settings)
    timings["mix"] = time.perf_counter() - started
    log.info("mixed %d segments, %.1f s", len(clips), len(programme.audio) / 1000)

    started = time.perf_counter()
    mp3 = tmp / f"{slug}.mp3"
    encode = loudness.EncodeSettings(
        settings.target_lufs,
        settings.max_true_peak_dbtp,
        settings.bitrate_kbps,
        settings.sample_rate_hz,
        settings.channels,
    )
    measured = loudness.encode_mp3(wav, mp3, encode, programme.audio.dBFS)
    wav.unlink()
    timings["loudness_and_encode"] = time.perf_counter() - started

    started = time.perf_counter()
    duration_ms = len(programme.audio)
    chapters = sidecars.chapter_list(script, programme.placements, duration_ms)
    tags.write_tags(
        mp3,
        script,
        artist=script.anchor or settings.anchor_name,
        genre=settings.genre,
        language=settings.language,
        cover=cover,
        chapters=chapters,
        transcript=sidecars.to_transcript(script),
    )
    files = {
        "script": (f"{slug}.script.json", script_to_json(script, indent=2) + "\n"),
        "vtt": (f"{slug}.vtt", sidecars.to_vtt(script, programme.placements)),
        "srt": (f"{slug}.srt", sidecars.to_srt(script, programme.placements)),
        "chapters": (f"{slug}.chapters.json", sidecars.to_chapters_json(script, chapters)),
    }
    for name, text in files.values():
        (tmp / name).write_text(text, encoding="utf-8")
    timings["tags_and_sidecars"] = time.perf_counter() - started

    silences = mix.silence_profile(programme)
    report = build_report(script, settings, mp3, measured, programme.placements, expected_ms, cover, timings, silences)
    files["report"] = (f"{slug}.report.json", report_json(report))
    (tmp / files["report"][0]).write_text(files["report"][1], encoding="utf-8")

    sidecar_paths = {}
    for key, (name, _) in files.items():
        (tmp / name).replace(out_dir / name)
        sidecar_paths[key] = str(out_dir / name)
    final_mp3 = out_dir / f"{slug}.mp3"
    mp3.replace(final_mp3)
    return Episode(
        script=script,
        mp3_path=str(final_mp3),
        duration_ms=duration_ms,
        placements=programme.placements,
        loudness=measured,
        sidecars=sidecar_paths,
        failed_checks=tuple(failed_checks(report)),
    )
