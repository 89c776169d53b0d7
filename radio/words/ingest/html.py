"""Extract the article from a saved or fetched HTML page.

The heavy lifting (finding the main text among navigation, ads, share
buttons, related stories, comments, scripts and styles; the metadata) is done
by trafilatura, imported only here and only when an HTML page is read. Its
paragraph structure is kept, then the same boilerplate rules as for plain
text drop whatever a listener must not hear.
"""

from __future__ import annotations

import re
from html import unescape
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from radio.errors import DependencyError, InputError
from radio.models import Article
from radio.words.ingest.continued import continued_body
from radio.words.ingest.decode import decode_html
from radio.words.ingest.endmatter import without_end_matter
from radio.words.ingest.preformatted import wrapped_paragraphs
from radio.words.ingest.structured import TAG, is_prose, ld_article_body, ld_headline, prose_words, script_paragraphs
from radio.words.ingest.text import clean_lines, fold, is_boilerplate, strip_links

MAX_HTML_BYTES = 10 * 1024 * 1024
MIN_WORDS = 40  # less than this is a home page, a login wall or an error page
RETRY_WORDS = 300  # a shorter result in precision mode is checked against the balanced mode

# Page parts that are never article text, pruned before extraction. Class
# names are matched only on small elements, so a wrapper whose class happens to
# mention "share" or "cookie" never takes the article with it.
_SMALL = "[not(self::body or self::main or self::article) and not(.//article) and count(.//p) < 4]"
_PRUNE = [
    "//figcaption",
    "//figure//*[contains(@class, 'caption') or contains(@class, 'credit')]",
    "//*[contains(@class, 'newsletter') or contains(@id, 'newsletter')]" + _SMALL,
    "//*[contains(@class, 'author-bio') or contains(@class, 'author_bio')"
    " or contains(@class, 'authorbio') or contains(@class, 'about-the-author')]" + _SMALL,
    "//*[contains(@class, 'cookie') or contains(@id, 'cookie')]" + _SMALL,
    "//*[contains(@class, 'share-') or contains(@class, 'social-') or contains(@class, '-share')]" + _SMALL,
]
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_SUBHEAD = re.compile(r"<h[23]\b[^>]*>(.*?)</h[23]\s*>", re.I | re.S)
_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_META_TITLE = re.compile(
    r"<meta\b(?=[^>]*\b(?:property|name)\s*=\s*[\"'](?:og:title|twitter:title)[\"'])[^>]*\bcontent\s*=\s*"
    r"(?:\"([^\"]*)\"|'([^']*)')",
    re.I,
)
_FOOTNOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d+|citation needed|clarification needed)\]", re.I)  # wiki refs
_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_TITLE_SEP = re.compile(r"\s+(?:\||-|—|–|::|·)\s+")
_STANDFIRST_GAP = 1500  # characters of page text between the headline and its standfirst, at most
_HEADING_WORDS = 10  # a heading between trailing paragraphs has at most this many words
_DROP_CAP = re.compile(
    r"<((?i:span|div|b|strong|em|i|big|font))\b[^>]*>\s*(?P<letter>[A-Z])\s*</(?i:\1)\s*>"
    r"(?P<open>\s*<(?i:p)\b[^>]*>(?:\s*<(?i:a|span|b|strong|em|i)\b[^>]*>)*)(?=[a-z])"
)
_BLOCKS = {"p", "head", "quote", "item", "cell"}
_CONTAINERS = {"list", "div", "body", "row", "table"}
_ERROR_TITLE = re.compile(
    r"^(?:\d{3}\b|page not found|not found|error\b|access denied|forbidden|sign in\b|log ?in\b|"
    r"no (?:matches|results)\b|nothing found|subscribe to (?:read|continue))",
    re.I,
)


