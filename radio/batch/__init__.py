"""`radio batch`: every article in some folders, one episode each, on every core.

    find the articles -> lock the output folder -> skip what is done and unchanged
    -> render the rest in worker processes (or Dask tasks) -> record each in the catalog

Each article fails alone (its reason goes into the catalog and the summary). A run can be
stopped at any moment: every file is written under a temporary name and renamed into place,
a catalog row is written only once its files are in place, and the next run skips what is
done. Only this process writes the catalog.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from radio.batch.pool import Progress, run_local
from radio.batch.sources import FeedItem
from radio.batch.work import CLAIMS_DIR, Job, Result, content_hash, settings_key
from radio.config import Settings
from radio.errors import InputError
from radio.models import Episode
from radio.publish.catalog import ID_SUFFIX, Catalog, CatalogEntry, CatalogError
from radio.publish.lock import FolderLock
from radio.workdir import remove_stale

if TYPE_CHECKING:
    from radio.sound.cache import SegmentCache
    from radio.sound.engines import Engine

# The names of every format `radio episode` reads (text, Markdown, HTML and saved pages), in any case.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".shtml")


@dataclass(frozen=True)
class Outcome:
    """How one article of a batch ended."""

    source: str
    status: str  # "done", "unchanged" or "failed"
    reason: str | None = None
    mp3_name: str = ""
    duration_ms: int = 0
    elapsed_s: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0


@dataclass(frozen=True)
class Summary:
    outcomes: tuple[Outcome, ...]
    elapsed_s: float
    workers: int
    later: int = 0  # feed entries left for a later run by --limit

    def of(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def audio_ms(self) -> int:
        return sum(o.duration_ms for o in self.outcomes if o.status == "done")


@dataclass(frozen=True)
class FeedOptions:
    """How a batch treats news feed entries."""

    fetch_pages: bool = False  # fetch each entry's page even when the feed carries the story
    refresh_updated: bool = False  # remake a story updated at the source (it keeps its episode id)
    limit: int | None = None  # make at most this many entries in one run (the newest first)


def _updated(item: FeedItem, known: CatalogEntry) -> bool:
    """The entry changed since its episode was made: other content, or a newer update time."""
    if item.content and item.content_hash != known.content_hash:
        return True
    return bool(item.updated and known.item_updated and item.updated != known.item_updated)


class Events:
    """What a batch reports while it runs; the command layer overrides these to show progress."""

    def planned(self, total: int, unchanged: int, workers: int) -> None:
        """``total`` articles found, ``unchanged`` of them already done."""

    def progress(self, update: Progress) -> None:
        """A worker moved on (stage ``script``, ``voicing`` done/total, ...)."""

    def finished(self, outcome: Outcome) -> None:
        """One article ended (done or failed; unchanged ones are reported here too, first)."""


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def find_articles(
    sources: Sequence[str], patterns: Sequence[str] = (), recursive: bool = False, skip: Path | None = None
) -> list[str]:
    """The articles in ``sources`` (folders, files, URLs), absolute, in a stable order, each once.

    Folders give the files matching ``patterns`` (default: a name ending in one of ARTICLE_SUFFIXES,
    in any case); hidden files and anything inside ``skip`` (the output folder) are left out.
    """
    found: dict[str, None] = {}
    skip = skip.resolve() if skip else None
    for source in sources:
        if _is_url(source):
            found.setdefault(source, None)
            continue
        path = Path(source)
        if path.is_file():
            found.setdefault(str(path.resolve()), None)
        elif path.is_dir():
            matches: set[Path] = set()
            for pattern in patterns or ("*",):
                matches.update(path.rglob(pattern) if recursive else path.glob(pattern))
            if not patterns:
                matches = {match for match in matches if match.suffix.lower() in ARTICLE_SUFFIXES}
            for match in sorted(matches):
                relative = match.relative_to(path)
                if not match.is_file() or any(part.startswith(".") for part in relative.parts):
                    continue
                resolved = match.resolve()
                if skip and (resolved == skip or skip in resolved.parents):
                    continue
                found.setdefault(str(resolved), None)
        else:
            raise InputError(f"{source}: no such file or folder; give folders or files of articles")
    if not found:
        shown = ", ".join(patterns or (f"*{suffix}" for suffix in ARTICLE_SUFFIXES))
        raise InputError(f"no articles ({shown}) in {' '.join(sources)}; try --recursive or --pattern")
    return list(found)


def clean_leftovers(out_dir: Path) -> None:
    """Remove what an interrupted run left behind (temporary folders and files, name claims).
    Call only while holding the folder lock exclusively."""
    if not out_dir.is_dir():
        return
    remove_stale(out_dir)  # the work folders of dead runs (a killed worker's included)
    with os.scandir(out_dir) as entries:  # names first: a folder of thousands of episodes is not stat'ed
        for entry in entries:
            if entry.name == CLAIMS_DIR and entry.is_dir():
                shutil.rmtree(entry.path, ignore_errors=True)
            elif entry.name.startswith(".") and entry.name.endswith(".tmp") and entry.is_file():
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()


def _drop_files(out_dir: Path, entry: CatalogEntry) -> None:
    """Delete an episode's files (its title changed, so they went out under another name)."""
    names = [entry.mp3_name, *entry.sidecars.values(), entry.mp3_name[:-4] + ID_SUFFIX]
    for name in names:
        if name:
            with contextlib.suppress(OSError):
                (out_dir / name).unlink()


