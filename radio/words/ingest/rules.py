"""Line rules for article text: what a line is (chrome, credit, byline, stamp,
copyright, biography, dateline) judged from the line alone, plus dates,
links and headline helpers shared by every format.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\d\d\d\d")  # (spelt out: a leading class lets the engine skip to digits)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Cheap necessary conditions for the date patterns above (each starts with a
# digit, so the regex engine skips quickly to candidates): every _DATE_MDY match
# ends "D,? YYYY" (day digit, optional comma, whitespace, year); every _DATE_DMY
# match is "D <month>.? YYYY" with a month name of 3 to 9 word characters
# (case folding keeps it one \w per letter); every _DATE_ISO match holds "D-DD-D".
_HINT_MDY = re.compile(r"\d,?\s+\d{4}\b")
_HINT_DMY = re.compile(r"\d\s+\w{3,9}\.?\s+\d{4}\b")
_HINT_ISO = re.compile(r"\d-\d\d-\d")

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]]", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

_STAMP = re.compile(r"^(?:updated|published|posted|last updated|first published|modified)\b[:\s].*\d", re.I)
_BYLINE = re.compile(
    r"^(?i:by|words by|written by|reporting by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})\s*$"
)
_PLAYER = re.compile(
    r"^(?:(?:listen|play|pause|duration)\b[\s·:•|-]*)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$",
    re.I,
)
_CHROME_WORDS = {
    "skip to main content",
    "skip to content",
    "skip navigation",
    "menu",
    "search",
    "home",
    "sign in",
    "log in",
    "sign up",
    "subscribe",
    "donate",
    "listen live",
    "listen",
    "play",
    "pause",
    "share",
    "tweet",
    "email",
    "print",
    "save",
    "comments",
    "hide caption",
    "toggle caption",
    "show caption",
    "enlarge this image",
    "open navigation menu",
    "close navigation menu",
    "advertisement",
    "sponsored",
    "sponsored content",
    "ad",
    "watch live",
    "live tv",
    "newsletters",
    "more",
    "close",
    "next",
    "previous",
}
# Photo credits. Each pattern runs only when a cheap substring test says it
# could match, and the end-anchored ones only on the line's tail: most lines
# are long paragraphs that are no credit at all.
_CREDIT_START = re.compile(
    r"[(\[]?via\s+\w+.{0,60}$|[(\[]?(?:photo|photograph|image|credit|picture|illustration)s?\s*(?:by|:|credit)"
    r"|\(?(?:ap|afp|reuters)\s+photo",
    re.I,
)
_CREDIT_VIA = re.compile(r"\bvia\s+(?:getty|ap|afp|reuters|shutterstock|alamy)\b", re.I)
_CREDIT_TAIL = re.compile(
    r"\b(?:photo(?:graph)?|image|picture)s?(?: credit)?\s*(?:by\b|:)\s*"
    r"(?:(?-i:[A-Z0-9@(\[])|courtesy\b)[^.:]{1,59}[)\]]?$"
    r"|\.\s+(?:by|photo by)\s+(?-i:[A-Z][A-Z.'’&/ -]{3,60})$"  # the name in capitals
    r"|/\s*(?:ap|afp|reuters|getty images)\s*$",
    re.I,
)
_CREDIT_TAIL_CHARS = 110  # the longest tail _CREDIT_TAIL can match


def is_credit(line: str) -> bool:
    """True for a photo credit ("Name / Agency via Getty Images", "Photo: ...")."""
    return _credit(line, line.lower())


def _credit(line: str, low: str) -> bool:
    """``is_credit`` with ``line.lower()`` already at hand."""
    if "getty images" in low or _CREDIT_START.match(line):
        return True
    if "via" in low and _CREDIT_VIA.search(line):
        return True
    if "photo" in low or "image" in low or "picture" in low or "by" in low or "/" in low:
        return bool(_CREDIT_TAIL.search(line[-_CREDIT_TAIL_CHARS:]))
    return False


# the heading of a box of links or an advertisement ("Related", "Most read", "Advertisement"): chrome when
# the heading stands alone, a label ("Related: ...") or opens a line with no sentence end; a sentence that
# opens with the same words ("Related research found ...", "Subscribers rose ...") is story
_HEADING_LINE = re.compile(
    r"^(?:advertisement|related|read more|read also|see also|see more|more from|recommended|also read|more on this|"
    r"most read|most popular|more stories|top stories|you (?:may|might) also like|read next|editor'?s picks)"
    r"(?![^\W\d_])(?P<rest>\s*[:|]?)",
    re.I,
)
_DROP_LINE = re.compile(
    r"^(?:sign up|subscribe|follow us|follow (?:him|her|them)|share (?:this|on)|"
    r"click here|listen to this|download the|get the .* newsletter|this article was|"
    r"watch:|video:|podcast:|"
    r"continue reading|keep reading|story continues|article continues|"
    r"leave a (?:comment|reply)|\d+\s+comments?\b|comments?\s*\(\d+\)|join the conversation|"
    r"image (?:source|caption|copyright)|caption:|credit:|photo:|"
    r"(?:enter|type) your e-?mail|(?:sign up|subscribe) (?:for|to) (?:our|the)\b|"
    r"this (?:post|article|story|page) (?:contains|may contain|includes) (?:affiliate|references"
    r"|links|sponsored)|we may (?:earn|receive) (?:a )?(?:small )?commission|"
    r"to (?:view|read|continue reading) the (?:full|whole|rest of the) (?:story|article)|"
    r"if you(?:'|’)re (?:already )?a subscriber)(?![^\W\d_])",
    re.I,
)


def _heading_line(line: str) -> bool:
    """A box's heading: alone, as a label, or opening a line that does not end like a sentence."""
    match = _HEADING_LINE.match(line)
    if not match:
        return False
    rest = line[match.end() :]
    return not rest.strip() or bool(match.group("rest").strip()) or not _SENTENCE_END.search(line)


