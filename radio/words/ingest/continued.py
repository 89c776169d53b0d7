"""A story the page splits into several containers, with advertisements between them.

Many news sites print the body in a run of sibling containers of one class
(``<div class="article__body">``), closing each before an advertisement or a
promotion and opening the next after it. The extractor reads the first and
stops. This module finds the container that holds the story's last paragraph
and reads the paragraphs of the later containers of the same kind.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from radio.words.ingest.structured import is_prose
from radio.words.ingest.text import fold

_MIN_SHARED = 2  # the container must hold this many of the story's paragraphs
_PARAGRAPH_TAGS = ("p", "h2", "h3", "blockquote")
_MAX_GAP_WORDS = 12  # between two parts of a story stands an advertisement's label at most
_SILENT = frozenset(("script", "style", "noscript", "template"))


def continued_body(page: str, lines: list[str]) -> list[str]:
    """The paragraphs after ``lines`` that the page prints in later containers like the story's own.

    Only containers after the one holding the last of ``lines`` are read, only
    when that one holds at least two of ``lines``, each following the part before
    with little else printed between them (an advertisement's label), and only
    paragraphs that read as prose and are new; an empty list when the page is not
    built this way.
    """
    if len(lines) < _MIN_SHARED or not page:
        return []
    try:
        root = lxml_html.fromstring(page)
    except (ValueError, TypeError):
        return []
    have = {fold(line) for line in lines}
    last = fold(lines[-1])
    end = next((p for p in root.iter("p") if _text_key(p) == last), None)
    if end is None:
        return []
    box = _story_box(end, have)
    if box is None:
        return []
    kind = _kind(box)
    parent = _kind(box.getparent())
    found: list[str] = []
    gap = 0  # words printed since the last part of the story: an advertisement's label, not a section
    after = False  # past the story's first container
    for element in root.iter():
        if element is box:
            after = True
            continue
        if not after or _inside_any(element, box, kind):
            continue
        if _kind(element) == kind and _kind(element.getparent()) == parent:
            part = _paragraphs(element, have)
            if not part or gap > _MAX_GAP_WORDS:
                break
            found += part
            box, gap = element, 0  # the next part must follow this one as closely
            continue
        if element.tag not in _SILENT:
            gap += len((element.text or "").split())
        gap += len((element.tail or "").split())
        if gap > _MAX_GAP_WORDS:
            break
    return found if len(found) >= _MIN_SHARED else []  # one line after the story is a note, not its rest


def _paragraphs(container: Any, have: set[str]) -> list[str]:
    """The new paragraphs of prose in ``container``, noted in ``have``."""
    found = []
    for paragraph in container.iter(*_PARAGRAPH_TAGS):
        text = _text(paragraph)
        key = fold(text)
        if key and key not in have and is_prose(text):
            found.append(text)
            have.add(key)
    return found


def _inside_any(element: Any, box: Any, kind: tuple[str, str]) -> bool:
    """Is ``element`` inside ``box`` or inside a container of the story's kind?"""
    return any(ancestor is box or _kind(ancestor) == kind for ancestor in element.iterancestors())


def _story_box(end: Any, have: set[str]) -> Any:
    """The nearest ancestor of ``end`` with a class that holds two of the story's paragraphs or more."""
    for ancestor in end.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        if not ancestor.get("class"):
            continue
        shared = sum(_text_key(p) in have for p in ancestor.iter("p"))
        if shared >= _MIN_SHARED:
            return ancestor
    return None


def _kind(element: Any) -> tuple[str, str]:
    return ("", "") if element is None else (str(element.tag), element.get("class") or "")


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", element.text_content().replace("\u00a0", " ")).strip()


def _text_key(element: Any) -> str:
    return fold(_text(element))
