"""The blocks of a page copied as text and what each says about itself.

A block is one line of the input, or a paragraph hard-wrapped over several
lines. Its shape features (length, words, share of stopwords, whether it ends
like a sentence) feed the story finder; ``line_label`` gives the class a
block earns on its face (a byline, a date stamp, a photo credit, a prompt,
the copyright line), whatever its neighbours are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radio.words.ingest.rules import (
    _SENTENCE_END,
    EMAIL_RE,
    URL_RE,
    _boilerplate,
    _copyright,
    _credit,
    _plain_fold,
    byline_name,
    ends_sentence,
    is_call_to_action,
    parse_date,
    stamp_date,
)


@dataclass(frozen=True)
class Block:
    """One block of the input with its shape features."""

    number: int  # 1-based input line where it starts
    text: str  # whitespace collapsed
    length: int  # characters
    words: int
    density: float  # share of its words in the stop list
    sentence: bool  # ends like a sentence (full stop, question mark, closing quote...)
    stamp: str | None = None  # the date of an "Updated ..." stamp
    byline: str | None = None  # the name of a "By ..." line
    is_stamp: bool = False  # an "Updated ..." stamp, with or without a date
    spaced: bool = True  # set apart by blank lines (a browser's copy spaces paragraphs, not menu items)


_EDGE = "\"'“”‘’()[]«».,;:!?—–-…*•|"


def make_blocks(text: str, stops: frozenset[str]) -> list[Block]:
    """Split ``text`` into blocks, joining hard-wrapped prose within a paragraph."""
    rows: list[tuple[int, str, bool]] = []
    group: list[tuple[int, str]] = []
    for number, line in enumerate([*_LINE_BREAK.split(text), ""], start=1):
        if line.strip():
            group.append((number, line.strip()))
            continue
        if len(group) > 1 and _looks_wrapped([r for _, r in group]):
            rows.append((group[0][0], " ".join(r for _, r in group), True))
        else:
            rows.extend((n, r, len(group) == 1) for n, r in group)
        group = []
    cleaned = [(n, " ".join(_visible(line).split()), spaced) for n, line, spaced in rows]
    return [_block(n, line, stops, spaced) for n, line, spaced in cleaned if line]


# invisible characters a page's copy carries (zero-width space, word joiner, invisible
# separators, byte-order mark, soft hyphen): they would hide a full stop at a line's end
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"))
_ANY_INVISIBLE = re.compile("[\u200b\u2060-\u2064\ufeff\u00ad]")


def _visible(line: str) -> str:
    """The line without invisible characters (searched for first: translating every line is slow)."""
    return line.translate(_INVISIBLE) if _ANY_INVISIBLE.search(line) else line


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as an editor numbers the lines


def _looks_wrapped(rows: list[str]) -> bool:
    """Rows of one paragraph hard-wrapped at a fixed width (not a page's blocks one per line).

    Wrapped rows (all but the last) are of about the same length, no longer
    than a text width, and most break inside a sentence, which goes on in
    lower case on the next row; a page's blocks each start with a capital.
    """
    inner = rows[:-1]
    lengths = [len(r) for r in inner]
    if min(lengths) < 40 or max(lengths) > 110 or max(lengths) - min(lengths) > 35:
        return False
    open_rows = sum(1 for r in inner if not _SENTENCE_END.search(r))
    going_on = sum(1 for r in rows[1:] if r[:1].islower())  # a wrapped sentence goes on in lower case
    return open_rows >= 0.5 * len(inner) and going_on >= 0.5 * len(inner)


def _block(number: int, text: str, stops: frozenset[str], spaced: bool = True) -> Block:
    low = text.lower()
    tokens = low.split()
    count = sum(map(stops.__contains__, [t.strip(_EDGE) for t in tokens]))
    short = len(text) <= 120
    # every stamp opens with one of _STAMP_WORDS; every byline opens with "by", has a label's ":" or a comma
    stamp = stamp_date(text) if short and low.startswith(_STAMP_WORDS) else False
    maybe_byline = short and (low[:2] == "by" or ":" in low or "," in low)
    byline = (byline_name(text) or _glued_byline(text)) if maybe_byline else None
    if short and byline is None and low.startswith(("words by", "written by", "reporting by")):
        byline = byline_name(text)
    return Block(
        number=number,
        text=text,
        length=len(text),
        words=len(tokens),
        density=count / len(tokens) if tokens else 0.0,
        # a label ("Follow us:") is no sentence; a sentence that opens a quote or a list is
        sentence=ends_sentence(text) and (not text.endswith(":") or len(tokens) >= 6),
        stamp=stamp if isinstance(stamp, str) else None,
        is_stamp=stamp is not False,
        byline=byline,
        spaced=spaced,
    )


_STAMP_WORDS = ("updated", "published", "posted", "last updated", "first published", "modified")


# "ByJ.R. Stone" (the space lost in the copy), "By Ann Lee, Bo Li, 7 News", "By Ann Lee for Coast News",
# "Author: Ann Lee"
_LOOSE_BYLINE = re.compile(
    r"^(?:By:?\s*|by:?\s+|(?i:author|written by|words|reporter)s?:\s*)"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,4})"
    r"(?:\s*[,|/].{0,80}|\s+for\s+[A-Z].{0,60}|\s+\d.{0,80})?$"  # then an outlet, a role, or the date
)
# "Tom Lee, AP Auto Writer", "Ann Lee and Bo Li, Associated Press", "Jo Doe, Staff Reporter": a wire byline, the
# name and then the writer's role or agency, without "By"
_WIRE_BYLINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}(?:\s+(?:and|&)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})?)"
    r",\s+(?:[A-Z][\w.&'’-]*\s+){0,4}(?i:writer|reporter|correspondent|editor|columnist|contributor|staff"
    r"|associated press|press association|reuters|agence france-presse|afp|bloomberg news)$"
)


# "Sarah Lee, Staff Attorney, Racial Justice Program": an author's name and role, every word a capital
_AUTHOR_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}),\s+"
    r"[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z&][\w.'’-]*|of|and|for|the|at|on))*$"
)


def any_byline(text: str) -> str | None:
    """The name in a line that says it is a byline ("By Ann Lee", "by Ann Lee Monday, May 4", "Author: Ann
    Lee"), or None; the shapes without such a word ("Ann Lee, AP Writer") are left to the plain-text reader,
    which sees where a line sits."""
    return byline_name(text) or _glued_byline(text, said=True)


def _glued_byline(text: str, said: bool = False) -> str | None:
    """A byline in a looser form than ``byline_name`` takes; with ``said``, only a form that says it is one."""
    if len(text) > 120 or text.endswith("."):
        return None
    match = _LOOSE_BYLINE.match(text)
    if match is None and not said:
        match = _AUTHOR_ROLE.match(text) if text.count(",") >= 2 else None
        if match is None and "," in text:
            match = _WIRE_BYLINE.match(text)
    return match.group("name") if match else None


# Verbs that open the labels of buttons and links ("Write a comment", "Add to Pocket", "Give a Gift").
_PUNCT = "\"'“”‘’()[].,;:!?"
# Verbs that open the labels of buttons and links; a short line opening with one is page furniture.
UI_VERBS = frozenset(
    (
        "add",
        "apply",
        "back",
        "buy",
        "call",
        "change",
        "click",
        "close",
        "comment",
        "connect",
        "contact",
        "continue",
        "copy",
        "create",
        "discover",
        "download",
        "edit",
        "email",
        "explore",
        "find",
        "follow",
        "get",
        "give",
        "go",
        "join",
        "jump",
        "learn",
        "leave",
        "listen",
        "load",
        "log",
        "login",
        "manage",
        "open",
        "order",
        "play",
        "post",
        "print",
        "read",
        "register",
        "reply",
        "report",
        "return",
        "save",
        "search",
        "see",
        "send",
        "share",
        "shop",
        "show",
        "sign",
        "skip",
        "sort",
        "start",
        "submit",
        "subscribe",
        "support",
        "switch",
        "tap",
        "toggle",
        "try",
        "view",
        "visit",
        "watch",
        "write",
    )
)


def is_button(text: str) -> bool:
    """The line opens with a verb of a button or link label."""
    head = text.split(None, 1)
    return bool(head) and head[0].lower().strip(_PUNCT) in UI_VERBS


def _button_line(block: Block, low: str) -> bool:
    """A button or link label: short and opening with its verb, or saying where it opens."""
    if not is_button(block.text):
        return False
    return block.words <= 6 or (block.words <= 12 and ("opens in" in low or low.startswith(("click", "tap"))))


# a photo credit: "Jory Trelawny/Valley Public Radio", "Ann Lee / Coastal Agency"
_NAME_SLASH_AGENCY = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,5}$"
)


# a newsletter, subscription or cookie prompt: what it is about, and what it asks the reader to do
_PROMPT_TOPIC = re.compile(
    r"\b(?:e-?mail|inbox(?:es)?|newsletters?|(?:un)?subscri\w+|cookies|comment(?:s|ers?|ing)?)\b"
)
_PROMPT_ASK = re.compile(
    r"\b(?:sign(?:ing)? up|subscribe|free|enter your|to receive|delivered|your inbox|gift|never miss|don't miss"
    r"|accept|you agree|consent|your (?:preferences|settings|experience|browser)|(?:your|their) inbox(?:es)?"
    r"|join (?:the|our)|want more|i agree|send me|we(?:'ll| will)? send|no spam|at any time"
    r"|please be (?:respectful|civil|kind)|(?:community|commenting) (?:guidelines|standards|rules))\b"
)


def _could_prompt(low: str) -> bool:
    """Every _PROMPT_TOPIC match holds one of these."""
    return any(word in low for word in _PROMPT_WORDS)


_PROMPT_WORDS = ("mail", "inbox", "newsletter", "subscri", "cookies", "comment")


_QUOTED = re.compile(r"[\"“”]|\bsaid\b")

# the page asking its reader for support or a tip: "Support local journalism", "Please consider a donation",
# "Have a tip? Send it to ..." (an invitation to comment is left alone: a writer may end a story with one)
_APPEAL = re.compile(
    r"(?:^|[.!?]\s+)(?:please\s+)?(?:support (?:us|our \w+"
    r"|(?:local|independent|quality|public|trusted) (?:journalism|news|reporting|radio))"
    r"|donate|subscribe|become a (?:member|subscriber|supporter)"
    r"|make a (?:donation|contribution))\b"  # an imperative opening a sentence
    r"|\bplease consider\b|\bconsider (?:supporting|subscribing to|donating to) (?:us|our)\b"
    r"|\b(?:have|got) a (?:news )?tip\?|\bsend (?:us )?(?:your|a) (?:news )?tips?\b",
    re.I,
)
# a form's legal notice: "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms ... apply"
_LEGAL = re.compile(
    r"\bprivacy (?:policy|notice)\b.{0,80}\bterms of (?:service|use)\b|\bprotected by recaptcha\b", re.I
)
APPEAL_CHARS = 250  # an appeal or a notice is short


def _could_appeal(low: str) -> bool:
    """Every _APPEAL or _LEGAL match holds one of these (lower case)."""
    return (
        "tip" in low
        or "support" in low
        or "consider" in low
        or "subscri" in low
        or "donat" in low
        or "become a" in low
        or "make a" in low
        or "privacy" in low
        or "recaptcha" in low
    )


def _appeal(text: str, low: str) -> bool:
    """An appeal for support or tips, or a form's legal notice (``_APPEAL``, ``_LEGAL``)."""
    if not _could_appeal(low) and _plain_fold(text):  # checked only where lower() folds as re.I does
        return False
    return bool(_APPEAL.search(text) or _LEGAL.search(text))


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I)
_AGO = re.compile(r"^(?:\d+|an?|one)\s+(?:sec|second|min|minute|hour|day|week|month|year)s?\s+ago$", re.I)
_READ_TIME = re.compile(
    r"\b\d+\s*(?:-|\s)?\s*min(?:ute)?s?\s+(?:read|listen|watch)$|^(?:estimated\s+)?(?:reading|read)\s+time\W+\d", re.I
)
# "Image 3 of 12", "Slide 2/9", "1 of 5": a gallery's or a carousel's counter
_COUNTER = re.compile(r"^(?:(?:image|photo|picture|slide|item|page)s?\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.I)
# "Tags: Ferries, Strikes", "Filed under: Politics, Housing", "Posted in News | Tagged ferries": the page's index
# terms, a label and then a list of names, no sentence
_INDEX_LABEL = re.compile(
    r"^(?:(?:tags?|topics?|categor(?:y|ies)|keywords?)\s*:|(?:tagged(?:\s+with)?|filed\s+under|posted\s+in)\b)", re.I
)
INDEX_WORDS = 25


def _index_terms(block: Block) -> bool:
    """A row of the page's tags or categories: the label, then a list (commas, bars or one name), no sentence end."""
    if block.text[:1] not in _INDEX_FIRST or block.words > INDEX_WORDS or block.text.endswith("."):
        return False
    if not _INDEX_LABEL.match(block.text):
        return False
    rest = _INDEX_LABEL.sub("", block.text, count=1).lstrip(" :")
    items = [item for item in _INDEX_SEPARATOR.split(rest) if item]
    return bool(items) and all(len(item.split()) <= INDEX_ITEM_WORDS for item in items)


_INDEX_FIRST = frozenset("TtCcKkFfPp")  # the first letters of _INDEX_LABEL's words
_INDEX_SEPARATOR = re.compile(r"\s*[,|•·]\s*")
INDEX_ITEM_WORDS = 4  # a tag or a category is a name of a few words


def is_clock(text: str) -> bool:
    """A time of day on its own ("09:41", "10.15 am BST"): a live blog's entry stamp, or a player's time."""
    return len(text) <= 16 and bool(_CLOCK.match(text))


_TRAILING_ASIDE = re.compile(r"\s*\([^()]{1,40}\)$")


def _open_ended(block: Block) -> bool:
    """No sentence end, once a short aside in brackets at its end is set apart ("Share on X (opens in new window)")."""
    if not block.sentence:
        return True
    return block.text.endswith(")") and not _SENTENCE_END.search(_TRAILING_ASIDE.sub("", block.text))


# a photo caption: a person named, then what they are doing, with no full stop ("Ann Lee, speaking at a rally")
_CAPTION = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3},\s+(?:(?:left|right|centre|center),\s+)?[a-z]+ing\b")


# a photo's caption that ends with its credit in brackets: "... on Monday. (AP Photo/Ann Lee)", "(AP Photo)",
# "(Ann Lee/Courier)", "(Photo: Ann Lee)", "(Courtesy of the family)"; a paragraph ends with its full stop, not
# with such a bracket
_CAPTION_CREDIT = re.compile(
    r"\(\s*(?:(?:[A-Z]{2,6}\s+)?(?:photo|image|picture|photograph|illustration|credit)s?(?:(?:\s+by)?\s*[:/]?\s*[^()]{2,60})?"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co\.uk|io)"
    r"|courtesy(?:\s+of)?\s+[^()]{2,60}"
    r"|(?-i:[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*(?:[A-Z]|[a-z][A-Z])[\w.&'’-]*(?:\s+[\w.&'’-]+){0,4}))\)$",
    re.I,
)
CAPTION_WORDS = 60  # a caption is at most this long
# a word of capitalised parts run together, two of them the verbs of buttons ("FlagShareLikeReplyAnn",
# "FollowSharePost"): button labels that lost their spaces in the copy; a brand or a program's name
# ("PlayStation", "StaticLiveServerTestCase") is no row of buttons
_GLUED_HINT = re.compile(r"[a-z][A-Z]")
_GLUED = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_PART = re.compile(r"[A-Z][a-z]+")


