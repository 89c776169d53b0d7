"""The podcast feed: RSS 2.0 with Apple's ``itunes:`` and the Podcast Index's
``podcast:`` namespaces, written with lxml from the episode catalog.

Each item is made only from its catalog row and the show, so regenerating the
feed after more episodes leaves every earlier item byte-for-byte as it was
unless its episode changed. An item whose episode has left the catalog stays
(copied from the previous feed) unless ``prune`` is asked. The file is written
under a temporary name and renamed into place.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from lxml import etree

from radio.errors import RadioError
from radio.publish.catalog import CATALOG_NAME, Catalog, CatalogEntry, sha256_file
from radio.publish.show import DESCRIPTION_MAX_BYTES, FEED_NAME, Show, publish_cover

log = logging.getLogger("radio")

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NSMAP = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}
TRANSCRIPT_TYPES = {"vtt": "text/vtt", "srt": "application/x-subrip"}
CHAPTERS_TYPE = "application/json+chapters"


class FeedError(RadioError):
    """The feed cannot be written (no episodes, unreadable folder)."""


@dataclass(frozen=True)
class FeedResult:
    path: Path
    items: int  # items in the feed
    kept: int  # items kept from the previous feed whose episodes left the catalog
    entries: tuple[CatalogEntry, ...]  # the catalog episodes in the feed, newest first
    cover_name: str  # the show's cover file in the output folder
    warnings: tuple[str, ...]  # episodes left out, and why


def _it(tag: str) -> str:
    return f"{{{ITUNES}}}{tag}"


def _pc(tag: str) -> str:
    return f"{{{PODCAST}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def clip_bytes(text: str, limit: int = DESCRIPTION_MAX_BYTES) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, at a character boundary, with an ellipsis."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[: limit - len("…".encode())].decode("utf-8", errors="ignore")
    return cut.rstrip() + "…"


def rfc2822(iso: str) -> str:
    """An ISO 8601 UTC time (catalog made_at) as an RFC 2822 date, e.g. Wed, 15 Jun 2019 19:00:00 GMT."""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return format_datetime(moment.astimezone(timezone.utc).replace(microsecond=0), usegmt=True)


def check_files(out_dir: Path, entries: Sequence[CatalogEntry]) -> tuple[list[CatalogEntry], list[str]]:
    """The entries whose MP3 is in place with the catalog's size and sha256; a warning for each other."""
    good, warnings = [], []
    for entry in entries:
        mp3 = out_dir / entry.mp3_name
        try:
            size = mp3.stat().st_size
        except OSError:
            warnings.append(f"episode {entry.number} ({entry.title}): {mp3} is missing; left out of the feed")
            continue
        if size != entry.size_bytes or sha256_file(mp3) != entry.mp3_sha256:
            warnings.append(
                f"episode {entry.number} ({entry.title}): {mp3} changed on disk since it was made; left out of "
                "the feed (remake it with radio episode)"
            )
            continue
        good.append(entry)
    return good, warnings


def episode_item(channel: etree._Element, show: Show, entry: CatalogEntry, out_dir: Path) -> etree._Element:
    """Add one <item> to ``channel``, made only from the catalog row, the show and which sidecars exist."""
    item = _sub(channel, "item")
    _sub(item, "title", entry.title.strip())
    _sub(item, "description", clip_bytes(entry.summary.strip() or entry.title))
    _sub(item, "link", entry.link or f"{show.link}#episode-{entry.number}")  # the original story, if known
    _sub(item, "guid", entry.episode_id, isPermaLink="false")
    _sub(item, "pubDate", rfc2822(entry.made_at))
    _sub(item, "enclosure", url=show.url(entry.mp3_name), length=str(entry.size_bytes), type="audio/mpeg")
    _sub(item, _it("title"), entry.title.strip())
    _sub(item, _it("duration"), str(round(entry.duration_ms / 1000)))
    _sub(item, _it("episode"), str(entry.number))
    _sub(item, _it("episodeType"), "full")
    _sub(item, _it("explicit"), "true" if show.explicit else "false")
    if entry.cover_name and (out_dir / entry.cover_name).is_file():
        _sub(item, _it("image"), href=show.url(entry.cover_name))
    for kind, mime in TRANSCRIPT_TYPES.items():
        name = entry.sidecars.get(kind)
        if name and (out_dir / name).is_file():
            _sub(item, _pc("transcript"), url=show.url(name), type=mime, language=show.language, rel="captions")
    chapters = entry.sidecars.get("chapters")
    if chapters and (out_dir / chapters).is_file():
        _sub(item, _pc("chapters"), url=show.url(chapters), type=CHAPTERS_TYPE)
    return item


def _channel(show: Show, cover_name: str, newest: str | None) -> tuple[etree._Element, etree._Element]:
    rss = etree.Element("rss", {"version": "2.0"}, nsmap=NSMAP)
    channel = _sub(rss, "channel")
    _sub(channel, "title", show.title)
    _sub(channel, "link", show.link)
    _sub(channel, "description", show.description)
    _sub(channel, "language", show.language)
    if show.copyright:
        _sub(channel, "copyright", show.copyright)
    _sub(channel, "generator", "radio")
    if newest:
        _sub(channel, "lastBuildDate", newest)
    _sub(channel, f"{{{ATOM}}}link", href=show.feed_url, rel="self", type="application/rss+xml")
    image = _sub(channel, "image")
    _sub(image, "url", show.url(cover_name))
    _sub(image, "title", show.title)
    _sub(image, "link", show.link)
    _sub(channel, _it("author"), show.author)
    owner = _sub(channel, _it("owner"))
    _sub(owner, _it("name"), show.author)
    _sub(owner, _it("email"), show.owner_email)
    _sub(channel, _it("image"), href=show.url(cover_name))
    category = etree.SubElement(channel, _it("category"), {"text": show.category})  # an attribute named text
    if show.subcategory:
        etree.SubElement(category, _it("category"), {"text": show.subcategory})
    _sub(channel, _it("explicit"), "true" if show.explicit else "false")
    _sub(channel, _it("type"), "episodic")
    _sub(channel, _pc("guid"), show.guid or show.podcast_guid)
    _sub(channel, _pc("locked"), "yes" if show.locked else "no", owner=show.owner_email)
    return rss, channel