def html_to_article(
    data: bytes,
    source: str,
    *,
    charset: str | None = None,
    url: str | None = None,
) -> Article:
    """Extract headline, byline, date, site and paragraphs from HTML bytes."""
    if len(data) > MAX_HTML_BYTES:
        size = len(data) / 2**20
        raise InputError(
            f"{source}: HTML page of {size:.0f} MB is over the {MAX_HTML_BYTES // 2**20} MB limit;"
            " save only the article page"
        )
    text = _join_drop_caps(decode_html(data, source, charset))
    doc, lines = _extract(text, url, mode="precision")
    words = prose_words(lines)
    if words < RETRY_WORDS:  # precision mode may miss much of a plainly built page: retry
        retry, more = _extract(text, url, mode="balanced")
        more_words = prose_words(more)
        if more_words > 1.5 * words:
            doc, lines, words = retry, more, more_words
    body = ld_article_body(text) if words < RETRY_WORDS and doc is not None else []
    body_words = prose_words(body)
    # the story only in the page's structured data (trafilatura's own fallback reads it as one block)
    if body_words >= MIN_WORDS and (body_words > 2 * words or (body_words >= words and len(body) > len(lines))):
        lines, words = body, body_words
        lines = _with_standfirst(lines, doc.description, text)
    elif words < RETRY_WORDS and (embedded := script_paragraphs(text, lines)):
        lines, words = embedded, prose_words(embedded)  # a slideshow or app: the page shows one part
    elif lines:
        lines = _fill_gaps(lines, _extract(text, url, mode="recall")[1])
        lines += continued_body(text, lines)
        words = prose_words(lines)  # a standfirst alone does not make an article
        lines = _with_standfirst(lines, doc.description, text)
    lines = without_end_matter(lines)
    if doc is None:
        raise InputError(f"{source}: no article in the page; is it a home page or a login wall?")
    title = ld_headline(text, _headings(text)) or _title(doc, lines, _headings(text), text)
    if words < MIN_WORDS or _ERROR_TITLE.match(title or ""):
        raise InputError(
            f"{source}: no article found in the page (only {words} words of prose);"
            " is it a home page, a login wall or an error page?"
        )
    meta: dict[str, str | None] = {
        "date": doc.date or None,
        "byline": _byline(doc.author),
        "site": doc.sitename or _host(url),
    }
    return clean_lines(lines, source, title=title or None, meta=meta, fmt="html")


def _join_drop_caps(page: str) -> str:
    """Put a drop cap (a first letter set in its own element before the paragraph) back into its word.

    ``<span class="cap">T</span><p>urkey and ...`` would otherwise lose the
    letter: the extractor drops the lone element and keeps "urkey".
    """
    return _DROP_CAP.sub(r"\g<open>\g<letter>", page)


def _with_standfirst(lines: list[str], description: str | None, page: str) -> list[str]:
    """Put the standfirst (the summary printed under the headline) before the body.

    The page's description is taken only when it is printed on the page
    itself near the headline (not just in the metadata), has a sentence's
    length (a standfirst often has no full stop), is not boilerplate, and the
    body does not already say it (many sites reuse the first paragraph).
    """
    summary = re.sub(r"\s+", " ", unescape(description or "")).strip()
    key = fold(summary)
    if not key or summary.endswith(("...", "…")) or len(summary.split()) < 8 or is_boilerplate(summary):
        return lines
    body = " ".join(fold(line) for line in lines)
    if key in body or fold(" ".join(summary.split()[:8])) in body:
        return lines
    start = page.find("</head")
    visible = fold(unescape(TAG.sub(" ", _SCRIPT.sub(" ", page[max(start, 0) :]))))
    at = visible.find(key)
    if at < 0:
        return lines
    headline = max((visible.rfind(fold(h), 0, at) for h in _headings(page)), default=-1)
    if headline < 0 or at - headline > _STANDFIRST_GAP:
        return lines
    return [summary, *lines]


def _fill_gaps(lines: list[str], wider: list[str]) -> list[str]:
    """Add the prose paragraphs that only the recall mode found inside the article.

    The stricter modes sometimes skip a paragraph in the middle of a story (a
    paragraph in its own odd container, the last lines before a list). Recall
    mode finds them, but also more page furniture, so only its paragraphs
    that read as sentences, are not boilerplate, and lie between two
    paragraphs the stricter mode kept (never before the first or after the
    last, where furniture gathers) are added, at their place in the page.
    """
    have = [fold(line) for line in lines]
    joined = " " + " ".join(have) + " "
    anchors: list[tuple[int, int]] = []  # (index in wider, index in lines)
    j = 0
    for i, line in enumerate(wider):
        key = fold(line)
        if not key:
            continue
        for k in range(j, len(have)):
            if have[k] == key:
                anchors.append((i, k))
                j = k + 1
                break
    if len(anchors) < 2:
        return lines
    inserts: dict[int, list[str]] = {}
    for (lo, k), (hi, _) in pairwise(anchors):
        for line in wider[lo + 1 : hi]:
            key = fold(line)
            if key and " " + key + " " not in joined and is_prose(line):
                inserts.setdefault(k, []).append(line)
    last, k = anchors[-1]
    if k == len(lines) - 1 and is_prose(lines[k]):
        tail = _trailing_prose(wider[last + 1 :], joined)
        if tail:
            inserts.setdefault(k, []).extend(tail)
    if not inserts:
        return lines
    merged: list[str] = []
    for k, line in enumerate(lines):
        merged.append(line)
        merged.extend(inserts.get(k, []))
    return merged


