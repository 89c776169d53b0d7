"""Numbers that name a thing, and measures that news copy writes its own way.

- An identifier after the noun it numbers is said in pairs, as a newsreader
  says it: "Boeing 737" -> "seven thirty-seven", "Flight 370" -> "three
  seventy", "Route 101" -> "one oh one", "RTX 3080" -> "thirty eighty". A
  round hundred stays whole ("Fortune 500"), and an amount never reads so
  ("RTX 500 million").
- "No 10" (no full stop, as British copy writes it) is "number ten".
- Sport and dimensions: "the 100m sprint" is metres, not millions; "4x100m"
  is "four by one hundred meters"; "6in" is inches; "9st" is nine stone.
- "5%-6%" is a range ("five to six percent"); "2% y/y" is "year on year".
- Signs between numbers ("~5%", "±2", "3×4", "2 + 2 = 4"), odds and ratios ("odds of 5/1",
  "a 10:1 ratio"), pages ("p. 12").
- Currencies written as codes ("USD 5 million", "3bn EUR") read as money.
- Names written with symbols: "C++", "C#", "F#", "50/50"; sport's "the 90+2nd minute", "the 49ers".
"""

from __future__ import annotations

import re

from radio.words.speech.numbers import cardinal, digits, grouped, year
from radio.words.speech.rules import Match, Protect, starting
from radio.words.speech.words import MONTHS, WORD_ACRONYMS, words_set

# nouns a number after which names one thing rather than counts
_IDENT_NOUNS = words_set(
    """Flight Route Highway Interstate Freeway Motorway Section Article Resolution Room Form
    Proposition Prop Bill Boeing Airbus Embraer Bombardier Cessna Model Series Terminal Gate Platform
    Channel Bus Apollo Artemis Suite Studio Precinct Exit Pier Hangar Berth Bay Block Ward Lot
    Amendment Directive Regulation Rule Clause Paragraph Chapter Track Episode Stage Level Pentium
    Ryzen Core Galaxy Pixel Xperia GeForce Radeon Quadro Windows Office"""
)
# a capitalised word before a number that does not make it an identifier
_NOT_IDENT = words_set("US UK EU UN GDP COVID NHS FBI CIA NATO MP MPs")
_IDENT = starting(
    r"[A-Z]",
    r"\b(?P<prev>[A-Z][a-z]+|[A-Z]{2,5})\s(?P<num>[1-9]\d{2,3})\b"
    r"(?![.,]\d|\s?(?:%|percent|per cent|[kKmM]\b|bn\b|tn\b|million|billion|thousand|trillion)|-\d|/)",
)
_IDENT_HINT = re.compile(r" [1-9]\d\d")

# "No 10", "No 1 seed": a capitalised No, no full stop, before a number that is not a count
_NUMBER_SIGN = starting(r"N", r"\bNo\s(?P<num>\d{1,4})\b(?![.,]\d)")
# after a sentence's start "No 10" may be a count ("No 10 people came"): a number sign only before a name,
# a verb of saying or the end of the clause
_SIGN_AT_START = re.compile(r"\s+(?:[A-Z]|said\b|says\b|has\b|had\b|is\b|was\b|will\b|spokes)|\s*[,.;:!?)”\"]|\s*$")
_NUMBER_SIGN_HINT = re.compile(r"No \d")

