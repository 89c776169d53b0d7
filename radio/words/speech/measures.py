"""Rules for money, measures, numbers, model names, roman numerals and acronyms."""

from __future__ import annotations

import re

from radio.words.speech.numbers import cardinal, decade, decimal, grouped, ordinal, plural, year
from radio.words.speech.rules import Match, Protect, has_digit, letters, range_word, starting
from radio.words.speech.words import COMMON_WORDS, MONTHS, SHOUT_SHORT, SPELLED, WORD_ACRONYMS, words_set

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORDS = {
    "trillion": "trillion", "tn": "trillion", "billion": "billion", "bn": "billion",
    "b": "billion", "million": "million", "m": "million", "mn": "million",
    "thousand": "thousand", "k": "thousand", "crore": "crore", "lakh": "lakh", "mln": "million",
    "bln": "billion", "trln": "trillion",
}  # fmt: skip
_CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("U.S dollar", "U.S dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", "sen", "sen"),
    "₹": ("rupee", "rupees", "paisa", "paise"),
    "₦": ("naira", "naira", "kobo", "kobo"),
    "₩": ("won", "won", "jeon", "jeon"),
    "₽": ("ruble", "rubles", "kopek", "kopeks"),
    "₺": ("lira", "lira", "kurus", "kurus"),
    "₱": ("peso", "pesos", "centavo", "centavos"),
    "₴": ("hryvnia", "hryvnias", "kopiyka", "kopiykas"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "S$": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
}
_CURRENCY_SIGNS = "".join(sign for sign in _CURRENCIES if len(sign) == 1)  # "$£€¥₹₦₩₽₺₱₴"
_PREFIXED_DOLLARS = {"AU$": "A$", "CA$": "C$", "CAN$": "C$", "SG$": "S$"}  # other spellings of the same
_CUR = rf"(?:US\$|AU?\$|CA?N?\$|NZ\$|HK\$|SG?\$|[{_CURRENCY_SIGNS}])"  # a currency written before its amount
_MONEY = starting(
    rf"[UACNHS{_CURRENCY_SIGNS}]",
    rf"(?<![\w$])(?P<cur>{_CUR})\s?(?P<num>{_NUM})"
    r"(?:(?:\s?|-(?=[a-z]))(?P<scale>(?i:trillion|billion|million|thousand)|crore|lakh|mln|bln|trln|tn|bn|mn|[mbk])\b|(?P<upper>TN|BN|MN|Tn|Bn|Mn|[MBK])\b)?",
)
# a range of money: "$2-3 million", "$10-$20 million", "£5 to £8": the first amount is a bare number
_MONEY_RANGE = starting(
    rf"[UACNHS{_CURRENCY_SIGNS}]",
    rf"(?<![\w$])(?P<cur>{_CUR})\s?(?P<a>\d[\d,]*(?:\.\d+)?)(?:\s?[-–]\s?|-to-|\sto\s(?={_CUR}))(?:{_CUR}\s?)?(?=\d)",
)
# "an A$8 million deal" is right in print; said, "an" goes with the spoken number's first sound
_AN_BEFORE_MONEY = re.compile(rf"\b(?P<a>[Aa])n(?P<gap>\s+)(?={_CUR}\s?(?P<num>\d[\d,]*))")
# the currency written after the amount, as much of Europe writes it ("600 €", "7€"): put before it
_MONEY_AFTER = starting(
    r"\d",
    rf"(?<![\w.,])(?P<num>{_NUM})(?P<scale>\s(?:trillion|billion|million|thousand))?\s?(?P<cur>[$£€¥₹₩₽₺₱₴])(?![\w$£€¥₹₩₽₺₱₴])",
)
_CENTS = starting(r"\d", r"\b(\d+)\s?¢")
_SIGN = r"(?P<sign>(?:(?<=^)|(?<=[\s(]))[-−])?"
_PERCENT = starting(r"[-−\d]", rf"{_SIGN}(?P<num>{_NUM})\s?(?:%|(?:percent|per cent)\b)")
_UNITS = {
    "km": ("kilometer", "kilometers"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "mi": ("mile", "miles"), "ft": ("foot", "feet"),
    "yd": ("yard", "yards"), "kg": ("kilogram", "kilograms"), "g": ("gram", "grams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "mph": ("mile per hour", "miles per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"),
    "km/h": ("kilometer per hour", "kilometers per hour"), "ml": ("milliliter", "milliliters"),
    "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "kWh": ("kilowatt hour", "kilowatt hours"), "GB": ("gigabyte", "gigabytes"),
    "MB": ("megabyte", "megabytes"), "TB": ("terabyte", "terabytes"),
    "GB/s": ("gigabyte per second", "gigabytes per second"), "MB/s": ("megabyte per second", "megabytes per second"),
    "Gbps": ("gigabit per second", "gigabits per second"), "Mbps": ("megabit per second", "megabits per second"),
    "Gbit/s": ("gigabit per second", "gigabits per second"), "Mbit/s": ("megabit per second", "megabits per second"),
    "ha": ("hectare", "hectares"),
    "sq ft": ("square foot", "square feet"), "m": ("meter", "meters"), "L": ("liter", "liters"),
    "°C": ("degree Celsius", "degrees Celsius"), "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "C": ("degree Celsius", "degrees Celsius"),
    "F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"), "hrs": ("hour", "hours"), "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"), "sec": ("second", "seconds"), "p": ("penny", "pence"),
    "pts": ("point", "points"), "yrs": ("year", "years"), "yr": ("year", "years"),
    "pct": ("percent", "percent"), "mln": ("million", "million"), "bln": ("billion", "billion"),
    "bps": ("basis point", "basis points"), "bp": ("basis point", "basis points"),
    "mg": ("milligram", "milligrams"), "mcg": ("microgram", "micrograms"), "µg": ("microgram", "micrograms"),
    "mg/kg": ("milligram per kilogram", "milligrams per kilogram"),
    "mg/L": ("milligram per liter", "milligrams per liter"),
    # technology and motoring copy: "a 2.4GHz chip", "60fps", "101 hp", "517 lb-ft", "a 5,000mAh battery"
    "GHz": ("gigahertz", "gigahertz"), "MHz": ("megahertz", "megahertz"), "kHz": ("kilohertz", "kilohertz"),
    "Hz": ("hertz", "hertz"), "mAh": ("milliamp hour", "milliamp hours"), "Wh": ("watt hour", "watt hours"),
    "fps": ("frame per second", "frames per second"), "hp": ("horsepower", "horsepower"),
    "bhp": ("brake horsepower", "brake horsepower"), "ppi": ("pixel per inch", "pixels per inch"),
    "ms": ("millisecond", "milliseconds"), "nm": ("nanometer", "nanometers"),
    "lb-ft": ("pound-foot", "pound-feet"), "Nm": ("newton meter", "newton meters"),
    "W": ("watt", "watts"), "V": ("volt", "volts"), "MP": ("megapixel", "megapixel"),
}  # fmt: skip
_GLUED_ONLY = ("m", "C", "F", "W", "V", "MP")  # "96W", "12MP"; "5 W" may be a compass point, "3 MP" a member
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True) if u not in _GLUED_ONLY)
_UNIT = starting(
    r"[-−\d]",
    rf"(?P<sign>(?:(?<=^)|(?<=[\s(]))[-−])?(?P<num>{_NUM})"
    rf"(?:\s?(?P<unit>{_UNIT_NAMES})|\s(?P<meter>m)|(?P<mil>m|bn|k)|(?P<deg>[CF])|(?P<glued>W|V|MP))(?![\w/])",
)
# a video resolution is said in pairs, not as pence: "1080p" is "ten eighty p", "720p" "seven twenty p"
_RESOLUTION = starting(r"\d", r"\b(?P<n>480|576|720|1080|1440|2160|4320)(?P<s>[pi])\b")
# a decimal run into letters no rule reads ("1.5Ghz", "2.0T"): the number is still a decimal
_DECIMAL_GLUED = starting(r"\d", r"(?<![\w.,])(?P<num>\d+\.\d+)(?=[A-Za-z])")
_UNICODE_FRACTIONS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3), "⅛": (1, 8)}
# a mixed number typed with a slash, as wire copy writes it ("a 5-1/2 year low", "3 1/4 miles"): a fraction sign
_MIXED = starting(r"\d", r"(?<![\d/.,-])(?P<whole>\d{1,3})[ -](?P<f>1/2|1/4|3/4|1/3|2/3|1/8)(?![\d/])")
_FRACTION_SIGNS = {f"{a}/{b}": sign for sign, (a, b) in _UNICODE_FRACTIONS.items()}
_VULGAR = starting(r"[\d½¼¾⅓⅔⅛]", r"(?:(?P<whole>\d+)\s?)?(?P<f>[½¼¾⅓⅔⅛])")
_YEAR_RANGE = starting(r"[12]", r"\b(?P<a>(?:1[0-9]|20)\d{2})[-–/](?P<b>\d{4}|\d{2})\b(?!-)")
_RANGE = starting(r"\d", rf"(?<![\w.,-])(?P<a>{_NUM})\s?[-–]\s?(?P<b>{_NUM})(?![\w-]|\.\d)")
_DECADE = starting(r"['’\d]", r"(?:['’](?P<short>\d0)|\b(?P<long>\d{1,3}0))s\b")
# "757s", "F-35s", "rolled 6s": a plural; "iPhone 5s" is a model's name
_NUMBER_PLURAL = starting(r"\d", r"(?<![\w.,$£€])(?P<num>[1-9]\d{0,3})s\b")
_NAME_BEFORE = re.compile(r"\b\w*[A-Z]\w*\s$")
_ORDINAL = starting(r"\d", r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b")
_MODEL_HYPHEN = starting(r"[A-Za-z]", r"\b(?P<pre>[A-Za-z][A-Za-z]*)-(?P<num>\d+)(?![\w.,-]|\.\d)")
_MODEL_JOINED = starting(r"[A-Z]", r"\b(?P<pre>[A-Z]{1,3})(?P<num>\d+)(?P<suf>[A-Z]?)\b(?!\.\d)")
_LETTER_DOT_NUMBER = starting(r"[A-Z]", r"(?<![\w.])(?P<pre>[A-Z])\.(?P<num>\d{1,3})\b(?![.,]\d)")  # "H.264", "B.2"
_DECIMAL_JOINED = starting(r"[A-Z]", r"\b(?P<pre>[A-Z]{1,3})(?P<num>\d+\.\d+)\b")  # "PM2.5"
_NUMBER_LETTERS = starting(r"\d", r"\b(?P<num>\d+)(?P<suf>[A-Z]{1,2})\b")
_YEAR = starting(r"[12]", r"(?<![\w.,$£€-])(?P<y>1[0-9]\d{2}|20\d{2})(?!\w|[,.]\d)")
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:an|in|since|by|of|from|until|till|through|to|before|after|during|year|summer|"
    r"winter|spring|autumn|fall|early|late|mid|around|circa|and|or|the|between|" + "|".join(MONTHS) + r"),?\s+|-)$",
    re.I,
)
_A_BEFORE = re.compile(r"\b[Aa]\s+$")
_YEAR_AFTER = re.compile(
    r"\s*(?:$|[.,;:!?)”\"'’]|\s*(?:was|is|will|saw|and|election|elections|"
    r"season|budget|census|games|olympics|world|war|model|levels|figures)\b)"
)
_NUMBER = starting(r"[-−.\d]", rf"(?P<sign>(?:(?<=^)|(?<=[\s(\"“]))[-−])?(?<![\w.])(?P<num>{_NUM}|\.\d+)(?![\w])")
_LEFTOVER_DIGITS = re.compile(r"\d+(?:-(?=[A-Za-z]))?")  # "i7-": the hyphen only joined a code
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_REGNAL = words_set(
    """Elizabeth Charles George Henry Edward William James Richard Louis Leo John Paul Benedict
    Pius Francis Gregory Mary Philip Peter Alexander Nicholas Catherine Victoria Frederick
    Wilhelm Napoleon Innocent Clement Urban Boniface Felipe Juan Carlos Harald Olav Gustaf"""
)
_ROMAN_CARDINAL_AFTER = words_set(
    """War Bowl Title Phase Part Chapter Apollo Vatican Act Article Class Category Stage Level
    Grade Type Mark Mk Schedule Volume Vol Book Rocky Gemini Artemis Voyager Pioneer Mariner Episode Season
    Round Division Tier Group"""
)
_ROMAN = starting(r"[A-Z]", r"\b(?P<prev>[A-Z][a-z]+) (?P<r>[IVXL]{1,7})\b(?!['’\w.]\w)")
_ACRONYM = starting(r"[A-Z]", r"\b(?P<w>[A-Z][A-Z]+)(?P<s>s|['’]s)?\b")
_CAPS_RUN = starting(r"[A-Z]", r"\b[A-Z]{2,}(?:['’][A-Z]{1,2})?(?:[\s,!?'’-]+[A-Z]{2,}(?:['’][A-Z]{1,2})?)+\b")
_CONTRACTION = re.compile(r"(?<=[a-z]['’])[A-Z]{1,2}\b")
_VOWEL = re.compile(r"[AEIOUY]")
_SYLLABLE = re.compile(r"[B-DF-HJ-NP-TV-Z][AEIOU][B-DF-HJ-NP-TV-Z]|[BCDFGPST][HLR]Y")  # "LOS", "JAM", "FLY"
_CAPS = re.compile(r"[A-Z]{2,}")