def previous_feed(path: Path) -> tuple[str | None, list[etree._Element]]:
    """The podcast:guid and the items of the feed already in place (none if it is missing or unreadable)."""
    if not path.is_file():
        return None, []
    try:
        tree = etree.parse(str(path), etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        log.warning("the previous feed %s is unreadable (%s); writing a new one", path, exc)
        return None, []
    guid = tree.getroot().findtext(f"channel/{_pc('guid')}")
    return (guid.strip() if guid and guid.strip() else None), list(tree.getroot().iterfind("channel/item"))


def _old_sort_key(item: etree._Element) -> tuple[datetime, int]:
    try:
        when = parsedate_to_datetime(item.findtext("pubDate") or "")
    except (TypeError, ValueError):
        when = datetime.min.replace(tzinfo=timezone.utc)
    number = item.findtext(_it("episode")) or "0"
    return when, int(number) if number.isdigit() else 0


def _entry_sort_key(entry: CatalogEntry) -> tuple[datetime, int]:
    return parsedate_to_datetime(rfc2822(entry.made_at)), entry.number


def build_feed(
    show: Show,
    entries: Sequence[CatalogEntry],
    out_dir: Path,
    cover_name: str,
    old_items: Sequence[etree._Element] = (),
    catalog_ids: frozenset[str] = frozenset(),
    prune: bool = False,
    limit: int | None = None,
) -> tuple[bytes, int, int]:
    """The feed document, newest first; returns (bytes, items written, items kept from the previous feed)."""
    rows: list[tuple[tuple[datetime, int], CatalogEntry | etree._Element]] = [
        (_entry_sort_key(entry), entry) for entry in entries
    ]
    seen_guids = {entry.episode_id for entry in entries}
    seen_urls = {show.url(entry.mp3_name) for entry in entries}
    if not prune:
        for old in old_items:
            guid = old.findtext("guid") or ""
            enclosure = old.find("enclosure")
            url = enclosure.get("url", "") if enclosure is not None else ""
            if not guid or guid in catalog_ids or guid in seen_guids or url in seen_urls:
                continue  # in the catalog (made again, failed or broken now), or a duplicate
            seen_guids.add(guid)
            seen_urls.add(url)
            rows.append((_old_sort_key(old), old))
    rows.sort(key=lambda row: row[0], reverse=True)
    rows = rows[:limit] if limit is not None else rows
    newest = format_datetime(rows[0][0][0], usegmt=True) if rows else None
    rss, channel = _channel(show, cover_name, newest)
    kept = 0
    for _, row in rows:
        if isinstance(row, CatalogEntry):
            episode_item(channel, show, row, out_dir)
        else:
            channel.append(row)
            kept += 1
    data: bytes = etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, len(rows), kept


def write_feed(out_dir: Path, show: Show, limit: int | None = None, prune: bool = False) -> FeedResult:
    """Write ``<out_dir>/feed.xml`` from the catalog; FeedError when there is nothing to publish."""
    if limit is not None and limit < 1:
        raise FeedError("--limit must be at least 1")
    if not (out_dir / CATALOG_NAME).is_file():
        raise FeedError(
            f"no episodes in {out_dir} (no {CATALOG_NAME}); make one first: radio episode ARTICLE --out {out_dir}"
        )
    with Catalog.open(out_dir) as catalog:
        done = catalog.episodes()
        catalog_ids = frozenset(entry.episode_id for entry in catalog.episodes(include_failed=True))
    entries, warnings = check_files(out_dir, done)
    path = out_dir / FEED_NAME
    old_guid, old_items = previous_feed(path)
    if old_guid:  # assigned once for the podcast's life, even if the feed moves (Podcast Index)
        show = dataclasses.replace(show, guid=old_guid)
    if not entries and (prune or not old_items):
        raise FeedError(
            f"no episodes to publish in {out_dir}"
            + (f" ({len(warnings)} left out: their MP3s are missing or changed)" if warnings else "")
            + f"; make one with: radio episode ARTICLE --out {out_dir}"
        )
    cover_name = publish_cover(show, out_dir)
    data, count, kept = build_feed(show, entries, out_dir, cover_name, old_items, catalog_ids, prune, limit)
    atomic_write(path, data)
    in_feed = set(_guids(data))
    return FeedResult(
        path=path,
        items=count,
        kept=kept,
        entries=tuple(entry for entry in entries if entry.episode_id in in_feed),
        cover_name=cover_name,
        warnings=tuple(warnings),
    )


def _guids(data: bytes) -> list[str]:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return [guid.text or "" for guid in root.iterfind("channel/item/guid")]


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` under a temporary name, flush it to disk, rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FeedError(f"cannot write {path}: {exc.strerror or exc}") from None


def feed_address(out_dir: Path) -> str | None:
    """The self address (atom:link) of ``<out_dir>/feed.xml``, or None if there is no readable feed."""
    try:
        root = etree.parse(str(out_dir / FEED_NAME), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError):
        return None
    link = root.getroot().find(f"channel/{{{ATOM}}}link[@rel='self']")
    return link.get("href") if link is not None else None
