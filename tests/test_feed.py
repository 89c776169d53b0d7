"""radio feed: every channel and item rule checked on the XML with lxml, the feed read by real
clients (feedparser, gPodder's podcastparser), stability of earlier items, bad input."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import podcastparser
import pytest
from lxml import etree
from mutagen.mp3 import MP3

from radio import asset
from radio.errors import ConfigError
from radio.publish.catalog import Catalog
from radio.publish.cover import load_cover, parse_image
from radio.publish.feed import FeedError, write_feed
from radio.publish.show import APPLE_CATEGORIES, artwork_problems, podcast_guid, show_from_settings
from tests.publish_helpers import BASE_URL, SHOW_TOML, TRICKY_SUMMARY, TRICKY_TITLE, make_episode, radio, settings

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
DURATION = re.compile(r"^\d+$")  # whole seconds
RFC2822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$"
)
LONG_SUMMARY = "Ελληνικά & more. " * 400  # well over 4000 bytes


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real episodes (the newer one with a tricky title and a long summary), made once."""
    out = tmp_path_factory.mktemp("made") / "out"
    make_episode(out, "one", day=3)
    make_episode(out, "two", day=4, title=TRICKY_TITLE, summary=TRICKY_SUMMARY + " " + LONG_SUMMARY)
    return out


