"""The shape of a line that may be a page's headline: title-like, a breadcrumb, a date, a sentence's stop.

``headline.py`` weighs the lines these tests let through against one another.
"""

from __future__ import annotations

import re

from radio.words.ingest.features import Block, is_button
from radio.words.ingest.rules import _DATE_DMY, _DATE_ISO, _DATE_MDY, _YEAR

MAX_WORDS = 30
MIN_WORDS = 3
BUTTON_WORDS = 8  # a button label with a count or a note in brackets ("Comments (12)") is this short

SITE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")
# where another line prints the headline as one of its parts: "Title | Site", a breadcrumb's last step
# ("Home » Travel » Title"), a share label ("Share options for: Title")
PARTS = re.compile(r"\s+(?:\||-|–|—|::|·|/|>)\s+|\s*[»›]\s*|:\s+")
_BREADCRUMB = re.compile(r"\s+>\s+")
_SLASH_STEPS = re.compile(r"\s+/\s+")
# "Site.com/Videos///Title": a link's path glued to the title, its steps single words
_PATH = re.compile(r"^(?:[^\W\d_][\w.-]*/+){2,}(?=\S)")
STEP_WORDS = 4  # each step of a breadcrumb before its last is a short section name


def breadcrumb_steps(text: str) -> list[str]:
    """The steps of "Home > News > Title", "Home / Essays / 2017 / Title" (three steps or more with slashes)
    or "Site.com/Videos/Title" (a path of two words or more before the title)."""
    steps = _BREADCRUMB.split(text)
    if len(steps) == 1 and (path := _PATH.match(text)):
        return [*path.group().strip("/").split("/"), text[path.end() :]]
    if len(steps) == 1:
        steps = _SLASH_STEPS.split(text)
        if len(steps) < 3 or any(len(step.split()) > STEP_WORDS for step in steps[:-1]):
            return [text]
    return steps


# a line opening with a date written in figures ("13/06/2014", "2014-06-13", "6.13.14")
_NUMERIC_DATE = re.compile(r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b")


_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_FIELD = re.compile(r"\w:\s")  # "Price: £20": a field's label and its value
FIELDS = 3  # a headline may hold a colon or two ("Review: ...", "Watch: ..."), not this many


# a sponsor's label ("... is supported by", its logo next), or the page telling the reader about the
# reader's own things ("You have no pending notifications", "You have 3 items in your basket", "No results found"),
# or a search box's prompt ("What are you looking for?", "What term do you want to search?")
_STATUS = re.compile(
    r"you have (?:no|\d+)(?: new| unread| pending| saved)? (?:notifications?|messages?|items?|alerts?)\b"
    r"|no (?:results|matches|items)(?: were)? found\b",
    re.I,
)
_SPONSOR = re.compile(r"\b(?:supported|presented|sponsored|powered|brought to you) by$", re.I)
_SEARCH_PROMPT = re.compile(r"\b(?:search|looking for)\b", re.I)
_YOU = re.compile(r"\byou\b", re.I)


def _status(text: str) -> bool:
    """The page's status, a sponsor's label or a search box's prompt (``_STATUS``, ``_SPONSOR``, ...)."""
    if _STATUS.match(text):
        return True
    if text.endswith(" by"):
        return _SPONSOR.search(text) is not None
    return text.endswith("?") and _YOU.search(text) is not None and _SEARCH_PROMPT.search(text) is not None


# a photo's credit: "Photo: Ann Lee/Courier", "Foto: Ann Lee [CC BY-SA 3.0], via Wikimedia Commons", "Image
# credit: ..." ("PHOTOS: Floods in Dalby", a gallery's headline, is none)
_CREDIT_LABEL = re.compile(r"(?:photo(?:graph)?|foto|image|picture|illustration)(?: credit)?\s*:\s*", re.I)
_CREDIT_MARK = re.compile(r"/|©|\bvia\b|\bcredit|\bcourtesy\b|\bCC\b|\bgetty\b|\bshutterstock\b", re.I)
CREDIT_NAME_WORDS = 4  # a name and an agency after the label


def _credit(text: str) -> bool:
    label = _CREDIT_LABEL.match(text)
    if label is None:
        return False
    rest = text[label.end() :]
    return len(rest.split()) <= CREDIT_NAME_WORDS or _CREDIT_MARK.search(rest) is not None


def title_like(block: Block, min_words: int = MIN_WORDS) -> bool:
    text = block.text
    if not min_words <= block.words <= MAX_WORDS or block.length > 250:
        return False
    if text.endswith((":", ",", ";")) or text.count("|") > 1 or any(c in text for c in "»›→←"):
        return False  # a label, a list of sections, a breadcrumb, a link to the next or previous page ("Next →")
    word = (text.lstrip("\"'“‘([").split(None, 1) or [""])[0]
    # a headline starts with a capital or a figure, or with a brand written "iOS", "eBay"
    brand = word[:1].islower() and any(c.isupper() for c in word[1:])
    if not (word[:1].isupper() or word[:1].isdigit() or brand):
        return False
    if is_button(text) and (
        block.words <= 5 or ("(" in text and block.words <= BUTTON_WORDS) or "opens in" in text.lower()
    ):
        return False  # "Write a comment", "Add to Pocket", "Give a Gift": a button, not a headline
    if _NUMERIC_DATE.match(text):
        return False  # "13/06/2014 Ann Lee Books, Reviews": a post's date, author and tags, not its title
    if _EMPTY_BRACKETS.search(text):
        return False  # "Family History Conference ( )": a link or a count inside the brackets was dropped, a widget's
    if len(_FIELD.findall(text)) >= FIELDS:
        return False  # "Tested by: Ann Lee Price: £20 More info: …": a box of facts, label after label
    if _status(text) or _credit(text):
        return False  # "Photo: Ann Lee/Courier", "Our series is supported by", "You have no new notifications"
    if word.lower().strip(",") == "please":
        return False  # "Please enter a search term", "Please log in to comment": the page asking the reader
    # a kicker or a menu in capitals ("BREAKING NEWS", "WORLD POLITICS SPORT") is not a headline
    return not (block.words <= 4 and shouting(text))


def shouting(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return letters > 0 and sum(map(str.isupper, text)) / letters > 0.8


# "VIDEO: Voting on the estate's future": a headline tagged with its format (dropped as a teaser elsewhere)
FORMAT_TAG = re.compile(r"^(?:VIDEO|WATCH|LIVE|PODCAST|LISTEN|PHOTOS):\s+\S+(?:\s+\S+){3}")
INNER_SENTENCE = re.compile(r"\w[.!?][\"”’]?\s+[A-Z]")


# a line ending with an abbreviation ("... Underneath N.Y.C.", "... Smith Jr.") has no full stop of a sentence
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:[A-Z]|Jr|Sr|Inc|Co|Ltd|St|Dr|Mr|Mrs|Ms|Bros|vs)\.)$")


