"""Characters no voice should read aloud, and text in scripts it cannot read.

- Control characters (NUL and the other C0/C1 controls) and format characters
  (bidi overrides such as U+202E, zero-width spaces and joiners, soft hyphens,
  tag characters) are removed: an engine reads a NUL as the end of its text,
  and the others are invisible on the page.
- Emoji and pictographs (every symbol from the Arrows block on, emoji skin
  tones, variation selectors, the keycap mark) are dropped: engines say
  "slightly smiling face". Letterlike and Latin-1 symbols (°, ©, ™, №) and the
  bullets the rules read as pauses stay for the normalisation rules.
- The voices read Latin script. Letters of other scripts (Arabic, Hebrew,
  Cyrillic, CJK, Greek words...) are spelt letter by letter or not at all, so
  ``drop_foreign`` removes them and says how many words it took out. A lone
  Greek letter (the delta in "delta variant" written as "Δ") is kept.

Each non-ASCII character is classified once from the Unicode database of the
running Python and remembered; ASCII text is never scanned character by
character.
"""

from __future__ import annotations

import re
import unicodedata

_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # removed; \t \n \r stay
_ASCII_SPACE_CONTROL = re.compile(r"[\x0b\x0c\x1c-\x1f]")  # whitespace controls: a space
_ANY_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_BULLETS = "▪●◦"  # symbols the rules read as list pauses
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]")  # a letter or a digit

KEEP, DROP, FOREIGN_LETTER, FOREIGN_OTHER = 0, 1, 2, 3
# Blocks of scripts other than Latin, where punctuation, digits and signs belong to that script.
_FOREIGN_BLOCKS = (
    (0x0370, 0x1DFF),  # Greek ... Ethiopic, Cherokee, Mongolian, Tai, Balinese...
    (0x2E80, 0xD7FF),  # CJK radicals, CJK symbols and punctuation, kana, Hangul, Yi
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFB1D, 0xFDFF),  # Hebrew and Arabic presentation forms
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFEFF),  # CJK compatibility and small forms, Arabic presentation forms
    (0xFF00, 0xFFEF),  # fullwidth and halfwidth forms
    (0x10000, 0x10FFFF),  # the supplementary planes' scripts
)


def _classify(ch: str) -> int:
    cp = ord(ch)
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf"):
        return DROP
    if category == "So" and cp >= 0x2190 and ch not in _BULLETS:
        return DROP  # arrows, dingbats, pictographs, emoji, flags
    if 0x1F3FB <= cp <= 0x1F3FF or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or cp == 0x20E3:
        return DROP  # skin tones, variation selectors, the keycap mark
    if cp < 0x250:
        return KEEP  # Latin-1 and Latin Extended
    if category[0] in "LM":
        name = unicodedata.name(ch, "")
        if not name or "LATIN" in name or name.startswith(("MODIFIER LETTER", "COMBINING")):
            return KEEP
        return FOREIGN_LETTER if category[0] == "L" else FOREIGN_OTHER
    if category[0] in "PNS" and category != "Sc" and any(lo <= cp <= hi for lo, hi in _FOREIGN_BLOCKS):
        return FOREIGN_OTHER
    return KEEP


class _Kinds(dict[str, int]):
    def __missing__(self, ch: str) -> int:
        kind = self[ch] = _classify(ch)
        return kind


class _DropTable(dict[int, "int | str | None"]):
    """A ``str.translate`` table that removes the characters to drop."""

    def __missing__(self, cp: int) -> int | str | None:
        value: int | str | None = None if _KINDS[chr(cp)] == DROP else cp
        if cp == 0x85:
            value = " "  # NEXT LINE: a space, as the other whitespace controls
        self[cp] = value
        return value


_KINDS = _Kinds()
_DROP_TABLE = _DropTable()


def clean_characters(text: str) -> str:
    """Remove control and format characters, emoji and pictographs."""
    return _cleaned(text)[0]


def _cleaned(text: str) -> tuple[str, set[int]]:
    """The text cleaned, and the kinds of its non-ASCII characters before."""
    if not text.isprintable() and _ANY_ASCII_CONTROL.search(text):  # (every control is unprintable)
        text = _ASCII_SPACE_CONTROL.sub(" ", _ASCII_CONTROL.sub("", text))
    if text.isascii():
        return text, set()
    kinds = _kinds_in(text)
    if DROP in kinds:
        text = _NON_ASCII.sub(lambda m: m[0].translate(_DROP_TABLE), text)
    return text, kinds