def _trailing_prose(after: list[str], joined: str) -> list[str]:
    """The titled section of prose that follows the last kept paragraph without a break.

    Right after an article's end come notes, support links, biographies and
    related stories, so a run is taken only when it opens with a heading (a
    further section of the page, as the stricter modes sometimes cut off);
    a heading between two paragraphs is taken with the one after it; the run
    ends at the first line that is neither (a list of links, a label,
    boilerplate) or at a paragraph the body already has.
    """
    if not after or not _is_heading(after[0]):
        return []
    found: list[str] = []
    heading = ""
    for line in after:
        key = fold(line)
        if not key or (len(key) > 40 and " " + key + " " in joined):  # a short heading may echo a link
            break
        if is_prose(line):
            found.extend([heading, line] if heading else [line])
            heading = ""
        elif not heading and _is_heading(line):
            heading = line
        else:
            break
    return found


def _is_heading(line: str) -> bool:
    """A short title line: a few words, not ending as a sentence, not boilerplate."""
    words = line.split()
    return 1 <= len(words) <= _HEADING_WORDS and not line.endswith((".", ":", ",")) and not is_boilerplate(line)


def _extract(text: str, url: str | None, *, mode: str) -> tuple[Any, list[str]]:
    """trafilatura's document and the text of its paragraph blocks."""
    try:
        import trafilatura
    except ImportError as exc:
        raise DependencyError(
            f"reading HTML needs trafilatura ({exc}); run: pip install trafilatura lxml_html_clean"
        ) from None
    try:
        doc: Any = trafilatura.bare_extraction(
            text,
            url=url,
            favor_precision=mode == "precision",
            favor_recall=mode == "recall",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=mode != "recall",  # the recall pass only lends paragraphs
            date_extraction_params={"extensive_search": False, "original_date": True},
            prune_xpath=_PRUNE,
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"cannot parse the HTML page ({exc}); is the file complete?") from None
    if doc is None or doc.body is None:
        return doc, []
    lines = []
    for element in _blocks(doc.body):
        if element.tag in ("code", "quote") and (wrapped := wrapped_paragraphs("".join(element.itertext()))):
            lines += wrapped  # prose wrapped by hand in <pre>: a list's archived message, a plain-text notice
            continue
        if element.tag == "code":  # a program's listing (<pre>, <code>): symbols no listener can follow
            continue
        line = _block_text(element)
        # a table is read only for the cells that are sentences; figures and labels are not read out
        if line and (element.tag != "cell" or is_prose(line)):
            lines.append(line)
    return doc, lines


def _blocks(body: Any) -> list[Any]:
    """The paragraph-level elements of trafilatura's body, in order."""
    found: list[Any] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        # a quote or a table cell holding paragraphs of its own (a page laid out in a table) is a container
        if tag in _BLOCKS and not (tag in ("quote", "cell") and _has_blocks(child)):
            found.append(child)
        elif tag in _CONTAINERS or tag in ("quote", "cell"):
            found.extend(_blocks(child))
        elif tag:
            found.append(child)
    return found


def _has_blocks(element: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS | _CONTAINERS for c in element)


def _block_text(element: Any) -> str:
    for brk in element.iter("lb"):
        brk.tail = " " + (brk.tail or "")
    text = _FOOTNOTE.sub("", "".join(element.itertext()))
    return strip_links(re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip())


def _headings(text: str, pattern: re.Pattern[str] = _H1) -> list[str]:
    """The text of the page's <h1> headings (or those ``pattern`` finds)."""
    found = []
    for match in pattern.finditer(text, 0, 3_000_000):
        heading = unescape(TAG.sub(" ", match.group(1)))
        heading = re.sub(r"\s+", " ", heading.replace("\u00a0", " ")).strip()
        if heading and len(heading) <= 300:
            found.append(heading)
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _own_titles(page: str) -> list[str]:
    """The titles the page gives itself: its <title> and its social-card titles."""
    head = page[: page.find("<body") if "<body" in page else 200_000]
    found = [match.group(1) for match in _TITLE_TAG.finditer(head)]
    # social-card tags are sometimes written into the body; <title> there is an SVG's
    found += [match.group(1) or match.group(2) or "" for match in _META_TITLE.finditer(page, 0, 1_000_000)]
    titles = [re.sub(r"\s+", " ", unescape(TAG.sub(" ", title))).strip() for title in found]
    return [title for title in dict.fromkeys(titles) if title]


