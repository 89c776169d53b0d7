"""The normalisation rules, in the order they run: symbols, abbreviations,
dates and times, money, measures, numbers, roman numerals, acronyms.

Each rule is a compiled pattern and a function that returns the spoken form.
Rules that produce capital letters pass their output through ``protect`` so a
later rule cannot read it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from radio.words.speech.numbers import cardinal, ordinal, year
from radio.words.speech.words import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    STARTERS,
    SUFFIXES,
    TITLES,
    TITLES_WITHOUT_PERIOD,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

Protect = Callable[[str], str]
Match = re.Match[str]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONTH = "|".join(MONTHS + tuple(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)))
_MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, 1)}


def starting(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern``, compiled to skip fast to where a match may start.

    ``first`` is a character class holding the first character of every match
    of ``pattern``; the lookahead on it changes no match, but lets the engine
    reject a position at once instead of entering the pattern's groups and
    lookbehinds there, which is most of the time of a pattern that starts with
    ``\\b``, a lookbehind or an optional group.
    """
    return re.compile(f"(?={first})(?:{pattern})", flags)


def first_letters(words: Iterable[str]) -> str:
    """The character class of the first letters of ``words``: '[JFM]'."""
    return "[" + "".join(sorted({w[0] for w in words})) + "]"


def letters(word: str) -> str:
    """'FBI' -> 'F.B.I' (espeak-ng and other engines say these as letters)."""
    return ".".join(word.upper())


def _month(name: str) -> str:
    return MONTH_ABBREVIATIONS.get(name, name)


_DIGIT = re.compile(r"\d")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]*)\b")


def has_digit(text: str) -> bool:
    """Does ``text`` hold a digit (``\\d``, as the rules' patterns read it)?"""
    if text.isascii():  # substring tests are far faster than a regex scan
        return (
            "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
        )  # fmt: skip
    return _DIGIT.search(text) is not None


def _sentence_end(text: str, end: int) -> bool:
    """Does the period just before ``end`` end a sentence?"""
    rest = text[end:]
    if not rest.strip() or rest.lstrip().startswith(("\n", "“", '"')):
        return True
    word = _NEXT_WORD.match(rest)
    return bool(word) and word.group(1).lower() in STARTERS  # type: ignore[union-attr]


# --- symbols -------------------------------------------------------------------

