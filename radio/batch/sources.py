"""What `radio batch` and `radio watch` are given: folders and files of articles, article URLs, and
news feeds (RSS 2.0, Atom, RDF), OPML lists of feeds, sitemaps and sitemap indexes, by URL or file.

A feed becomes one ``FeedItem`` per entry: its link, its identity (guid), the metadata the feed gives
(title, author, date, image) and the full story when the entry carries it (``content:encoded``, Atom
``content``). Feeds are parsed by feedparser from bytes fetched here (never by feedparser itself), so
every download keeps the limits of ``radio.words.ingest.fetch``; OPML and sitemaps are read with lxml.
Every request to a host waits its turn (``HostGate``): one at a time per host, a delay between two.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import fcntl
import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from radio.errors import InputError
from radio.models import Article

log = logging.getLogger("radio")

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".opml")
MAX_DEPTH = 3  # an OPML list of sitemap indexes of sitemaps, no deeper (a loop ends here too)
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}


@dataclass(frozen=True)
class FeedItem:
    """One entry of a news feed or sitemap: a story to make into an episode."""

    link: str  # the original story's address
    guid: str  # its identity: the feed's guid/id if globally unique, else scoped to the feed
    title: str = ""
    author: str = ""
    published: str | None = None  # YYYY-MM-DD
    updated: str = ""  # when the feed says it last changed (ISO 8601 UTC), for --refresh-updated
    image: str = ""
    content: str = ""  # the full story as HTML, when the entry carries it
    feed: str = ""  # the feed (or sitemap) it came from

    @property
    def source(self) -> str:
        """How the catalog and the summary name it: the link (or the feed and guid, without one)."""
        return self.link or f"{self.feed}#{self.guid}"

    @property
    def content_hash(self) -> str:
        """sha256 of the story the feed carries; without one, of the entry's identity and update time."""
        text = self.content or f"feed entry\n{self.source}\n{self.updated}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class HostGate:
    """One request at a time per host and ``delay_s`` between two, across processes: an ``fcntl`` lock
    on ``<folder>/<host>.lock``, which also holds the time the last request to that host ended."""

    def __init__(self, folder: Path, delay_s: float) -> None:
        self.folder = folder
        self.delay_s = delay_s

    @contextlib.contextmanager
    def turn(self, url: str) -> Iterator[None]:
        host = re.sub(r"[^a-z0-9.-]+", "_", (urlsplit(url).hostname or "local").lower())[:100] or "local"
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / f"{host}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # another worker fetching from this host: wait for it
            try:
                last = float(os.pread(fd, 32, 0).decode("ascii", "replace").strip() or 0)
            except ValueError:
                last = 0.0
            wait_s = min(last + self.delay_s - time.time(), self.delay_s)
            if wait_s > 0:
                time.sleep(wait_s)
            try:
                yield
            finally:
                stamp = f"{time.time():.3f}".ljust(32).encode("ascii")
                os.pwrite(fd, stamp, 0)
        finally:
            os.close(fd)  # releases the lock


def _cache_dir(name: str) -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "radio" / name


def gate_for(delay_s: float) -> HostGate:
    """The user's host gates, shared by every run on this machine (``$XDG_CACHE_HOME/radio/hosts``),
    so two batches or watches fetching from one site still take turns."""
    return HostGate(_cache_dir("hosts"), delay_s)


def parse_feed_cached(data: bytes, source: str, base: str = "") -> list[FeedItem]:
    """``parse_feed``, but a feed whose bytes have not changed since it was last read is not parsed
    again: its entries come from ``$XDG_CACHE_HOME/radio/feeds`` (a watch reads the same feed every
    round; feedparser takes about a second for a thousand entries)."""
    digest = hashlib.sha256(b"%s\n%s\n" % (base.encode(), source.encode()) + data).hexdigest()
    path = _cache_dir("feeds") / (hashlib.sha256((base or source).encode()).hexdigest()[:32] + ".json")
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached["sha256"] == digest:
            return [FeedItem(**fields) for fields in cached["items"]]
    items = parse_feed(data, source, base)
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        record = {"sha256": digest, "items": [dataclasses.asdict(item) for item in items]}
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(path)
    return items


@dataclass(frozen=True)
class Expanded:
    """What one SOURCE argument gave: article paths or URLs, or feed entries."""

    articles: tuple[str, ...] = ()
    items: tuple[FeedItem, ...] = ()


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def looks_like_feed_file(path: Path) -> bool:
    """A file to read as a feed, OPML list or sitemap: by its name, or by its first element."""
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return root_name(head) in (*_FEED_ROOTS, "opml", "urlset", "sitemapindex")