_EVENTS = (
    r"sprint|dash|hurdles|freestyle|butterfly|backstroke|breaststroke|individual medley|medley|relay|"
    r"race|final|finals|heats?|semi-?finals?|title|world record|record|event|steeplechase|run|swim|dive"
)
_DIMENSIONS = r"high|tall|long|wide|deep|away|below|above|underground|underwater|across|offshore|inland"
_METRES = starting(
    r"\d",
    rf"(?<![\d,.])(?:(?P<legs>\d)\s?[x×]\s?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}})m\b"
    rf"(?=(?P<event>\s(?:{_EVENTS})\b)|[\s-](?:{_DIMENSIONS})\b)"
    # "a 400m concrete barrier": a bare million is never "a" million of a thing
    rf"|(?:(?<=\ba )|(?<=\bA ))(?P<num2>\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}})m(?P<event2>)(?=\s[a-z])",
)
_RELAY = starting(r"\d", r"\b(?P<legs>\d)\s?[x×]\s?(?P<num>\d{1,5})m\b")
_TIMES_AS = starting(r"\d", r"\b(?P<n>\d{1,4}(?:\.\d+)?)x(?=\s+[a-z])")  # "3x faster", "a 10x return"
# "a 4x4", "a 3 x 3 grid", and a screen's "1920x1080", said in pairs ("nineteen twenty by ten eighty")
_BY = starting(r"\d", r"\b(?P<a>\d{1,2}|[1-9]\d{2,3})\s?x\s?(?P<b>\d{1,2}|[1-9]\d{2,3})\b(?!\.\d)")
# a duration written short: "2h 30m", "1hr 20mins"
_DURATION = starting(r"\d", r"\b(?P<h>\d{1,3})\s?(?:h|hr|hrs)\s?(?P<m>\d{1,2})\s?(?:m|min|mins)\b")
_DURATION_HINT = re.compile(r"\dh")
# a height in feet and inches: 6'2", 5′11″
_HEIGHT = starting(r"\d", r"\b(?P<ft>[4-7])\s?['’′]\s?(?P<in>\d{1,2})\s?(?:\"|”|″|'')")
# the emergency numbers, said digit by digit: "call 911", "a 999 call"
_EMERGENCY = starting(
    r"[019]",
    r"(?:(?<=\bcall )|(?<=\bcalled )|(?<=\bcalling )|(?<=\bdial )|(?<=\bdialed )|(?<=\bdialled )|(?<=\bdialling )"
    r"|(?<=\bdialing )|(?<=\bCall )|(?<=\bDial )|(?<=\ba )|(?<=\bthe )|(?<=\bA )|(?<=\bThe ))"
    r"(?P<num>911|999|112|111|000)\b(?!\s?(?:people|years|days|dollars|pounds|euros|%|percent))",
)
_EMERGENCY_HINT = re.compile(r"911|999|11[12]|000")
_EMERGENCY_AFTER = re.compile(
    r"\s+(?:call|calls|dispatcher|dispatchers|operator|operators|center|centre|system|emergency|line)\b"
)
# growth against the same period: "2% y/y", "3% YoY"
_PERIOD_ON_PERIOD = starting(
    r"[ymqYMQ]",
    r"\b(?:(?P<y>y/y|y-o-y|yoy|YoY|YOY)|(?P<m>m/m|m-o-m|MoM)|(?P<q>q/q|q-o-q|QoQ))(?![\w/])",
)
# a range of percentages: "5.25%-5.5%" is said "five point two five to five point five percent"
_PERCENT_RANGE = starting(r"%", r"%\s?(?P<dash>[-–])\s?(?=\d[\d.,]*\s?%)")
# "USD 5 million", "3bn EUR": ISO currency codes, given the sign the money rule reads
_ISO_SIGNS = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "NGN": "₦", "AUD": "A$", "CAD": "C$",
    "NZD": "NZ$", "HKD": "HK$", "SGD": "S$",
}  # fmt: skip
_ISO_CODES = "|".join(_ISO_SIGNS)
_ISO_BEFORE = starting(r"[A-Z]", rf"\b(?P<code>{_ISO_CODES})\s?(?=\d)")
_ISO_AFTER = starting(
    r"\d",
    r"(?<![\w.,])(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<scale>\s?(?:trillion|billion|million|thousand|tn|bn|m|k)\b)?\s(?P<code>{_ISO_CODES})\b",
)
_ISO_HINT = re.compile(_ISO_CODES)
# "Rs 500 crore": the rupee sign, so the money rule reads it; "c. 1900": circa
_RUPEES = starting(r"R", r"\bRs\.?\s?(?=\d)")
_CIRCA = starting(r"c", r"\bc\.\s?(?=1\d{3}\b|20\d\d\b)")
# signs a reader sees between numbers: "~5%", "≈ $3", "±2", "3×4", "2 + 2 = 4"
_ABOUT = starting(r"[~≈]", r"[~≈]\s?(?=[\d$£€¥₹]|\.\d)")
_PLUS_MINUS = starting(r"±", r"±\s?(?=[\d.])")
_TIMES = starting(r"[\s×]", r"(?<=\d)\s?×\s?(?=\d)")
_EQUALS = starting(r"\s", r"(?<=\d)\s=\s(?=-?\d)")
# betting odds and ratios: "odds of 5/1", "a 10:1 ratio", "a 7-2 favourite"
_ODDS = starting(
    r"\d",
    r"(?:(?<=odds of )|(?<=odds at )|(?<=at )(?=\d+/\d+\s(?:favou?rite|shot|outsider|chance)))"
    r"(?P<a>\d{1,3})[/-](?P<b>\d{1,3})\b(?!/)"
    r"|\b(?P<c>\d{1,3})/(?P<d>\d{1,3})(?=\s(?:favou?rite|shot|outsider|chance)\b)",
)
_RATIO = starting(
    r"\d",
    r"(?:(?<=\ba )|(?<=\bby )|(?<=\bof )|(?<=\bwon )|(?<=\blost )|(?<=\bdrew ))"
    r"(?P<a>\d{1,3}):(?P<b>\d)\b(?![:.]?\d)"  # one digit after the colon: never a time
    r"|\b(?P<c>\d{1,3}):(?P<d>\d{1,2})(?=\s(?:ratio|majority|margin|split)\b)",
)
# "p. 12", "pp. 4-6": page and pages
_PAGES = starting(r"p", r"\b(?P<pp>pp?)\.\s?(?=\d)")
_PERIOD_HINT = re.compile(r"[yYmMqQ](?:/|-o-|o)[yYmMqQ]")
_METRES_HINT = re.compile(r"\dm[\s-]|\d\s?[x×]\s?\d")
_ADDED_TIME = starting(r"\d", r"\b(?P<a>\d{2,3})\+(?P<b>\d{1,2})(?:st|nd|rd|th)?\b")  # "the 90+2nd minute"
_TEAM_NUMBER = starting(r"\d", r"\b(?P<n>\d{2})ers\b")  # "the 49ers", "the 76ers"
# a count with a capital scale letter before what it counts: "5.2M users", "1.2B views", "300K jobs"
# (a "4K screen", "Apt. 4B near", "H-1B visas" are left)
_CAPITAL_SCALE = starting(
    r"\d", r"(?<![\w$£€¥₹.,-])(?P<n>\d{1,3}(?:\.\d+)?)(?P<s>[MBK])(?=\s+(?:new\s+|more\s+)?[a-z]{3,}s\b)"
)
_CAPITAL_SCALE_HINT = re.compile(r"\d[MBK] [a-z]")
_SCALES = {"M": "million", "B": "billion", "K": "thousand"}
_YEARS_LONG = starting(r"-", r"(?<=\d)-yrs?\b")  # "the 10-yr yield"
_INCHES = starting(r"\d", r"\b(?P<num>\d{1,3})in\b(?!-\w)")
_INCHES_HINT = re.compile(r"\din\b")
_STONE = starting(r"\d", r"\b(?P<num>\d{1,2})st\b")
_STONE_HINT = re.compile(r"\dst\b")
_SYMBOL_NAMES = starting(r"[CF5]", r"\b(?:C\+\+|[CF]#(?!\w)|(?<![\d/])50/50(?![\d/]))")
_SYMBOL_WORDS = {"C++": "C plus plus", "C#": "C sharp", "F#": "F sharp", "50/50": "fifty-fifty"}


