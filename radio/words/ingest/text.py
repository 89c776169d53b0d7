"""Plain text copied or scraped from an article page, and the cleaning of
extracted lines shared with the HTML and Markdown readers.

``clean_text`` reads a whole page copied as text: the story is found by the
shape of its text (``radio.words.ingest.story``). ``clean_lines`` cleans lines
that an extractor already chose (HTML, Markdown) with the line rules of
``radio.words.ingest.rules``, which are re-exported here for those readers.
"""

from __future__ import annotations

from radio.errors import InputError
from radio.models import Article
from radio.words.ingest.features import any_byline
from radio.words.ingest.rules import (
    _SENTENCE_END,
    _WORD_CHAR,
    EMAIL_RE,
    MAX_HEADLINE_WORDS,
    MONTHS,
    URL_RE,
    _boilerplate,
    _copyright,
    _headline,
    byline_name,
    fold,
    headline_from,
    is_boilerplate,
    is_call_to_action,
    is_copyright,
    is_credit,
    parse_date,
    stamp_date,
    strip_citations,
    strip_dateline,
    strip_links,
    tidy_paragraphs,
)
from radio.words.ingest.story import read_text

__all__ = [
    "EMAIL_RE",
    "MONTHS",
    "URL_RE",
    "byline_name",
    "clean_lines",
    "clean_text",
    "fold",
    "headline_from",
    "is_boilerplate",
    "is_call_to_action",
    "is_copyright",
    "is_credit",
    "parse_date",
    "stamp_date",
    "strip_dateline",
    "strip_links",
]


def clean_text(text: str, source: str) -> Article:
    """Find the story in a page copied as text and build the Article."""
    reading = read_text(text)
    if reading.title is None or not reading.paragraphs:
        raise InputError(f"{source}: no article text left after cleaning; is this a news article?")
    return Article(
        source=source,
        title=reading.title,
        paragraphs=tuple(strip_citations(list(reading.paragraphs))),
        date=reading.date,
        byline=reading.byline,
        format="text",
    )


def clean_lines(
    lines: list[str],
    source: str,
    *,
    title: str | None = None,
    meta: dict[str, str | None] | None = None,
    fmt: str = "html",
) -> Article:
    """Keep only the speakable paragraphs of extracted ``lines`` and build the Article.

    Without ``title`` the first headline-like line is the title and anything
    above it is page chrome. ``meta`` may give "date", "byline" and "site";
    what the lines themselves say fills the gaps. A repeated line (a pull
    quote, a duplicate) is read once.
    """
    lines = [line for line in lines if line]
    seen: set[str] = set()
    meta = meta or {}
    found_date: str | None = None
    byline: str | None = None
    paragraphs: list[str] = []
    same_as_title = fold(title) if title else None
    for line in lines:
        low = line.lower()
        if _copyright(line, low):
            break  # the copyright line ends the article; a biography follows it
        if line in seen or _boilerplate(line, low) or is_call_to_action(line):
            continue
        seen.add(line)
        stamp = stamp_date(line)
        if stamp is not False:
            found_date = found_date or (stamp if isinstance(stamp, str) else None)
            continue
        # Markdown's own byline rules have run already; a page's extractor passes every form through
        name = any_byline(line) if fmt == "html" else byline_name(line)
        if name:
            byline = byline or name
            continue
        if title is None:
            words = len(line.split())
            if words >= 3 and (words <= MAX_HEADLINE_WORDS or not _SENTENCE_END.search(line.rstrip("?!"))):
                title = _headline(strip_links(line))  # a headline may end with a full stop ("..., #2.")
                same_as_title = fold(title)
                continue
            if words <= MAX_HEADLINE_WORDS:
                continue  # chrome above the headline
            title = headline_from(strip_links(line))  # no headline line: the story starts at once
        if same_as_title is not None and len(line) < 2 * len(same_as_title) + 20 and fold(line) == same_as_title:
            continue  # the headline repeated in the body
        cleaned = strip_links(line)
        if cleaned and _WORD_CHAR.search(cleaned):
            paragraphs.append(cleaned)

    paragraphs = tidy_paragraphs(paragraphs)
    if title is None or not paragraphs:
        raise InputError(f"{source}: no article text left after cleaning; is this a news article?")
    return Article(
        source=source,
        title=title,
        paragraphs=tuple(paragraphs),
        date=meta.get("date") or found_date,
        byline=meta.get("byline") or byline,
        site=meta.get("site"),
        format=fmt,
    )