# Hints: each is found in any text the rule of the same name matches, and
# starts with a literal or a character class, which the regex engine seeks fast.
_UNIT_HINT = re.compile(rf"\d(?:\s?(?:{_UNIT_NAMES})|\sm|m|bn|k|[CF]|W|V|MP)(?![\w/])")
_RESOLUTION_HINT = re.compile(r"0[pi]\b")
_DECIMAL_GLUED_HINT = re.compile(r"\.\d+[A-Za-z]")
_ORDINAL_HINT = re.compile(r"\d(?:st|nd|rd|th)\b")
_MODEL_HYPHEN_HINT = re.compile(r"-\d")
_NUMBER_PLURAL_HINT = re.compile(r"\ds\b")
_LETTER_DOT_NUMBER_HINT = re.compile(r"[A-Z]\.\d")
_MODEL_JOINED_HINT = re.compile(r"[A-Z]\d")
_NUMBER_LETTERS_HINT = re.compile(r"\d[A-Z]")
_YEAR_HINT = re.compile(r"1[0-9]\d\d|20\d\d")
_ROMAN_HINT = re.compile(r" (?<=[a-z] )[IVXL]{1,7}\b(?!['’\w.]\w)")
_TWO_CAPS = re.compile(r"[A-Z][A-Z]")
_CAPS_RUN_HINT = re.compile(r"[A-Z][A-Z](?:['’][A-Z]{1,2})?[\s,!?'’-]+[A-Z][A-Z]")
_YEAR_RANGE_HINT = re.compile(r"\d\d[-–/]\d\d")
_RANGE_HINT = re.compile(r"\d\s?[-–]\s?\d")