def root_name(data: bytes) -> str:
    """The local name of the document's first element, lower case ("" if none is found)."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S | re.I)
    match = re.search(rb"<\s*([A-Za-z_][\w.:-]*)", head)
    if not match:
        return ""
    return match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1].lower()


def read_feed_source(source: str, gate: HostGate, fetch_timeout_s: float, depth: int = 0) -> Expanded:
    """Read one SOURCE that may be a feed: fetch a URL (politely) or read a file, and expand it.

    A URL that turns out to be an ordinary page comes back as an article to ingest as before.
    Raises InputError (one line) for an unreachable source or a malformed feed.
    """
    from radio.words.ingest import read_source
    from radio.words.ingest.fetch import fetch_url

    if is_url(source):
        with gate.turn(source):
            fetched = fetch_url(source, deadline_s=fetch_timeout_s)
        data, base = fetched.data, fetched.url
    else:
        data, base = read_source(source), ""
    kind = root_name(data)
    if kind in _FEED_ROOTS:
        return Expanded(items=tuple(parse_feed_cached(data, source, base)))
    if kind in ("opml", "urlset", "sitemapindex"):
        return _expand_xml(kind, data, source, base, gate, fetch_timeout_s, depth)
    if is_url(source):
        return Expanded(articles=(source,))
    raise InputError(f"{source}: not a news feed, OPML list or sitemap (its first element is <{kind or '?'}>)")


def _expand_xml(
    kind: str, data: bytes, source: str, base: str, gate: HostGate, fetch_timeout_s: float, depth: int
) -> Expanded:
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{source}: not a well-formed {_KIND_NAMES[kind]} ({exc}); check the address") from None
    if kind == "urlset":
        return Expanded(items=tuple(_sitemap_items(root, source, base)))
    if depth >= MAX_DEPTH:
        raise InputError(f"{source}: lists of lists nested more than {MAX_DEPTH} deep; give the feeds themselves")
    if kind == "opml":
        targets = [o.get("xmlUrl") or "" for o in root.iter("outline") if o.get("xmlUrl")]
    else:
        sitemaps: Any = root.xpath("./*[local-name()='sitemap']")
        targets = [_text(sitemap, "loc") for sitemap in sitemaps]
    articles: dict[str, None] = {}
    items: dict[str, FeedItem] = {}
    for target in targets:
        address = urljoin(base, target.strip()) if base else target.strip()
        if not address:
            continue
        if not is_url(address) and not Path(address).is_absolute() and not base:
            address = str(Path(source).resolve().parent / address)
        found = read_feed_source(address, gate, fetch_timeout_s, depth + 1)
        articles.update(dict.fromkeys(found.articles))
        for item in found.items:
            items.setdefault(item.guid, item)
    return Expanded(tuple(articles), tuple(items.values()))


_KIND_NAMES = {"opml": "OPML list", "urlset": "sitemap", "sitemapindex": "sitemap index"}


def _text(element: Any, *names: str) -> str:
    """The text at the path of local ``names`` under ``element`` (any namespace, or none: sitemaps in
    the wild leave theirs out), whitespace-collapsed; "" if absent."""
    path = "/".join(f"*[local-name()='{name}']" for name in names)
    found = element.xpath(f"./{path}/text()")
    return " ".join(str(found[0]).split()) if found else ""


def _sitemap_items(root: Any, source: str, base: str) -> Iterator[FeedItem]:
    """The pages of a sitemap, with a news sitemap's title and date where it gives them."""
    for url in root.xpath("./*[local-name()='url']"):
        loc = _text(url, "loc")
        if not loc:
            continue
        link = urljoin(base, loc) if base else loc
        if not is_url(link):
            log.warning("%s: skipped %s: not an http(s) address", source, loc[:200])
            continue
        stamp = _text(url, "news", "publication_date") or _text(url, "lastmod")
        yield FeedItem(
            link=link,
            guid=link,
            title=_text(url, "news", "title"),
            published=stamp[:10] if re.match(r"\d{4}-\d\d-\d\d", stamp) else None,
            updated=_text(url, "lastmod"),
            image=_text(url, "image", "loc"),
            feed=source,
        )


def parse_feed(data: bytes, source: str, base: str = "") -> list[FeedItem]:
    """The entries of an RSS, Atom or RDF feed, in the feed's order. A feed that is not well-formed XML
    is refused (a loose reading would guess at its entries); one with no entries gives none."""
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(
        data,
        response_headers={"content-location": base} if base else None,
        sanitize_html=False,  # the story is only read for its text, never shown as HTML
        resolve_relative_uris=False,
    )
    problem = parsed.get("bozo_exception")
    # a feed served with a wrong content type or charset is still a well-formed feed
    tolerated = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.get("bozo") and not isinstance(problem, tolerated):
        where = f" at line {problem.getLineNumber()}" if hasattr(problem, "getLineNumber") else ""
        detail = getattr(problem, "getMessage", lambda: str(problem))()
        raise InputError(f"{source}: the feed is malformed{where} ({detail}); check the address, or tell the site")
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        raise InputError(f"{source}: not a news feed feedparser can read (no RSS, Atom or RDF inside)")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        item = _item(entry, source, base)
        if item is None:
            log.warning("%s: skipped an entry with neither a link nor the story in it", source)
        elif item.guid not in seen:
            seen.add(item.guid)
            items.append(item)
    return items