_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.(?:\s?\.)*")
_BULLET_START = re.compile(r"(?m)^\s*[•▪●‣◦·*-]\s+")
_BULLET = starting(r"[\s•▪●‣◦]", r"\s*[•▪●‣◦]\s*")
_DIGIT_DASH = starting(r"[\s–—]", r"(?<=\d)(?:\s?[–—]\s?|\s-\s)(?=\d)")
_DASH = starting(r"[\s—–―-]", r"\s*(?:[—–―]|--+)\s*|\s+-\s+")
_AMP_LETTERS = starting(r"[A-Z]", r"\b([A-Z]{1,3})\s?&\s?([A-Z]{1,3})\b")
_PLUS = starting(r"[+\s]", r"(?<=\w)\+(?!\w)|\s\+\s|(?<=\w)\s\+(?=[,.;:!?)]|$)|(?:(?<=^)|(?<=[\s(]))\+(?=\d)")
_HASH_NUMBER = re.compile(r"#\s?(?=\d)")
_HASH_TAG = re.compile(r"#(?P<tag>[A-Za-z][A-Za-z0-9]*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # "GirlIGuessImWithHer", "NHSStrike"
_SLASH_WORDS = starting(r"[A-Za-z]", r"\b([A-Za-z]+)/([A-Za-z]+)\b")
_SPACE_HYPHEN = re.compile(r"-(?<=\s-)")
_PERCENT_SIGN = starting(r"[\s%]", r"\s*%")
_DEGREE_SIGN = starting(r"[\s°]", r"\s*°")
_AT_SIGN = re.compile(r"(?<!\S)@(?=\w)|(?<=\S)\s+@\s+(?=\w)")  # "@home", and a listing's "Leeds @ Town Hall"
_SLASH = starting(r"[\s/]", r"\s*/\s*")
_TRADE_MARK = re.compile("[™®℠]")
_NUMERO = re.compile(r"№\s?")
_MARKUP = re.compile(r"[*_|~^<>{}\[\]\\=#]")
_NON_ASCII_SYMBOL = re.compile("[…•▪●‣◦·—–―]")
_DOTS_HINT = re.compile(r"\.\s?\.")
_DIGIT_DASH_HINT = re.compile(r"\d(?:\s?[–—]\s?|\s-\s)\d")


def _any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


# Each rule runs only when the text holds what every match of it needs (a
# character, a short string, or a hint pattern with a fast literal start):
# most paragraphs have no dash, no '&', no '+', so most rules never scan them.


def symbols_first(text: str, protect: Protect) -> str:
    if not text.isascii() and _any(text, "™®℠№"):
        text = _NUMERO.sub("number ", _TRADE_MARK.sub("", text))  # "Acme™" is said "Acme"; "№ 5" "number 5"
    symbol = not text.isascii() and _NON_ASCII_SYMBOL.search(text) is not None
    if (symbol and "…" in text) or ("." in text and _DOTS_HINT.search(text)):
        text = _ELLIPSIS.sub("...", text)
    if (
        (symbol and _any(text, "•▪●‣◦·"))
        or "*" in text
        or ("-" in text and ("\n" in text or text.lstrip().startswith("-")))
    ):
        text = _BULLET_START.sub("", text)
    if symbol and _any(text, "•▪●‣◦"):
        text = _BULLET.sub(", ", text)
    dashes = symbol and _any(text, "—–―")
    if (dashes or "-" in text) and _DIGIT_DASH_HINT.search(text):
        text = _DIGIT_DASH.sub("-", text)
    if dashes or "--" in text or ("-" in text and _SPACE_HYPHEN.search(text)):
        text = _DASH.sub(", ", text)
    if "&" in text:
        text = _AMP_LETTERS.sub(lambda m: protect(f"{letters(m[1])} and {letters(m[2])}"), text)
        text = text.replace("&", " and ")
    if "+" in text:
        text = _PLUS.sub(" plus ", text)
    if "#" in text:
        text = _HASH_NUMBER.sub("number ", text)
        text = _HASH_TAG.sub(lambda m: "hashtag " + _CAMEL.sub(" ", m["tag"]), text)  # a tag's words, apart
    return text


def symbols_last(text: str) -> str:
    if "/" in text:
        text = text.replace("and/or", "and or")
        text = _SLASH_WORDS.sub(r"\1 or \2", text)
    if "%" in text:
        text = _PERCENT_SIGN.sub(" percent", text)
    if "°" in text:
        text = _DEGREE_SIGN.sub(" degrees", text)
    if "@" in text:
        text = _AT_SIGN.sub(lambda m: " at " if m.group(0)[0].isspace() else "at ", text)
    if "/" in text:
        text = _SLASH.sub(" ", text)
    if (
        "*" in text or "_" in text or "|" in text or "~" in text or "^" in text or "<" in text or ">" in text
        or "{" in text or "}" in text or "[" in text or "]" in text or "\\" in text or "=" in text or "#" in text
    ):  # fmt: skip
        text = _MARKUP.sub(" ", text)
    return text


# --- abbreviations ---------------------------------------------------------------

# before a name, or with its period before "and"/"or" ("Mr. and Mrs. Khan", "the former Alaska Gov. and nominee")
_TITLE = starting(
    first_letters(TITLES),
    r"\b(?P<t>" + "|".join(TITLES) + r")(?:\.|" + "|".join(f"(?<={t})" for t in TITLES_WITHOUT_PERIOD) + r")"
    r"(?=\s+[A-Z]|\s+(?:and|or)\s)",
)
_DRIVE = starting(r"[A-Z]", r"\b([A-Z][a-z]+)\s+Dr\.(?!\s+[A-Z])")
_SAINT_STREET = starting(r"S", r"\bSt\.(?=[\s,;:)]|$)")
_SUFFIX = starting(first_letters(SUFFIXES), r"\b(?P<a>" + "|".join(SUFFIXES) + r")\.(?!\w)|\bvs\b")
_LATIN = re.compile(r"\b(?:i\.e\.|e\.g\.)(?:,)?", re.I)
_LATIN_HINT = re.compile(r"\.[eEgG]\.")
_NUMBER_SIGN = starting(r"N", r"\bNos?\.\s?(?=\d)")
_VERSUS = starting(r"\s", r"(?<=[a-z])\s+v\.\s+(?=[A-Z])")
_MONTH_ABBR = starting(first_letters(MONTH_ABBREVIATIONS), r"\b(" + "|".join(MONTH_ABBREVIATIONS) + r")\.(?=\s|,|$)")
_WEEKDAY_ABBR = starting(
    first_letters(WEEKDAY_ABBREVIATIONS),
    r"(?:\b(" + "|".join(WEEKDAY_ABBREVIATIONS) + r")\.(?=,|\s+(?:" + _MONTH + r")\b|\s+\d)"
    # or after a word that takes a day: "on Sat.", "until Thurs.", "by Fri. night"
    r"|(?:(?<=\bon )|(?<=\bby )|(?<=\buntil )|(?<=\bfrom )|(?<=\bsince )|(?<=\bnext )|(?<=\blast )|(?<=\bthis ))"
    r"(" + "|".join(WEEKDAY_ABBREVIATIONS) + r")\.(?=[\s,;:)]|$))",
)
_DOTTED = starting(r"[A-Za-z]", r"\b((?:[A-Za-z]\.){2,})(?:(?<=\.)(?=\s|$|[,;:!?)\"”’]))")
_INITIAL = starting(r"[A-Z]", r"(?<=[A-Z][a-z] )([A-Z])\.(?=\s+[A-Z][a-z])")
# Alternatives that each start with a literal, so the engine skips to their first letters.
_TITLE_HINT = re.compile("|".join(rf"{t}[.\s]" for t in TITLES))
_SUFFIX_HINT = re.compile("|".join(rf"{a}\." for a in SUFFIXES) + "|vs")
_MONTH_ABBR_HINT = re.compile("|".join(rf"{a}\." for a in MONTH_ABBREVIATIONS))
_WEEKDAY_ABBR_HINT = re.compile("|".join(rf"{a}\." for a in WEEKDAY_ABBREVIATIONS))
_ABBR_HINT = re.compile(  # the capitalised ones; 'etc.', 'approx.' and 'vs' are tested as substrings
    "|".join(rf"{a}\." for a in (*SUFFIXES, *MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS) if a[0].isupper())
)
_DOTTED_HINT = re.compile(r"\.[A-Za-z]\.")
_INITIAL_HINT = re.compile(r" [A-Z]\.\s")


def _weekday(m: Match) -> str:
    """'Wed., Sept. 4' -> 'Wednesday, September 4'; 'on Sat.' ending a sentence keeps its full stop."""
    if m[1]:
        return WEEKDAY_ABBREVIATIONS[m[1]]
    return WEEKDAY_ABBREVIATIONS[m[2]] + ("." if _sentence_end(m.string, m.end()) else "")


def _saint_or_street(m: Match) -> str:
    text = m.string
    before = text[: m.start()].rstrip()
    after = re.match(r"\s+([A-Z][\w'’]*)", text[m.end() :])
    if re.search(r"\d(?:st|nd|rd|th)?$", before):
        return "Street" + ("." if _sentence_end(text, m.end()) else "")
    if after and after.group(1).lower() not in STARTERS:
        return "Saint"
    if re.search(r"[A-Z][a-z]+$", before):
        return "Street" + ("." if _sentence_end(text, m.end()) else "")
    if m.string[m.end() : m.end() + 1] not in ("", " ", "\n", "\t"):
        return m[0]  # "in St., Louis": neither a street's name nor a saint's before it
    return "Saint" if after else "Street."


_NAME_ENDS = frozenset(("Inc", "Ltd", "etc"))  # the last word of a name or list, but for these
_FIRM_WORDS = frozenset(("Limited", "Incorporated", "Corporation", "Company", "Group", "Holdings"))


def _suffix(m: Match) -> str:
    if m[0] == "vs":
        return "versus"
    word = SUFFIXES[m["a"]]
    if m["a"] in ("vs",):
        return word
    end = _sentence_end(m.string, m.end())
    if not end and m["a"] in _NAME_ENDS:  # "Roxr Software Ltd. Retrieved ...": nothing follows a firm's "Ltd."
        after = _NEXT_WORD.match(m.string, m.end())
        end = bool(after) and after.group(1) not in SUFFIXES and after.group(1) not in _FIRM_WORDS  # type: ignore[union-attr]
    return word + ("." if end else "")


def _dotted(m: Match, protect: Protect) -> str:
    raw = m[1]
    low = raw.lower()
    if low in ("a.m.", "p.m."):
        return raw
    spoken = letters(raw.replace(".", ""))
    end = "." if _sentence_end(m.string, m.end()) else ""
    return protect(spoken) + end


def abbreviations(text: str, protect: Protect) -> str:
    if "." not in text:  # every rule here but 'vs' and a title before a name reads a period
        if _TITLE_HINT.search(text):
            text = _TITLE.sub(lambda m: TITLES[m["t"]], text)
        if "vs" in text:
            text = _SUFFIX.sub(_suffix, text)
        return text
    if _LATIN_HINT.search(text):
        text = _LATIN.sub(lambda m: "that is," if m[0][0] in "iI" else "for example,", text)
    if "No" in text:
        text = _NUMBER_SIGN.sub("number ", text)
    if "v." in text:
        text = _VERSUS.sub(" versus ", text)
    if "Dr." in text:
        text = _DRIVE.sub(r"\1 Drive", text)
    if _TITLE_HINT.search(text):
        text = _TITLE.sub(lambda m: TITLES[m["t"]], text)
    if "St." in text:
        text = _SAINT_STREET.sub(_saint_or_street, text)
    if "vs" in text or "etc." in text or "approx." in text or _ABBR_HINT.search(text):
        if _SUFFIX_HINT.search(text):
            text = _SUFFIX.sub(_suffix, text)
        if _MONTH_ABBR_HINT.search(text):
            text = _MONTH_ABBR.sub(
                lambda m: MONTH_ABBREVIATIONS[m[1]] + ("." if _sentence_end(m.string, m.end()) else ""),
                text,
            )
        if _WEEKDAY_ABBR_HINT.search(text):
            text = _WEEKDAY_ABBR.sub(
                lambda m: (
                    WEEKDAY_ABBREVIATIONS[m[1] or m[2]] + ("." if m[2] and _sentence_end(m.string, m.end()) else "")
                ),
                text,
            )
    if _DOTTED_HINT.search(text):
        text = _DOTTED.sub(lambda m: _dotted(m, protect), text)
    if _INITIAL_HINT.search(text):
        text = _INITIAL.sub(r"\1", text)
    return text


# --- dates and times ---------------------------------------------------------------

_ISO_DATE = starting(r"\d", r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = starting(
    first_letters((*MONTHS, *MONTH_ABBREVIATIONS)),
    rf"\b(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.,]?\d)"
    r"(?:,?\s+(?P<year>\d{4})\b)?",
)
# a range of days: "March 12-13", "12-13 March", "from 3 to 5 June", "between 1 and 3 May"
_MDY_RANGE = starting(
    first_letters((*MONTHS, *MONTH_ABBREVIATIONS)),
    rf"\b(?P<mon>{_MONTH})\.?\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s?[-–]\s?(?P<b>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?![:.,]?\d)(?:,?\s+(?P<year>\d{4})\b)?",
)
_DMY_RANGE = starting(
    r"\d",
    rf"\b(?P<a>\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[-–]\s?|\s(?P<join>to|and)\s)(?P<b>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<mon>{_MONTH})\b(?:,?\s+(?P<year>\d{{4}})\b)?",
)
_DAY_RANGE_HINT = re.compile(r"\d\s?[-–]\s?\d|\d (?:to|and) \d")
_DMY = starting(
    r"[Tt\d]",
    rf"\b(?P<the>[Tt]he\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b"
    r"(?:,?\s+(?P<year>\d{4})\b)?",
)
_SLASH_DATE = starting(r"\d", r"(?<![\w/.])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\w/])")
_TIME = starting(
    r"\d",
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?:\s?(?P<ap>[AaPp])\.?\s?[Mm]\b\.?)"
    r"|\b(?P<h2>\d{1,2}):(?P<m2>\d{2})\b(?!:)",
)
_ZONE = re.compile(r"\s+(ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|AEST|AEDT)\b")
_ZONE_AFTER = re.compile(r"\ue0ff" + _ZONE.pattern)
_ZONES = {
    "E": "Eastern", "C": "Central", "M": "Mountain", "P": "Pacific",
}  # fmt: skip
_AM_PM_HINT = re.compile(r"\d\s?[AaPp]\.?\s?[Mm]\b")
_ISO_DATE_HINT = re.compile(r"\d-\d\d-\d")
_MDY_HINT = re.compile(rf"(?:{_MONTH})\.?\s+\d")
_DMY_HINT = re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})")
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 100})


