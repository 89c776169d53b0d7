"""One article, one episode: the unit of work a batch worker (local process or Dask task) runs.

Everything here is picklable and runs in the worker: it reads the article, writes the script,
voices it (through the shared segment cache), mixes and publishes the files into the output
folder. It never touches the catalog: only the batch's parent (the Dask client) writes that.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radio.batch.sources import FeedItem, gate_for, load_item
from radio.config import Settings
from radio.errors import InputError, RadioError

Progress = Callable[[str, int, int], None]
CLAIMS_DIR = ".radio-claims"
# Settings that change how a batch runs, not what an episode sounds like.
_RUN_ONLY = ("workers", "article_timeout_s", "cache_limit_mb", "fetch_delay_s")


@dataclass(frozen=True)
class Job:
    """One article to render."""

    source: str  # absolute path (or URL)
    content_hash: str  # sha256 of the article's bytes
    taken: dict[str, str] = field(default_factory=dict)  # MP3 name -> the other source it belongs to
    item: FeedItem | None = None  # a news feed entry (its source is the entry's link)
    fetch_page: bool = False  # fetch the entry's page even when the feed carries the story


@dataclass(frozen=True)
class Result:
    """What a worker reports back: enough for the parent to write the catalog row."""

    source: str
    content_hash: str
    ok: bool
    reason: str | None = None
    title: str = ""
    date: str | None = None
    summary: str = ""
    duration_ms: int = 0
    mp3_name: str = ""
    sidecars: dict[str, str] = field(default_factory=dict)
    speakers: tuple[str, ...] = ()
    loudness_lufs: float = 0.0
    true_peak_dbtp: float = 0.0
    failed_checks: tuple[str, ...] = ()
    elapsed_s: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0
    item: FeedItem | None = None


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def settings_key(settings: Settings, engine_version: str) -> str:
    """A hash of everything that decides an episode besides its article: the settings (but not the
    run-only ones), the cover image, the engine and its version, radio's version."""
    import radio

    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in _RUN_ONLY}
    values["engine_version"] = engine_version
    values["radio"] = radio.__version__
    if settings.cover_path:
        try:
            values["cover_sha256"] = content_hash(Path(settings.cover_path))
        except OSError:
            values["cover_sha256"] = "unreadable"
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


class WorkerState:
    """What a worker loads once and keeps for every article: the engine (and its model), the
    lexicon and the segment cache."""

    def __init__(self, settings: Settings) -> None:
        from radio.sound.cache import SegmentCache
        from radio.sound.engines import get_engine
        from radio.words.speech import load_user_lexicon

        self.settings = settings
        self.engine = get_engine(settings.engine, rate_wpm=settings.rate_wpm, voice_rates_wpm=settings.rates)
        self.lexicon = load_user_lexicon(settings.lexicon)
        limit = settings.cache_limit_mb * 1024 * 1024
        self.cache = SegmentCache(limit_bytes=limit) if limit > 0 else None


_STATES: dict[str, WorkerState] = {}


def worker_state(settings: Settings) -> WorkerState:
    """This process's state for ``settings``, created on first use (once per worker process)."""
    key = repr(settings)
    state = _STATES.get(key)
    if state is None:
        _STATES.clear()
        state = _STATES[key] = WorkerState(settings)
    return state


def _claim(out_dir: Path, mp3_name: str, source: str, taken: dict[str, str]) -> None:
    """Make sure no other article of this folder publishes under the same name (same title)."""
    other = taken.get(mp3_name)
    if other and other != source:
        raise InputError(f"another article ({other}) has the same title; its episode {mp3_name} would be overwritten")
    claims = out_dir / CLAIMS_DIR
    claims.mkdir(parents=True, exist_ok=True)
    path = claims / mp3_name
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        holder = path.read_text(encoding="utf-8", errors="replace")
        if holder != source:
            raise InputError(
                f"another article ({holder}) has the same title; its episode {mp3_name} would be overwritten"
            ) from None
        return
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(source)


def render_article(job: Job, out_dir: Path, settings: Settings, progress: Progress | None = None) -> Result:
    """Render one article into ``out_dir``. A RadioError becomes a failed Result with its message."""
    from radio.pipeline import make_script, render_episode, slugify
    from radio.sound.cast import caster
    from radio.words.script import write_script

    started = time.perf_counter()
    state = worker_state(settings)
    hits = state.cache.hits if state.cache else 0
    misses = state.cache.misses if state.cache else 0

    def finish(**fields: Any) -> Result:
        cache = state.cache
        return Result(
            source=job.source,
            content_hash=job.content_hash,
            item=job.item,
            elapsed_s=time.perf_counter() - started,
            cache_hits=(cache.hits - hits) if cache else 0,
            cache_misses=(cache.misses - misses) if cache else 0,
            **fields,
        )

    try:
        if progress:
            progress("script", 0, 1)
        if job.item is not None:
            gate = gate_for(settings.fetch_delay_s)
            article = load_item(job.item, gate, settings.fetch_timeout_s, job.fetch_page)
            script = write_script(article, settings, state.engine.name, caster(state.engine, settings), state.lexicon)
        else:
            script = make_script(job.source, settings, state.engine, None, state.lexicon)
        _claim(out_dir, f"{slugify(script.title)}.mp3", job.source, job.taken)
        episode = render_episode(script, settings, out_dir, state.engine, progress, state.cache)
    except RadioError as exc:
        return finish(ok=False, reason=str(exc))
    speakers: dict[str, None] = {}
    for segment in script.segments:
        if segment.kind == "quote" and segment.speaker:
            speakers.setdefault(segment.speaker, None)
    return finish(
        ok=True,
        title=script.title,
        date=script.date,
        summary=script.summary,
        duration_ms=episode.duration_ms,
        mp3_name=Path(episode.mp3_path).name,
        sidecars={kind: Path(path).name for kind, path in episode.sidecars.items()},
        speakers=tuple(speakers),
        loudness_lufs=episode.loudness.integrated_lufs,
        true_peak_dbtp=episode.loudness.true_peak_dbtp,
        failed_checks=episode.failed_checks,
    )
