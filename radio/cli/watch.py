"""`radio watch`: `radio batch` on a schedule, until stopped (the loop itself is radio.batch.watch)."""

from __future__ import annotations

import logging
import os
import signal
import time
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from radio.cli import ConfigOpt, EngineOpt, Interrupted, _settings, app
from radio.cli.batch import (
    DelayOpt,
    FetchPagesOpt,
    LimitOpt,
    RefreshOpt,
    SinceOpt,
    TimeoutOpt,
    WorkersOpt,
    check_since,
)

log = logging.getLogger("radio")


class _Failures:
    """Within a round, one line for each article that failed (its reason); nothing else."""

    def planned(self, total: int, unchanged: int, workers: int) -> None:
        pass

    def progress(self, update: Any) -> None:
        pass

    def finished(self, outcome: Any) -> None:
        if outcome.status == "failed":
            log.warning("failed: %s: %s", outcome.source, outcome.reason)


def _feed_refresher(out: Path, settings: Any, base_url: str | None) -> Any:
    """Write feed.xml and index.html after a round that made something (quietly: one line)."""
    from radio.publish.feed import FeedError, write_feed
    from radio.publish.page import write_page
    from radio.publish.show import show_from_settings

    show = show_from_settings(settings, base_url)  # a missing [show] setting stops the watch before round 1
    state = {"first": True}

    def refresh(summary: Any) -> None:
        if not (summary.of("done") or state["first"]):
            return
        state["first"] = False
        try:
            result = write_feed(out, show)
        except FeedError as exc:
            log.info("feed not written yet: %s", exc)
            return
        for warning in result.warnings:
            log.warning("%s", warning)
        write_page(out, show, result.cover_name, result.entries)
        log.info("feed: %s (%d episodes)", show.feed_url, result.items)

    return refresh


@app.command()
def watch(
    sources: Annotated[
        list[str], typer.Argument(help="News feed URLs or files (RSS, Atom, OPML, sitemaps), or folders of articles.")
    ],
    every: Annotated[str, typer.Option("--every", help="Time between two rounds: 15m, 90s, 1h, 1h30m.")] = "15m",
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    feed: Annotated[
        bool, typer.Option("--feed", help="Refresh the podcast feed and episode page after each round.")
    ] = False,
    base_url: Annotated[
        Optional[str], typer.Option("--base-url", help="With --feed: the folder's public address (show.base_url).")
    ] = None,
    rounds: Annotated[
        Optional[int], typer.Option("--rounds", min=1, help="Stop after N rounds (default: never).")
    ] = None,
    workers: WorkersOpt = None,
    timeout_s: TimeoutOpt = None,
    delay: DelayOpt = None,
    fetch_pages: FetchPagesOpt = False,
    refresh_updated: RefreshOpt = False,
    since: SinceOpt = None,
    limit: LimitOpt = None,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
) -> None:
    """Run the batch every --every until stopped: each new feed entry becomes one episode, once."""
    from radio.batch import FeedOptions
    from radio.batch.sources import gate_for
    from radio.batch.watch import Watcher, check_sources, parse_interval, say_interval

    every_s = parse_interval(every)
    since = check_since(since)
    check_sources(sources)
    settings = _settings(config, engine=engine, workers=workers, article_timeout_s=timeout_s, fetch_delay_s=delay)
    watcher = Watcher(
        sources=sources,
        out_dir=out.resolve(),
        settings=settings,
        every_s=every_s,
        gate=gate_for(settings.fetch_delay_s),
        workers=settings.workers or os.cpu_count() or 1,
        feeds=FeedOptions(fetch_pages, refresh_updated, limit),
        since=since,
        events=_Failures(),  # type: ignore[arg-type]
        after_round=_feed_refresher(out, settings, base_url) if feed else None,
    )
    log.info("watch: %d source%s every %s into %s", len(sources), "s" * (len(sources) != 1), say_interval(every_s), out)
    try:
        while True:
            report = watcher.run_round()
            for problem in report.problems:
                log.warning("%s", problem)
            if rounds is not None and watcher.rounds >= rounds:
                log.info("%s", report.line(0).rsplit(";", 1)[0] + f"; stopping after {rounds} rounds")
                return
            wait_s = max(0.0, every_s - report.elapsed_s)
            log.info("%s", report.line(wait_s))
            time.sleep(wait_s)
    except Interrupted as exc:
        name = signal.Signals(exc.signum).name
        if watcher.in_round:
            log.info(
                "watch: stopped by %s during round %d; finished episodes are kept and catalogued, nothing "
                "half-written is left; the rest are made next time",
                name,
                watcher.rounds,
            )
        else:
            log.info("watch: stopped by %s after %d rounds", name, watcher.rounds)