def _zone(code: str, protect: Protect) -> str:
    if code in ("GMT", "UTC", "CET", "CEST", "AEST", "AEDT"):
        return protect(letters(code))
    if code == "BST":
        return "British Summer Time"
    kind = {"S": " Standard", "D": " Daylight"}.get(code[1], "") if len(code) == 3 else ""
    return f"{_ZONES[code[0]]}{kind} Time"


def _date(month: str, day: int, year_text: str | None, dmy: bool = False, the: bool = True) -> str:
    spoken = f"the {ordinal(day)} of {month}" if dmy else f"{month} {ordinal(day)}"
    if dmy and not the:
        spoken = spoken[4:]
    if year_text:
        spoken += f", {year(int(year_text))}"
    return spoken


def _time(m: Match, protect: Protect) -> str:
    hour = int(m["h"] or m["h2"])
    minutes = m["m"] or m["m2"]
    if hour > 24 or (minutes and int(minutes) > 59):
        return m[0]
    spoken = cardinal(hour)
    if minutes and minutes != "00":
        spoken += (" oh " if minutes[0] == "0" else " ") + cardinal(int(minutes))
    elif minutes and not m["ap"]:
        spoken += " hundred" if hour > 12 or m["h2"].startswith("0") else " o'clock"
    if m["ap"]:
        spoken += " " + protect(letters(m["ap"] + "M"))
    zone = _ZONE.match(m.string, m.end())
    if zone:
        return spoken + " " + _zone(zone[1], protect) + "\ue0ff"
    if m["ap"] and m[0].endswith("."):
        spoken += "." if _time_ends_sentence(m) else ""
    return spoken