def _kinds_in(text: str) -> set[int]:
    """The kinds of the distinct non-ASCII characters of ``text`` (a cheap first look)."""
    return {_KINDS[ch] for ch in set("".join(_NON_ASCII.findall(text)))}  # a regex skips the ASCII at C speed


def without_unspeakable(text: str) -> str:
    """``clean_characters`` and then ``drop_foreign``'s text, looking at the characters once."""
    text, kinds = _cleaned(text)
    if FOREIGN_LETTER in kinds or FOREIGN_OTHER in kinds:
        text = drop_foreign(text)[0]
    return text


class _MarkTable(dict[int, str]):
    """A ``str.translate`` table from each character to the letter of its kind:
    "k" keep, "d" drop, "L" a letter of a foreign script, "o" its other signs."""

    def __missing__(self, cp: int) -> str:
        mark = self[cp] = "kdLo"[_KINDS[chr(cp)]]
        return mark


_MARKS = _MarkTable(dict.fromkeys(range(128), "k"))
_FOREIGN_RUN = re.compile("[Lo]+")


def _foreign_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of characters in scripts the voice cannot read."""
    return [m.span() for m in _FOREIGN_RUN.finditer(text.translate(_MARKS))]


def foreign_letters(text: str) -> int:
    """How many letters of ``text`` are in scripts the voice cannot read."""
    if text.isascii() or FOREIGN_LETTER not in _kinds_in(text):
        return 0
    return text.translate(_MARKS).count("L")


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def drop_foreign(text: str) -> tuple[str, int, list[str]]:
    """``text`` without words in scripts the voice cannot read.

    Returns the text, how many runs of such letters (words, or phrases where
    a script has no spaces) were removed, and the names of their scripts
    ("Arabic", "CJK"), most frequent first.
    """
    if text.isascii() or not _kinds_in(text) & {FOREIGN_LETTER, FOREIGN_OTHER}:
        return text, 0, []
    scripts: dict[str, int] = {}
    dropped = 0
    pieces: list[str] = []
    end = 0
    for start, stop in _foreign_runs(text):
        run = text[start:stop]
        letters = [ch for ch in run if _KINDS[ch] == FOREIGN_LETTER]
        lone = not (_LETTER.match(text[start - 1 : start]) or _LETTER.match(text[stop : stop + 1]))
        if len(run) == 1 and letters and lone and unicodedata.name(run, "").startswith("GREEK"):
            continue  # a lone Greek letter is a symbol an English voice can name
        if letters:
            dropped += 1
            name = unicodedata.name(letters[0], "").split(" ", 1)[0]
            scripts[name] = scripts.get(name, 0) + 1
        pieces += [text[end:start], " "]
        end = stop
    if not pieces:
        return text, 0, []
    text = "".join([*pieces, text[end:]])
    if dropped:
        text = _EMPTY_PAIRS.sub(" ", text)
    return text, dropped, [_script_label(name) for name in sorted(scripts, key=lambda n: -scripts[n])]


def _script_label(word: str) -> str:
    return word if word == "CJK" else word.capitalize()


_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_EMPTY_PAIRS = re.compile(r"\(\s*\)|\[\s*\]|“\s*”|‘\s*’|«\s*»|\"\s+\"")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[,.;:!?])")


def tidy(text: str) -> str:
    """Spaces and brackets left behind where words were dropped."""
    text = _SPACES.sub(" ", _EMPTY_BRACKETS.sub("", text))
    return _SPACE_BEFORE_PUNCT.sub("", text).strip()


def dropped_words(count: int, scripts: list[str]) -> str:
    """'dropped 3 words in Arabic script, which the voice cannot read'"""
    words = f"{count} word{'' if count == 1 else 's'}"
    return f"dropped {words} in {' and '.join(scripts)} script, which the voice cannot read"


def is_speakable(spoken: str) -> bool:
    """True if ``spoken`` holds at least one word of letters or digits."""
    return _WORD.search(spoken) is not None
