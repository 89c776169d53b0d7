"""Find the proper nouns, places and acronyms in an article that the lexicon
does not cover yet, so a producer can check how to say them before voicing."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from radio.words.sentences import split_sentences
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
        out.extend(split_sentences(paragraph))
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


@functools.cache
def _english() -> frozenset[str]:
    """Ordinary English words (lower case), from the english-words package's GCIDE list."""
    from english_words import get_english_words_set  # type: ignore[import-untyped]

    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


_BRITISH = ((re.compile(r"our(?=s?$|ed$|ing$|ite$|able$)"), "or"), (re.compile(r"ll(?=or|ed|ing|er)"), "l"),
            (re.compile(r"tre$"), "ter"), (re.compile(r"is(?=e$|ed$|ing$|ation)"), "iz"))  # fmt: skip
_ABBREVIATED = re.compile(r"^(?:St|Ste|Mt|Ft|Rd|Ave|Blvd|Ln|Sq|Co|Corp|Inc|Ltd|Jr|Sr|No|Nos|Dept|Govt|Gov|Sen|Rep)$")


def ordinary(word: str) -> bool:
    """An everyday English word, or an abbreviation the rules expand: every engine says it."""
    low = word.lower()
    if low in COMMON_WORDS or _ABBREVIATED.match(word):
        return True
    english = _english()
    if low in english:
        return True
    for pattern, american in _BRITISH:  # councillor, harbour, centre, organise
        low = pattern.sub(american, low)
    return low in english


_COMMON_PLACE_ENDS = _PLACE_WORDS | words_set(
    """Park Centre Center Hall Square Council Board Bridge Station School Hospital Church Market
    Airport Port Court House Office Department Party Club College University Company Group Ocean"""
)


def _said_by_any_engine(parts: list[str], lexicon: Lexicon) -> bool:
    """Every word covered or ordinary ("Atlantic", "Main Street"). A run of ordinary words that
    does not end like a place ("Mara Lind") is a person's name, and is listed."""
    plain = all(lexicon.covers(p) or (ordinary(p) and not p.isupper()) for p in parts)
    return plain and (len(parts) == 1 or parts[-1] in _COMMON_PLACE_ENDS or all(lexicon.covers(p) for p in parts))


def unreviewed_names(paragraphs: Sequence[str], lexicon: Lexicon) -> list[NameEntry]:
    """Proper nouns, places and acronyms not covered by ``lexicon``, in order of
    first appearance, each written exactly as its lexicon key must be ("NHTSA",
    "Porthaven", "Gwen Alder": a full name is one entry, and a later "Alder"
    counts towards it). Ordinary English words ("Atlantic", "Main") and words
    capitalised only at a sentence start are left out."""
    text = "\n".join(paragraphs)
    lowercase = {t.lower() for t in _TOKEN.findall(text) if t.islower()}
    written = set(_TOKEN.findall(text))
    found: dict[str, tuple[list[NameKind], int, str]] = {}
    for sentence in sentences(paragraphs):
        tokens = sentence.split()
        run: list[tuple[str, int]] = []  # consecutive capitalised words: one full name
        for i, raw in enumerate(tokens):
            word = _candidate(raw, i, lowercase, written)
            joined = i > 0 and tokens[i - 1][-1:].isalnum() and raw[:1].isalpha()
            if run and (word is None or not joined):
                _add_run(run, tokens, sentence, lexicon, found)
                run = []
            if word is not None:
                run.append((word, i))
        if run:
            _add_run(run, tokens, sentence, lexicon, found)
    return _entries(found)


def _candidate(raw: str, i: int, lowercase: set[str], written: set[str]) -> str | None:
    """The capitalised word in token ``raw`` as a lexicon key must write it, or None."""
    match = _TOKEN.search(raw)
    if not match or not match.group(0)[0].isupper():
        return None
    word = _POSSESSIVE.sub("", match.group(0)).rstrip(".")
    if "." in word or word in _SKIP or len(word) < 2 or re.fullmatch(r"[IVXL]+", word):
        return None  # U.S., titles, roman numerals: read by the rules, not the lexicon
    if word.isupper() and len(word) >= 5 and word not in WORD_ACRONYMS and word.capitalize() in written:
        word = word.capitalize()  # PORTHAVEN in a dateline, Porthaven in the story
    start = i == 0 or raw.startswith(("“", '"', "‘"))
    if word.isupper():
        return None if word in WORD_ACRONYMS and word.lower() in COMMON_WORDS else word
    if (start and word.lower() in lowercase) or word.lower() in COMMON_WORDS:
        return None
    return word


def _add_run(
    run: list[tuple[str, int]],
    tokens: list[str],
    sentence: str,
    lexicon: Lexicon,
    found: dict[str, tuple[list[NameKind], int, str]],
) -> None:
    words = [w for w, _ in run]
    if len(words) == 1 or any(w.isupper() for w in words) or len(words) > 4:
        keys = [(w, i) for w, i in run]  # one word, or acronyms and long runs: word by word
    else:
        keys = [(" ".join(words), run[0][1])]
    for key, i in keys:
        parts = key.split(" ")
        if len(parts) == 1:  # "Morgan" after "Rhys Morgan": the full name's entry
            key = next((k for k in found if " " in k and key in k.split(" ")), key)
            parts = key.split(" ")
        if lexicon.covers(key) or _said_by_any_engine(parts, lexicon):
            continue
        word = key.capitalize() if key.isupper() and len(key) >= 5 and key not in WORD_ACRONYMS else key
        kind: NameKind = "name" if len(parts) > 1 else _kind(word, tokens, i)
        if len(parts) > 1 and (parts[-1] in _PLACE_WORDS or tokens[i - 1].lower() in _PLACE_BEFORE if i else False):
            kind = "place"
        kinds, count, example = found.get(key, ([], 0, sentence))
        kinds.append(kind)
        found[key] = (kinds, count + 1, example)


def _entries(found: dict[str, tuple[list[NameKind], int, str]]) -> list[NameEntry]:
    entries = []
    for word, (kinds, count, example) in found.items():
        order: tuple[NameKind, ...] = ("acronym", "name", "place", "other")
        best = max(order, key=kinds.count)
        if kinds.count(best) == 0 or (best == "other" and len(set(kinds)) > 1):
            best = next(k for k in kinds if k != "other")
        entries.append(NameEntry(word, best, count, example))
    return entries