# words that go on after a time's "a.m.": "at 9 a.m. Monday", "at 6 p.m. local time"
_TIME_GOES_ON = frozenset({*WEEKDAYS, *MONTHS, "Eastern", "Pacific", "Central", "Mountain", "Greenwich", "Local"})


def _time_ends_sentence(m: Match) -> bool:
    """Does the full stop after a time end its sentence? After "am."/"pm." always (no abbreviation
    dot is left); after "a.m." when a capitalised word follows that is not a day, month or zone."""
    if m[0][-3:-1].lower() in ("am", "pm") or _sentence_end(m.string, m.end()):
        return True
    word = _NEXT_WORD.match(m.string, m.end())
    return bool(word) and word.group(1) not in _TIME_GOES_ON  # type: ignore[union-attr]


def _slash_date(m: Match) -> str:
    a, b, y = int(m[1]), int(m[2]), m[3]
    if (a, b) == (24, 7):
        return "twenty-four seven"
    if (a, b) == (9, 11) and not y:
        return "nine eleven"
    if not y and b in _FRACTION_DENOMINATORS and 0 < a < b:
        return fraction(a, b)
    if 1 <= a <= 12 and 1 <= b <= 31:
        full = None if not y else (y if len(y) == 4 else ("20" + y if int(y) < 50 else "19" + y))
        return _date(MONTHS[a - 1], b, full)
    return f"{cardinal(a)} over {cardinal(b)}" if not y else m[0]


