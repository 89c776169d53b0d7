"""Ingest: read an article from a file, a URL or standard input and keep only
what a listener may hear.

``load_article`` is the one entry point; each format has its own module
(text, markdown, html). The HTML extractor is imported only when HTML is read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from radio.errors import InputError
from radio.models import Article
from radio.words.ingest.decode import decode_bytes
from radio.words.ingest.detect import FORMATS, detect_format
from radio.words.ingest.markdown import markdown_to_article
from radio.words.ingest.text import clean_text


def is_url(source: str) -> bool:
    """True if ``source`` looks like a URL of any scheme (not a path)."""
    from urllib.parse import urlsplit

    return len(urlsplit(source).scheme) > 1 and "://" in source


MAX_INPUT_BYTES = 50 * 1024 * 1024


def read_source(source: str) -> bytes:
    """Return the raw bytes of ``source`` (a path or ``-`` for standard input)."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file; check the path")
        if path.is_dir():
            raise InputError(f"{source}: is a directory; give an article file")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // 2**20
        raise InputError(f"{source}: larger than {limit} MB; is this really an article?")
    if not data.strip():
        raise InputError(f"{source}: is empty; give an article with text in it")
    return data


def load_article(source: str, fmt: str | None = None) -> Article:
    """Read and clean one article from a path, an http(s) URL or "-" (stdin).

    ``fmt`` ("text", "html" or "markdown") overrides detection from the content.
    """
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    charset: str | None = None
    url: str | None = None
    content_type: str | None = None
    if "://" in source and is_url(source):
        from radio.words.ingest.fetch import fetch_url  # http.client and ssl are slow to import: only for URLs

        fetched = fetch_url(source)
        data, url = fetched.data, fetched.url
        charset, content_type = fetched.charset, fetched.content_type
        if fmt is None and not _readable_type(content_type):
            raise InputError(f"{source}: is {content_type}, not an article page")
    else:
        data = read_source(source)
    kind = fmt or detect_format(data, source, content_type)
    if kind == "html":
        from radio.words.ingest.html import html_to_article

        return html_to_article(data, source, charset=charset, url=url)
    text = decode_bytes(data, source)
    if kind == "markdown":
        return markdown_to_article(text, source)
    return clean_text(text, source)


def _readable_type(content_type: str | None) -> bool:
    return (
        content_type is None
        or content_type.startswith("text/")
        or content_type in ("application/xhtml+xml", "application/xml")
    )
