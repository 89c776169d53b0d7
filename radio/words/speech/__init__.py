"""Say it right: turn written text into what the engine should say.

The stages run in this order: unspeakable characters and scripts removed
(``chars``), links removed, lexicon words, phone numbers and scores, identifiers ("Boeing 737") and
sport measures (``idents``), symbols, US party tags and
states (``places``), abbreviations, dates and times, money, measures and numbers, roman numerals
and acronyms, then the last symbols and tidying. The same for every engine,
except that a lexicon entry may carry an engine-specific phoneme form.
"""

from __future__ import annotations

import re

from radio.words.speech.chars import clean_characters, is_speakable, without_unspeakable
from radio.words.speech.idents import identifiers_and_sport
from radio.words.speech.lexicon import (
    Lexicon,
    Pronunciation,
    load_lexicon,
    load_user_lexicon,
    user_lexicon_path,
)
from radio.words.speech.measures import measures, mixed_numbers, names_and_acronyms
from radio.words.speech.phones import phones_and_scores
from radio.words.speech.places import us_states
from radio.words.speech.rules import (
    abbreviations,
    dates_and_times,
    has_digit,
    starting,
    symbols_first,
    symbols_last,
)

__all__ = [
    "Lexicon",
    "Pronunciation",
    "is_speakable",
    "load_lexicon",
    "load_user_lexicon",
    "to_spoken",
    "user_lexicon_path",
]

