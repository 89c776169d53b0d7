"""Find the spans between quote marks, paragraph by paragraph.

Double marks delimit a quotation: curly (“ ”), straight ("), low (\u201e)
and guillemets (« »); a closing mark used as an opener (``”Yes,” she said``)
opens one too.  Single marks are left alone, so apostrophes (``Ukraine's``,
``'90s``, ``rock 'n' roll``) and single quotes nested inside a quotation never
open one -- unless the article has no double marks at all, as in British
style (‘Yes,’ she said), where ‘ opens and a ’ not followed by a letter
closes.  A quotation that runs over several paragraphs repeats its opening
mark at the start of each and closes only in the last; a mark left open
anywhere else is ignored, so its words stay with the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from radio.words.quotes.attribution import parse_after
from radio.words.quotes.switches import OFF

OPENERS = "“«\u201e"
CLOSERS = "”»"
STRAIGHT = '"'
_ALL_MARKS = re.compile("[" + OPENERS + CLOSERS + STRAIGHT + "‘’]")
_OPEN_CONTEXT = " \t([{—–-/\u00a0" + OPENERS


@dataclass(frozen=True)
class Span:
    """Text between a pair of marks; ``start``/``end`` bound the inner text."""

    paragraph: int
    open: int  # index of the opening mark
    start: int
    end: int
    close: int  # index just after the closing mark (== end when it runs on)
    runs_on: bool = False  # the quotation continues in the next paragraph
    continued: bool = False  # the span continues one from the previous paragraph


def _marks(text: str, single: bool = False) -> list[tuple[int, str]]:
    """Each mark as (index, "open" | "close").

    With ``single`` (an article quoting in British style, with no double marks
    at all) ‘ opens and ’ closes, but only a ’ that no letter follows: one
    inside a word (``Ukraine’s``) is an apostrophe.
    """
    out: list[tuple[int, str]] = []
    depth_open = False
    outer = ""  # the kind of mark the open quotation opened with: "straight" or "curly"
    nested = ""  # the kind of a quotation opened inside it with the other kind of mark
    for m in _ALL_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if depth_open and not single and "nested" not in OFF:
            # A quotation inside a quotation is marked with the other kind of
            # mark ("He called it “a disaster” today."): its marks are no
            # quotation of their own and leave the outer one open.
            if nested == "curly" and ch in CLOSERS:
                nested = ""
                continue
            if nested == "straight" and ch == STRAIGHT:
                nested = ""
                continue
            if not nested and outer == "straight" and ch in OPENERS and text[out[-1][0] + 1 : i].strip():
                nested = "curly"
                continue
            if not nested and outer == "curly" and ch == STRAIGHT and before in _OPEN_CONTEXT and after.isalnum():
                nested = "straight"
                continue
        if (
            depth_open
            and ch in OPENERS
            and before in ".,!?…"
            and (after.isspace() or i + 1 == len(text))
            and "reversed_close" not in OFF
        ):
            out.append((i, "close"))  # a quotation closed with a reversed mark: “It's unusual,“ he said
            depth_open, nested = False, ""
        elif ch in OPENERS or (single and ch == "‘" and before in _OPEN_CONTEXT):
            out.append((i, "open"))
            depth_open, outer, nested = True, "curly", ""
        elif (
            ch in CLOSERS
            and not depth_open
            and before in _OPEN_CONTEXT
            and after.isalnum()
            and "reversed_open" not in OFF
        ):
            out.append((i, "open"))  # a quotation opened with a reversed mark: ”Yes,” she said
            depth_open, outer, nested = True, "curly", ""
        elif ch in CLOSERS or (single and ch == "’" and depth_open and _closes_single(before, after)):
            out.append((i, "close"))
            depth_open, nested = False, ""
        elif ch == STRAIGHT:
            if depth_open:
                kind = "close"
            elif before in _OPEN_CONTEXT and not after.isspace():
                kind = "open"
            else:
                kind = "close"
            out.append((i, kind))
            depth_open, outer, nested = kind == "open", "straight", ""
    return out


def _closes_single(before: str, after: str) -> bool:
    """A ’ closes after punctuation (‘Yes,’) or before it (‘a disaster’.), not
    in a word (Ukraine’s) nor after a plural (the Joneses’ farm)."""
    return before in ".,!?;:…—–-" or not (after.isalnum() or after.isspace())


def _starts_with_opener(text: str, single: bool = False) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0] in OPENERS + STRAIGHT + CLOSERS or (single and stripped[0] == "‘"))


# In an article that quotes with double marks, a paragraph without any may still quote with single
# ones ('We are listening,' he said.): a mark opening a sentence or following a colon or comma before a
# capital, closed by a mark after a sentence's punctuation and before a space -- never an apostrophe
# ("players' patience", "rock 'n' roll", "the '90s").
# (Written to open with the mark, so the engine skips to the marks; what comes before it is looked
# back at from there: the same matches as "(?:(?<=^)|(?<=[:,.!?—–]\s)|(?<=^\())['‘]...".)
_SINGLE_QUOTE = re.compile(
    r"['‘](?:(?<=^.)|(?<=[:,.!?—–]\s.)|(?<=^\(.))(?=[A-Z])(?P<inner>[^'‘’\n]*?[,.!?…])['’](?=\s|$|\))"
)


def _single_spans(index: int, text: str) -> list[Span]:
    """Quotations in single marks in a paragraph that holds no double mark."""
    if "'" not in text and "‘" not in text:
        return []
    out = []
    for m in _SINGLE_QUOTE.finditer(text):
        inner = m.group("inner").split()
        if len(inner) >= 2 and not all(w[:1].isupper() for w in inner if len(w) > 3):  # no title in marks
            out.append(Span(index, m.start(), m.start("inner"), m.end("inner"), m.end()))
    return out


# the attribution a quotation whose closing mark was lost runs into: ", Hollis said." / ", said Jo Doe."
_LOST_CLOSE = re.compile(r",\s+[^,“”\"«»]{2,80}[.!?]\s*$")


def _lost_close(text: str, opened: int, reopened: int) -> int | None:
    """Where a quotation opened at ``opened`` ends when another opens at ``reopened`` before it
    closed, if the words between end with an attribution (``, Hollis said.``): after its comma."""
    if "lost_close" in OFF:
        return None
    m = _LOST_CLOSE.search(text, opened + 1, reopened)
    if not m or not text[opened + 1 : m.start()].strip():
        return None
    return m.start() + 1 if parse_after(text[m.start() : reopened]) is not None else None


def _ends_sentence(text: str, opened: int) -> bool:
    """Whether a quotation left open at a paragraph's end opens a sentence and runs to its end."""
    inner = text[opened + 1 :].rstrip()
    before = text[:opened].rstrip()
    return (
        len(inner.split()) >= 3
        and inner[-1:] in ".!?"
        and inner[:1].isupper()
        and (not before or before[-1] in ".!?:")
        and not any(c in inner for c in OPENERS + CLOSERS + STRAIGHT)
    )


