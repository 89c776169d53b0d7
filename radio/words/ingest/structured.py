"""Text a page holds outside its markup: the schema.org JSON-LD (``articleBody``,
``headline``) and HTML kept in script data, plus the prose tests that decide
which of it is the story. Used by ``html.py`` when the markup holds little.
"""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from radio.words.ingest.text import fold, is_boilerplate, strip_links

TAG = re.compile(r"<[^>]*>")
_SENTENCE = re.compile(r"\w[.!?][\"”’)]?(?:\s|$)")
_GAP_WORDS = 6  # a paragraph found only in recall mode needs this many words ...
_PROSE_END = re.compile(r"[\w%)][.!?…][\"”’)]?$")  # ... and must end as a sentence ends
_SCRIPT_BLOCK = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.I | re.S)
_HTML_IN_JSON = re.compile(r"&lt;/?p&gt;|<\\?/p>|\\u003c/?p\\u003e", re.I)
_JSON_STRING = re.compile(r'"((?:[^"\\\n]|\\.){40,})"')
_LD_JSON = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</h\d\s*>|</li\s*>", re.I)
_PARAGRAPH_WORDS = 60  # a structured-data body without breaks is cut into paragraphs of about this many words
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "vs.", "no.", "prof.", "gen.", "gov.", "sen."}


def ld_headline(page: str, headings: list[str]) -> str | None:
    """The structured data's headline when the page prints it as its <h1>: the story's own title."""
    if '"headline"' not in page or not headings:
        return None
    for match in _LD_JSON.finditer(page):
        if '"headline"' not in match.group(1):
            continue
        try:
            data = json.loads(match.group(1), strict=False)
        except ValueError:
            continue
        for headline in _values(data, "headline"):
            key = fold(unescape(headline))
            for heading in headings:
                if key and fold(heading) == key:
                    return strip_links(heading)
    return None


def ld_article_body(page: str) -> list[str]:
    """The paragraphs of the longest JSON-LD ``articleBody`` in the page (schema.org).

    News sites that build the page in the browser often leave the story only
    there. Any markup in it is reduced to text; a body given as one run of
    text is cut into paragraphs of a few sentences.
    """
    if '"articleBody"' not in page:
        return []
    best = ""
    for match in _LD_JSON.finditer(page):
        block = match.group(1)
        if '"articleBody"' not in block:
            continue
        try:
            data = json.loads(block, strict=False)
        except ValueError:
            continue
        for body in _values(data, "articleBody"):
            if len(body) > len(best):
                best = body
    text = _BREAK.sub("\n", best)
    text = unescape(TAG.sub(" ", text)).replace("\u00a0", " ")
    paragraphs = [re.sub(r"\s+", " ", part).strip() for part in text.split("\n")]
    return [chunk for part in paragraphs if part for chunk in _split_long(part)]


def script_paragraphs(page: str, shown: list[str]) -> list[str]:
    """The whole story when the page's scripts carry it as HTML in their data.

    Slideshows and pages built in the browser show one part of the story in
    the markup and keep every part as HTML strings in a script. Those
    paragraphs are taken from the one script whose data includes the prose
    the page shows (so they are this story, not another widget's data) and
    says at least twice as much.
    """
    shown_prose = [fold(line) for line in shown if is_prose(line)]
    if not shown_prose:
        return []
    best: list[str] = []
    least = 2 * prose_words(shown)
    for match in _SCRIPT_BLOCK.finditer(page):
        block = match.group(1)
        if "ld+json" in match.group(0)[:200] or not _HTML_IN_JSON.search(block):
            continue
        found = _html_strings(block)
        said = " ".join(fold(line) for line in found)
        words = prose_words(found)
        if words >= least and all(key in said for key in shown_prose):
            best, least = found, words + 1
    return best


def _html_strings(script: str) -> list[str]:
    """The paragraphs of the HTML held in a script's string literals, in order."""
    found: list[str] = []
    for literal in _JSON_STRING.findall(script):
        if not _HTML_IN_JSON.search(literal):
            continue
        try:
            value = json.loads(f'"{literal}"')
        except ValueError:
            continue
        markup = unescape(value) if "&lt;" in value else value
        for part in _BREAK.sub("\n", markup).split("\n"):
            line = re.sub(r"\s+", " ", unescape(TAG.sub(" ", part)).replace("\u00a0", " ")).strip()
            if line and line not in found:
                found.append(line)
    return found


def _values(data: Any, key: str) -> list[str]:
    """Every string value of ``key`` anywhere in parsed JSON."""
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for name, value in item.items():
                if name == key and isinstance(value, str):
                    found.append(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _split_long(text: str) -> list[str]:
    """A paragraph far longer than a printed one, cut after sentences into paragraphs of some length."""
    if len(text.split()) <= 2 * _PARAGRAPH_WORDS:
        return [text]
    chunks: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        words = len(text[start : match.start()].split())
        before = text[: match.start()].rsplit(None, 1)[-1].rstrip('"”’)').lower()
        if words >= _PARAGRAPH_WORDS and before not in _ABBREVIATIONS:
            chunks.append(text[start : match.start()].strip())
            start = match.end()
    chunks.append(text[start:].strip())
    return [chunk for chunk in chunks if chunk]


def prose_words(lines: list[str]) -> int:
    """Words in lines that read as prose (sentences), not lists of links."""
    return sum(len(line.split()) for line in lines if len(line.split()) >= 8 and _SENTENCE.search(line))


def is_prose(line: str) -> bool:
    """A paragraph of running text: a few words ending as a sentence does."""
    return len(line.split()) >= _GAP_WORDS and bool(_PROSE_END.search(line)) and not is_boilerplate(line)