def _glued_buttons(text: str) -> bool:
    return any(sum(part.lower() in UI_VERBS for part in _PART.findall(word)) >= 2 for word in _GLUED.findall(text))


# a label before a caption: where the photo is ("Above: The new ferry at the quay.", "Pictured: ..."), or a screen
# reader's label glued to it ("Image captionThe mayor ...", "Media caption Who is ...")
_CAPTION_LEAD = re.compile(
    r"(?i:above|top|below|pictured|inset|main (?:image|picture|photo))\s*:\s+[A-Z\"“‘]"
    r"|(?i:image|media|photo|video)\s?(?i:caption|copyright|source)(?=[A-Z\s:]|$)"
)
_CAPTION_LEAD_FIRST = frozenset("atbpimv")  # the first letters of _CAPTION_LEAD's words
# "(Reporting by Ann Lee; Editing by Bo Li)", "Additional reporting by ...": the wire's credits for the story
_WIRE_CREDIT = re.compile(
    r"\(?(?i:additional |further )?(?i:reporting|writing|editing|compiled|research|translation)\s+by\s+[A-Z]"
)
WIRE_CREDIT_CHARS = 400


# the source of a chart or a table, alone or after its maker: "Source: Census Bureau", "By The Daily | Sources: ..."
_CHART_SOURCE = re.compile(r"(?:^|[|;•·]\s*|\s[–—-]\s*)(?:Data )?Sources?\s?:\s*\S")
CHART_SOURCE_WORDS = 20


