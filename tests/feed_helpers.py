"""A small news site for the feed tests: a stdlib HTTP server in a thread serving an RSS feed, an Atom
feed, an OPML list, a news sitemap and the article pages, all written for these tests. Pages can be
changed, added or made to fail while it runs; every request is recorded."""

from __future__ import annotations

import html
import http.server
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STORIES = {
    "ferry": (
        "Ferry returns to Sandholm after repairs",
        "Sam Ortega",
        [
            "The island ferry returned to service on Monday after four weeks in dry dock at the mainland yard.",
            "\u201cWe missed it more than we expected,\u201d said Ingrid Vale, who runs the island's only shop.",
            "The operator said crossings would run every two hours from Tuesday, weather permitting.",
            "Islanders had relied on a small water taxi, which carried twelve people at a time and no cars.",
        ],
    ),
    "library": (
        "Town library opens a tool lending shelf",
        "Priya Nandakumar",
        [
            "Residents of Eastmere can now borrow drills, ladders and sewing machines with a library card.",
            "\u201cPeople kept asking for things they need once a year,\u201d said librarian Tomas Brekke.",
            "The shelf holds forty tools, and each can be borrowed for a week at no charge.",
            "The library hopes to add garden tools in the spring if the first months go well.",
        ],
    ),
    "orchard": (
        "Community orchard plants its hundredth tree",
        "Lena Okafor",
        [
            "Volunteers planted the hundredth tree at the Millbrook community orchard on Saturday morning.",
            "\u201cEvery tree here has a family who looks after it,\u201d said organiser Rhys Calder.",
            "The orchard grows apples, pears and plums, and the harvest is shared among the volunteers.",
            "New volunteers are welcome at the work mornings held on the first Saturday of each month.",
        ],
    ),
    "bridge": (
        "Footbridge over the Aller reopens to walkers",
        "Dana Whitfield",
        [
            "The footbridge over the river Aller reopened on Thursday after its timber deck was replaced.",
            "\u201cIt is the quickest way to the station for half the village,\u201d said councillor Amir Haddad.",
            "Cyclists are asked to walk their bikes across while the new surface settles.",
            "The work cost less than expected because the old steel frame was still sound.",
        ],
    ),
    "market": (
        "Night market returns to the harbour square",
        "Jonas Feld",
        [
            "The harbour square night market returned on Friday with thirty stalls of food and crafts.",
            "\u201cThe square feels alive again after dark,\u201d said stallholder Maren Holt.",
            "The market will run every Friday evening until the end of September.",
            "Organisers said a quarter of the stalls were run by people selling for the first time.",
        ],
    ),
    "school": (
        "Village school wins a grant for a new roof",
        "Ola Brandt",
        [
            "Kettleby primary school has won a grant to replace the roof over its oldest classrooms.",
            "\u201cWe have been putting buckets out every time it rains,\u201d said head teacher Ruth Amsel.",
            "Work will start in the summer holidays so that no lessons are lost.",
            "Parents raised the first part of the money with a sponsored walk around the reservoir.",
        ],
    ),
    "clinic": (
        "Evening clinic hours extended in Harwick",
        "Mina Sorel",
        [
            "The health centre in Harwick will stay open until eight in the evening from next month.",
            "\u201cMany of our patients work days and cannot come before six,\u201d said practice manager Leo Grant.",
            "Appointments in the evening can be booked online or by telephone.",
            "The change follows a survey in which most patients asked for later opening.",
        ],
    ),
    "museum": (
        "Railway museum restores a century-old carriage",
        "Hal Petrakis",
        [
            "Volunteers at the Dunmore railway museum have finished restoring a carriage built a century ago.",
            "\u201cIt took four winters and a great deal of varnish,\u201d said restorer Nadia Okonjo.",
            "The carriage will carry visitors on the museum's short line from the first weekend of May.",
            "Its original seats were found in a barn and re-covered with cloth woven to the old pattern.",
        ],
    ),
}


def paragraphs_html(key: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in STORIES[key][2])


def page(key: str) -> bytes:
    title, author, _ = STORIES[key]
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{html.escape(title)}</h1><p class='byline'>By {html.escape(author)}</p>"
        f"{paragraphs_html(key)}</article><footer>Coastal Courier</footer></body></html>"
    ).encode()


def rss(base: str, keys: list[str], full: Collection[str] = ()) -> bytes:
    """An RSS 2.0 feed of ``keys``; those in ``full`` carry the story in content:encoded."""
    items = []
    for day, key in enumerate(keys, start=1):
        title, author, _ = STORIES[key]
        content = f"<content:encoded><![CDATA[{paragraphs_html(key)}]]></content:encoded>" if key in full else ""
        items.append(
            f"<item><title>{html.escape(title)}</title><link>{base}/news/{key}.html</link>"
            f"<guid isPermaLink='false'>courier-{key}</guid><dc:creator>{html.escape(author)}</dc:creator>"
            f"<pubDate>Mon, {day:02d} Jun 2026 08:00:00 GMT</pubDate>"
            f"<description>{html.escape(STORIES[key][2][0])}</description>{content}"
            f"<media:thumbnail url='{base}/img/{key}.jpg'/></item>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/' "
        "xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:media='http://search.yahoo.com/mrss/'>"
        f"<channel><title>Coastal Courier</title><link>{base}/</link><description>Local news</description>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def atom(base: str, keys: list[str], full: Collection[str] = ()) -> bytes:
    entries = []
    for day, key in enumerate(keys, start=10):
        title, author, _ = STORIES[key]
        content = f"<content type='html'>{html.escape(paragraphs_html(key))}</content>" if key in full else ""
        entries.append(
            f"<entry><title>{html.escape(title)}</title><link href='{base}/news/{key}.html'/>"
            f"<id>tag:courier.example,2026:{key}</id><updated>2026-06-{day:02d}T09:00:00Z</updated>"
            f"<author><name>{html.escape(author)}</name></author>{content}</entry>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Courier (Atom)</title><id>{base}/atom.xml</id><updated>2026-06-20T09:00:00Z</updated>"
        f"{''.join(entries)}</feed>"
    ).encode()


def opml(base: str, feeds: list[str]) -> bytes:
    outlines = "".join(f"<outline type='rss' text='{name}' xmlUrl='{base}/{name}'/>" for name in feeds)
    return (
        "<?xml version='1.0'?><opml version='2.0'><head><title>Subscriptions</title></head>"
        f"<body><outline text='News'>{outlines}</outline></body></opml>"
    ).encode()


def sitemap(base: str, keys: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}/news/{key}.html</loc><news:news><news:publication_date>2026-06-0{i}"
        f"</news:publication_date><news:title>{html.escape(STORIES[key][0])}</news:title></news:news></url>"
        for i, key in enumerate(keys, start=1)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>"
    ).encode()


@dataclass
class Site:
    base: str = ""
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)  # path -> status, type, body
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> None:
        with self.lock:
            self.pages[path] = (status, content_type, body)

    def asked(self, path: str) -> int:
        with self.lock:
            return self.requests.count(path)

    def add_pages(self, *keys: str) -> None:
        for key in keys:
            self.put(f"/news/{key}.html", page(key))


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.requests.append(self.path)
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
