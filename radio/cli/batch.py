"""Commands for many episodes: `radio batch`, `radio list`, `radio catalog rebuild`, `radio cache`."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from radio.cli import ConfigOpt, EngineOpt, Interrupted, _settings, app, stopped_by

log = logging.getLogger("radio")
UNCHANGED_ROWS = 20
OutArg = Annotated[Path, typer.Argument(help="Output folder (the one with catalog.sqlite).")]

WorkersOpt = Annotated[
    Optional[int], typer.Option("--workers", "-j", help="Worker processes (default: one per core).", min=1)
]
TimeoutOpt = Annotated[
    Optional[float], typer.Option("--timeout-s", help="Give up on one article after this many seconds.", min=1)
]
DelayOpt = Annotated[
    Optional[float],
    typer.Option("--delay", min=0, max=3600, help="Feeds: seconds between two requests to a host (fetch_delay_s)."),
]
FetchPagesOpt = Annotated[
    bool, typer.Option("--fetch-pages", help="Feeds: fetch every entry's page even when the feed carries the story.")
]
RefreshOpt = Annotated[
    bool, typer.Option("--refresh-updated", help="Feeds: remake a story updated at the source (same episode id).")
]
SinceOpt = Annotated[
    Optional[str], typer.Option("--since", help="Feeds: only entries published on or after DATE (YYYY-MM-DD).")
]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=1, help="Feeds: make at most N entries, newest first.")]


def check_since(since: str | None) -> str | None:
    """``--since`` as YYYY-MM-DD, or a clear error."""
    import datetime

    if since is None:
        return None
    try:
        return datetime.date.fromisoformat(since.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{since!r} is not a date; give it as YYYY-MM-DD", param_hint="--since") from None


catalog_app = typer.Typer(help="The episode catalog of an output folder.", no_args_is_help=True)
cache_app = typer.Typer(help="The voiced-segment cache.", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")
app.add_typer(cache_app, name="cache")


def _short(source: str, width: int = 48) -> str:
    name = source.rsplit("/", 1)[-1] if "://" not in source else source
    return name if len(name) <= width else "…" + name[-(width - 1) :]


class _Plain:
    """Plain log lines, for cron and CI (or nothing but the summary with --quiet)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.total = 0
        self.seen = 0

    def planned(self, total: int, unchanged: int, workers: int) -> None:
        self.total = total
        if not self.quiet:
            log.info("batch: %d articles, %d unchanged, %d to render", total, unchanged, total - unchanged)

    def progress(self, update: Any) -> None:
        if not self.quiet and update.stage == "script":
            log.info("worker %d: %s", update.worker + 1, update.source)

    def finished(self, outcome: Any) -> None:
        self.seen += 1
        if self.quiet or outcome.status == "unchanged":
            return
        detail = outcome.mp3_name if outcome.status == "done" else _reason(outcome)
        log.info("[%d/%d] %s %s: %s", self.seen, self.total, outcome.status, outcome.source, detail)

    def close(self) -> None:
        pass