def fraction(a: int, b: int) -> str:
    if b == 2:
        name = "half" if a == 1 else "halves"
    elif b == 4:
        name = "quarter" if a == 1 else "quarters"
    else:
        name = ordinal(b) + ("" if a == 1 else "s")
    return f"{cardinal(a)} {name}"


def range_word(m: Match) -> str:
    """The word joining a range that ``m`` matched: 'between 10-15' is 'between ten and fifteen'; any
    other range is 'to'."""
    return "and" if m.string[max(0, m.start() - 8) : m.start()].lower().endswith("between ") else "to"


def _day_range(m: Match, day_first: bool) -> str:
    a, b = int(m["a"]), int(m["b"])
    if not (1 <= a < b <= 31):
        return m[0]
    month = _month(m["mon"])
    year_said = f", {year(int(m['year']))}" if m["year"] else ""
    join = m["join"] if day_first and m["join"] else range_word(m)
    if day_first:
        return f"the {ordinal(a)} {join} the {ordinal(b)} of {month}{year_said}"
    return f"{month} {ordinal(a)} {join} {ordinal(b)}{year_said}"


def _dmy(m: Match) -> str:
    """'4 October 2024' -> 'the fourth of October, twenty twenty-four'; 'The 1st of May' keeps its capital."""
    if int(m["day"]) > 31:
        return m[0]
    spoken = _date(_month(m["mon"]), int(m["day"]), m["year"], dmy=True, the=True)
    return spoken[0].upper() + spoken[1:] if m["the"] and m["the"].startswith("T") else spoken


