"""One sentence splitter, shared by the transcripts (cues), the voice stage (one engine call per
sentence) and ``radio names``.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis, with any closing quotation marks or
brackets kept on it, before whitespace. It does not end:

- after a title or a word that always leads into the next (``Dr.``, ``Mr.``, ``Mrs.``, ``Prof.``,
  ``No. 5``, ``vs.``, ``e.g.``);
- after an initial (``J. K. Rowling``) or an abbreviation that may also end a sentence (``Feb.``,
  ``St.``, ``Inc.``, ``U.S.``, ``a.m.``, ``ft.``), unless the next word is one that opens a sentence
  ("The", "She", "But" ...): "in the U.S. The report" splits, "U.S. President" and
  "on Feb. 10." do not;
- at ``!``, ``?`` or an ellipsis before a word in lower case ("Why?" she asked; "Wait... then
  it rang"); a full stop after a plain word ends a sentence whatever follows (a spoken number
  starts in lower case: "November thirtieth. thirty-one people");
- inside a number (``3.6``): there is no whitespace after the point.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# end marks, any closing quotes or brackets, then the whitespace that separates two sentences
_END = re.compile(r"(?:[.!?]+|…)[\"”’'»)\]]*(?=\s+\S)")

# never end a sentence: they lead into a name or a number
_LEADS = _words(
    """mr mrs ms mx dr prof rev fr hon gen gov sen rep capt col lt sgt cpl maj adm supt insp det
    messrs mt vs e.g i.e cf approx ca"""
)
# lead into a number ("No. 5", "p. 12"), else may end a sentence ("the answer was no.")
_BEFORE_NUMBER = _words("no nos fig figs vol pp")
# may end a sentence: split only when a sentence opener follows
_MAYBE = _words(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
    st ave rd blvd jr sr inc ltd co corp bros plc llc dept univ est etc al a.m p.m
    ft lb lbs oz mph kph km kg cm mm min hr hrs sec sq yr yrs mo wk pt qt gal govt"""
)
# closed-class words that open sentences (and rarely follow an abbreviation inside one)
_OPENERS = _words(
    """the a an he she it they we i you this that these those there then but and or so yet
    his her its their our my your in on at for after before when while if as by with from
    what who why how where which meanwhile however still also now today yesterday tomorrow"""
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}$")  # U.S. U.K. a.m. Ph.D.


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, each stripped; no character but whitespace is lost."""
    out: list[str] = []
    start = 0
    for end in sentence_ends(text):
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    piece = text[start:].strip()
    if piece:
        out.append(piece)
    return out


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end inside ``text`` (closing marks included; the last
    sentence's end, the end of the text, is not listed)."""
    ends = []
    for match in _END.finditer(text):
        if _ends_here(text, match.start(), match.end()):
            ends.append(match.end())
    return ends


def _ends_here(text: str, mark_at: int, after: int) -> bool:
    following = text[after:].lstrip()
    word_after = following.lstrip("\"“‘'«([").split(maxsplit=1)[0] if following.strip() else ""
    if not word_after:
        return True
    first = word_after[0]
    if text[mark_at] != "." or text[mark_at : mark_at + 2] == "..":
        return not first.islower()  # "Why?" she asked. / Wait... then it rang.
    word = text[text.rfind(" ", 0, mark_at) + 1 : mark_at].lstrip("\"“‘'«([")
    key = word.lower()
    if key in _LEADS or (key in _BEFORE_NUMBER and first.isdigit()):
        return False
    if key in _MAYBE or _INITIALS.search(word + ".") or (len(word) == 1 and word.isalpha()):
        return first.isupper() and word_after.strip(",;:.!?\"”’'").lower() in _OPENERS
    return True  # after a plain word, even before lower case: "November thirtieth. thirty-one"