def caption_with_credit(block: Block) -> bool:
    """A photo caption ending with its credit in brackets (``_CAPTION_CREDIT``)."""
    return block.words <= CAPTION_WORDS and block.text.endswith(")") and bool(_CAPTION_CREDIT.search(block.text))


def line_label(block: Block) -> str | None:
    """The class a block earns by itself (None: its shape and neighbours decide)."""
    text = block.text
    low = text.lower()
    if _copyright(text, low):
        return "copyright"
    if block.is_stamp:
        return "date"
    if block.words <= CHART_SOURCE_WORDS and "ource" in text and _CHART_SOURCE.search(text):
        return "credit"  # a graphic's credit, even when it opens with "By": no byline of the story
    if block.byline:
        return "byline"
    if block.length < 100 and (_credit(text, low) or ("/" in text and _NAME_SLASH_AGENCY.match(text))):
        return "credit"
    if _boilerplate(text, low) or is_call_to_action(text) or (_open_ended(block) and _button_line(block, low)):
        return "boilerplate"
    if (
        block.length < 300
        and _could_prompt(low)
        and _PROMPT_TOPIC.search(low)
        and _PROMPT_ASK.search(low)
        and not _QUOTED.search(text)
    ):
        return "boilerplate"  # a newsletter, subscription or cookie prompt
    if block.length < APPEAL_CHARS and _appeal(text, low) and not _QUOTED.search(text):
        return "boilerplate"  # an appeal for support or tips; a form's legal notice
    if block.length <= 24 and _COUNTER.match(text):
        return "boilerplate"  # a gallery's counter
    if _index_terms(block):
        return "boilerplate"  # the page's tags or categories
    if block.words <= 10 and (
        _CLOCK.match(text) or _AGO.match(text) or _READ_TIME.search(text) or (parse_date(text) and not block.sentence)
    ):
        return "date"
    if (not block.sentence and block.words <= 20 and _CAPTION.match(text)) or caption_with_credit(block):
        return "caption"
    if block.words <= CAPTION_WORDS and low[:1] in _CAPTION_LEAD_FIRST and _CAPTION_LEAD.match(text):
        return "caption"
    if _GLUED_HINT.search(text) and _glued_buttons(text):
        return "boilerplate"  # "FlagShareLikeReply": the labels of buttons copied without spaces
    if block.length < WIRE_CREDIT_CHARS and low[:1] in "(afwecrt" and _WIRE_CREDIT.match(text):
        return "credit"
    could_link = "://" in low or "www." in low or "@" in low  # every URL_RE or EMAIL_RE match holds one
    if could_link and not URL_RE.sub("", EMAIL_RE.sub("", text)).strip(_EDGE):
        return "link"
    return None
