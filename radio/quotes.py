"""Split article paragraphs into the anchor's narration and direct quotes.

First version: paired double quote marks around at least four words make a
direct quote; the speaker is looked up in the paragraph's attribution
(``said Name`` / ``Name said`` / ``he said``), and pronouns resolve to the
last person named. Shorter quoted phrases stay with the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from radio.models import Part

_QUOTE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_NAME = r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+"
_VERB = r"(?:said|says|added|told|asked|explained|wrote|recalled|warned)"
_AFTER = re.compile(rf"^\W*{_VERB}\s+(?P<name>{_NAME})|^\W*(?P<name2>{_NAME})\s+{_VERB}\b")
_BEFORE = re.compile(rf"(?P<name>{_NAME}),?(?:\s+[^.\"“]*?)?\s+{_VERB}[:,]?\s*$")
_PRONOUN = re.compile(rf"^\W*(?P<pron>he|she|they)\s+{_VERB}\b|^\W*{_VERB}\s+(?P<pron2>he|she|they)\b", re.I)
_TITLES = {"mayor", "president", "minister", "senator", "governor", "dr", "mr", "mrs", "ms", "chief"}


def _clean_name(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words.pop(0)
    return " ".join(words)


def find_parts(paragraphs: Sequence[str]) -> list[Part]:
    """Return the article as anchor and quote parts, in reading order."""
    parts: list[Part] = []
    known: dict[str, str] = {}  # surname -> full name
    last: str | None = None
    for index, paragraph in enumerate(paragraphs):
        quotes = [m for m in _QUOTE.finditer(paragraph) if len(m.group(1).split()) >= 4]
        if not quotes:
            parts.append(Part("anchor", paragraph, index))
            for m in re.finditer(rf"(?P<name>{_NAME})\s+{_VERB}\b", paragraph):
                last = _resolve(_clean_name(m.group("name")), known)
            continue
        speaker = _speaker(paragraph, quotes, known) or last
        last = speaker or last
        cursor = 0
        for m in quotes:
            before = paragraph[cursor : m.start()].strip(" ,")
            if before:
                parts.append(Part("anchor", before, index))
            parts.append(Part("quote", m.group(1).strip(), index, speaker=speaker or "Unnamed speaker"))
            cursor = m.end()
        rest = paragraph[cursor:].strip(" ,")
        if rest:
            parts.append(Part("anchor", rest, index))
    return parts


def _resolve(name: str, known: dict[str, str]) -> str:
    surname = name.split()[-1]
    if " " in name:
        known.setdefault(surname, name)
        return name
    return known.get(surname, name)


def _speaker(paragraph: str, quotes: list[re.Match[str]], known: dict[str, str]) -> str | None:
    for m in quotes:
        after = paragraph[m.end() : m.end() + 80]
        found = _AFTER.match(after)
        if found:
            return _resolve(_clean_name(found.group("name") or found.group("name2")), known)
        if _PRONOUN.match(after):
            named = list(re.finditer(rf"(?P<name>{_NAME})\b[^.\"“]*?\s{_VERB}\b", paragraph[: m.start()]))
            return _resolve(_clean_name(named[-1].group("name")), known) if named else None
        before = _BEFORE.search(paragraph[: m.start()])
        if before:
            return _resolve(_clean_name(before.group("name")), known)
    return None