def full_stop(text: str) -> bool:
    """The line ends with a sentence's full stop (not "..." nor an abbreviation's)."""
    return text.endswith(".") and not text.endswith("..") and not _ABBREVIATION_END.search(text)


def abbreviated(text: str) -> bool:
    """The line ends with an abbreviation's full stop ("... in Washington, D.C."): a title may, a sentence too."""
    return text.endswith(".") and _ABBREVIATION_END.search(text) is not None


def title_case(text: str) -> bool:
    """Most words of four letters or more start with a capital ("So Do We", not "so do we")."""
    long_words = [w for w in text.split() if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.7 * len(long_words)


def quoted(text: str) -> bool:
    return text[:1] in "\"“‘'" and text[-1:] in "\"”’'"


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:on|at|posted|published|updated)\b", re.I)


def date_only(text: str) -> bool:
    """The line says a date and nothing more ("Monday, December 22, 2014", "22 Dec 2014 at 10:05 AM")."""
    if not _YEAR.search(text):
        return False
    text = _YEAR_THEN_TIME.sub(r"\1 ", text)  # "Nov 15, 20195:45 AM": the copy glued the year to the time
    rest = _WEEKDAY.sub(" ", _DATE_ISO.sub(" ", _DATE_DMY.sub(" ", _DATE_MDY.sub(" ", text))))
    return rest != text and not re.search(r"[^\W\d_]{2,}", _TIME.sub(" ", rest))


_YEAR_THEN_TIME = re.compile(r"((?:19|20)\d\d)(?=\d{1,2}:\d\d)")
# a time of day and its zone: "5:45 AM", "10.05pm", "11:26 pm EST"
_TIME = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4}\b)?")


# a title written in capitals does not end with one of these in lower case: a logo or a link that followed
# it in the page was dropped ("Roasted Chicken with Rice with", a brand's logo after "with")
_DANGLING = frozenset(("with", "and", "of", "the", "a", "an", "or", "for", "from"))


def dangling_word_dropped(text: str) -> str:
    """The headline without a lower-case last word that cannot end a title after a capitalised one.

    "What to cook it with" ends a sentence well; "Roast Leeks with Barley with" had a logo after it.
    """
    head, _, last = text.rpartition(" ")
    before = head.rsplit(" ", 1)[-1]
    if last in _DANGLING and len(head.split()) >= 2 and (before[:1].isupper() or before[:1].isdigit()):
        return head.rstrip(" ,–—-:")
    return text


# "Example 4: ...", "Step 2 – ...", "3. ...": an item of a numbered list (a contents list, a recipe's steps)
_NUMBERED = re.compile(r"^(?:([^\W\d_]+)\s+)?(\d{1,3})\s*[:.)–—-]\s")


def numbered_item(blocks: list[Block], index: int) -> bool:
    """Block ``index`` and a block next to it open with the same label and different numbers ("Example 4:" over
    "Example 5:"): items of a numbered list, not a headline."""
    own = _NUMBERED.match(blocks[index].text)
    if own is None:
        return False
    label = (own.group(1) or "").lower()
    for j in (index - 2, index - 1, index + 1, index + 2):
        other = _NUMBERED.match(blocks[j].text) if 0 <= j < len(blocks) else None
        if other is not None and (other.group(1) or "").lower() == label and other.group(2) != own.group(2):
            return True
    return False
