"""`radio watch`: the batch on a schedule, for a show that follows news feeds.

Every round reads each source (a feed that fails is skipped, and tried again later and later: a
back-off), makes the entries the catalog does not know yet, and reports in one line. The catalog is
the memory, so a restart never makes an entry twice. Stopping is safe at any moment: between rounds
there is nothing to lose; during one, the batch abandons what is in progress the way an interrupted
`radio batch` does (workers stopped, nothing half-written under a final name, finished episodes
catalogued) and the next start makes the rest.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from radio.batch import Events, FeedOptions, Summary, run_batch
from radio.batch.sources import FeedItem, HostGate, expand, select, unique
from radio.config import Settings
from radio.errors import InputError, RadioError

_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
MIN_INTERVAL_S = 1.0
MAX_BACKOFF_ROUNDS = 16  # a failing source is tried at least every 16 intervals


def parse_interval(text: str) -> float:
    """``15m``, ``90s``, ``1h30m``, ``2h`` or plain seconds, as seconds."""
    spec = text.strip().lower().replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", spec):
        seconds = float(spec)
    elif re.fullmatch(r"(\d+(\.\d+)?[smhd])+", spec):
        seconds = sum(float(n) * _UNITS[u] for n, _, u in re.findall(r"(\d+(\.\d+)?)([smhd])", spec))
    else:
        raise InputError(f"--every {text!r}: give an interval such as 15m, 90s, 1h or 1h30m")
    if seconds < MIN_INTERVAL_S:
        raise InputError(f"--every {text!r}: the interval must be at least {MIN_INTERVAL_S:g} s")
    return seconds


def say_interval(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds / 3600:g}h"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g}m"
    return f"{seconds:g}s"


@dataclass
class Backoff:
    """When each failing source may be tried again: after n failures in a row, n-th power of two
    intervals later (at most ``MAX_BACKOFF_ROUNDS``)."""

    every_s: float
    failures: dict[str, int] = field(default_factory=dict)
    next_try: dict[str, float] = field(default_factory=dict)

    def due(self, source: str, now: float) -> bool:
        return now >= self.next_try.get(source, 0.0)

    def failed(self, source: str, now: float) -> float:
        """Record a failure; returns the seconds until the next try."""
        count = self.failures[source] = self.failures.get(source, 0) + 1
        wait_s = self.every_s * min(1 << min(count - 1, 30), MAX_BACKOFF_ROUNDS)
        self.next_try[source] = now + wait_s - 0.5  # a hair early, so the round that is due takes it
        return wait_s

    def recovered(self, source: str) -> int:
        """Record a success; returns how many failures in a row it ended (0: it was not failing)."""
        self.next_try.pop(source, None)
        return self.failures.pop(source, 0)


@dataclass(frozen=True)
class Round:
    """What one round did."""

    number: int
    summary: Summary | None  # None: nothing to read this round (every source backing off)
    problems: tuple[str, ...]  # one line for each source that failed or came back, and a failed round
    elapsed_s: float

    def line(self, next_in_s: float) -> str:
        if self.summary is None:
            counts = "nothing read"
        else:
            counts = ", ".join(f"{len(self.summary.of(s))} {s}" for s in ("done", "unchanged", "failed"))
            if self.summary.later:
                counts += f", {self.summary.later} left for later (--limit)"
        return f"round {self.number}: {counts} in {self.elapsed_s:.1f} s; next round in {say_interval(next_in_s)}"


@dataclass
class Watcher:
    """The rounds of one `radio watch`; ``run_round`` does one, the command layer loops and sleeps."""

    sources: Sequence[str]
    out_dir: Path
    settings: Settings
    every_s: float
    gate: HostGate
    workers: int
    feeds: FeedOptions = field(default_factory=FeedOptions)
    since: str | None = None
    patterns: Sequence[str] = ()
    recursive: bool = False
    events: Events | None = None
    after_round: Callable[[Summary], None] | None = None  # e.g. refresh the podcast feed
    clock: Callable[[], float] = time.monotonic
    rounds: int = 0
    in_round: bool = False
    backoff: Backoff = field(init=False)

    def __post_init__(self) -> None:
        self.backoff = Backoff(self.every_s)

    def _read(self, problems: list[str]) -> tuple[list[str], list[FeedItem], bool]:
        """Every source that is due, read; the failing ones noted (and backed off)."""
        articles: dict[str, None] = {}
        items: list[FeedItem] = []
        read_any = False
        for source in self.sources:
            now = self.clock()
            if not self.backoff.due(source, now):
                continue
            try:
                found, entries = expand(
                    [source],
                    self.gate,
                    self.settings.fetch_timeout_s,
                    patterns=self.patterns,
                    recursive=self.recursive,
                    skip=self.out_dir,
                )
            except InputError as exc:
                if not source.startswith(("http://", "https://")) and Path(source).is_dir():
                    read_any = True  # a drop folder with nothing in it yet is not a failure
                    continue
                wait_s = self.backoff.failed(source, now)
                count = self.backoff.failures[source]
                problems.append(
                    f"{exc} (failed {count} time{'s' if count > 1 else ''} in a row; backing off: next try in "
                    f"{say_interval(wait_s)})"
                )
                continue
            read_any = True
            if back := self.backoff.recovered(source):
                problems.append(f"{source}: read again after {back} failed tries")
            articles.update(dict.fromkeys(found))
            items.extend(entries)
        return list(articles), select(unique(items), self.since), read_any

    def run_round(self) -> Round:
        """One round: read the sources, make what is new, refresh the feed. A failure of the whole
        round (the output folder busy, the engine broken) is reported and the next round tries again."""
        self.rounds += 1
        self.in_round = True  # left set if the round is interrupted, so the command can say so
        done = self._round(self.clock())
        self.in_round = False
        return done

    def _round(self, started: float) -> Round:
        problems: list[str] = []
        articles, items, read_any = self._read(problems)
        if not read_any:
            return Round(self.rounds, None, tuple(problems), self.clock() - started)
        try:
            summary = run_batch(
                articles,
                self.out_dir,
                self.settings,
                workers=self.workers,
                timeout_s=self.settings.article_timeout_s,
                wait_for_lock_s=min(self.every_s, 600.0),
                events=self.events,
                command="radio watch " + " ".join(self.sources),
                items=items,
                feeds=self.feeds,
            )
            if self.after_round:
                self.after_round(summary)
        except RadioError as exc:
            problems.append(f"the round failed: {exc}; trying again next round")
            return Round(self.rounds, None, tuple(problems), self.clock() - started)
        return Round(self.rounds, summary, tuple(problems), self.clock() - started)


def check_sources(sources: Sequence[str]) -> None:
    """Refuse at once a local source that does not exist (a typo should not wait for the first round)."""
    for source in sources:
        if source.startswith(("http://", "https://")):
            continue
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file or folder; give feed URLs, feed files or folders")