def _title_parts(title: str, site: str) -> list[str]:
    """A metadata title, then it without its last and without its first " | "-separated part.

    In that order: "Title - Site" prints the title. The site's name is no
    candidate: in an <h1> of its own it is no headline.
    """
    seps = list(_TITLE_SEP.finditer(title))
    parts = [title[: seps[-1].start()], title[seps[0].end() :]] if seps else []
    return [part for part in (title, *parts) if fold(part) != fold(site)]


def _printed(titles: list[str], headings: list[str], site: str = "", parts: bool = True) -> str | None:
    """The first heading that prints one of the titles (whole, or without the site's part)."""
    for title in titles:
        for candidate in _title_parts(title, site) if parts else [title]:
            key = fold(candidate)
            for heading in headings:
                if key and fold(heading) == key:
                    return strip_links(heading)
    return None


def _overlap(a: str, b: str) -> float:
    """The share of words two titles have in common (Jaccard)."""
    x, y = _words(a), _words(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def _headline_like(heading: str, site: str) -> bool:
    """An <h1> that can stand for the story: four words or more, not the site's name, a button or an error."""
    return (
        len(heading.split()) >= 4
        and fold(heading) != fold(site)
        and not is_boilerplate(heading)
        and not _ERROR_TITLE.match(heading)
    )


def _title(doc: Any, lines: list[str], headings: list[str], page: str = "") -> str:
    """The headline as printed on the page.

    In this order: an <h1> that prints a title the page gives itself (its
    <title>, og:title or twitter:title; whole, or without its first or last
    " | "-separated part, never the site's name alone); a subheading (<h2>,
    <h3>) that prints such a title when no <h1> shares its words (the <h1>
    is then a section's name: "Allergies Health Center"); an <h1> that prints
    the extractor's title. Then, when the extractor's title is none of the
    page's own (a heading it guessed from a menu), the first <h1> that can
    stand for a story; an <h1> that extends the title; the title without the
    site's name, or the <h1> closest to it; and a title printed nowhere on
    the page (written for search engines and shares) gives way to that <h1>.
    """
    meta = re.sub(r"\s+", " ", doc.title or "").strip()
    own = _own_titles(page)
    site = (doc.sitename or "").strip()
    if own and fold(meta) in ("", fold(site)):
        meta = own[0]  # the extractor took the site's name, printed as an <h1>, for the title
    subheads = _headings(page, _SUBHEAD)
    unlike = [title for title in own if all(_overlap(title, heading) < 0.3 for heading in headings)]
    printed = (
        _printed(own, headings, site) or _printed(unlike, subheads, parts=False) or _printed([meta], headings, site)
    )
    if printed:
        return printed
    named = [heading for heading in headings if _headline_like(heading, site)]
    if named and own and not any(fold(meta) in fold(title) for title in own):
        return strip_links(named[0])  # the extractor's title is a heading it guessed, not the page's
    main = _without_site(meta, site)
    key = fold(main)
    if key:
        for heading in headings:
            inner = fold(heading)
            if inner.startswith(key + " "):
                return strip_links(heading)  # the printed headline says more
            if inner.endswith(" " + key):
                return strip_links(main)  # the <h1> has a kicker or label in front
    best, best_score = "", 0.0
    for heading in headings:
        score = _overlap(heading, main)
        if score > best_score:
            best, best_score = heading, score
    if best_score >= 0.3:
        return strip_links(best)
    if named and key not in {fold(text) for text in (*headings, *subheads, *lines[:3])}:
        return strip_links(named[0])  # a title written for search engines and shares, not printed: the <h1> is
    if not main and len(headings) == 1:
        main = headings[0]
    if not main and lines:
        main = lines[0]
    return strip_links(main)


def _without_site(title: str, site: str) -> str:
    if not site or len(title) <= len(site) + 10:
        return title
    for sep in (" | ", " - ", " — ", " – ", " :: ", " · "):
        if title.endswith(sep + site):
            return title[: -len(sep + site)]
        if title.startswith(site + sep):
            return title[len(site + sep) :]
    return title


_CALENDAR_TAIL = re.compile(
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December))+$"
)


def _calendar_cut(name: str) -> str:
    """ "Jeff Foust Monday" -> "Jeff Foust"; a two-word name keeps its last word ("Theresa May")."""
    cut = _CALENDAR_TAIL.sub("", name)
    return cut if len(cut.split()) >= 2 else name


def _byline(author: str | None) -> str | None:
    """The page's author names, without the date the extractor ran into them ("Jeff Foust Monday; November")."""
    if not author:
        return None
    names = [_calendar_cut(n.strip()) for n in author.split(";") if "@" not in n]
    names = [n for n in names if n and not _CALENDAR_TAIL.fullmatch(" " + n)]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
