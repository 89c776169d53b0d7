"""Numbers in words, US newsreader style ("one thousand five hundred",
"twenty twenty-four", "three point two", "twenty-first")."""

from __future__ import annotations

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = (
    (10**12, "trillion"),
    (10**9, "billion"),
    (10**6, "million"),
    (1000, "thousand"),
)
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_DIGIT_WORDS = dict(zip("0123456789", _ONES[:10], strict=True))


def _below_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest or not hundreds:
        words.append(_below_hundred(rest))
    return " ".join(words)


def cardinal(n: int) -> str:
    """1500 -> 'one thousand five hundred'; -5 -> 'minus five'."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n >= 10**15:
        return digits(str(n))
    words: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            count, n = divmod(n, size)
            words.append(f"{_below_thousand(count)} {name}")
    if n or not words:
        words.append(_below_thousand(n))
    return " ".join(words)


def ordinal(n: int) -> str:
    """21 -> 'twenty-first'."""
    words = cardinal(n)
    head, sep, last = max(words.rpartition(" "), words.rpartition("-"), key=lambda p: len(p[0]))
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


def digits(text: str) -> str:
    """'007' -> 'zero zero seven'."""
    return " ".join(_DIGIT_WORDS[d] for d in text if d in _DIGIT_WORDS)


def decimal(text: str) -> str:
    """'3.2' -> 'three point two'; '1,500' -> 'one thousand five hundred'; '-0.5' too."""
    text = text.replace(",", "")
    sign = ""
    if text[:1] in "-−":
        sign, text = "minus ", text[1:]
    whole, _, frac = text.partition(".")
    words = cardinal(int(whole)) if whole else ""
    if frac:
        words = (words + " " if words else "") + "point " + digits(frac)
    return sign + words


def year(n: int) -> str:
    """1999 -> 'nineteen ninety-nine'; 2000 -> 'two thousand'; 2005 -> 'two thousand five';
    1905 -> 'nineteen oh five'; 1900 -> 'nineteen hundred'; 2024 -> 'twenty twenty-four'."""
    if n < 1000 or n >= 10000:
        return cardinal(n)
    high, low = divmod(n, 100)
    if n % 1000 < 10 and (n // 1000) * 10 == high:  # 2000, 2005, 1000, 1009
        return cardinal(n)
    if low == 0:
        return f"{_below_hundred(high)} hundred"
    if low < 10:
        return f"{_below_hundred(high)} oh {_ONES[low]}"
    return f"{_below_hundred(high)} {_below_hundred(low)}"


def plural(words: str) -> str:
    """'nineteen ninety' -> 'nineteen nineties'; 'two thousand' -> 'two thousands'."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith("x"):
        return words + "es"
    return words + "s"


def decade(text: str) -> str:
    """'1990' -> 'nineteen nineties'; '90' -> 'nineties'; '2000' -> 'two thousands'."""
    n = int(text)
    if len(text) == 2:
        return plural(_below_hundred(n)) if n else "two thousands"
    if n % 100 == 0 and n % 1000 != 0:
        return year(n) + "s"  # 1800s -> eighteen hundreds
    return plural(year(n))


def grouped(text: str) -> str:
    """Digits of a model number as said: '320' -> 'three twenty', '16' -> 'sixteen',
    '2024' -> 'twenty twenty-four', '007' -> 'zero zero seven'."""
    if len(text) > 1 and text.startswith("0"):
        return digits(text)
    n = int(text)
    if len(text) <= 2:
        return cardinal(n)
    if len(text) == 3:
        head, tail = divmod(n, 100)
        if tail == 0:
            return cardinal(n)
        return f"{_ONES[head]} {'oh ' + _ONES[tail] if tail < 10 else _below_hundred(tail)}"
    if len(text) == 4:
        return year(n)
    return digits(text)