def _amount(num: str) -> str:
    return decimal(num)


def _is_one(num: str) -> bool:
    return num.replace(",", "") == "1"


def _attributive(m: Match) -> bool:
    """'a £48 million barrier', 'a 10 kg bag': the unit is singular.

    As ``re.search(r"\\b[Aa]n?\\s+$", text[: m.start()])``, without scanning all the
    text before the match (once for every amount, quadratic in a long article)."""
    before = m.string[: m.start()]
    word = before.rstrip()
    if len(word) == len(before):  # no space before the amount
        return False
    if word.endswith("n"):
        word = word[:-1]
    if not word.endswith(("a", "A")):
        return False
    return len(word) == 1 or not _is_word_char(word[-2])


def _is_word_char(char: str) -> bool:
    """``\\w`` as the regex engine reads it in a str pattern."""
    return char.isalnum() or char == "_"


# After an amount, words that go on the sentence rather than name what the amount buys: "£12m for",
# "$5bn in aid", "£3m last year". After "the" or "its", any other plain word names it: "the $2 trillion
# budget", "its £12m sea wall".
_NOT_NOUN_AFTER = words_set(
    """a an the for to in on of over under at by with into from and or but than as per each more less
    worth last this next that which who when while since ago annually now so because plus back instead
    apiece extra up down off out is was are were will would has have had be been being it its their
    his her our my your they we he she you i if then also already too still just only about around
    almost nearly some all both either every any no not yet spent paid lost won sold made given taken cut
    owed left set put kept held built bought brought sent lent went came grew fell rose"""
)
_WORD_AFTER = re.compile(r" ([a-z]+)\b")


