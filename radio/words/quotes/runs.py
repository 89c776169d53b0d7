"""Runs of capitalised words and what each names, read without the article:
a full name with its title and the genders its honorifics and first name
give, a single word that may be the surname of someone named, or nothing
("The", "In February").  A run is read once and kept (the same runs recur
across paragraphs and articles)."""

from __future__ import annotations

import re

from radio.words.quotes.persons import first_name_gender, is_thing, name_gender
from radio.words.quotes.switches import OFF
from radio.words.quotes.vocab import HONORIFIC_GENDER, LEADERS, MONTHS_AND_DAYS, TITLE_WORDS, WEEKDAYS, words

CAP = re.compile(r"[A-Z][\w’'.-]*|(?:O’|O'|Mc|Mac)[A-Z][\w’'-]*")
# A run of capitalised words, particles included where a capitalised word
# follows them ("de Gaulle", "von der Leyen"), starting a word (the "al" of
# "nominal" and of "also" starts none):
#   (?<![\w’'-])(?:[A-Z][\w’'.-]*|(?:de|van|von|der|da|del|di|bin|al|la|le|du|ibn)(?=\s+[A-Z]))
#   (?:\s+(?:[A-Z][\w’'.-]*|(?:de|van|...|ibn)(?=\s+[A-Z])))*
# written to open with one class of letters, so the engine skips quickly to
# where a run can start, then checks the letter before it and the rest
# (the same matches, found faster; tests/test_quotes.py checks they are).
_PARTICLE = r"(?:de|van|von|der|da|del|di|bin|al|la|le|du|ibn)"
RUN = re.compile(
    r"[A-Zdvbali](?<![\w’'-].)(?:(?<=[A-Z])[\w’'.-]*"
    r"|(?:(?<=d)(?:e|er|el|a|i|u)|(?<=v)(?:an|on)|(?<=b)in|(?<=a)l|(?<=l)(?:a|e)|(?<=i)bn)(?=\s+[A-Z]))"
    rf"(?:\s+(?:[A-Z][\w’'.-]*|{_PARTICLE}(?=\s+[A-Z])))*"
)
_POSSESSIVE = re.compile(r"[’']s?$")


def drop_possessive(word: str) -> str:
    """``_POSSESSIVE.sub("", word)``; every match holds an apostrophe, so a word without one is kept as it is."""
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


def surname_key(words: list[str]) -> str:
    last = words[-1]
    if last.rstrip(".").lower() in ("jr", "sr", "ii", "iii") and len(words) > 1:
        last = words[-2]
    return drop_possessive(last.strip(",")).lower()


