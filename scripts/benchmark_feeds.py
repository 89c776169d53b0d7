"""How long `radio batch FEED` takes when a 1,000-entry feed has not changed since the last run.

A feed of N generated entries, each carrying its full story (``content:encoded``), is served by a
local HTTP server. The first run is real for the first entry (`radio batch` with the fake engine);
the other entries are then catalogued with copies of that episode's files, as a real first run
would have left them (rendering 1,000 episodes takes most of an hour on a small machine; pass
``--render-all`` to do it for real). The second run is the real command, end to end in a fresh
process: it fetches and parses the feed, looks every entry up in the catalog, makes nothing and
prints its summary. Aim: under 2 s for 1,000 entries.

    .venv/bin/python scripts/benchmark_feeds.py [--entries 1000] [--runs 3] [--render-all]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WORDS = [
    *("harbour", "council", "ferry", "library", "orchard", "bridge", "market", "school", "clinic", "river"),
    *("station", "island", "volunteers", "residents", "weather", "timber", "repairs", "crossing", "season"),
    *("grant", "roof", "survey", "evening", "tools", "harvest", "stalls"),
]


def story(number: int) -> tuple[str, list[str]]:
    """A headline and four paragraphs, different for every entry (generated, not real news)."""
    pick = [WORDS[(number * 7 + k * 3) % len(WORDS)] for k in range(12)]
    title = f"Item {number}: the {pick[0]} and the {pick[1]} in week {number % 52 + 1}"
    paragraphs = [
        f"The {pick[2]} committee met on Monday to discuss the {pick[3]} and the {pick[4]} for entry {number}.",
        f"\u201cWe expect the {pick[5]} to be ready before the {pick[6]},\u201d said organiser Alex Moreno.",
        f"Members agreed to review the {pick[7]} plans again after {number % 9 + 2} weeks of work.",
        f"The {pick[8]} and the {pick[9]} will stay open while the {pick[10]} work on the {pick[11]} goes on.",
    ]
    return title, paragraphs


def feed(base: str, entries: int) -> bytes:
    items = []
    for number in range(entries):
        title, paragraphs = story(number)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        day = number % 28 + 1
        items.append(
            f"<item><title>{html.escape(title)}</title><link>{base}/news/{number}.html</link>"
            f"<guid isPermaLink='false'>bench-{number}</guid><pubDate>Mon, {day:02d} Jun 2026 08:00:00 GMT</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0' "
        "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>Bench</title>"
        f"<link>{base}/</link><description>generated</description>{''.join(items)}</channel></rss>"
    ).encode()


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def radio(*args: str, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "radio", *args], capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - started, proc


def seed(out: Path, url: str) -> int:
    """Catalog every entry of the feed after the first, with copies of the first entry's files."""
    from radio.batch.sources import gate_for, read_feed_source
    from radio.pipeline import slugify
    from radio.publish.catalog import SIDECAR_KINDS, Catalog

    items = list(read_feed_source(url, gate_for(0), 60).items)
    with Catalog.open(out) as catalog:
        (model,) = catalog.episodes()
        slug = model.mp3_name[: -len(".mp3")]
        for item in items:
            if catalog.find_item(item.guid, item.link):
                continue
            mine = slugify(item.title)
            sidecars = {kind: mine + suffix for kind, suffix in SIDECAR_KINDS.items()}
            for suffix in (".mp3", *SIDECAR_KINDS.values()):
                target = out / (mine + suffix)
                target.unlink(missing_ok=True)
                os.link(out / (slug + suffix), target)
            catalog.record_done(
                source=item.source, content_hash=item.content_hash, title=item.title, date=item.published,
                summary=model.summary, duration_ms=model.duration_ms, mp3_name=mine + ".mp3", sidecars=sidecars,
                speakers=model.speakers, loudness_lufs=model.loudness_lufs, true_peak_dbtp=model.true_peak_dbtp,
                fit_to_air=True, settings_key=model.settings_key, guid=item.guid, link=item.link,
                item_updated=item.updated,
            )  # fmt: skip
    return len(items)


def in_process(url: str, out: Path, runs: int) -> float:
    """The second run without the interpreter's and the command line's start: read the feed, plan."""
    from radio.batch import run_batch
    from radio.batch.sources import expand, gate_for
    from radio.config import Settings

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        articles, items = expand([url], gate_for(0), 60)
        summary = run_batch(articles, out, Settings(engine="fake"), workers=1, timeout_s=60, items=items)
        times.append(time.perf_counter() - started)
        assert len(summary.of("unchanged")) == len(items), "the in-process run made something"
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="second runs to time (the median is reported)")
    parser.add_argument("--render-all", action="store_true", help="render every entry in the first run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="radio-bench-feeds-"))
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "XDG_CONFIG_HOME": str(work / "config")}
    try:
        site = work / "site"
        site.mkdir()
        server, base = serve(site)
        out = work / "out"
        url = f"{base}/feed.xml"
        (site / "feed.xml").write_bytes(feed(base, args.entries if args.render_all else 1))
        first_s, proc = radio("batch", url, "-o", str(out), "-e", "fake", "--delay", "0", "-q", env=env)
        if proc.returncode != 0:
            sys.exit(f"first run failed:\n{proc.stdout}\n{proc.stderr}")
        data = feed(base, args.entries)
        (site / "feed.xml").write_bytes(data)
        os.environ.update(env)
        if not args.render_all:
            seed(out, url)
        times = []
        if os.environ.get("RADIO_BENCH_KEEP"):
            print(url, out, flush=True)
            time.sleep(float(os.environ["RADIO_BENCH_KEEP"]))
        for _ in range(args.runs):
            elapsed, proc = radio("batch", url, "-o", str(out), "-e", "fake", "--delay", "0", "-q", env=env)
            summary = next((line for line in proc.stdout.splitlines() if " unchanged, " in line), "")
            if proc.returncode != 0 or not summary.startswith(f"0 done, {args.entries} unchanged, 0 failed"):
                sys.exit(f"second run did not skip everything:\n{proc.stdout}\n{proc.stderr}")
            times.append(elapsed)
        own = in_process(url, out, args.runs)
        startup = statistics.median(radio("--help", env=env)[0] for _ in range(args.runs))
        server.shutdown()
        digest = hashlib.sha256(data).hexdigest()[:12]
        print(f"feed: {args.entries} entries with content:encoded, {len(data) / 1e6:.2f} MB (sha256 {digest}…)")
        how = "all rendered" if args.render_all else "1 rendered, the rest catalogued"
        print(f"first run: {first_s:.1f} s ({how})")
        print(f"second run, nothing changed: median {statistics.median(times):.2f} s of {args.runs} "
              f"({', '.join(f'{t:.2f}' for t in times)}); the whole command, a fresh process each time")  # fmt: skip
        print(f"  of which the batch itself (feed read, catalog lookups, summary): median {own:.2f} s, in process")
        print(f"  for comparison, `radio --help` (the interpreter and command line starting): median {startup:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