_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Ww]hose)\s+$")


def _after_determiner(m: Match) -> bool:
    """'the $2 trillion budget', 'its £12m sea wall': the amount follows a determiner."""
    return _DETERMINER_BEFORE.search(m.string[max(0, m.start() - 8) : m.start()]) is not None


def _names_its_noun(m: Match) -> bool:
    """Is the amount used like an adjective before its noun ("approves £12m sea wall")?"""
    word = _WORD_AFTER.match(m.string, m.end())
    if word is None or word[1] in _NOT_NOUN_AFTER:
        return False
    return not word[1].endswith(("ing", "ed", "ly"))


def _money(m: Match) -> str:
    cur = _PREFIXED_DOLLARS.get(m["cur"], m["cur"])
    one, many, cent, cents = _CURRENCIES[cur]
    with_cents = len(m["num"].partition(".")[2]) == 2 and not (m["scale"] or m["upper"])
    if _attributive(m) or (not with_cents and _after_determiner(m) and _names_its_noun(m)):
        many = one
    num = m["num"].replace(",", "")
    scale = _SCALE_WORDS.get((m["scale"] or m["upper"] or "").lower())
    if scale:
        return f"{_amount(num)} {scale} {many}"
    whole, _, frac = num.partition(".")
    if len(frac) == 2:
        parts = []
        if int(whole):
            parts.append(f"{cardinal(int(whole))} {one if whole == '1' else many}")
        if int(frac):
            parts.append(f"{cardinal(int(frac))} {cent if frac == '01' else cents}")
        return " and ".join(parts) or f"zero {many}"
    return f"{_amount(num)} {one if _is_one(num) else many}"