_SOCIAL = re.compile(
    r"^(?:you can\s+)?(?:follow|like)\s+(?:us|me|him|her|them|[A-Z][\w.@]*(?:\s+[A-Z][\w.]*)?)"
    r"\s+on\s+(?:twitter|facebook|instagram|linkedin|tiktok|youtube|threads|mastodon|bluesky)\b"
    r"|\bnewsletters?\b.{0,60}\b(?:sign(?:ing)? up|subscrib\w*|inbox)\b"
    r"|\b(?:sign(?:ing)? up|subscrib\w*)\b.{0,60}\bnewsletters?\b"
    r"|\bdownload (?:the|our)\b.{0,60}\bapps?\b|\bletters? to the editor\b"
    r"|\balready a subscriber\b|\bplease (?:subscribe|log in|sign in)\b"
    r"|\b(?:sign up|subscribe|register|click|tap)(?: now)? here[.!]?$",
    re.I,
)
# affiliate and sponsorship disclosures, however long
_DISCLOSURE = re.compile(
    r"\bwe may (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation)\b"
    r"|\badvertisers do not influence\b",
    re.I,
)
# "Release Date:", "Filed Under:": a label whose value was left out
_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z&][\w'’-]*){0,2}:$")
# a teaser cut short and signed by its source: "... he was called one of the … Wikipedia"
_TEASER = re.compile(r"(?:…|\.\.\.)\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}$")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}|:|by\b|$))|^.{0,120}\b(?:all|some) rights reserved\b", re.I
)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w&-]+\s+){0,4}(?i:reporter|correspondent|editor|writer|journalist|columnist|producer"
    r"|contributor|founder|professor|lecturer|author|consultant|fellow|researcher)\b"
    r"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+covers\s",
)
# "CITY, State (AP) —", "LONDON, Oct 4 (Reuters) -", "NEW YORK, Sept. 30, 2016 (AP) —"; a place in title
# case only with an agency after it ("Flint, Mich., Oct. 4 (UPI) --"), which no sentence opens with
_DL_STATE = r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
_DL_DATE = rf"(?:,\s+{_MONTH_RE}\s+\d{{1,2}}(?:,\s+\d{{4}})?)"
_DL_AGENCY = r"\((?:AP|Reuters|AFP|[A-Z][\w ]+)\)"
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*{_DL_STATE}?){_DL_DATE}?(?:\s+{_DL_AGENCY})?"
    rf"|[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}{_DL_STATE}?{_DL_DATE}?\s+{_DL_AGENCY})"
    r"\s*(?:—|–|--|-)\s+"
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
_SENTENCE_CHARS = frozenset('.!?…:;"”’)]')  # _SENTENCE_END's characters