def dates_and_times(text: str, protect: Protect) -> str:
    if not has_digit(text):  # every date and time has one
        if "\ue0ff" in text:
            text = _ZONE_AFTER.sub("", text)
        return text
    if "-" in text and _ISO_DATE_HINT.search(text):
        text = _ISO_DATE.sub(
            lambda m: _date(MONTHS[int(m[2]) - 1], int(m[3]), m[1]) if 1 <= int(m[2]) <= 12 else m[0],
            text,
        )
    if ":" in text or _AM_PM_HINT.search(text):
        text = _TIME.sub(lambda m: _time(m, protect), text)
    if "\ue0ff" in text:
        text = _ZONE_AFTER.sub("", text)
    if _DAY_RANGE_HINT.search(text):
        if _MDY_HINT.search(text):
            text = _MDY_RANGE.sub(lambda m: _day_range(m, day_first=False), text)
        if _DMY_HINT.search(text):
            text = _DMY_RANGE.sub(lambda m: _day_range(m, day_first=True), text)
    if _MDY_HINT.search(text):
        text = _MDY.sub(lambda m: _date(_month(m["mon"]), int(m["day"]), m["year"]), text)
    if _DMY_HINT.search(text):
        text = _DMY.sub(_dmy, text)
    if "/" in text:
        text = _SLASH_DATE.sub(_slash_date, text)
    return text
