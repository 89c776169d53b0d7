"""Prose a page prints as preformatted text: a mailing list's archived message, a plain-text notice.

Some pages hold their whole story in ``<pre>``: lines wrapped by hand at about
seventy columns, paragraphs between blank lines. The extractor gives such a
block either as program code (which is not read) or as one run of text with
the reply's quoted lines and the signature in it. Here a block whose text is
mostly prose is cut into its paragraphs: quoted lines of a reply ("> ..."), a
signature after "-- ", and lines laid out in columns (a page's running header,
a table of contents) are left out, and the wrapped lines are joined.
"""

from __future__ import annotations

import re

from radio.words.ingest.structured import is_prose

_COLUMNS = re.compile(r"\S {3,}\S|\.{4,}")  # "Internet-Draft    remoteStorage    December 2014", "1. Intro......2"
_PROSE_SHARE = 0.6  # of the block's words in paragraphs of prose: less is a program, a table or a form


def wrapped_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a block of text wrapped by hand (its line breaks kept), or None when the block is
    not such prose: one line, or too little of it in paragraphs that read as sentences (a program)."""
    if text.count("\n") < 2:
        return None
    text = text.replace("\u00a0", " ").replace("\r", "")
    paragraphs, words = _paragraphs(text.split("\n"))
    said = sum(len(p.split()) for p in paragraphs)
    return paragraphs if paragraphs and said >= _PROSE_SHARE * words else None


def _paragraphs(lines: list[str]) -> tuple[list[str], int]:
    """The paragraphs of prose in ``lines``, and the words of the lines that are the message's own
    (before the signature, not quoted from another)."""
    out: list[str] = []
    current: list[str] = []
    words = 0
    for raw in lines:
        line = raw.strip()
        if raw.rstrip() == "--":
            break  # the signature: what follows is the sender's name and links
        if not line.startswith(">"):
            words += len(line.split())
        if not line or line.startswith(">") or _COLUMNS.search(line):
            _flush(current, out)
            continue
        current.append(line)
    _flush(current, out)
    return out, words


def _flush(current: list[str], out: list[str]) -> None:
    if current:
        joined = current[0]
        for line in current[1:]:  # a word broken at the line's end with a hyphen stays one word
            joined += line if re.search(r"[A-Za-z]-$", joined) else " " + line
        paragraph = re.sub(r"\s+", " ", joined).strip()
        if is_prose(paragraph):
            out.append(paragraph)
        current.clear()