def _money_range(m: Match) -> str:
    """"$2-3 million" as "2 to $3 million": the first amount is read bare unless it has cents ("$2.50-$3")."""
    if len(m["a"].partition(".")[2]) == 2:
        return f"{m['cur']}{m['a']} to {m['cur']}"
    return f"{_amount(m['a'].replace(',', ''))} to {m['cur']}"


def _article_before_money(m: Match) -> str:
    """"an" before an amount whose spoken number starts with a consonant ("an A$3 million deal") becomes "a"."""
    spoken = cardinal(int(m["num"].replace(",", "").split(".")[0] or 0))
    return m[0] if spoken.startswith("e") else f"{m['a']}{m['gap']}"


def _percent(m: Match) -> str:
    return f"{'minus ' if m['sign'] else ''}{_amount(m['num'])} percent"


def _unit(m: Match) -> str:
    sign = "minus " if m["sign"] else ""
    if m["mil"]:
        return f"{sign}{_amount(m['num'])} {_SCALE_WORDS[m['mil']]}"
    unit = m["unit"] or m["meter"] or m["deg"] or m["glued"]
    one, many = _UNITS[unit]
    if _attributive(m) and not unit.startswith(("°", "C", "F")):
        many = one
    return f"{sign}{_amount(m['num'])} {one if _is_one(m['num']) else many}"


def _pairs(n: int) -> str:
    """720 -> 'seven twenty', 1080 -> 'ten eighty': said in two halves, as a year is."""
    return year(n) if n >= 1000 else f"{cardinal(n // 100)} {cardinal(n % 100)}"


def _vulgar(m: Match) -> str:
    a, b = _UNICODE_FRACTIONS[m["f"]]
    from radio.words.speech.rules import fraction

    if m["whole"]:
        part = {(1, 2): "a half", (1, 4): "a quarter"}.get((a, b)) or fraction(a, b)
        return f"{cardinal(int(m['whole']))} and {part}"
    return fraction(a, b)


def _year_range(m: Match) -> str:
    a, b = m["a"], m["b"]
    if len(b) == 2:
        b = a[:2] + b
        if int(b) < int(a):
            return m[0]
    return f"{year(int(a))} {range_word(m)} {year(int(b))}"


def _model(m: Match, protect: Protect) -> str:
    pre, num = m["pre"], m["num"]
    said = grouped(num)
    if pre.isupper() and len(pre) <= 3 and pre not in WORD_ACRONYMS:
        if len(pre) == 1:
            return protect(f"{pre}-") + said
        return protect(letters(pre)) + " " + said
    return f"{pre} {said}"


def _joined_model(m: Match, protect: Protect) -> str:
    out = _model(m, protect)
    return out + (" " + protect(m["suf"]) if m["suf"] else "")


def _number_plural(m: Match) -> str:
    num = m["num"]
    if len(num) == 1 and _NAME_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
        return m[0]  # a name and a digit: a model ("iPhone 5s")
    return plural(grouped(num))