def _ident(m: Match) -> str:
    prev, num = m["prev"], m["num"]
    if prev.isupper():
        if prev in _NOT_IDENT or prev in WORD_ACRONYMS:
            return m[0]
    elif prev not in _IDENT_NOUNS or prev in MONTHS:
        return m[0]
    if len(num) == 3 and num.endswith("00"):
        return m[0]  # "Fortune 500", "Route 100": said whole, as the number rule says it
    return f"{prev} {grouped(num)}"


def _number_sign(m: Match) -> str:
    before = m.string[max(0, m.start() - 20) : m.start()].rstrip()
    if (not before or before.endswith((".", "!", "?", ":", "\n", '"', "“"))) and not _SIGN_AT_START.match(
        m.string, m.end()
    ):
        return m[0]
    return f"{'Number' if not before or before.endswith(('.', '!', '?')) else 'number'} {cardinal(int(m['num']))}"


def _emergency(m: Match) -> str:
    before = m.string[max(0, m.start() - 10) : m.start()]
    if before.endswith(("a ", "the ", "A ", "The ")) and not _EMERGENCY_AFTER.match(m.string, m.end()):
        return m[0]  # "a 999 rise": a count, not the number to call
    return digits(m["num"])


_NEXT_LOWER = re.compile(r" ([a-z]+)")
_FUNCTION_WORDS = words_set("in at on of for and or to with by from the a an is was as than but")