def ends_sentence(line: str) -> bool:
    """``_SENTENCE_END.search`` for a line without a line break, without scanning the whole line."""
    return line[-1:] in _SENTENCE_CHARS


_WORD_CHAR = re.compile(r"\w")
_BLANK_LINE = re.compile(r"\n\s*\n")


def parse_date(text: str) -> str | None:
    """Return the first date in ``text`` as YYYY-MM-DD, or None."""
    if not _YEAR.search(text):
        return None  # every form below has a four-digit year
    for pattern, hint, order in (
        (_DATE_MDY, _HINT_MDY, "mdy"),
        (_DATE_DMY, _HINT_DMY, "dmy"),
        (_DATE_ISO, _HINT_ISO, "ymd"),
    ):
        match = pattern.search(text) if hint.search(text) else None
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if order == "mdy":
                value = date(int(c), MONTHS[a.lower().rstrip(".")], int(b))
            elif order == "dmy":
                value = date(int(c), MONTHS[b.lower().rstrip(".")], int(a))
            else:
                value = date(int(a), int(b), int(c))
        except (ValueError, KeyError):
            continue
        return value.isoformat()
    return None


def strip_links(text: str) -> str:
    """Remove URLs and e-mail addresses; tidy the space they leave."""
    if not ("@" in text or "://" in text or "www." in text.lower()):
        return text.strip()
    text = URL_RE.sub("\x00", text)
    text = EMAIL_RE.sub("\x00", text)
    # "write to us at <address>": the little word before the address goes too
    text = re.sub(r"\b(?:at|to|via|visit|see|e-?mail|on)\s+\x00", "\x00", text, flags=re.I)
    text = text.replace("\x00", "")
    text = re.sub(r"\(\s*\)|\[\s*\]|<\s*>", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]\s*([.!?])", r"\1", text)
    return text.strip()


# a link's hover card copied into the sentence: a name of two words or more glued to a copy of itself ("PyPy",
# "DuckDuckGo" are one word), the card's text, then its link label in capitals
# ("Rep. Ann LeeAnn LeeRelated: Budget talks stall | Vote set MORE (D-Ore.) said ...")
_HOVER_CARD = re.compile(
    r"(?<![\w.'’-])(?P<name>[A-Z][\w'’-]*[a-z](?: (?:[A-Z]\.|[A-Z][\w'’-]*[a-z])){1,3}(?<=[a-z]))(?P=name)"
    r"(?:[A-Z][^\n]{0,400}?\s(?:[A-Z]{2,}\s)*[A-Z]{3,}\b(?![\w.'’-]))?"
)


def strip_hover_cards(text: str) -> str:
    """A name whose link's hover card was copied into the sentence, read once and without the card.

    The name runs into a copy of itself with no space between (the card's
    title), the card's text runs on from it, again glued, and its link label
    in capitals ends it; otherwise only the copy goes.
    """
    if not _GLUED_CAPITAL.search(text):
        return text
    return _HOVER_CARD.sub(lambda m: m["name"], text)


_GLUED_CAPITAL = re.compile(r"[a-z][A-Z]")


