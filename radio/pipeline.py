"""The pipeline, assembled in one place:

    ingest -> script -> spoken text -> voice -> mix -> loudness + MP3 -> tags + sidecars -> report

Each stage is a module; this file only runs them in order and publishes the
finished files as one unit (everything is written under a temporary folder in
the output directory, every final name is checked, and the files are renamed
into place at the end, MP3 last, with the previous versions put back if a
rename fails).
"""

from __future__ import annotations

import dataclasses
import errno
import itertools
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from radio.config import Settings
from radio.errors import AudioError, RadioError
from radio.models import Episode, Script
from radio.publish.cover import Cover, load_cover
from radio.sound.cast import caster
from radio.sound.engines import Engine, get_engine
from radio.tools import require
from radio.words.ingest import load_article
from radio.words.script import script_to_json, write_bulletin, write_script
from radio.words.speech import Lexicon, load_user_lexicon
from radio.words.trim import Fit, speech_ms, trim_to_length
from radio.workdir import work_folder

if TYPE_CHECKING:
    from pydub import AudioSegment

    from radio.publish.verify import VerifyOptions
    from radio.sound.cache import SegmentCache

log = logging.getLogger("radio")
Progress = Callable[[str, int, int], None]

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slugify(title: str, limit: int = 80) -> str:
    """A file name safe on every file system."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=[A-Za-z0-9])'(?=[A-Za-z])", "", ascii_text)  # "What's" -> whats, as "What’s" is
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:limit].rstrip("-") or "episode"
    return f"{slug}-episode" if slug in _RESERVED else slug


def make_script(
    source: str,
    settings: Settings,
    engine: Engine,
    fmt: str | None = None,
    lexicon: Lexicon | None = None,
    title: str | None = None,
) -> Script:
    """Ingest an article and write its script (no audio): the text half of the pipeline.
    ``title`` replaces the article's own (or the one made from its first sentence)."""
    cast = caster(engine, settings)
    article = load_article(source, fmt, settings.fetch_timeout_s)
    if title and title.strip():
        article = dataclasses.replace(article, title=" ".join(title.split()))
    return write_script(article, settings, engine.name, cast, lexicon)


def make_bulletin(
    sources: Sequence[str],
    settings: Settings,
    engine: Engine,
    fmt: str | None = None,
    lexicon: Lexicon | None = None,
    title: str | None = None,
) -> Script:
    """Ingest several articles and write one bulletin's script: an intro naming the headlines,
    each story under its headline, one outro. One article that cannot be read fails the
    bulletin, with an error naming it. ``title`` defaults to the show's name and the air date."""
    articles = []
    for number, source in enumerate(sources, start=1):
        try:
            articles.append(load_article(source, fmt, settings.fetch_timeout_s))
        except RadioError as exc:
            named = "" if source in str(exc) else f" ({source})"
            raise type(exc)(f"bulletin story {number} of {len(sources)}{named}: {exc}") from None
    lexicon = load_user_lexicon(settings.lexicon) if lexicon is None else lexicon
    return write_bulletin(articles, settings, engine.name, caster(engine, settings), lexicon, title)


def estimate_ms(script: Script, settings: Settings, rate_wpm: int) -> int:
    """The programme's length estimated before any voicing: each segment's words at
    ``rate_wpm``, and the pauses and music the mix adds."""
    from radio.sound.mix import expected_duration_ms

    return expected_duration_ms(script, [speech_ms(s.spoken, rate_wpm) for s in script.segments], settings)


def fit_length(script: Script, settings: Settings, rate_wpm: int, target_ms: int) -> Fit:
    """``script`` cut at paragraph ends (later paragraphs first, each story's first kept)
    until its estimated length fits ``target_ms``; the Fit says what was cut and whether it fits."""
    return trim_to_length(script, target_ms, lambda s: estimate_ms(s, settings, rate_wpm))