@pytest.fixture
def out(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(made, copy)
    return copy


def _feed(out: Path, **kwargs: object) -> etree._Element:
    write_feed(out, show_from_settings(settings(), BASE_URL), **kwargs)  # type: ignore[arg-type]
    return etree.parse(str(out / "feed.xml")).getroot()


def test_channel_rules(out: Path) -> None:
    root = _feed(out)
    raw = (out / "feed.xml").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap["itunes"] == NS["itunes"] and root.nsmap["podcast"] == NS["podcast"]
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == 'Harbour & <Island> "News"'
    assert len((channel.findtext("description") or "").encode()) <= 4000
    assert channel.findtext("link") == BASE_URL + "/"
    assert re.match(r"^[a-z]{2}(-[a-z]{2})?$", channel.findtext("language") or "")
    assert channel.findtext("copyright") == "© 2026 Harbour Radio"
    assert channel.findtext("itunes:author", namespaces=NS) == "Harbour Radio"
    assert channel.findtext("itunes:owner/itunes:name", namespaces=NS) == "Harbour Radio"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "news@example.org"
    assert channel.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
    category = channel.find("itunes:category", NS)
    assert category is not None and category.get("text") in APPLE_CATEGORIES
    sub = category.find("itunes:category", NS)
    assert sub is not None and sub.get("text") in APPLE_CATEGORIES[category.get("text", "")]
    self_link = channel.find("atom:link", NS)
    assert self_link is not None and self_link.get("href") == BASE_URL + "/feed.xml"
    # artwork: the file the URL names, square JPEG/PNG of 1400-3000 px, RGB without alpha
    image = channel.find("itunes:image", NS)
    assert image is not None
    href = image.get("href", "")
    assert href.startswith(BASE_URL + "/") and href.endswith((".png", ".jpg"))
    cover = parse_image((out / href.rsplit("/", 1)[1]).read_bytes(), href)
    assert artwork_problems(cover) == []
    assert cover.mime == ("image/png" if href.endswith(".png") else "image/jpeg")
    # podcast: namespace
    assert channel.findtext("podcast:guid", namespaces=NS) == podcast_guid(BASE_URL + "/feed.xml")
    locked = channel.find("podcast:locked", NS)
    assert locked is not None and locked.text in ("yes", "no") and locked.get("owner") == "news@example.org"


def test_item_rules(out: Path) -> None:
    items = _feed(out).findall("channel/item")
    assert len(items) == 2
    with Catalog.open(out) as catalog:
        entries = {e.episode_id: e for e in catalog.episodes()}
    dates = []
    for item in items:
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false" and guid.text in entries
        entry = entries[guid.text]
        assert item.findtext("title") == entry.title
        assert 0 < len((item.findtext("description") or "").encode()) <= 4000
        enclosure = item.find("enclosure")
        assert enclosure is not None and enclosure.get("type") == "audio/mpeg"
        url = enclosure.get("url", "")
        assert url == f"{BASE_URL}/{entry.mp3_name}" and url.endswith(".mp3")
        mp3 = out / entry.mp3_name
        assert int(enclosure.get("length", "0")) == mp3.stat().st_size > 0
        assert RFC2822.match(item.findtext("pubDate") or ""), item.findtext("pubDate")
        dates.append(parsedate_to_datetime(item.findtext("pubDate") or ""))
        duration = item.findtext("itunes:duration", namespaces=NS) or ""
        assert DURATION.match(duration)
        assert abs(int(duration) - MP3(str(mp3)).info.length) <= 1
        assert item.findtext("itunes:episode", namespaces=NS) == str(entry.number)
        assert item.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
        transcripts = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", NS)}
        assert transcripts == {
            "text/vtt": f"{BASE_URL}/{entry.sidecars['vtt']}",
            "application/x-subrip": f"{BASE_URL}/{entry.sidecars['srt']}",
        }
        chapters = item.findall("podcast:chapters", NS)
        assert len(chapters) == 1 and chapters[0].get("type") == "application/json+chapters"
        assert chapters[0].get("url") == f"{BASE_URL}/{entry.sidecars['chapters']}"
        assert item.find("itunes:image", NS) is None  # no episode cover of its own
    assert dates == sorted(dates, reverse=True)  # newest first
    guids = [item.findtext("guid") for item in items]
    urls = [item.find("enclosure").get("url") for item in items]  # type: ignore[union-attr]
    assert len(set(guids)) == len(guids) and len(set(urls)) == len(urls)
    assert items[0].findtext("title") == TRICKY_TITLE  # escaped by the writer, read back as written


def test_podcast_guid_matches_the_spec_examples() -> None:
    # docs/tags/guid.md of Podcastindex-org/podcast-namespace
    assert podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("http://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert uuid.UUID(podcast_guid("https://example.org/feed.xml")).version == 5


def test_feedparser_reads_it(out: Path) -> None:
    _feed(out)
    parsed = feedparser.parse(str(out / "feed.xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.title == 'Harbour & <Island> "News"'
    assert parsed.feed.language == "en-gb"
    assert len(parsed.entries) == 2
    first = parsed.entries[0]
    assert first.title == TRICKY_TITLE
    assert first.summary.startswith(TRICKY_SUMMARY)
    assert first.enclosures[0].type == "audio/mpeg"
    assert int(first.enclosures[0].length) == (out / first.enclosures[0].href.rsplit("/", 1)[1]).stat().st_size
    assert first.id and first.guidislink is False
    assert first.itunes_duration.isdigit()


def test_podcastparser_reads_it(out: Path) -> None:
    _feed(out)
    with (out / "feed.xml").open("rb") as fh:
        parsed = podcastparser.parse(BASE_URL + "/feed.xml", fh)
    assert parsed["title"] == 'Harbour & <Island> "News"'
    assert parsed["cover_url"].startswith(BASE_URL + "/cover-")
    episodes = parsed["episodes"]
    assert episodes[0]["title"] == TRICKY_TITLE
    for episode in episodes:
        enclosure = episode["enclosures"][0]
        assert enclosure["mime_type"] == "audio/mpeg"
        assert enclosure["file_size"] == (out / enclosure["url"].rsplit("/", 1)[1]).stat().st_size
        assert episode["total_time"] > 0 and episode["guid"]
        assert episode["number"] in (1, 2)
    assert episodes[0]["published"] >= episodes[1]["published"]


def test_earlier_items_stay_byte_for_byte_and_the_file_is_replaced_atomically(out: Path) -> None:
    _feed(out)
    before = (out / "feed.xml").read_bytes()
    make_episode(out, "three", day=5)
    with (out / "feed.xml").open("rb") as reader:  # a web server sending the old feed meanwhile
        _feed(out)
        assert reader.read() == before  # whole: the new feed went in under a new inode, by rename
        assert os.fstat(reader.fileno()).st_ino != (out / "feed.xml").stat().st_ino
    after = (out / "feed.xml").read_bytes()
    old_items = re.findall(rb"<item>.*?</item>", before, re.S)
    new_items = re.findall(rb"<item>.*?</item>", after, re.S)
    assert len(old_items) == 2 and len(new_items) == 3
    assert new_items[1:] == old_items  # the new one on top, the earlier ones untouched
    assert list(out.glob(".feed.xml*")) == []  # no temporary file left behind


def test_remade_episode_keeps_its_guid_and_number(out: Path) -> None:
    first = _feed(out).findall("channel/item")[-1]
    with Catalog.open(out) as catalog:
        source = Path(catalog.episodes()[-1].source)
    make_episode(out, "one", day=3, title="Ferry timetable one, corrected", article=source)
    items = _feed(out).findall("channel/item")
    assert len(items) == 2
    remade = items[0]
    assert remade.findtext("guid") == first.findtext("guid")
    assert remade.findtext("itunes:episode", namespaces=NS) == first.findtext("itunes:episode", namespaces=NS)
    assert remade.findtext("title") == "Ferry timetable one, corrected"


def test_removed_episode_stays_until_pruned(out: Path) -> None:
    _feed(out)
    before = re.findall(rb"<item>.*?</item>", (out / "feed.xml").read_bytes(), re.S)
    with Catalog.open(out) as catalog:
        gone = catalog.episodes()[-1]
        catalog.remove(gone.episode_id)
    guids = [item.findtext("guid") for item in _feed(out).findall("channel/item")]
    assert gone.episode_id in guids and len(guids) == 2
    assert re.findall(rb"<item>.*?</item>", (out / "feed.xml").read_bytes(), re.S) == before  # kept as it was
    guids = [item.findtext("guid") for item in _feed(out, prune=True).findall("channel/item")]
    assert gone.episode_id not in guids and len(guids) == 1


def test_a_removed_episode_made_again_is_not_a_duplicate(out: Path) -> None:
    """Removed from the catalog and made again from the same article: a new id, the same MP3 name. The
    feed keeps one item for that enclosure (the new one), not the old item beside it."""
    _feed(out)
    with Catalog.open(out) as catalog:
        gone = catalog.episodes()[-1]
        catalog.remove(gone.episode_id)
    again = make_episode(out, "one", day=3, article=Path(gone.source))
    assert again.episode_id != gone.episode_id and again.mp3_name == gone.mp3_name
    items = _feed(out).findall("channel/item")
    guids = [item.findtext("guid") for item in items]
    urls = [item.find("enclosure").get("url") for item in items]  # type: ignore[union-attr]
    assert len(items) == 2 and len(set(urls)) == 2 and len(set(guids)) == 2
    assert again.episode_id in guids and gone.episode_id not in guids


def test_limit_keeps_the_newest(out: Path) -> None:
    items = _feed(out, limit=1).findall("channel/item")
    assert [item.findtext("title") for item in items] == [TRICKY_TITLE]


@pytest.mark.parametrize("damage", ["missing", "changed"])
def test_missing_or_changed_mp3_is_reported_and_left_out(out: Path, damage: str) -> None:
    with Catalog.open(out) as catalog:
        older, newer = catalog.episodes()[1], catalog.episodes()[0]
    mp3 = out / older.mp3_name
    if damage == "missing":
        mp3.unlink()
    else:
        mp3.write_bytes(mp3.read_bytes()[:-100])
    result = write_feed(out, show_from_settings(settings(), BASE_URL))
    assert len(result.warnings) == 1 and older.mp3_name in result.warnings[0]
    assert ("missing" if damage == "missing" else "changed") in result.warnings[0]
    guids = [g.text for g in etree.parse(str(out / "feed.xml")).getroot().iterfind("channel/item/guid")]
    assert guids == [newer.episode_id]
    with Catalog.open(out) as catalog:
        assert len(catalog.episodes()) == 2  # nothing lost from the catalog


def test_episode_cover_and_long_description(out: Path) -> None:
    shutil.copy(asset("cover.png"), out / "own-cover.png")
    with Catalog.open(out) as catalog:
        e = catalog.episodes()[0]
        catalog.record_done(
            source=e.source, content_hash=e.content_hash, title=e.title, date=e.date, summary=e.summary,
            duration_ms=e.duration_ms, mp3_name=e.mp3_name, sidecars=e.sidecars, speakers=e.speakers,
            loudness_lufs=e.loudness_lufs, true_peak_dbtp=e.true_peak_dbtp, fit_to_air=e.fit_to_air,
            cover_name="own-cover.png", made_at=e.made_at,
        )  # fmt: skip
    item = _feed(out).find("channel/item")
    assert item is not None
    image = item.find("itunes:image", NS)
    assert image is not None and image.get("href") == f"{BASE_URL}/own-cover.png"
    description = item.findtext("description") or ""
    assert len(description.encode()) <= 4000 and description.endswith("…")


def test_cli_feed_writes_feed_and_page(out: Path) -> None:
    (out.parent / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    proc = radio("feed", str(out), "--base-url", BASE_URL + "/", cwd=out.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == BASE_URL + "/feed.xml"
    assert "2 episodes" in proc.stderr
    assert (out / "feed.xml").is_file() and (out / "index.html").is_file()


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = radio("feed", str(empty), "--base-url", BASE_URL, cwd=tmp_path)
    assert proc.returncode == 1 and "no episodes" in proc.stderr and "Traceback" not in proc.stderr
    assert not (empty / "feed.xml").exists()
    proc = radio("feed", str(empty), "--base-url", "ftp://example.org/pod", cwd=tmp_path)
    assert proc.returncode == 1 and "http(s)" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "radio.toml").write_text('[show]\ntitle = "X"\n', encoding="utf-8")
    proc = radio("feed", str(empty), "--base-url", BASE_URL, cwd=tmp_path)
    assert proc.returncode == 1 and "show.email" in proc.stderr


def test_show_settings_are_checked() -> None:
    good = settings()
    with pytest.raises(ConfigError, match="base URL"):
        show_from_settings(good)
    with pytest.raises(ConfigError, match="http"):
        show_from_settings(good, "file:///srv/podcast")
    with pytest.raises(ConfigError, match=r"show\.category"):
        show_from_settings(good.with_overrides(category="Cooking"), BASE_URL)
    with pytest.raises(ConfigError, match="subcategory"):
        show_from_settings(good.with_overrides(category="News > Knitting"), BASE_URL)
    with pytest.raises(ConfigError, match=r"show\.language"):
        show_from_settings(good.with_overrides(language="English"), BASE_URL)
    with pytest.raises(ConfigError, match=r"show\.description"):
        show_from_settings(good.with_overrides(show_description="x" * 4001), BASE_URL)
    assert show_from_settings(good.with_overrides(base_url=BASE_URL + "/")).feed_url == BASE_URL + "/feed.xml"


def test_no_catalog_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="no episodes"):
        write_feed(tmp_path, show_from_settings(settings(), BASE_URL))


def test_episode_feed_option_publishes_in_one_command(tmp_path: Path, short_article: Path) -> None:
    (tmp_path / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    out = tmp_path / "pub"
    proc = radio(
        "episode", str(short_article), "--engine", "fake", "--out", str(out), "--feed", "--base-url", BASE_URL,
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    root = etree.parse(str(out / "feed.xml")).getroot()
    titles = [item.findtext("title") for item in root.iterfind("channel/item")]
    assert titles == ["Ferry service returns to the island after a month of repairs"]
    assert (out / "index.html").is_file()


def test_show_keys_in_radio_toml(tmp_path: Path) -> None:
    from radio.config import load_settings

    path = tmp_path / "radio.toml"
    path.write_text(
        SHOW_TOML + 'base_url = "https://example.org/p"\ndescription = "D"\nexplicit = true\nlocked = false\n',
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert (loaded.show_name, loaded.owner_email, loaded.category) == (
        'Harbour & <Island> "News"',
        "news@example.org",
        "News > Daily News",
    )
    assert (loaded.base_url, loaded.show_description, loaded.explicit, loaded.locked) == (
        "https://example.org/p",
        "D",
        True,
        False,
    )
    show = show_from_settings(loaded)
    assert show.explicit and not show.locked and show.copyright == "© 2026 Harbour Radio"
    path.write_text('[show]\nexplicit = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="explicit must be a bool"):
        load_settings(path)
    path.write_text("[show]\nemail = 42\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="email must be a string"):
        load_settings(path)


def test_two_episodes_from_standard_input_stay_two(tmp_path: Path) -> None:
    from tests.publish_helpers import ARTICLE

    (tmp_path / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    out = tmp_path / "pub"
    for name in ("first", "second"):
        proc = radio(
            "episode", "-", "--engine", "fake", "--out", str(out), "--feed", "--base-url", BASE_URL,
            cwd=tmp_path, stdin=ARTICLE.format(title=f"Ferry news {name}", day=3),
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    root = etree.parse(str(out / "feed.xml")).getroot()
    titles = [item.findtext("title") for item in root.iterfind("channel/item")]
    assert titles == ["Ferry news second", "Ferry news first"]


def test_podcastparser_reads_the_podcast_tags_under_the_alias_namespace(out: Path) -> None:
    """podcastparser knows the podcast: namespace only by its older GitHub URL, which the spec says
    clients must treat as the same; with it swapped in, gPodder reads our podcast: tags."""
    import io

    _feed(out)
    alias = b"https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
    data = (out / "feed.xml").read_bytes().replace(NS["podcast"].encode(), alias)
    parsed = podcastparser.parse(BASE_URL + "/feed.xml", io.BytesIO(data))
    assert parsed["import_prohibited"] is True  # podcast:locked yes
    with Catalog.open(out) as catalog:
        entries = {e.episode_id: e for e in catalog.episodes()}
    for episode in parsed["episodes"]:
        entry = entries[episode["guid"]]
        assert episode["chapters_json_url"] == f"{BASE_URL}/{entry.sidecars['chapters']}"
        assert episode["transcript_url"] in (f"{BASE_URL}/{entry.sidecars[k]}" for k in ("vtt", "srt"))


def _image(path: Path, size: str, pix_fmt: str) -> Path:
    import subprocess

    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c=navy:s={size}", "-frames:v", "1",
         "-pix_fmt", pix_fmt, str(path)],
        check=True,
    )  # fmt: skip
    return path


def test_show_cover_is_checked_as_podcast_artwork(out: Path, tmp_path: Path) -> None:
    from radio.errors import InputError

    jpeg = _image(tmp_path / "art.jpg", "1500x1500", "yuvj420p")
    root = _feed_with_cover(out, jpeg)
    href = root.find("channel/itunes:image", NS).get("href", "")  # type: ignore[union-attr]
    assert re.search(r"/cover-[0-9a-f]{12}\.jpg$", href) and (out / href.rsplit("/", 1)[1]).read_bytes() == (
        jpeg.read_bytes()
    )
    for name, size, pix_fmt, problem in (
        ("wide.png", "1600x1400", "rgb24", "is 1600x1400 px; use a square"),
        ("small.png", "600x600", "rgb24", "is 600x600 px; use a square JPEG or PNG of 1400-3000 px"),
    ):
        with pytest.raises(InputError, match=problem):
            _feed_with_cover(out, _image(tmp_path / name, size, pix_fmt))
    for name, pix_fmt in (("alpha.png", "rgba"), ("grey.png", "gray")):  # converted to RGB, as for episode covers
        root = _feed_with_cover(out, _image(tmp_path / name, "1400x1400", pix_fmt))
        href = root.find("channel/itunes:image", NS).get("href", "")  # type: ignore[union-attr]
        published = load_cover(str(out / href.rsplit("/", 1)[1]))
        assert published.mode == "RGB" and artwork_problems(published) == []


def _feed_with_cover(out: Path, cover: Path) -> etree._Element:
    write_feed(out, show_from_settings(settings().with_overrides(cover_path=str(cover)), BASE_URL))
    return etree.parse(str(out / "feed.xml")).getroot()


def test_episode_feed_keeps_a_row_already_catalogued(tmp_path: Path, short_article: Path) -> None:
    """When radio episode has already recorded the episode (under whatever spelling of its source),
    --feed must not record it again: the row, and so the feed guid, stays."""
    from radio.cli.publish import publish_episode
    from radio.pipeline import make_script, render_episode
    from radio.sound.engines import get_engine

    out = tmp_path / "pub"
    engine = get_engine("fake")
    episode = render_episode(make_script(str(short_article), settings(), engine), settings(), out, engine)
    with Catalog.open(out) as catalog:
        first = catalog.record_episode(episode, "ferry.txt as first spelled", "hash")
    publish_episode(episode, str(short_article), out, settings(), BASE_URL)
    with Catalog.open(out) as catalog:
        assert [e.episode_id for e in catalog.episodes(include_failed=True)] == [first.episode_id]
    guids = [g.text for g in etree.parse(str(out / "feed.xml")).getroot().iterfind("channel/item/guid")]
    assert guids == [first.episode_id]


def test_batch_feed_option_publishes_in_one_command(tmp_path: Path) -> None:
    """radio batch --feed: the episodes made (not the failed article) are published; a missing [show]
    setting stops the batch before any work."""
    from tests.publish_helpers import ARTICLE

    folder = tmp_path / "tonight"
    folder.mkdir()
    for day, name in ((3, "ferry"), (4, "bridge")):
        (folder / f"{name}.txt").write_text(ARTICLE.format(title=f"Ferry news {name}", day=day), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "pub"
    args = ("batch", str(folder), "--out", str(out), "-e", "fake", "--workers", "2", "--feed", "--base-url", BASE_URL)
    (tmp_path / "radio.toml").write_text('[show]\ntitle = "X"\n', encoding="utf-8")
    refused = radio(*args, cwd=tmp_path)
    assert refused.returncode == 1 and "show.email" in refused.stderr and "Traceback" not in refused.stderr
    assert not out.exists()  # stopped before any work
    (tmp_path / "radio.toml").write_text(SHOW_TOML, encoding="utf-8")
    proc = radio(*args, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # the empty article failed...
    assert "2 done, 0 unchanged, 1 failed" in proc.stdout
    assert proc.stdout.strip().endswith(BASE_URL + "/feed.xml")  # ...and what was made is published
    root = etree.parse(str(out / "feed.xml")).getroot()
    assert sorted(item.findtext("title") or "" for item in root.iterfind("channel/item")) == [
        "Ferry news bridge",
        "Ferry news ferry",
    ]
    assert (out / "index.html").is_file()