class _Live:
    """The terminal display: overall bar, audio made, time left, and what each worker is doing."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.live import Live

        self.console = Console(stderr=True)
        self.total = self.done = self.failed = self.unchanged = 0
        self.audio_ms = 0
        self.started = time.monotonic()
        self.rendered = 0
        self.workers: dict[int, str] = {}
        self.sources: dict[int, str] = {}
        self.live = Live(self._render(), console=self.console, refresh_per_second=4, transient=True)
        self.live.start()

    def _render(self) -> Any:
        from rich.progress_bar import ProgressBar
        from rich.table import Table

        finished = self.done + self.failed + self.unchanged
        left = self.total - finished
        elapsed = time.monotonic() - self.started
        eta = "?"
        if self.rendered and left:
            eta = f"{elapsed / self.rendered * left / 60:.1f} min"
        grid = Table.grid(padding=(0, 1))
        grid.add_row(
            ProgressBar(total=max(self.total, 1), completed=finished, width=40),
            f"{finished}/{self.total}",
            f"[green]done {self.done}[/] [dim]unchanged {self.unchanged}[/] [red]failed {self.failed}[/] left {left}",
        )
        grid.add_row("", "", f"{self.audio_ms / 60000:.1f} min of audio made · time left {eta}")
        for number in sorted(self.workers):
            grid.add_row("", f"worker {number + 1}", self.workers[number])
        return grid

    def planned(self, total: int, unchanged: int, workers: int) -> None:
        self.total = total
        self.live.update(self._render())

    def progress(self, update: Any) -> None:
        step = f" {update.done}/{update.total}" if update.stage == "voicing" else ""
        self.workers[update.worker] = f"{_short(update.source)}: {update.stage}{step}"
        self.sources[update.worker] = update.source
        self.live.update(self._render())

    def finished(self, outcome: Any) -> None:
        if outcome.status == "unchanged":
            self.unchanged += 1
        else:
            self.rendered += 1
            self.done += outcome.status == "done"
            self.failed += outcome.status == "failed"
            self.audio_ms += outcome.duration_ms
        for worker, source in self.sources.items():
            if source == outcome.source:
                self.workers[worker] = f"idle (last: {_short(source)} {outcome.status})"
        self.live.update(self._render())

    def close(self) -> None:
        self.live.stop()


def _reason(outcome: Any) -> str:
    """A failure's reason without the article's name in front (it has its own column)."""
    reason: str = outcome.reason or ""
    return reason.removeprefix(f"{outcome.source}: ")


def _summary(summary: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
    table = Table(title="radio batch", show_lines=False)
    table.add_column("status")
    table.add_column("article", overflow="fold")
    table.add_column("episode or reason", overflow="fold")
    for status in ("done", "unchanged", "failed"):
        outcomes = summary.of(status)
        if status == "unchanged" and len(outcomes) > UNCHANGED_ROWS:  # a nightly rerun: count, do not list
            table.add_row(status, f"{len(outcomes)} articles", "done before, unchanged: skipped")
            continue
        for outcome in outcomes:
            detail = outcome.mp3_name if status != "failed" else _reason(outcome)
            table.add_row(status, outcome.source, detail)
    console.print(table)
    counts = ", ".join(f"{len(summary.of(status))} {status}" for status in ("done", "unchanged", "failed"))
    voiced = sum(o.cache_misses for o in summary.outcomes)
    cached = sum(o.cache_hits for o in summary.outcomes)
    console.print(
        f"{counts}; {summary.audio_ms / 60000:.1f} min of audio in {summary.elapsed_s:.1f} s on {summary.workers} "
        f"workers; {voiced} segments voiced, {cached} taken from the cache"
    )


@app.command()
def batch(
    sources: Annotated[
        list[str],
        typer.Argument(help="Folders and files of articles; URLs or files of RSS/Atom feeds, OPML lists, sitemaps."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    workers: WorkersOpt = None,
    pattern: Annotated[
        Optional[list[str]], typer.Option("--pattern", help="File names to take, e.g. '*.html' (repeatable).")
    ] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Look inside sub-folders too.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
    timeout_s: TimeoutOpt = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="If another run holds the output folder, wait for it instead of stopping.")
    ] = False,
    scheduler: Annotated[
        Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster: the scheduler's address.")
    ] = None,
    delay: DelayOpt = None,
    fetch_pages: FetchPagesOpt = False,
    refresh_updated: RefreshOpt = False,
    since: SinceOpt = None,
    limit: LimitOpt = None,
    feed: Annotated[bool, typer.Option("--feed", help="Then refresh feed.xml and index.html in --out.")] = False,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="For --feed (default: show.base_url).")] = None,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
) -> None:
    """Render every article in the folders, and every entry of the news feeds, one episode each, in
    parallel; skip what is done and unchanged."""
    from radio.batch import FeedOptions, run_batch
    from radio.batch.sources import expand, gate_for, select

    since = check_since(since)
    settings = _settings(config, engine=engine, workers=workers, article_timeout_s=timeout_s, fetch_delay_s=delay)
    if feed:  # a missing [show] setting stops the batch before any work, not after hours of it
        from radio.publish.show import show_from_settings

        show_from_settings(settings, base_url)
    gate = gate_for(settings.fetch_delay_s)
    articles, items = expand(
        sources, gate, settings.fetch_timeout_s, patterns=pattern or (), recursive=recursive, skip=out
    )
    items = select(items, since)
    quiet = quiet or not log.isEnabledFor(logging.INFO)  # `radio -q batch` as `radio batch -q`
    display: _Plain | _Live = _Live() if sys.stderr.isatty() and not quiet else _Plain(quiet)
    try:
        summary = run_batch(
            articles,
            out,
            settings,
            workers=settings.workers or os.cpu_count() or 1,
            timeout_s=settings.article_timeout_s,
            wait_for_lock_s=float("inf") if wait else 0.0,
            scheduler=scheduler,
            events=display,  # type: ignore[arg-type]
            command="radio batch " + " ".join(sources),
            items=items,
            feeds=FeedOptions(fetch_pages, refresh_updated, limit),
        )
    except (Interrupted, KeyboardInterrupt) as exc:  # Ctrl-C or a kill (SIGTERM): the workers are stopped
        display.close()
        signum, what = stopped_by(exc)
        typer.echo(
            f"radio: {what}; finished episodes are kept and catalogued, nothing half-written is left under "
            "a final name; run the same command again to continue",
            err=True,
        )
        raise typer.Exit(128 + signum) from None
    finally:
        display.close()
    _summary(summary)
    if summary.later:
        typer.echo(f"{summary.later} feed entries left for the next run (--limit {limit})")
    if feed:  # what was made is published even if some articles failed; the exit status still says so
        from radio.cli.publish import refresh_feed

        refresh_feed(out, settings, base_url)
    if summary.of("failed"):
        raise typer.Exit(1)


@app.command("list")
def list_episodes(
    out: OutArg = Path("output"),
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per episode, one per line.")] = False,
    failed: Annotated[bool, typer.Option("--failed/--no-failed", help="Show failed articles too.")] = True,
) -> None:
    """Show the episode catalog of an output folder, newest first."""
    from radio.publish.catalog import CATALOG_NAME, Catalog, CatalogError

    if not (out / CATALOG_NAME).is_file():
        raise CatalogError(f"no catalog in {out}; make episodes there first (radio episode / radio batch)")
    with Catalog.open(out) as catalog:
        entries = catalog.episodes(include_failed=failed)
    if json_out:
        for entry in entries:
            typer.echo(json.dumps(asdict(entry), ensure_ascii=False))
        return
    for entry in entries:
        if entry.status == "done":
            typer.echo(
                f"#{entry.number:<4} {entry.made_at[:16]}  {entry.duration_ms / 1000:6.1f} s  "
                f"{entry.loudness_lufs:5.1f} LUFS  {entry.mp3_name}  ({entry.title})"
            )
        else:
            typer.echo(f"{'FAILED':<5} {entry.made_at[:16]}  {entry.source}: {entry.reason}")
    if not entries:
        typer.echo("the catalog is empty", err=True)


@catalog_app.command("rebuild")
def catalog_rebuild(out: OutArg = Path("output")) -> None:
    """Recover a missing or damaged catalog from the episodes' sidecar files."""
    from radio.publish.lock import FolderLock
    from radio.publish.rebuild import rebuild

    lock = FolderLock(out, "radio catalog rebuild")
    lock.acquire()
    try:
        rows = rebuild(out)
    finally:
        lock.release()
    typer.echo(f"catalog rebuilt: {rows} episodes in {out}")


def _cache(config: Path | None) -> Any:
    from radio.sound.cache import SegmentCache

    settings = _settings(config)
    return SegmentCache(limit_bytes=settings.cache_limit_mb * 1024 * 1024)


@cache_app.command("info")
def cache_info(config: ConfigOpt = None) -> None:
    """Where the segment cache is, how full, and its limit."""
    info = _cache(config).info()
    typer.echo(f"{info.path}")
    typer.echo(
        f"{info.clips} clips, {info.size_bytes / 1e6:.1f} MB of {info.limit_bytes / 1e6:.0f} MB "
        "(set [batch] cache_limit_mb in radio.toml)"
    )


@cache_app.command("clear")
def cache_clear(config: ConfigOpt = None) -> None:
    """Delete every cached voiced segment."""
    removed = _cache(config).clear()
    typer.echo(f"removed {removed} cached clips")


from radio.cli import watch as _watch  # noqa: E402,F401  (registers `radio watch`, which shares the feed options)