def _metres(m: Match) -> str:
    """'the 100m sprint' -> 'the one hundred meter sprint' (a unit before its noun is singular),
    '30m high' -> 'thirty meters high'."""
    legs = f"{cardinal(int(m['legs']))} by " if m["legs"] else ""
    groups = m.groupdict()  # the relay pattern has only legs and num
    num = groups["num"] or groups.get("num2") or ""
    attributive = groups.get("event") is not None or groups.get("event2") is not None
    attributive = attributive or m.string.startswith("-", m.end())
    next_word = _NEXT_LOWER.match(m.string, m.end())
    before_noun = bool(m["legs"]) and next_word is not None and next_word[1] not in _FUNCTION_WORDS
    one = num == "1" or attributive or before_noun
    return f"{legs}{cardinal(int(num.replace(',', '')))} {'meter' if one else 'meters'}"


def _team_number(n: int) -> str:
    """'49ers' -> 'forty-niners', '76ers' -> 'seventy-sixers'."""
    said = cardinal(n)
    return said + ("rs" if said.endswith("e") else "ers")


def _stone(m: Match) -> str:
    n = int(m["num"])
    if n % 10 == 1 and n % 100 != 11:
        return m[0]  # "21st" is an ordinal
    return f"{cardinal(n)} stone"


# Cheap gates, one scan each, for rules whose own patterns are slower or common words would wake
_DIGIT_AFTER_HINT = re.compile(r"\d(?:m[\s-]|-yr|[MBK] |\s?h|in\b|st\b|\s?[x×]|['’′]\s?\d|:\d|/\d|\s=\s)")
_FEET_INCHES = ("'", "’", "′")


def _to_words(m: Match) -> str:
    return f"{cardinal(int(m['a'] or m['c']))} to {cardinal(int(m['b'] or m['d']))}"