def _record(catalog: Catalog, result: Result, key: str) -> Outcome:
    """Write one result into the catalog; a done row only if its files are in place."""
    item = result.item
    guid, link = (item.guid, item.link) if item else ("", "")
    if not result.ok:
        catalog.record_failure(result.source, result.content_hash, result.reason or "failed", key, guid, link)
        return Outcome(result.source, "failed", result.reason, elapsed_s=result.elapsed_s)
    before = catalog.find_item(guid, link) if item else catalog.find_source(result.source)
    reason = ("not fit to air: " + "; ".join(result.failed_checks)) if result.failed_checks else None
    try:
        entry = catalog.record_done(
            source=result.source,
            content_hash=result.content_hash,
            title=result.title,
            date=result.date,
            summary=result.summary,
            duration_ms=result.duration_ms,
            mp3_name=result.mp3_name,
            sidecars=result.sidecars,
            speakers=result.speakers,
            loudness_lufs=result.loudness_lufs,
            true_peak_dbtp=result.true_peak_dbtp,
            fit_to_air=not result.failed_checks,
            settings_key=key,
            status="failed" if reason else "done",
            reason=reason,
            episode_id=before.episode_id if before else None,  # an updated story keeps its id
            number=before.number if before else None,
            guid=guid,
            link=link or (result.source if _is_url(result.source) else ""),
            item_updated=item.updated if item else "",
            image=item.image if item else "",
        )
    except CatalogError as exc:
        catalog.record_failure(result.source, result.content_hash, str(exc), key, guid, link)
        return Outcome(result.source, "failed", str(exc), elapsed_s=result.elapsed_s)
    if before and before.mp3_name and before.mp3_name != entry.mp3_name:
        _drop_files(catalog.out_dir, before)
    return Outcome(
        result.source,
        entry.status,
        entry.reason,
        entry.mp3_name,
        entry.duration_ms if entry.status == "done" else 0,
        result.elapsed_s,
        result.cache_hits,
        result.cache_misses,
    )


