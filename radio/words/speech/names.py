"""Find the proper nouns, places and acronyms in an article that the lexicon
does not cover yet, so a producer can check how to say them before voicing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from radio.words.speech.lexicon import Lexicon
from radio.words.speech.words import (
    COMMON_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    SUFFIXES,
    TITLES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    WORD_ACRONYMS,
    words_set,
)

NameKind = Literal["name", "place", "acronym", "other"]

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]")
_POSSESSIVE = re.compile(r"['’]s?$")
_SKIP = frozenset(
    {"I", "OK", *MONTHS, *WEEKDAYS, *MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS, *TITLES}
    | set(TITLES.values())
    | set(SUFFIXES)
    | {"Mayor", "President", "Minister", "Senator", "Governor", "King", "Queen", "Pope"}
)
_NAME_BEFORE = words_set(
    """said says Mr Mrs Ms Dr Mister Missus Doctor Mayor President Minister Senator Governor
    General Prime Chief Judge Justice King Queen Pope Prince Princess Sir Dame Lord Lady
    Professor Officer Captain Sergeant Reverend Father Sister Councillor Councilor"""
)
_PLACE_BEFORE = words_set("in at from to near into across outside inside toward towards of")
_PLACE_WORDS = words_set(
    """Street Road Avenue River Lake Mount Island Islands Bay Sea Ocean City County Province
    Valley Harbour Harbor Estuary Strait Gulf Coast"""
)


@dataclass(frozen=True)
class NameEntry:
    """A word in the article the lexicon does not cover."""

    word: str
    kind: NameKind
    count: int
    example: str  # the first sentence it appears in


def sentences(paragraphs: Sequence[str]) -> list[str]:
    """The sentences of the article, in order."""
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(s.strip() for s in _SENTENCE.split(paragraph) if s.strip())
    return out


def _kind(word: str, tokens: list[str], i: int) -> NameKind:
    if len(word) >= 2 and word.isupper():
        return "acronym"
    prev_raw = tokens[i - 1] if i else ""
    prev = prev_raw.rstrip(".,")
    nxt = tokens[i + 1].rstrip(".,;:") if i + 1 < len(tokens) else ""
    if prev.lower() in _PLACE_BEFORE or nxt.capitalize() in _PLACE_WORDS:
        return "place"
    if prev_raw.endswith(",") and prev[:1].isupper():
        return "place"  # "Porthaven, Wales"
    if prev in _NAME_BEFORE or (prev[:1].isupper() and prev.capitalize() not in _PLACE_WORDS):
        return "name"
    if nxt[:1].isupper() and not tokens[i].endswith(","):
        return "name"
    return "other"


def unreviewed_names(paragraphs: Sequence[str], lexicon: Lexicon) -> list[NameEntry]:
    """Proper nouns, places and acronyms not covered by ``lexicon``, in order of
    first appearance. Ordinary words capitalised at a sentence start are left out."""
    text = "\n".join(paragraphs)
    lowercase = {t.lower() for t in _TOKEN.findall(text) if t.islower()}
    found: dict[str, tuple[list[NameKind], int, str]] = {}
    for sentence in sentences(paragraphs):
        tokens = sentence.split()
        for i, raw in enumerate(tokens):
            match = _TOKEN.search(raw)
            if not match or not match.group(0)[0].isupper():
                continue
            word = _POSSESSIVE.sub("", match.group(0)).rstrip(".")
            if "." in word:  # U.S., U.N.: read by the rules, not the lexicon
                continue
            start = i == 0 or raw.startswith(("“", '"', "‘"))
            if word.isupper() and len(word) >= 5 and word not in WORD_ACRONYMS:
                word = word.capitalize()  # PORTHAVEN in a dateline
            low = word.lower()
            if (
                word in _SKIP
                or len(word) < 2
                or (low in COMMON_WORDS and not word.isupper())
                or (start and low in lowercase)
                or lexicon.covers(word)
                or re.fullmatch(r"[IVXL]+", word)
            ):
                continue
            kind = _kind(word, tokens, i)
            kinds, count, example = found.get(word, ([], 0, sentence))
            kinds.append(kind)
            found[word] = (kinds, count + 1, example)
    entries = []
    for word, (kinds, count, example) in found.items():
        order: tuple[NameKind, ...] = ("acronym", "name", "place", "other")
        best = max(order, key=kinds.count)
        if kinds.count(best) == 0 or (best == "other" and len(set(kinds)) > 1):
            best = next(k for k in kinds if k != "other")
        entries.append(NameEntry(word, best, count, example))
    return entries