def find_spans(paragraphs: Sequence[str]) -> list[list[Span]]:
    """Quoted spans for each paragraph, in order."""
    result: list[list[Span]] = []
    carry = False  # previous paragraph left a run-on quotation open
    single = not any(c in p for p in paragraphs for c in OPENERS + CLOSERS + STRAIGHT) and "single_marks" not in OFF
    for index, text in enumerate(paragraphs):
        spans: list[Span] = []
        opened: int | None = None
        carry_in = carry
        lead = len(text) - len(text.lstrip())
        for pos, kind in _marks(text, single):
            if kind == "open":
                lost = _lost_close(text, opened, pos) if opened is not None else None
                if lost is not None and opened is not None:
                    # '“We were second to every ball, Hollis said. “That ...”': the first closing mark was lost
                    spans.append(Span(index, opened, opened + 1, lost, lost, False, carry_in and not spans))
                opened = pos  # a second opener restarts: the first one stays with the anchor
                continue
            if opened is None:
                continue  # stray closing mark
            cont = carry_in and not spans and opened == lead
            spans.append(Span(index, opened, opened + 1, pos, pos + 1, False, cont))
            opened = None
        if opened is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            if _starts_with_opener(nxt, single) and text[opened + 1 :].strip():
                cont = carry_in and not spans and opened == lead
                spans.append(Span(index, opened, opened + 1, len(text), len(text), True, cont))
                carry = True
            else:
                carry = False
                if "unclosed_end" not in OFF and _ends_sentence(text, opened):
                    # '... Hollis said. “That cannot happen again.': the last closing mark was lost
                    spans.append(Span(index, opened, opened + 1, len(text.rstrip()), len(text.rstrip())))
        else:
            carry = False
        if not single and "single_in_double" not in OFF and not any(c in text for c in OPENERS + CLOSERS + STRAIGHT):
            spans = _single_spans(index, text)
        result.append(spans)
    return result