def identifiers_and_sport(text: str, protect: Protect) -> str:
    """The rules above, before the general number rules read these digits as counts."""
    if "+" in text or "#" in text or "/" in text:
        text = _SYMBOL_NAMES.sub(lambda m: protect(_SYMBOL_WORDS[m[0]]), text)
        if "+" in text:
            text = _ADDED_TIME.sub(lambda m: f"{cardinal(int(m['a']))} plus {cardinal(int(m['b']))}", text)
    if "ers" in text:
        text = _TEAM_NUMBER.sub(lambda m: _team_number(int(m["n"])), text)
    if _IDENT_HINT.search(text):
        text = _IDENT.sub(_ident, text)
    if "No " in text and _NUMBER_SIGN_HINT.search(text):
        text = _NUMBER_SIGN.sub(_number_sign, text)
    if _EMERGENCY_HINT.search(text):
        text = _EMERGENCY.sub(_emergency, text)
    if _ISO_HINT.search(text):
        text = _ISO_BEFORE.sub(lambda m: _ISO_SIGNS[m["code"]], text)
        text = _ISO_AFTER.sub(lambda m: f"{_ISO_SIGNS[m['code']]}{m['amount']}{m['scale'] or ''}", text)
    if "Rs" in text:
        text = _RUPEES.sub("₹", text)
    if "c." in text and _CIRCA.search(text):
        text = _CIRCA.sub("circa ", text)
    if not text.isascii():
        if "~" in text or "≈" in text:
            text = _ABOUT.sub("about ", text)
        if "±" in text:
            text = _PLUS_MINUS.sub("plus or minus ", text)
        if "×" in text:
            text = _TIMES.sub(" by ", text)
    elif "~" in text:
        text = _ABOUT.sub("about ", text)
    if "odds" in text:
        text = _ODDS.sub(_to_words, text)
    if "p." in text and _PAGES.search(text):
        text = _PAGES.sub(lambda m: "pages " if m["pp"] == "pp" else "page ", text)
    if "%" in text:
        text = _PERCENT_RANGE.sub(lambda m: m["dash"], text)
    if ("/" in text or "-o-" in text or "oY" in text or "oM" in text or "oQ" in text) and _PERIOD_HINT.search(text):
        text = _PERIOD_ON_PERIOD.sub(
            lambda m: "year on year" if m["y"] else "month on month" if m["m"] else "quarter on quarter", text
        )
    if _DIGIT_AFTER_HINT.search(text):
        text = _after_digits(text)
    return text


def _side(n: str) -> str:
    """A side of "4x4" or "1920x1080": a small number whole, a screen's in pairs as a year is said."""
    return year(int(n)) if len(n) == 4 else cardinal(int(n))


def _after_digits(text: str) -> str:
    """The rules that read a mark or letters right after a digit."""
    if " = " in text:  # between numbers only: code is not read as sums
        text = _EQUALS.sub(" equals ", text)
    if "/" in text and "odds" not in text:
        text = _ODDS.sub(_to_words, text)
    if ":" in text:
        text = _RATIO.sub(_to_words, text)
    if _METRES_HINT.search(text):
        text = _RELAY.sub(_metres, _METRES.sub(_metres, text))
    if "x" in text:
        text = _TIMES_AS.sub(lambda m: f"{m['n']} times", text)
        text = _BY.sub(lambda m: f"{_side(m['a'])} by {_side(m['b'])}", text)
    if _DURATION_HINT.search(text):
        text = _DURATION.sub(
            lambda m: (
                f"{cardinal(int(m['h']))} {'hour' if m['h'] == '1' else 'hours'} "
                f"{cardinal(int(m['m']))} {'minute' if m['m'] == '1' else 'minutes'}"
            ),
            text,
        )
    if any(mark in text for mark in _FEET_INCHES):
        text = _HEIGHT.sub(lambda m: f"{cardinal(int(m['ft']))} foot {cardinal(int(m['in']))}", text)
    if _CAPITAL_SCALE_HINT.search(text):
        text = _CAPITAL_SCALE.sub(lambda m: f"{m['n']} {_SCALES[m['s']]}", text)
    if "-yr" in text:
        text = _YEARS_LONG.sub("-year", text)
    if _INCHES_HINT.search(text):
        text = _INCHES.sub(lambda m: f"{cardinal(int(m['num']))} {'inch' if m['num'] == '1' else 'inches'}", text)
    if _STONE_HINT.search(text):
        text = _STONE.sub(_stone, text)
    return text