def render_episode(
    script: Script,
    settings: Settings,
    out_dir: Path,
    engine: Engine | None = None,
    progress: Progress | None = None,
    cache: SegmentCache | None = None,
    verify: VerifyOptions | None = None,
) -> Episode:
    """Voice, mix, normalise, encode, tag and publish one episode (voiced clips from/to ``cache``;
    with ``verify``, the finished MP3 is also transcribed and checked against the script)."""
    require("ffmpeg")  # before pydub is imported: it warns when ffmpeg is missing
    require("ffprobe")
    if verify is not None:
        from radio.publish.verify import require_recogniser

        require_recogniser()  # the verify extra, before any audio work
    engine = engine or get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
    cover = load_cover(settings.cover_path)  # fail on a bad cover before any audio work
    from radio.sound.mix import check_music

    check_music(settings)  # and on a show's music file that is missing or not audio
    from radio.publish.place import ensure_out_dir

    ensure_out_dir(out_dir)
    try:
        with work_folder(out_dir) as tmp:  # removed on any exit; a dead run's is removed next time
            return _produce(script, settings, engine, cover, tmp, out_dir, progress, cache, verify)
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
    verify: VerifyOptions | None = None,
) -> Episode:
    """The audio stages, in order, working in ``tmp``; publish into ``out_dir`` last.

    The programme is never whole in memory: each clip is mixed into a raw PCM
    file on disk as soon as it is voiced, and ffmpeg streams that file to the MP3.
    """
    from radio.publish import place, sidecars, tags, voicecheck
    from radio.publish.report import build_report, failed_checks, report_json
    from radio.sound import clipping, level, loudness, mix, voice

    slug = slugify(script.title)
    names = {
        "script": f"{slug}.script.json",
        "vtt": f"{slug}.vtt",
        "srt": f"{slug}.srt",
        "chapters": f"{slug}.chapters.json",
        "report": f"{slug}.report.json",
        "mp3": f"{slug}.mp3",
    }
    # Limits first, in a second: a blocked final name, a tag the MP3 cannot hold.
    place.check_destinations([out_dir / name for name in names.values()])
    tag_info = tags.TagInfo(
        artist=script.anchor or settings.anchor_name,
        genre=settings.genre,
        language=settings.language,
        cover=cover,
        transcript=sidecars.to_transcript(script),
        publisher=settings.author,
        copyright=settings.copyright,
    )
    tags.check_tags(script, tag_info, [title for _, title in sidecars.chapter_starts(script, settings.chapters)])

    timings: dict[str, float] = {"voice": 0.0}
    started = time.perf_counter()
    step = (lambda done, total: progress("voicing", done, total)) if progress else None

    def timed_clips(clips: Iterator[AudioSegment]) -> Iterator[AudioSegment]:
        while True:
            at = time.perf_counter()
            clip = next(clips, None)
            timings["voice"] += time.perf_counter() - at
            if clip is None:
                return
            yield clip

    heard: list[voice.SegmentTiming] = []  # per segment, filled as each clip is voiced
    with ThreadPoolExecutor(max_workers=1) as pool:
        beds = pool.submit(mix.load_beds, script, settings)  # ffmpeg decodes the music while the engine speaks
        voiced = timed_clips(
            voice.voice_clips(script, engine, tmp, settings.sample_rate_hz, settings.channels, step, cache, heard)
        )
        sampler = voicecheck.VoiceSampler(script)  # the first seconds of each voice, for the report's voice check
        clipped = clipping.ClipWatch()  # the engine's own output, before any gain: flat tops at full scale
        clips = sampler.tap(level.level_stream(script, clipped.tap(voiced)))  # every voice at the anchor's loudness
        first = next(clips, None)  # the first clip is voiced while the beds decode
        music = beds.result()
        ahead = [] if first is None else [first]
        programme = mix.assemble(script, itertools.chain(ahead, clips), settings, music, tmp / "programme.pcm")
    timings["mix"] = time.perf_counter() - started - timings["voice"]
    placements = tuple(  # the cues start where the words are heard
        dataclasses.replace(
            p, sentence_starts_ms=heard[p.index].sentence_starts_ms, pause_ends_ms=heard[p.index].pause_ends_ms
        )
        for p in programme.placements
    )
    log.info("mixed %d segments, %.1f s", len(programme.placements), programme.duration_ms / 1000)

    started = time.perf_counter()
    mp3 = tmp / names["mp3"]
    encode = loudness.EncodeSettings(
        settings.target_lufs,
        settings.max_true_peak_dbtp,
        settings.bitrate_kbps,
        settings.sample_rate_hz,
        settings.channels,
    )
    measured = loudness.encode_mp3(programme.pcm_path, mp3, encode, programme.rms_dbfs)
    programme.pcm_path.unlink()
    timings["loudness_and_encode"] = time.perf_counter() - started

    started = time.perf_counter()
    duration_ms = programme.duration_ms
    chapters = sidecars.chapter_list(script, placements, duration_ms, settings.chapters)
    tags.write_tags(mp3, script, tag_info, chapters)
    texts = {
        "script": script_to_json(script, indent=2) + "\n",
        "vtt": sidecars.to_vtt(script, placements),
        "srt": sidecars.to_srt(script, placements),
        "chapters": sidecars.to_chapters_json(script, chapters),
    }
    for key, text in texts.items():
        (tmp / names[key]).write_text(text, encoding="utf-8")
    timings["tags_and_sidecars"] = time.perf_counter() - started

    report = build_report(
        script,
        settings,
        mp3,
        measured,
        placements,
        programme.expected_ms,
        timings,
        programme.silences,
        voicecheck.voice_report(sampler.measures(), level.anchor_voice(script)),
        chapters=len(chapters),
        clipped=clipped.found,
    )
    if verify is not None:  # the check that listens: its own cost, not in the timings
        from radio.publish.report import with_verify
        from radio.publish.verify import verify_episode

        listened = verify_episode(mp3, script, programme.placements, texts["vtt"], texts["chapters"], verify)
        report = with_verify(report, listened)
    (tmp / names["report"]).write_text(report_json(report), encoding="utf-8")

    # One unit: every final name checked, previous versions kept until the MP3 (last) is in place.
    place.publish([(tmp / name, out_dir / name) for name in names.values()], tmp / "previous")
    return Episode(
        script=script,
        mp3_path=str(out_dir / names["mp3"]),
        duration_ms=duration_ms,
        placements=placements,
        loudness=measured,
        sidecars={key: str(out_dir / name) for key, name in names.items() if key != "mp3"},
        failed_checks=tuple(failed_checks(report)),
    )
