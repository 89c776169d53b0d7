"""`radio batch` from news feeds: RSS, Atom, OPML and sitemaps served by a local HTTP server, the fake
engine (through the real registry) at the engine boundary, everything else for real."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from radio.batch.sources import FeedItem, HostGate, parse_feed, read_feed_source, root_name, select
from radio.errors import InputError
from radio.publish.catalog import Catalog, CatalogEntry
from tests.feed_helpers import STORIES, atom, opml, rss, serve, sitemap
from tests.helpers import radio_wide as radio
from tests.publish_helpers import BASE_URL, SHOW_TOML


def batch(*args: str, out: Path) -> subprocess.CompletedProcess[str]:
    return radio("batch", *args, "--out", str(out), "-e", "fake", "--workers", "2", "--delay", "0", cwd=out.parent)


def rows(out: Path) -> dict[str, CatalogEntry]:
    with Catalog.open(out) as catalog:
        return {e.link or e.source: e for e in catalog.episodes(include_failed=True)}


def counts(proc: subprocess.CompletedProcess[str]) -> str:
    return next(line for line in proc.stdout.splitlines() if " unchanged, " in line)


# --- reading feeds ---------------------------------------------------------------


def test_rss_entry_carries_link_identity_metadata_and_the_story() -> None:
    items = parse_feed(rss("https://courier.example", ["ferry", "library"], {"ferry"}), "rss.xml")
    ferry, library = items
    assert ferry.link == "https://courier.example/news/ferry.html"
    assert ferry.guid == "rss.xml#courier-ferry"  # a guid unique only in its feed is scoped to the feed
    assert ferry.title == STORIES["ferry"][0]
    assert ferry.author == "Sam Ortega"
    assert ferry.published == "2026-06-01"
    assert ferry.image == "https://courier.example/img/ferry.jpg"
    assert "dry dock" in ferry.content
    assert library.content == ""  # only a description: the page must be fetched
    assert ferry.content_hash != library.content_hash


def test_atom_entry_keeps_a_global_id_and_its_content() -> None:
    items = parse_feed(atom("https://courier.example", ["orchard", "bridge"], {"bridge"}), "atom.xml")
    assert [i.guid for i in items] == ["tag:courier.example,2026:orchard", "tag:courier.example,2026:bridge"]
    assert items[0].author == "Lena Okafor"
    assert items[0].updated == "2026-06-10T09:00:00Z"
    assert "timber deck" in items[1].content and items[0].content == ""


def test_malformed_and_foreign_documents_are_refused_in_one_line() -> None:
    broken = rss("https://courier.example", ["ferry"]).replace(b"</item>", b"</itm>")
    with pytest.raises(InputError, match="malformed"):
        parse_feed(broken, "broken.xml")
    assert root_name(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- hi --><rss version='2.0'>") == "rss"
    assert root_name(b"<!DOCTYPE html><html><body>") == "html"


def test_since_keeps_recent_and_undated_entries_newest_first() -> None:
    items = [
        FeedItem("https://a.example/1", "1", published="2026-05-01"),
        FeedItem("https://a.example/2", "2", published="2026-06-03"),
        FeedItem("https://a.example/3", "3"),
    ]
    assert [i.guid for i in select(items, "2026-06-01")] == ["2", "3"]


def test_opml_and_sitemap_expand_through_the_server() -> None:
    with serve() as site:
        site.put("/rss.xml", rss(site.base, ["ferry"]), "application/rss+xml")
        site.put("/atom.xml", atom(site.base, ["orchard"]), "application/atom+xml")
        site.put("/subs.opml", opml(site.base, ["rss.xml", "atom.xml"]), "text/x-opml")
        site.put("/sitemap.xml", sitemap(site.base, ["market"]), "application/xml")
        site.put(
            "/index.xml",
            f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{site.base}/sitemap.xml</loc></sitemap></sitemapindex>".encode(),
            "text/xml",
        )
        gate = HostGate(Path(os.environ["XDG_CACHE_HOME"]) / "hosts", 0)
        listed = read_feed_source(f"{site.base}/subs.opml", gate, 10)
        assert [i.link.rsplit("/", 1)[1] for i in listed.items] == ["ferry.html", "orchard.html"]
        mapped = read_feed_source(f"{site.base}/index.xml", gate, 10)
        (market,) = mapped.items
        assert (market.title, market.published) == (STORIES["market"][0], "2026-06-01")
        site.add_pages("market")
        page = read_feed_source(f"{site.base}/news/market.html", gate, 10)  # an article, not a feed
        assert page.articles == (f"{site.base}/news/market.html",) and page.items == ()


def test_host_gate_takes_turns_with_the_delay(tmp_path: Path) -> None:
    gate = HostGate(tmp_path, 0.2)
    spans: list[tuple[float, float]] = []

    def fetch() -> None:
        with gate.turn("https://one.example/a"):
            start = time.monotonic()
            time.sleep(0.05)
            spans.append((start, time.monotonic()))

    threads = [threading.Thread(target=fetch) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert start - end >= 0.19  # one at a time, and the delay between two


# --- radio batch from feeds ---------------------------------------------------------


def test_feeds_first_run_second_run_new_entry_failing_page(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serve() as site:
        site.put("/rss.xml", rss(site.base, ["ferry", "library"], {"ferry"}), "application/rss+xml")
        site.put("/atom.xml", atom(site.base, ["orchard", "bridge"], {"bridge"}), "application/atom+xml")
        site.put("/subs.opml", opml(site.base, ["rss.xml", "atom.xml"]), "text/x-opml")
        site.put("/sitemap.xml", sitemap(site.base, ["market"]), "application/xml")
        site.add_pages("library", "orchard", "market")  # ferry and bridge: only in the feeds
        sources = (f"{site.base}/subs.opml", f"{site.base}/sitemap.xml")

        first = batch(*sources, out=out)
        assert first.returncode == 0, first.stdout + first.stderr
        assert counts(first).startswith("5 done, 0 unchanged, 0 failed")
        assert site.asked("/news/ferry.html") == site.asked("/news/bridge.html") == 0  # the feed's story used
        made = rows(out)
        ferry = made[f"{site.base}/news/ferry.html"]
        assert ferry.status == "done" and ferry.guid == f"{site.base}/rss.xml#courier-ferry"
        assert ferry.image == f"{site.base}/img/ferry.jpg"
        script = json.loads((out / ferry.sidecars["script"]).read_text(encoding="utf-8"))
        assert script["title"] == STORIES["ferry"][0]
        assert script["byline"] == "Sam Ortega" and script["date"] == "2026-06-01"
        pages_asked = len([r for r in site.requests if r.startswith("/news/")])

        second = batch(*sources, out=out)
        assert second.returncode == 0, second.stdout + second.stderr
        assert counts(second).startswith("0 done, 5 unchanged, 0 failed")
        assert len([r for r in site.requests if r.startswith("/news/")]) == pages_asked  # nothing fetched again

        # the sitemap's story turns up in the feed under a new guid (same link), and one new story
        site.put("/rss.xml", rss(site.base, ["ferry", "library", "market", "school"], {"ferry"}), "application/rss+xml")
        site.add_pages("school")
        third = batch(*sources, out=out)
        assert third.returncode == 0, third.stdout + third.stderr
        assert counts(third).startswith("1 done, 5 unchanged, 0 failed")
        assert (out / "village-school-wins-a-grant-for-a-new-roof.mp3").is_file()

        # a story whose page fails is reported; the rest stay made
        feed = rss(site.base, ["ferry", "library", "school", "clinic", "museum"], {"ferry"})
        site.put("/rss.xml", feed, "application/rss+xml")
        site.put("/news/clinic.html", b"server trouble", "text/plain", status=500)
        site.add_pages("museum")
        fourth = batch(*sources, out=out)
        assert fourth.returncode == 1
        assert counts(fourth).startswith("1 done, 6 unchanged, 1 failed")
        assert "HTTP 500" in fourth.stdout
        assert rows(out)[f"{site.base}/news/clinic.html"].status == "failed"
        assert len(list(out.glob("*.mp3"))) == 7

        # the page and the podcast feed link back to the stories
        (tmp_path / "show.toml").write_text(SHOW_TOML, encoding="utf-8")
        published = radio("feed", str(out), "--base-url", BASE_URL, "-c", str(tmp_path / "show.toml"), cwd=tmp_path)
        assert published.returncode == 0, published.stderr
        feed_xml = (out / "feed.xml").read_text(encoding="utf-8")
        assert f"<link>{site.base}/news/ferry.html</link>" in feed_xml
        assert f'href="{site.base}/news/school.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_malformed_feed_is_one_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serve() as site:
        site.put("/rss.xml", rss(site.base, ["ferry"], {"ferry"})[:-40], "application/rss+xml")
        proc = batch(f"{site.base}/rss.xml", out=out)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith("radio: error: ") and "the feed is malformed" in line
    not_feed = tmp_path / "notes.xml"
    not_feed.write_text("<notes><note>hi</note></notes>", encoding="utf-8")
    proc = batch(str(not_feed), out=out)
    assert proc.returncode == 1 and "not a news feed, OPML list or sitemap" in proc.stderr


def test_refresh_updated_fetch_pages_limit_since(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serve() as site:
        site.put("/rss.xml", rss(site.base, ["ferry", "library"], {"ferry", "library"}), "application/rss+xml")
        site.add_pages("library")
        url = f"{site.base}/rss.xml"
        limited = batch(url, "--fetch-pages", "--limit", "1", out=out)
        assert limited.returncode == 0, limited.stdout + limited.stderr
        assert counts(limited).startswith("1 done, 0 unchanged, 0 failed")
        assert "1 feed entries left for the next run" in limited.stdout
        assert site.asked("/news/library.html") == 1  # the newest, its page fetched as asked
        recent = batch(url, "--since", "2026-06-02", out=out)  # the ferry story is older
        assert counts(recent).startswith("0 done, 1 unchanged, 0 failed")
        made = batch(url, out=out)
        assert counts(made).startswith("1 done, 1 unchanged, 0 failed")
        before = rows(out)[f"{site.base}/news/ferry.html"]

        changed = rss(site.base, ["ferry", "library"], {"ferry", "library"}).replace(
            b"weather permitting", b"weather and tides permitting"
        )
        site.put("/rss.xml", changed, "application/rss+xml")
        kept = batch(url, out=out)
        assert counts(kept).startswith("0 done, 2 unchanged, 0 failed")
        remade = batch(url, "--refresh-updated", out=out)
        assert counts(remade).startswith("1 done, 1 unchanged, 0 failed"), remade.stdout
        after = rows(out)[f"{site.base}/news/ferry.html"]
        assert after.episode_id == before.episode_id and after.number == before.number
        assert after.content_hash != before.content_hash
        assert "tides" in (out / after.sidecars["script"]).read_text(encoding="utf-8")
        bad = radio("batch", url, "--since", "June", "-o", str(out), cwd=tmp_path)
        assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def test_an_unchanged_feed_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from radio.batch import sources

    data = rss("https://courier.example", ["ferry", "library"], {"ferry"})
    first = sources.parse_feed_cached(data, "https://courier.example/rss.xml")

    def refuse(*args: object, **kwargs: object) -> list[FeedItem]:
        raise AssertionError("parsed again")

    monkeypatch.setattr(sources, "parse_feed", refuse)
    assert sources.parse_feed_cached(data, "https://courier.example/rss.xml") == first
    changed = rss("https://courier.example", ["ferry", "library", "school"], {"ferry"})
    with pytest.raises(AssertionError, match="parsed again"):
        sources.parse_feed_cached(changed, "https://courier.example/rss.xml")


def test_a_version_1_catalog_gains_the_feed_columns(tmp_path: Path) -> None:
    import sqlite3

    from radio.publish import catalog as module

    db = sqlite3.connect(tmp_path / module.CATALOG_NAME)
    db.executescript(module.MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO episodes (episode_id, source, content_hash, status, made_at) "
        "VALUES ('abc', '/news/old.txt', 'h1', 'failed', '2026-01-01T00:00:00Z')"
    )
    db.commit()
    db.close()
    with Catalog.open(tmp_path) as catalog:
        (old,) = catalog.episodes(include_failed=True)
        assert (old.episode_id, old.guid, old.link) == ("abc", "", "")
        catalog.record_failure(
            "https://a.example/1", "h2", "HTTP 500", "", "tag:a.example,2026:1", "https://a.example/1"
        )
        assert catalog.find_item("tag:a.example,2026:1", "").source == "https://a.example/1"  # type: ignore[union-attr]
        assert catalog.find_item("", "https://a.example/1").guid == "tag:a.example,2026:1"  # type: ignore[union-attr]
        assert catalog.find_item("other", "https://a.example/2", "h2") is None  # content matches done rows only
    version = sqlite3.connect(tmp_path / module.CATALOG_NAME).execute("PRAGMA user_version").fetchone()[0]
    assert version == module.SCHEMA_VERSION == 2
