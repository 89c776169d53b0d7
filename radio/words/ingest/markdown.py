"""Read an article written in Markdown.

Headings, emphasis and links become plain words (a link keeps its text, its
URL is never read); images, their captions, footnote markers and notes, code,
tables, HTML tags and front matter are dropped. The headline is the first
heading (or the front matter's title, or the first line).
"""

from __future__ import annotations

import re

from radio.models import Article
from radio.words.ingest.rules import byline_name
from radio.words.ingest.text import clean_lines, parse_date

_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FENCE = re.compile(r"^(```|~~~)")
_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s#+)?$")  # on stripped lines; group 2 is stripped where used
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]]+\]:")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_DELIMITER = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_IMAGE_ONLY = re.compile(r"^(?:\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?\s*)+$")

_INLINE = [  # no span can run past the next opener, so unclosed markup costs linear time, not quadratic
    (re.compile(r"<!--(?:(?!<!--).)*?-->", re.S), ""),
    (re.compile(r"\[!\[[^\][]*\]\([^()]*\)\]\([^()]*\)"), ""),  # linked image
    (re.compile(r"!\[[^\][]*\](?:\([^()]*\)|\[[^\][]*\])"), ""),  # image
    (re.compile(r"\[\^[^\][]+\]"), ""),  # footnote marker
    (re.compile(r"\[([^\][]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[\"'(][^()]*[\"')])?\)"), r"\1"),  # link
    (re.compile(r"\[([^\][]+)\]\[[^\][]*\]"), r"\1"),  # reference link
    (re.compile(r"<(?:mailto:)?((?:https?://)?[^<>\s]+)>"), r"\1"),  # autolink (removed later)
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),  # inline HTML
    (re.compile(r"`+([^`]*)`+"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~((?:(?!~~).)+?)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # backslash escapes
]
_EMPHASIS_ONLY = re.compile(r"^(?:\*[^*].*\*|_[^_].*_)$")
# "By Ana Ruiz · 2025-02-03", "By Ana Ruiz | Feb 3, 2025": the byline and the date, never read
_BYLINE_DATE = re.compile(r"^(?P<by>[Bb]y\s+[^|·•—–]+?)\s*(?:[|·•—–]\s*(?P<when>[^|·•—–]+?))?\s*$")
BYLINE_BLOCKS = 4
"""A byline line is looked for among the first blocks of the story only."""


def inline(text: str) -> str:
    """Markdown inline markup to plain words."""
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip()


def markdown_to_article(text: str, source: str) -> Article:
    """Parse Markdown text into an Article."""
    meta, text = _front_matter(text)
    title: str | None = meta.pop("title", None)
    lines: list[str] = []
    for number, (kind, raw) in enumerate(_blocks(text.split("\n"))):
        if kind == "heading" and title is None:
            title = inline(raw)
            continue
        line = inline(raw)
        if kind == "para" and number < BYLINE_BLOCKS and _byline(line, meta):
            continue
        lines.append(line)
    if title is None and lines:
        title, lines = lines[0], lines[1:]
    return clean_lines(lines, source, title=title or None, meta=dict(meta), fmt="markdown")


def _byline(line: str, meta: dict[str, str | None]) -> bool:
    """True if ``line`` is a byline (with or without a date); its name and date fill ``meta``'s gaps."""
    match = _BYLINE_DATE.match(line)
    if not match:
        return False
    name = byline_name(match["by"])
    when = parse_date(match["when"]) if match["when"] else None
    if not name or (match["when"] and not when):
        return False
    meta.setdefault("byline", name)
    if when:
        meta.setdefault("date", when)
    return True


def _front_matter(text: str) -> tuple[dict[str, str | None], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    meta: dict[str, str | None] = {}
    for row in match.group("body").split("\n"):
        key, sep, value = row.partition(":")
        value = value.strip().strip("\"'")
        if not sep or not value:
            continue
        key = key.strip().lower()
        if key == "title":
            meta["title"] = inline(value)
        elif key in ("date", "published", "pubdate"):
            meta["date"] = parse_date(value)
        elif key in ("author", "byline", "authors"):
            meta["byline"] = value.strip("[]").replace('", "', " and ")
        elif key in ("site", "publication", "source"):
            meta["site"] = value
    return meta, text[match.end() :]


def _blocks(rows: list[str]) -> list[tuple[str, str]]:
    """Group Markdown lines into (kind, text) blocks: "heading" or "para"."""
    blocks: list[tuple[str, str]] = []
    current: list[str] = []
    in_code = False
    in_table = False
    skip_caption = False

    def flush() -> None:
        if current:
            blocks.append(("para", " ".join(current)))
            current.clear()

    for row in rows:
        stripped = row.strip()
        if _FENCE.match(stripped):
            flush()
            in_code = not in_code
            continue
        if in_code or (row.startswith(("    ", "\t")) and not current):
            continue  # code is never read aloud
        if not stripped:
            flush()
            in_table = False
            continue
        if skip_caption and _EMPHASIS_ONLY.match(stripped):
            skip_caption = False
            continue  # the caption under an image
        skip_caption = False
        if _IMAGE_ONLY.match(stripped):
            flush()
            skip_caption = True
            continue
        if _SETEXT.match(stripped) and len(current) == 1 and not _LIST.match(current[0]):
            blocks.append(("heading", current.pop()))
            continue
        if _RULE.match(stripped) or _REF_DEF.match(row) or _FOOTNOTE_DEF.match(row):
            flush()
            continue
        if _TABLE_DELIMITER.match(row):
            if current and "|" in current[-1]:
                current.pop()  # the table's header row
            flush()
            in_table = True
            continue
        if _TABLE.match(row) or (in_table and "|" in stripped):
            flush()
            continue  # a table is never read aloud
        in_table = False
        heading = _ATX.match(stripped)
        if heading:
            flush()
            blocks.append(("heading", heading.group(2).strip()))
            continue
        if stripped.startswith(">"):
            stripped = re.sub(r"^(?:>\s?)+", "", stripped)
            if not stripped:
                flush()
                continue
        if _LIST.match(row):
            flush()
            stripped = _LIST.sub("", row).strip()
        current.append(stripped)
    flush()
    return blocks