FIRST_NAME = "first-name:"  # marks a gender read from the first-name table alone
AGE = ("-year-old", "-years-old")  # "Seventy-year-old Edna Carver": an age, no part of the name


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split capitalised words into (title words, name words); an age before a name is a title word."""
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.lower() in TITLE_WORDS or w.lower().rstrip(".") + "." in TITLE_WORDS or w.endswith(AGE):
            cut = i + 1
    return words[:cut], words[cut:]


# What a run of capitalised words names, independent of the article: a run
# read once is not parsed again (the same runs recur across paragraphs and
# articles).  ``None``: nothing; ``(surname key, genders)``: a single word that
# may refer to someone already named; ``(name, full key, surname key, title,
# genders)``: a full name.
_Single = tuple[str, tuple[str, ...]]
_Full = tuple[str, str, str, str, tuple[str, ...]]
# A run as ``RUN`` finds it, read once: the pieces that name something, each
# as (offset in the run, length, what it names).
RUNS: dict[str, tuple[tuple[int, int, _Single | _Full], ...]] = {}
RUNS_MAX = 200_000


# a name glued to a copy of itself in a page's copy ("Rep. Ilhan OmarIlhan Omar", a link's hover card): a capital
# straight after a lower-case letter, opening a word the run has already said ("BlackRock", "McDonald" say none)
_GLUED = re.compile(r"(?<=[a-z])[A-Z][a-z]+")


def _glued_at(whole: str) -> int | None:
    for m in _GLUED.finditer(whole):
        if m.group() in re.split(r"[\s-]+", whole[: m.start()]):
            return m.start()
    return None


def read_whole(whole: str) -> tuple[tuple[int, int, _Single | _Full], ...]:
    """A run split where a headline joins names or a word ends a sentence, each piece read; a run
    with words glued together is read only up to the glue."""
    if (glue := _glued_at(whole)) is not None:
        whole = whole[:glue]
    pieces = _headline_pieces(whole, 0) if " " in whole and "headline_pieces" not in OFF else [(whole, 0)]
    if "." in whole:
        pieces = [piece for run, at in pieces for piece in _pieces(run, at)]
    out: list[tuple[int, int, _Single | _Full]] = []
    for run, at in pieces:
        read = _read_run(run)
        if read is not None:
            out.append((at, len(run), read))
    return tuple(out)


def _read_run(run: str) -> _Single | _Full | None:
    words = run.split()
    lead = 0
    while lead < len(words) and (
        words[lead].lower() in LEADERS
        or words[lead].endswith(AGE)
        or (opener(words[lead]) and (lead < len(words) - 1 or contracted(words[lead])))  # "Fleming" alone: a name
    ):
        lead += 1
    words = words[lead:]
    if len(words) < 2:
        if not words or words[0].lower().rstrip(".") in MONTHS_AND_DAYS or words[0].lower() in MONTHS_AND_DAYS:
            return None
        return (surname_key(words), ())
    titles, name = split_title(words)
    name = [drop_possessive(w) if i == len(name) - 1 else w for i, w in enumerate(name)]
    name = [w for w in name if w]
    if len(name) >= 2 and name[-1].lower() in WEEKDAYS:
        name = name[:-1]  # "posted on Twitter Tuesday": a day, no part of a name
    name = _from_first_name(name)
    if not name:
        return None
    genders = tuple(g for g in (HONORIFIC_GENDER.get(t.lower()) for t in titles) if g in ("male", "female"))
    if len(name) == 1:
        word = name[0]
        if titles and word[:1].isupper() and word.lower().rstrip(".") not in MONTHS_AND_DAYS and not is_thing(name):
            # "President Obama", "Mrs. Alder": a person, even if never named in full
            key = surname_key(name)
            return (word, key, key, " ".join(titles), (*genders, "titled"))
        return (surname_key(name), genders)
    if is_thing(name):
        return (" ".join(name), f"{name[0]} {name[-1]}".lower(), surname_key(name), "", ("thing",))
    first = name_gender(name)
    if first:
        genders = (*genders, FIRST_NAME + first)  # weaker evidence than a title or the article's own pronoun
    return (" ".join(name), f"{name[0]} {name[-1]}".lower(), surname_key(name), " ".join(titles), genders)


# an adverb ("Actually", "Reportedly", "Unfortunately") or a verb in -ing ("Taking", "Speaking") opening a
# sentence is no part of a name that follows it ("Taking Archie outside is ...")
_OPENER_ENDS = ("ally", "ately", "ously", "ntly", "edly", "ively", "ingly", "ing")


_CONTRACTED = frozenset(["he", "she", "we", "they", "i", "it", "you", "that", "there", "here", "what"])


def contracted(word: str) -> bool:
    """Whether a word is a pronoun contracted with its verb ("He’d read that ...", "We’re")."""
    if ("’" in word or "'" in word) and "opener" not in OFF:
        return word.replace("’", "'").split("'", 1)[0].lower() in _CONTRACTED
    return False


def opener(word: str) -> bool:
    """Whether a capitalised word is an adverb or an -ing verb that opens a sentence before a name
    ("Taking Archie", "Actually"), not a first name, or a contracted pronoun (alone, an -ing word may be
    a surname: "Fleming said")."""
    if contracted(word):
        return True
    return (
        len(word) >= 6
        and word.endswith(_OPENER_ENDS)
        and word[:1].isupper()
        and word[1:].islower()
        and "opener" not in OFF
        and first_name_gender(word) is None
    )


def _from_first_name(name: list[str]) -> list[str]:
    """A name starts at its first name when the words before it name no person:
    "Ukraine Kurt Volker" (a place), "NASA's Steve Clarke" (an owner),
    "Singer-guitarists Tom Johnston" (a description), "FBI Ann Lee" (an agency)."""
    if len(name) < 3 or name_gender(name):
        return name
    for k in range(1, len(name) - 1):
        if first_name_gender(name[k].split("-")[0]) and _names_no_person(name[:k]):
            return name[k:]
    return name


def _names_no_person(words: list[str]) -> bool:
    return is_thing(words) or any(
        (len(w) >= 2 and w.isupper())
        or w.endswith(("'s", "’s"))
        or ("-" in w and w.split("-", 1)[1][:1].islower())
        or _ABSTRACT.search(w) is not None  # "Public Prosecution", "Housing Department": no one's name
        for w in words
    )


_ABSTRACT = re.compile(r"\w{5}(?:tion|sion|ment|ship|ness|ity|ism|ology)s?$")


# the words after which a full stop ends no sentence: abbreviations and titles
NO_BREAK = words("mr mrs ms dr st sen rep gov gen lt col capt sgt prof rev jr sr u.s no vs")


# A word that joins the names of a title-case headline and is no part of a name:
# "Francois Hollande Says Donald Trump Doesn't ..." names two people, not one.
_HEADLINE_WORD = re.compile(
    r"\s+(?:Says|Said|Is|Was|Are|Were|Will|Would|Could|Can|Has|Have|Had|To|And|Or|Of|For|In|On|At|With|After"
    r"|Over|The|From|Into|About|Against|As|By|Not|But|Be|Gets|Calls|Wants|Slams|Blasts|Tells|Asks|Vs)(?=\s)"
)


def _headline_pieces(run: str, at: int) -> list[tuple[str, int]]:
    """A run of capitalised words split where a title-case headline joins names with a word of its sentence."""
    out: list[tuple[str, int]] = []
    start = 0
    for m in _HEADLINE_WORD.finditer(run):
        if m.start() > start:
            out.append((run[start : m.start()], at + start))
        start = m.end() + 1
    if start < len(run):
        out.append((run[start:], at + start))
    return out


_END_WORD = re.compile(r"(\S+)\.(?:\s+|$)")


def _pieces(run: str, at: int) -> list[tuple[str, int]]:
    """A run of capitalised words split where a word ends a sentence
    (``Robin Hale. Hale ran``); that word's full stop is no part of the name,
    an abbreviation's or initial's (``Sen.``, ``J.``) is."""
    out: list[tuple[str, int]] = []
    start = 0
    for e in _END_WORD.finditer(run):
        word = e.group(1)
        low = word.lower()
        if len(word) < 3 or low in NO_BREAK or low + "." in TITLE_WORDS or "." in word:
            continue
        out.append((run[start : e.end(1)], at + start))
        start = e.end()
    if start < len(run):
        out.append((run[start:], at + start))
    return out
