"""Is the article in English? radio's voices and its spoken-text rules (numbers, dates,
abbreviations) are English: a German or French article read by them is not understood
("Nach two Minuten"), so it is refused before any work, naming the language.

The test is the share of a text's words that are common function words ("the", "of",
"und", "le"), from jusText's stop lists (installed with trafilatura). Measured here on
real pages: English articles have 35-60 % English stop words (1,012 PolNeAR articles
and the English pages among trafilatura's test pages), German and French ones 0-13 %,
with 29-59 % of their own language's. A short text (under ``MIN_WORDS``) is not judged.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from functools import cache
from itertools import islice
from pathlib import Path

from radio.errors import InputError

MIN_WORDS = 40
MIN_DISTINCT = 8  # the other language's function words must be this many different ones
ENGLISH_AT_MOST = 0.20  # below this share of English stop words, the text is not English...
OTHER_AT_LEAST = 0.25  # ...when another language's stop words make up at least this share
WORDS_READ = 1000  # enough to judge; the rest of a long article says no more
_WORD = re.compile(r"[^\W\d_]{2,}(?:['’][^\W\d_]+)?")  # single letters ("x", "a") say nothing
# Lists that hold many English words (made from mixed-language text): never named as the language.
_MIXED = frozenset({"Simple_English", "Uzbek", "Marathi", "Sundanese", "Luxembourgish"})
# Languages with a large press. Close relatives share most function words (Asturian and Spanish,
# Galician and Portuguese), so the one named is a major language whose share is near the highest.
_MAJOR = frozenset(
    [
        "Spanish",
        "German",
        "French",
        "Portuguese",
        "Italian",
        "Dutch",
        "Russian",
        "Polish",
        "Turkish",
        "Swedish",
        "Norwegian_Bokmal",
        "Danish",
        "Finnish",
        "Indonesian",
        "Czech",
        "Hungarian",
        "Romanian",
        "Greek",
        "Ukrainian",
        "Vietnamese",
        "Catalan",
    ]
)
NEAR_SHARE = 0.85  # a major language within this fraction of the highest share is named instead
_NAMES = {"Norwegian_Bokmal": "Norwegian", "Norwegian_Nynorsk": "Norwegian"}


def _stoplist_folder() -> Path | None:
    spec = importlib.util.find_spec("justext")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "stoplists"
        if path.is_dir():
            return path
    return None  # pragma: no cover - justext comes with trafilatura


@cache
def _stoplist(name: str) -> frozenset[str]:
    folder = _stoplist_folder()
    path = folder / f"{name}.txt" if folder else None
    if path is None or not path.is_file():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def _languages() -> list[str]:
    folder = _stoplist_folder()
    names = sorted(p.stem for p in folder.glob("*.txt")) if folder else []
    return [name for name in names if name != "English" and name not in _MIXED]


def other_language(paragraphs: Iterable[str]) -> tuple[str, float, float] | None:
    """The language ``paragraphs`` are written in when it is clearly not English:
    (its name, the share of its stop words, the share of English ones); else None."""
    words: list[str] = []
    for text in paragraphs:  # the first WORDS_READ words, even from one paragraph of a million
        words += (m.group() for m in islice(_WORD.finditer(text.lower()), WORDS_READ - len(words)))
        if len(words) >= WORDS_READ:
            break
    if len(words) < MIN_WORDS:
        return None
    stop = _stoplist("English")
    english = sum(map(stop.__contains__, words)) / len(words)
    if english >= ENGLISH_AT_MOST:
        return None
    others = [w for w in words if w not in stop]  # lists made from mixed text hold English words
    shares = sorted(
        ((sum(w in _stoplist(name) for w in others) / len(words), name) for name in _languages()), reverse=True
    )
    share, name = shares[0] if shares else (0.0, "")
    if share < OTHER_AT_LEAST or len(set(others) & _stoplist(name)) < MIN_DISTINCT:
        return None  # a few words said over and over ("word word word") are no language
    major = next(((s, n) for s, n in shares if n in _MAJOR and s >= NEAR_SHARE * share), None)
    if major:
        share, name = major
    return _NAMES.get(name, name.replace("_", " ")), share, english


def require_english(paragraphs: Iterable[str], source: str) -> None:
    """Refuse an article clearly written in another language, naming it."""
    found = other_language(paragraphs)
    if found:
        name, share, english = found
        raise InputError(
            f"{source}: the article reads as {name} ({share:.0%} of its words are {name} function words, "
            f"{english:.0%} English ones); radio's voices and its rules for numbers and dates are English, "
            "so give an article in English"
        )