_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]]"  # URLs
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"  # e-mail addresses
    # a link written without its scheme: a domain with a common top-level name and a path
    # ("pic.twitter.com/Ab12", "bit.ly/3xY", "bbc.co.uk/news/1"); a bare "Amazon.com" stays a name
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|int|mil|info|biz|news|tv|io|ly|co|me|fm|be|gl|us|uk|ca|au|de|fr|ie|nz|in)"
    r"/[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]]"
    r"|\(\s*@\w+\s*\)",  # a social handle in brackets after a name: "Apple Music (@AppleMusic)"
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|<\s*>")
# "(sic)" marks the writer's faithfulness to a source's error; a newsreader never says it
_SIC = re.compile(r"\s*[(\[]\s*sic!?\s*[)\]]", re.IGNORECASE)
# a reader's aids a listener cannot use: footnote and edit markers ("[1]", "[citation needed]", "[edit]")
# and directions to the page ("(see chart below)", "(pictured)", "(left)", "(video)")
_FOOTNOTE = re.compile(
    r"(?<=[\w.,;:!?'’\")”\]])\[(?:\d{1,3}|[a-z])\]|\s*\[(?:citation needed|edit|note \d+)\]", re.IGNORECASE
)
_READER_AID = re.compile(
    r"\s*[(\[](?:see (?:[\w ]{0,30}\b)?"
    r"(?:below|above|chart|graphic|map|table|box|video|photo|picture|image|story|page)s?\b[^()\[\]]{0,30}|"
    r"pictured(?: \w+){0,3}|(?:photo|video|picture|image)(?: above| below)?|above|below|left|right|"
    r"centre|center|top|bottom|inset|l-r|from left|front row|back row|watch|listen|audio|graphic|file photo)[)\]]",
    re.IGNORECASE,
)
# a stock ticker after a company's name, as press releases write it: "(NYSE: ACME)", "(Nasdaq:ABC)"
_TICKER = re.compile(
    r"\s*[(\[](?:NYSE(?: ?American| ?Arca| ?MKT)?|NASDAQ|Nasdaq|LSE|AIM|TSX(?:-V|V)?|ASX|OTC(?:QX|QB|MKTS| Markets)?|"
    r"AMEX|TSE|HKEX|SGX|NSE|BSE|Euronext(?: Paris| Amsterdam)?|Xetra|FWB|SIX)\s*:\s*[A-Z0-9.]{1,8}"
    r"(?:\s*[;,]\s*[A-Za-z ]{2,20}:\s*[A-Z0-9.]{1,8})*\s*[)\]]"
)
# a wire service's instrument code after a company's name: "Reliance Industries (RELI.NS)", "(VOD.L)", "(7203.T)"
_INSTRUMENT_CODE = re.compile(r"(?<=[A-Za-z.])\s*\((?:[A-Z]{2,6}|\d{4})\.[A-Z]{1,2}\)")
# a live blog's time stamp opening a paragraph, written with a full stop as British papers do ("13.45 The ...")
_STAMP_DOT = re.compile(r"^(?P<h>[01]\d|2[0-3])\.(?P<m>[0-5]\d)(?=\s+[A-Z])")
# wire-copy shorthand a reader expands without thinking
_SHORTHAND = {
    "govt": "government", "intl": "international", "natl": "national", "qtr": "quarter", "mgmt": "management",
    "Utd": "United",
}  # fmt: skip
_SHORTHAND_WORD = re.compile(r"\b(" + "|".join(_SHORTHAND) + r")\b\.?(?=\s|[,;:)]|$)")
_PLACEHOLDER_BASE = 0xE000
_PLACEHOLDER = re.compile("[\ue000-\ue0fe]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_SPACE_BEFORE_PUNCT = starting(r"\s", r"\s+([,.;:!?])")
_DOUBLE_COMMA = starting(r"[,;\s]", r",\s*(?=[,.;:!?])|^\s*[,;]\s*")

# Cheap tests that a rule can match at all (each is implied by a match of the
# rule), so the rule's own slower pattern only scans text it may change.
_ODD_SPACE = re.compile(r"  |[\t\u00a0\u2009\u202f]")
_PUNCT_AFTER_SPACE = re.compile(r"[,.;:!?](?<=\s[,.;:!?])")
_COMMA_BEFORE_PUNCT = re.compile(r",\s*[,.;:!?]")


def to_spoken(text: str, lexicon: Lexicon | None = None, engine: str = "") -> str:
    """Return ``text`` as the engine should receive it."""
    kept: list[str] = []

    def protect(spoken: str) -> str:
        if len(kept) >= 0xFF:  # out of placeholders: leave it in the open
            return spoken
        kept.append(spoken)
        return chr(_PLACEHOLDER_BASE + len(kept) - 1)

    text = without_unspeakable(text)  # controls, bidi marks, emoji, scripts the voice would spell out
    if not text.isascii():  # icon-font glyphs and the like: unspeakable, and our placeholders live there
        text = _PRIVATE_USE.sub("", text)
    if "@" in text or "/" in text or ("." in text and "www." in text.lower()):
        text = _LINK.sub("", text)
    if "(" in text or "[" in text or "<" in text:
        if "[" in text:
            text = _FOOTNOTE.sub("", text)
        text = _EMPTY_BRACKETS.sub("", _READER_AID.sub("", _SIC.sub("", text)))
        if ":" in text:
            text = _TICKER.sub("", text)
        if "." in text:
            text = _INSTRUMENT_CODE.sub("", text)
    if text[:1] in "012" and text[2:3] == ".":
        text = _STAMP_DOT.sub(lambda m: f"{int(m['h'])}:{m['m']},", text, count=1)
    text = text.replace("−", "-")
    if "govt" in text or "intl" in text or "natl" in text or "qtr" in text or "mgmt" in text or "Utd" in text:
        text = _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m[1]], text)
    if lexicon is not None:
        text = lexicon.apply(text, engine, protect)
    if has_digit(text):  # substring tests (a generator over every character cost a third of this stage)
        text = phones_and_scores(mixed_numbers(text), protect)
        text = identifiers_and_sport(text, protect)
    elif "+" in text or "#" in text:
        text = identifiers_and_sport(text, protect)
    text = symbols_first(text, protect)
    text = us_states(text, protect)
    text = abbreviations(text, protect)
    text = dates_and_times(text, protect)
    text = measures(text, protect)
    text = names_and_acronyms(text, protect)
    text = symbols_last(text)
    if "  " in text or "\t" in text or (not text.isascii() and _ODD_SPACE.search(text)):
        text = _SPACES.sub(" ", text)  # (a single plain space stays as it is)
    if _PUNCT_AFTER_SPACE.search(text):
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if text.lstrip().startswith((",", ";")) or _COMMA_BEFORE_PUNCT.search(text):
        text = _DOUBLE_COMMA.sub("", text)
    if kept or (not text.isascii() and _PLACEHOLDER.search(text)):
        text = _PLACEHOLDER.sub(lambda m: kept[ord(m[0]) - _PLACEHOLDER_BASE], text)
    if lexicon is not None:
        text = clean_characters(text)  # a lexicon entry may hold anything
    if text.isprintable():  # one line: every line break is unprintable
        return text.strip()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