# Characters that re.IGNORECASE equates with an ASCII letter although str.lower()
# does not turn them into it (İ lowers to two characters; ı and ſ stay as they
# are but match "i" and "s"). Substring pre-checks on ``line.lower()`` for an
# ignore-case pattern are only sound for a line without them.
def _plain_fold(line: str) -> bool:
    """True if a lower-case substring test may stand in for a re.I literal in ``line``."""
    return "\u0130" not in line and "\u0131" not in line and "\u017f" not in line


def _is_chrome(line: str, low: str) -> bool:
    low = low.strip(" .:·•|>»")
    return (
        low in _CHROME_WORDS
        or (":" in line and bool(_PLAYER.match(line)))  # every _PLAYER match holds "D:DD"
        or line in {"/", "|", "•", "·", "-", "—"}
        or bool(_DROP_LINE.match(line))
        or _heading_line(line)
        or (len(line) < 3 and not line.isdigit())
    )


def is_boilerplate(line: str) -> bool:
    """True for a line no listener should hear: chrome, prompts, captions and credits."""
    return _boilerplate(line, line.lower())


def _could_be_social(low: str) -> bool:
    """Every _SOCIAL match holds one of these (lower case): "follow" or "like" in the
    first branch, "newsletter" in the next two, then "download", "to the editor",
    "already a subscriber", "please" and, in the last branch, "here"."""
    return (
        "follow" in low
        or "like" in low
        or "newsletter" in low
        or "download" in low
        or "to the editor" in low
        or "already a subscriber" in low
        or "please" in low
        or "here" in low
    )


def _boilerplate(line: str, low: str) -> bool:
    """``is_boilerplate`` with ``line.lower()`` already at hand."""
    if _is_chrome(line, low) or _credit(line, low):
        return True
    # _LABEL ends with ":" at the end of the line (or before a final newline)
    if line.endswith((":", ":\n")) and _LABEL.match(line):
        return True
    # every _TEASER match holds an ellipsis, "…" or "..."
    if ("…" in line or "..." in line) and _TEASER.search(line):
        return True
    if len(line) < 500 and _could_disclose(low) and _DISCLOSURE.search(line):
        return True
    if len(line) >= 200:
        return False
    if not _could_be_social(low) and _plain_fold(line):
        return False
    return bool(_SOCIAL.search(line))


def _could_disclose(low: str) -> bool:
    return "we may" in low or "advertisers" in low


def is_copyright(line: str) -> bool:
    """True for a copyright line (everything after it is page footer)."""
    return _copyright(line, line.lower())


def _copyright(line: str, low: str) -> bool:
    """``is_copyright`` with ``line.lower()`` already at hand."""
    # Every _COPYRIGHT match starts with "©", "(c)" or "copyright" or holds
    # "all/some rights reserved" (lower case, ignoring odd folds).
    if _plain_fold(line) and not low.startswith(("©", "(c)", "copyright")) and "rights reserved" not in low:
        return False
    return bool(_COPYRIGHT.match(line))


def byline_name(line: str) -> str | None:
    """The name in a "By ..." line, or None if ``line`` is not a byline."""
    match = _BYLINE.match(line)
    return match.group("name") if match else None


def stamp_date(line: str) -> str | bool | None:
    """For an "Updated ..." stamp line, its date (or None); False if not a stamp."""
    if not _STAMP.match(line) or len(line) > 120:
        return False
    return parse_date(line)


def _is_credit_line(line: str) -> bool:
    return len(line) < 100 and _credit(line, line.lower())