def _day(parsed: Any) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _iso(parsed: Any) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed))) if parsed else ""


def _global(guid: str) -> bool:
    """A guid unique in the world by its form (an address, a URN, a tag URI), not only in its feed."""
    return "://" in guid or guid.lower().startswith(("urn:", "tag:"))


def _image(entry: Any) -> str:
    for media in (*entry.get("media_thumbnail", ()), *entry.get("media_content", ())):
        if media.get("url") and media.get("medium", "image") == "image":
            return str(media["url"])
    for link in entry.get("links", ()):
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/") and link.get("href"):
            return str(link["href"])
    image = entry.get("image")
    return str(image.get("href", "")) if isinstance(image, dict) else ""


def _item(entry: Any, source: str, base: str) -> FeedItem | None:
    link = str(entry.get("link") or "").strip()
    if link and base:
        link = urljoin(base, link)
    if link and not is_url(link):
        link = ""
    content = ""
    for part in entry.get("content", ()):
        value = str(part.get("value") or "")
        if value.strip() and len(value) > len(content):
            content = value
    raw_id = str(entry.get("id") or "").strip()
    if not link and not (raw_id and content):
        return None
    guid = (raw_id if _global(raw_id) else f"{base or source}#{raw_id}") if raw_id else link
    author = entry.get("author_detail", {}).get("name") or entry.get("author") or ""
    # dict.get: feedparser's own get() maps a missing updated_parsed to published_parsed, with a warning
    published, updated = dict.get(entry, "published_parsed"), dict.get(entry, "updated_parsed")
    return FeedItem(
        link=link,
        guid=guid,
        title=" ".join(str(entry.get("title") or "").split()),
        author=" ".join(str(author).split()),
        published=_day(published or updated),
        updated=_iso(updated or published),
        image=_image(entry),
        content=content,
        feed=base or source,
    )


def expand(
    sources: Sequence[str],
    gate: HostGate,
    fetch_timeout_s: float,
    *,
    patterns: Sequence[str] = (),
    recursive: bool = False,
    skip: Path | None = None,
) -> tuple[list[str], list[FeedItem]]:
    """Every SOURCE made into articles (as ``find_articles`` finds them) and feed entries, each once."""
    from radio.batch import find_articles

    plain: list[str] = []
    articles: dict[str, None] = {}
    items: list[FeedItem] = []
    for source in sources:
        if is_url(source) or (Path(source).is_file() and looks_like_feed_file(Path(source))):
            found = read_feed_source(source, gate, fetch_timeout_s)
            articles.update(dict.fromkeys(found.articles))
            items.extend(found.items)
        else:
            plain.append(source)
    if plain:
        articles.update(dict.fromkeys(find_articles(plain, patterns, recursive, skip)))
    return list(articles), unique(items)


def unique(items: Sequence[FeedItem]) -> list[FeedItem]:
    """Each story once: one in two feeds (or in a feed and a sitemap) is known by its guid or its link."""
    guids: set[str] = set()
    links: set[str] = set()
    kept: list[FeedItem] = []
    for item in items:
        if item.guid in guids or (item.link and item.link in links):
            continue
        guids.add(item.guid)
        links.add(item.link)
        kept.append(item)
    return kept


def load_item(item: FeedItem, gate: HostGate, fetch_timeout_s: float, fetch_page: bool = False) -> Article:
    """The article of one feed entry: the story the feed carries (unless ``fetch_page``, or it is too
    short to be one), else its page, fetched in the host's turn. The entry's metadata fills what the
    article lacks; a story from the feed takes the feed's headline."""
    import html

    from radio.words.ingest import load_article, voiceable
    from radio.words.ingest.html import html_to_article

    article: Article | None = None
    if item.content and not (fetch_page and item.link):
        page = (
            f"<html><head><title>{html.escape(item.title)}</title></head>"
            f"<body><article>{item.content}</article></body></html>"
        )
        try:
            article = html_to_article(page.encode("utf-8"), item.source, charset="utf-8", url=item.link or None)
            article = dataclasses.replace(article, title=item.title or article.title)
        except InputError:
            if not item.link:
                raise
            log.info("%s: the story in the feed is too short; fetching the page", item.source)
    if article is None:
        with gate.turn(item.link):
            article = load_article(item.link, None, fetch_timeout_s)
        article = dataclasses.replace(article, title=article.title or item.title)
    return voiceable(
        dataclasses.replace(
            article,
            source=item.source,
            date=article.date or item.published,
            byline=article.byline or item.author or None,
        )
    )


def select(items: Sequence[FeedItem], since: str | None = None) -> list[FeedItem]:
    """The entries published on or after ``since`` (YYYY-MM-DD; undated ones are kept), newest first."""
    kept = [item for item in items if not since or not item.published or item.published >= since]
    return sorted(kept, key=lambda item: item.published or "", reverse=True)
