"""Ingest: read an article from a file, a URL or standard input and keep only
what a listener may hear.

``load_article`` is the one entry point; each format has its own module
(text, markdown, html). The HTML extractor is imported only when HTML is read.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

from radio.errors import InputError
from radio.models import Article
from radio.words.ingest.decode import decode_bytes
from radio.words.ingest.detect import FORMATS, detect_format
from radio.words.ingest.markdown import markdown_to_article
from radio.words.ingest.rules import headline_from
from radio.words.ingest.text import clean_text
from radio.words.language import require_english
from radio.words.speech.chars import (
    clean_characters,
    drop_foreign,
    dropped_words,
    foreign_letters,
    is_speakable,
    letter_count,
    tidy,
)

log = logging.getLogger("radio")


def is_url(source: str) -> bool:
    """True if ``source`` looks like a URL of any scheme (not a path)."""
    from urllib.parse import urlsplit

    return len(urlsplit(source).scheme) > 1 and "://" in source


MAX_INPUT_BYTES = 10 * 1024 * 1024
"""The largest article file or standard input read, as for a URL (fetch.MAX_BYTES).

Ten megabytes of plain text is over a million words, far beyond any article;
the text stages take under 200 MB of memory at this size (scripts/bench_ingest_memory.py),
where 50 MB took 725 MB.
"""


def read_source(source: str) -> bytes:
    """Return the raw bytes of ``source`` (a path or ``-`` for standard input).

    Never reads more than the limit and one byte: a file's size is checked
    before it is read, standard input is read up to the limit.
    """
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
                if path.is_file() and path.stat().st_size > MAX_INPUT_BYTES:
                    raise _too_large(source)
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(source)
    if not data.strip():
        raise InputError(f"{source}: is empty; give an article with text in it")
    return data


def _too_large(source: str) -> InputError:
    return InputError(f"{source}: larger than {MAX_INPUT_BYTES // 2**20} MB; is this really an article?")


def load_article(source: str, fmt: str | None = None, fetch_timeout_s: float | None = None) -> Article:
    """Read and clean one article from a path, an http(s) URL or "-" (stdin).

    ``fmt`` ("text", "html" or "markdown") overrides detection from the content;
    ``fetch_timeout_s`` is the deadline for downloading a URL. Characters no
    voice should read are removed, and words in a script the voice cannot read
    are dropped with a warning (see ``voiceable``).
    """
    return voiceable(_load(source, fmt, fetch_timeout_s))


def voiceable(article: Article) -> Article:
    """``article`` without control and format characters, emoji, or words in
    scripts the voice cannot read; refused when most of it is in such a script."""
    title = clean_characters(article.title)
    paragraphs = [clean_characters(p) for p in article.paragraphs]
    foreign = sum(foreign_letters(text) for text in (title, *paragraphs))
    if foreign:
        _refuse_foreign(" ".join((title, *paragraphs)), article.source)
        title, *paragraphs = (tidy(kept) for kept, _ in _drop_foreign_each([title, *paragraphs], article.source))
    paragraphs = [p.strip() for p in paragraphs if is_speakable(p)]
    if not paragraphs:
        raise InputError(f"{article.source}: no article text left after cleaning; is this a news article?")
    require_english(paragraphs, article.source)  # a German or French article is refused, named
    if not is_speakable(title):  # a headline all in another script: its first sentence says what it is about
        title = headline_from(paragraphs[0])
        log.warning("%s: the headline has no words the voice can read; using the first sentence", article.source)
    byline = clean_characters(article.byline).strip() or None if article.byline else article.byline
    site = clean_characters(article.site).strip() or None if article.site else article.site
    cleaned = (title.strip() or article.title, tuple(paragraphs), byline, site)
    if cleaned == (article.title, article.paragraphs, article.byline, article.site):
        return article
    return dataclasses.replace(article, title=cleaned[0], paragraphs=cleaned[1], byline=byline, site=site)


def _refuse_foreign(text: str, source: str) -> None:
    """Refuse a text most of whose letters are in a script the voice cannot read."""
    foreign = foreign_letters(text)
    if foreign and foreign * 2 > letter_count(text):
        script = drop_foreign(text)[2][0]
        raise InputError(
            f"{source}: most of the article is in {script} script, which the voice cannot read; "
            "give an article in English"
        )


def _load(source: str, fmt: str | None, fetch_timeout_s: float | None) -> Article:
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    charset: str | None = None
    url: str | None = None
    content_type: str | None = None
    if "://" in source and is_url(source):
        from radio.words.ingest.fetch import DEADLINE_S, fetch_url  # http.client and ssl: slow to import

        fetched = fetch_url(source, deadline_s=fetch_timeout_s or DEADLINE_S)
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
    _refuse_foreign(text, source)  # before story finding, which would see no prose and say "no article"
    text = _drop_foreign_words(text, source)  # and would take an English line ending in them for chrome
    try:
        if kind == "markdown":
            return markdown_to_article(text, source)
        return clean_text(text, source)
    except InputError:
        # story finding reads English prose; in another language it finds none: say which language
        require_english(text.splitlines(), source)
        raise


def _drop_foreign_words(text: str, source: str) -> str:
    """``text`` without words in scripts the voice cannot read, line by line (a line
    of nothing else goes entirely), with one warning saying how many were dropped."""
    if not foreign_letters(text):
        return text
    original = text.split("\n")
    lines: list[str] = []
    for line, (kept, count) in zip(original, _drop_foreign_each(original, source), strict=True):
        if count:
            if not is_speakable(kept):  # only marks left ("#:" of a heading in Greek): the line goes
                continue
            line = line[: len(line) - len(line.lstrip())] + tidy(kept)  # keep Markdown's indentation
        lines.append(line)
    return "\n".join(lines)


def _drop_foreign_each(texts: list[str], source: str) -> list[tuple[str, int]]:
    """Each of ``texts`` without its words in scripts the voice cannot read, with how many
    went; one warning for all of them saying how many words, in which scripts."""
    dropped = 0
    scripts: list[str] = []
    found: list[tuple[str, int]] = []
    for text in texts:
        kept, count, names = drop_foreign(text)
        dropped += count
        scripts += [name for name in names if name not in scripts]
        found.append((kept, count))
    if dropped:
        log.warning("%s: %s", source, dropped_words(dropped, scripts))
    return found


def _readable_type(content_type: str | None) -> bool:
    return (
        content_type is None
        or content_type.startswith("text/")
        or content_type in ("application/xhtml+xml", "application/xml")
    )