def tidy_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop trailing author biographies and the dateline of the first paragraph."""
    kept = [p for p in paragraphs if p]
    while kept and _BIO.match(kept[-1]):
        kept.pop()
    if len(kept) > 1 and kept[0].isupper() and len(kept[0]) <= 40 and kept[1].startswith(kept[0] + " "):
        kept.pop(0)  # the dateline's place printed on a line of its own above it ("MUMBAI", "MUMBAI (Reuters) - ...")
    if kept:
        kept[0] = strip_dateline(kept[0])
    return strip_citations([p for p in kept if p])


# a reference to a study, as health and science sites print them: "... weight loss (10, 11)."
_CITATION = re.compile(r"(?<=[A-Za-z%’'”\"])\s\(\d{1,3}(?:,\s?\d{1,3})*\)(?=[.;:!?]|$)")
CITATIONS = 3  # an article that cites this many times in that style is citing; fewer may be ages or counts


def strip_citations(paragraphs: list[str]) -> list[str]:
    """Paragraphs without their numbered references to sources ("... binge eating (2).") when the
    article cites in that style throughout; a listener cannot follow them."""
    if sum(len(_CITATION.findall(p)) for p in paragraphs if "(" in p) < CITATIONS:
        return paragraphs
    return [_CITATION.sub("", p) if "(" in p else p for p in paragraphs]


def strip_dateline(paragraph: str) -> str:
    """The paragraph without a leading "CITY, State (AP) —" dateline; the rest is kept."""
    return _DATELINE.sub("", paragraph, count=1)


MAX_HEADLINE_WORDS = 25


def _headline(line: str) -> str:
    """A headline as a title: without a closing full stop (an ellipsis stays)."""
    return line[:-1].rstrip() if line.endswith(".") and not line.endswith("..") else line


def headline_from(paragraph: str, limit_words: int = 12) -> str:
    """A title for an article that has none: its first sentence, cut short."""
    first = re.split(r"(?<=[.!?])\s+", paragraph, maxsplit=1)[0].rstrip(".")
    words = first.split()
    return first if len(words) <= limit_words else " ".join(words[:limit_words]) + "…"


def fold(text: str) -> str:
    """Words only, lower case: for comparing a line with a headline or a snippet."""
    return " ".join(re.findall(r"\w+", text.lower()))


# A call to action is a link's label: an imperative verb of reading, watching or
# acting, then straight away its object or a particle ("Read the full
# announcement", "See the full list", "Watch the video", "Find out more").
_CTA_VERBS = frozenset(
    (
        "read",
        "see",
        "watch",
        "listen",
        "view",
        "learn",
        "find",
        "discover",
        "explore",
        "download",
        "get",
        "check",
        "visit",
        "browse",
        "click",
        "tap",
        "sign",
        "subscribe",
        "follow",
        "share",
        "join",
        "shop",
        "try",
        "donate",
        "register",
        "contact",
        "meet",
        "play",
        "hear",
    )
)
_CTA_NEXT = frozenset(
    (
        "the",
        "our",
        "this",
        "these",
        "those",
        "all",
        "more",
        "full",
        "a",
        "an",
        "your",
        "out",
        "here",
        "now",
        "up",
        "us",
        "it",
        "them",
        "his",
        "her",
        "their",
        "every",
        "latest",
        "live",
        "complete",
        "entire",
        "whole",
    )
)
CTA_MAX_WORDS = 8
_CTA_TAIL = " \t»›→>…"


def is_call_to_action(line: str) -> bool:
    """A short imperative link label with no sentence end, or "Read: <a headline>": not news, never read.

    A sentence that happens to open with one of the verbs ends with a full stop
    or runs longer; a label is short and open-ended.
    """
    text = line.strip().rstrip(_CTA_TAIL)
    words = text.split(None, 26)  # (past 25 words nothing below matches: a paragraph is not split whole)
    if 3 <= len(words) <= 25 and words[0].endswith(":") and words[0][:-1].lower() in _CTA_VERBS:
        return not text.endswith(".")  # "Read: Another story's headline", a link to it
    if not 2 <= len(words) <= CTA_MAX_WORDS or len(text) > 80 or _SENTENCE_END.search(text):
        return False
    first, second = (w.lower().strip("\"'“”‘’([") for w in words[:2])
    return first in _CTA_VERBS and second in _CTA_NEXT