def _number_letters(m: Match, protect: Protect) -> str:
    """'20B' is 'twenty B'; four digits with a letter are a model said in pairs ('4790K', '5800X')."""
    num, suf = m["num"], m["suf"]
    said = grouped(num) if len(num) == 4 else cardinal(int(num))
    return f"{said} {protect(letters(suf)) if len(suf) > 1 else suf}"


def _year(m: Match) -> str:
    text = m.string
    before = text[max(0, m.start() - 20) : m.start()]
    n = int(m["y"])
    if _YEAR_BEFORE.search(before) or _YEAR_AFTER.match(text, m.end()):
        return year(n)
    if 1900 < n < 2100 and n % 100 and _A_BEFORE.search(before):
        return year(n)  # "a 2019 study"; "a 2000 mile trip" counts
    return cardinal(int(m["y"]))


def _number(m: Match) -> str:
    num = m["num"]
    if num.isdigit() and (len(num) > 9 or (len(num) > 1 and num.startswith("0"))):
        from radio.words.speech.numbers import digits

        return ("minus " if m["sign"] else "") + digits(num)
    return ("minus " if m["sign"] else "") + decimal(num)


def roman_value(text: str) -> int | None:
    """'XIV' -> 14; None if not a well-formed numeral."""
    total = 0
    values = [_ROMAN_VALUES[c] for c in text]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    canonical = _to_roman(total)
    return total if canonical == text else None


def _to_roman(n: int) -> str:
    out = []
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _roman(m: Match) -> str:
    return f"{m['prev']} {_romanwords_set(m['prev'], m['r'])}"


def _romanwords_set(prev: str, numeral: str) -> str:
    value = roman_value(numeral)
    if value is None:
        return numeral
    if prev in _ROMAN_CARDINAL_AFTER:
        return cardinal(value)
    if len(numeral) == 1 and prev not in _REGNAL:
        return numeral
    if value == 1 and prev not in _REGNAL:
        return numeral
    return f"the {ordinal(value)}"


def _acronym(m: Match, protect: Protect) -> str:
    word, plural = m["w"], m["s"] or ""
    if word in WORD_ACRONYMS:  # espeak-ng spells some short ones in capitals ("FOX"): said as a name
        return m[0] if len(word) > 3 else word.capitalize() + plural
    if word == "OK":
        return "okay"
    if word.lower() in COMMON_WORDS and (len(word) >= 4 or word in SHOUT_SHORT):
        return word.lower() + plural
    if word in SHOUT_SHORT:
        return word.lower() + plural
    if len(word) >= 5 and _VOWEL.search(word):
        return word.capitalize() + plural if word.lower() not in COMMON_WORDS else word.lower()
    return protect(letters(word) + ("'s" if plural else ""))


def _shouted_word(word: str) -> bool:
    """A word in capitals that reads as a word, not as letters: a common one, a long one with a
    vowel, or a short one shaped like a syllable ("REFUSES", "ARMY", "LOS", "JAM"), unless it is
    initials that look like a word ("ACLU", "GOP") or an acronym said as a word ("NASA")."""
    if word.lower() in COMMON_WORDS or word in SHOUT_SHORT:
        return True
    if word in WORD_ACRONYMS or word in SPELLED or len(word) < 3:
        return False
    if len(word) == 3:
        return _SYLLABLE.fullmatch(word) is not None
    return _VOWEL.search(word[:3]) is not None and word[0] != word[1]


def _caps_run(m: Match) -> str:
    """A run of capitals is shouting, said in lower case, when half its words or more read as words
    ("BREAKING NEWS", "REFUSES TO STAY"). "US" is the country, not the pronoun, when it opens the run or follows
    THE ("US RTX 3080 retailers", "THE US ARMY"); then it is not a common word and stays as it is.
    A word shouted in such a run is said in lower case; a short name in letters among them stays one
    ("VW ID. SPACE VIZZION", "IPS PANEL")."""
    words = _CAPS.findall(m[0])
    country = {i for i, w in enumerate(words) if w == "US" and (i == 0 or words[i - 1] == "THE")}
    shouted = [i not in country and _shouted_word(w) for i, w in enumerate(words)]
    if sum(shouted) * 2 < len(words):
        return m[0]
    said = iter(shouted)
    lowered = _CAPS.sub(lambda w: w[0].lower() if next(said) else w[0], m[0])
    return _CONTRACTION.sub(lambda w: w[0].lower(), lowered)  # "WE'RE", "DON'T": the end goes with its word


