"""Phone numbers read digit by digit in their groups, and scores and tallies
read "three to one"; both run before the symbols, which would read a phone
number's "+" and dashes as words and its digits as sums.

A phone number is recognised by its shape where the shape says so on its own
("+44 20 7946 0018", "(020) 7946 0018", "555-123-4567"), and by a phone word
nearby ("call", "phone", "tel") for the short local shapes ("555-0123",
"020 7946 0018"). A score is two small numbers joined by a dash or colon with
a word of winning, losing or voting next to it ("won 3-1", "a 7-2 vote").
"""

from __future__ import annotations

import re

from radio.words.speech.numbers import cardinal, digits
from radio.words.speech.rules import Match, Protect, starting

_INTERNATIONAL = starting(r"\+", r"(?<![\w+])\+\d{1,3}(?:[ .-]?(?:\(0\)\s?)?\(?\d{1,5}\)?){1,6}(?![\w-]|\.\d)")
_AREA_CODE = starting(r"\(", r"(?<![\w)])\(\d{2,5}\)\s?\d{2,4}[ .-]?\d{3,4}(?![\w-]|\.\d)")
_NORTH_AMERICAN = starting(r"\d", r"(?<![\w.,+-])(?:1[-.])?\d{3}[-.]\d{3}[-.]\d{4}(?![\w-]|\.\d)")
# a short shape ("555-0123", "020 7946 0018") is a phone number only after a phone word
_LOCAL = starting(r"\d", r"(?<![\w.,+-])\d{2,5}(?:[ .-]\d{2,5}){1,3}(?![\w-]|\.\d)")
_PHONE_WORD = re.compile(
    r"\b(?:call(?:s|ed|ing)?|phone(?:d)?|telephone|tel|dial(?:led|ed)?|hotline|helpline|fax|mobile|"
    r"text(?:ing)?|number|reach(?:ed)?|ring)\b[^.!?\d]{0,24}$",
    re.IGNORECASE,
)
_PHONE_HINT = starting(
    "[cdfhmnprt]", r"\b(?:call|phone|tel|dial|hotline|helpline|fax|mobile|text|number|reach|ring)", re.IGNORECASE
)
_ISO_DATE = re.compile(r"[12]\d{3}-[01]\d-[0-3]\d")
_DIGIT_GROUP = re.compile(r"\d+")

_SCORE = starting(r"\d", r"(?<![\w.,:+-])(?P<a>\d{1,3}) ?[-–—:] ?(?P<b>\d{1,3})(?![\w:-]|[.,]\d)")
_SCORE_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beating|beaten|drew|draw|draws|"
    r"defeated|defeat|trail(?:ed|ing|s)?|led|lead(?:s|ing)?|voted?|votes|score(?:d|s)?|tally|"
    r"passed|rejected|approved|ruled)\b(?:\s+[A-Z][\w'’.-]*){0,3}\s*$",
)
_SCORE_AFTER = re.compile(
    r"\s*(?:vote|votes|win|wins|victory|defeat|loss|draw|decision|ruling|majority|lead|"
    r"scoreline|margin|tally|split|verdict|thrashing|rout)\b",
    re.IGNORECASE,
)


def _said(number: str) -> str:
    """'+44 20 7946 0018' -> 'plus four four, two zero, seven nine four six, zero zero one eight'."""
    number = number.replace("(0)", "")
    groups = [digits(g) for g in _DIGIT_GROUP.findall(number)]
    return ("plus " if number.startswith("+") else "") + ", ".join(groups)


def _count(text: str) -> int:
    return sum(c.isdigit() for c in text)


def phones_and_scores(text: str, protect: Protect) -> str:
    """Phone numbers and scores in ``text``, said and protected from later rules."""
    if "+" in text:
        text = _INTERNATIONAL.sub(lambda m: protect(_said(m[0])) if 8 <= _count(m[0]) <= 15 else m[0], text)
    if "(" in text:
        text = _AREA_CODE.sub(lambda m: protect(_said(m[0])), text)
    if "-" in text or "." in text:
        text = _NORTH_AMERICAN.sub(lambda m: protect(_said(m[0])), text)
    if _PHONE_HINT.search(text):
        text = _LOCAL.sub(lambda m: _local(m, protect), text)
    if "-" in text or ":" in text or (not text.isascii() and ("–" in text or "—" in text)):
        text = _SCORE.sub(_score, text)
    return text


def _local(m: Match, protect: Protect) -> str:
    number = m[0]
    if not 7 <= _count(number) <= 12 or _ISO_DATE.fullmatch(number):
        return number
    if not _PHONE_WORD.search(m.string[max(0, m.start() - 40) : m.start()]):
        return number
    return protect(_said(number))


def _score(m: Match) -> str:
    text = m.string
    before = text[max(0, m.start() - 40) : m.start()]
    if ":" in m[0] and len(m["b"]) > 1:  # "ended 2:30" is a time
        return m[0]
    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(text, m.end()):
        return f"{cardinal(int(m['a']))} to {cardinal(int(m['b']))}"
    return m[0]