def run_batch(
    sources: Sequence[str],
    out_dir: Path,
    settings: Settings,
    *,
    workers: int,
    timeout_s: float,
    wait_for_lock_s: float = 0.0,
    scheduler: str | None = None,
    events: Events | None = None,
    command: str = "radio batch",
    items: Sequence[FeedItem] = (),
    feeds: FeedOptions | None = None,
) -> Summary:
    """Render every article in ``sources`` (from ``find_articles``) and every feed entry in ``items``
    (from ``sources.expand``) into ``out_dir``. A feed entry already in the catalog (by guid, link or
    content) is not made again; with ``feeds.refresh_updated`` an updated one is, under its old id."""
    from radio.sound.cache import engine_version
    from radio.sound.engines import get_engine

    events = events or Events()
    started = time.perf_counter()
    key = settings_key(settings, engine_version(get_engine(settings.engine, rate_wpm=settings.rate_wpm)))
    out_dir = out_dir.resolve()
    lock = FolderLock(out_dir, command)
    lock.acquire(wait_for_lock_s)
    outcomes: list[Outcome] = []
    try:
        clean_leftovers(out_dir)
        with Catalog.open(out_dir) as catalog:
            taken: dict[str, str] = {}

            def others(source: str) -> dict[str, str]:
                """The MP3 names other sources hold (read once, when the first article is to be made)."""
                if not taken:
                    taken.update(
                        (e.mp3_name, e.source)
                        for e in catalog.episodes()
                        if _is_url(e.source) or Path(e.source).exists()
                    )
                return {name: other for name, other in taken.items() if other != source}

            jobs: list[Job] = []
            for source in sources:
                try:
                    digest = "" if _is_url(source) else content_hash(Path(source))
                except OSError as exc:
                    reason = f"cannot read the article: {exc.strerror or exc}"
                    catalog.record_failure(source, "", reason, key)
                    outcomes.append(Outcome(source, "failed", reason))
                    continue
                current = catalog.is_current(source, digest, key) if digest else None
                if current is not None:
                    outcomes.append(Outcome(source, "unchanged", None, current.mp3_name))
                else:
                    jobs.append(Job(source, digest, others(source)))
            feeds = feeds or FeedOptions()
            later = 0
            for item in items:
                known = catalog.find_item(item.guid, item.link, item.content_hash if item.content else "")
                fresh = known is not None and not (feeds.refresh_updated and _updated(item, known))
                if known is not None and known.status == "done" and fresh:
                    outcomes.append(Outcome(item.source, "unchanged", None, known.mp3_name))
                    continue
                if feeds.limit is not None and sum(j.item is not None for j in jobs) >= feeds.limit:
                    later += 1
                    continue
                jobs.append(Job(item.source, item.content_hash, others(item.source), item, feeds.fetch_pages))
            count = max(1, min(workers, len(jobs))) if jobs else 0
            total = len(sources) + len(items) - later
            events.planned(total, sum(o.status == "unchanged" for o in outcomes), count)
            for outcome in list(outcomes):
                events.finished(outcome)

            def on_result(result: Result) -> None:
                outcome = _record(catalog, result, key)
                outcomes.append(outcome)
                events.finished(outcome)

            if scheduler:
                from radio.batch.distributed import run_dask

                run_dask(jobs, out_dir, settings, scheduler, timeout_s, on_result)
            else:
                run_local(jobs, out_dir, settings, workers, timeout_s, on_result, events.progress)
        clean_leftovers(out_dir)
    finally:
        lock.release()
    return Summary(tuple(outcomes), time.perf_counter() - started, count, later)


def segment_cache(settings: Settings) -> SegmentCache | None:
    """The user's segment cache with the configured limit, or None when ``cache_limit_mb`` is 0."""
    from radio.sound.cache import SegmentCache

    limit = settings.cache_limit_mb * 1024 * 1024
    return SegmentCache(limit_bytes=limit) if limit > 0 else None


def record_single(out_dir: Path, episode: Episode, source: str, settings: Settings, engine: Engine) -> CatalogEntry:
    """Record an episode made by `radio episode` in the catalog, as a batch would record it.

    ``source`` is the article (a path, a URL or "-") or the edited script's path. A local file is
    recorded by its absolute path and the hash of its bytes, so a later batch over the same folder
    knows it is done; a URL or standard input by the hash of the script made from it.
    """
    from radio.sound.cache import engine_version
    from radio.words.script import script_to_json

    path = Path(source)
    if not _is_url(source) and source != "-" and path.is_file():
        key_source, digest = str(path.resolve()), content_hash(path)
    else:
        digest = hashlib.sha256(script_to_json(episode.script).encode()).hexdigest()
        key_source = source if _is_url(source) else f"stdin:{Path(episode.mp3_path).stem}"
    key = settings_key(settings, engine_version(engine))
    with Catalog.open(out_dir) as catalog:
        before = catalog.find_source(key_source)
        entry = catalog.record_episode(episode, key_source, digest, key)
        if before and before.mp3_name and before.mp3_name != entry.mp3_name:
            _drop_files(out_dir, before)
    return entry