def mixed_numbers(text: str) -> str:
    """"5-1/2", "3 1/4" as "5½", "3¼": read by the fraction rule, before any rule takes the slash for a date."""
    return _MIXED.sub(lambda m: m["whole"] + _FRACTION_SIGNS[m["f"]], text) if "/" in text else text


def measures(text: str, protect: Protect) -> str:
    # Every rule here but the vulgar fractions reads a digit, and none writes one.
    if not has_digit(text):
        return _VULGAR.sub(_vulgar, text) if any(c in text for c in _UNICODE_FRACTIONS) else text
    if any(c in text for c in _CURRENCY_SIGNS):
        text = _MONEY_AFTER.sub(lambda m: f"{m['cur']}{m['num']}{m['scale'] or ''}", text)
        text = _MONEY_RANGE.sub(_money_range, text)
        if "n " in text:
            text = _AN_BEFORE_MONEY.sub(_article_before_money, text)
        text = _MONEY.sub(_money, text)
    if "¢" in text:
        text = _CENTS.sub(lambda m: f"{cardinal(int(m[1]))} {'cent' if m[1] == '1' else 'cents'}", text)
    if any(c in text for c in _UNICODE_FRACTIONS):
        text = _VULGAR.sub(_vulgar, text)
    if ("-" in text or "–" in text or "/" in text) and _YEAR_RANGE_HINT.search(text):
        text = _YEAR_RANGE.sub(_year_range, text)
    if ("-" in text or "–" in text) and _RANGE_HINT.search(text):
        text = _RANGE.sub(lambda m: f"{m['a']} {range_word(m)} {m['b']}", text)
    if "%" in text or "percent" in text or "per cent" in text:
        text = _PERCENT.sub(_percent, text)
    if _RESOLUTION_HINT.search(text):
        text = _RESOLUTION.sub(lambda m: f"{_pairs(int(m['n']))} {m['s'].upper()}", text)
    if _UNIT_HINT.search(text):
        text = _UNIT.sub(_unit, text)
    if _DECIMAL_GLUED_HINT.search(text):
        text = _DECIMAL_GLUED.sub(lambda m: decimal(m["num"]) + " ", text)
    if "0s" in text:
        text = _DECADE.sub(lambda m: decade(m["short"] or m["long"]), text)
    if _NUMBER_PLURAL_HINT.search(text):
        text = _NUMBER_PLURAL.sub(_number_plural, text)
    if _ORDINAL_HINT.search(text):
        text = _ORDINAL.sub(lambda m: ordinal(int(m["n"].replace(",", ""))), text)
    if _MODEL_HYPHEN_HINT.search(text):
        text = _MODEL_HYPHEN.sub(lambda m: _model(m, protect), text)
    if _LETTER_DOT_NUMBER_HINT.search(text):
        text = _LETTER_DOT_NUMBER.sub(lambda m: _model(m, protect), text)
    if _MODEL_JOINED_HINT.search(text):
        text = _MODEL_JOINED.sub(lambda m: _joined_model(m, protect), text)
        text = _DECIMAL_JOINED.sub(lambda m: f"{protect(letters(m['pre']))} {decimal(m['num'])}", text)
    if _NUMBER_LETTERS_HINT.search(text):
        text = _NUMBER_LETTERS.sub(lambda m: _number_letters(m, protect), text)
    if _YEAR_HINT.search(text):
        text = _YEAR.sub(_year, text)
    if not has_digit(text):
        return text
    text = _NUMBER.sub(_number, text)
    if not has_digit(text):
        return text
    return _LEFTOVER_DIGITS.sub(lambda m: f" {cardinal(int(m[0].rstrip('-')))} ", text)


def names_and_acronyms(text: str, protect: Protect) -> str:
    if _ROMAN_HINT.search(text):
        text = _ROMAN.sub(_roman, text)
    if not _TWO_CAPS.search(text):  # both rules read a run of capitals
        return text
    if _CAPS_RUN_HINT.search(text):
        text = _CAPS_RUN.sub(_caps_run, text)
    return _ACRONYM.sub(lambda m: _acronym(m, protect), text)
