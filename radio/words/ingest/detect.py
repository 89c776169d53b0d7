"""Tell HTML, Markdown and plain text apart from the content itself.

The file name or the server's content type only decides when the content is
ambiguous (for example a short page with few tags or marks).
"""

from __future__ import annotations

import re

FORMATS = ("text", "html", "markdown")

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    rb"</?(?:p|div|span|a|h[1-6]|article|section|header|footer|nav|main|meta|link|script|style|"
    rb"title|br|img|ul|ol|li|table|figure|em|strong)\b[^>]{0,400}>",
    re.I,
)
# No pattern's span runs past the next opener or the end of its line, so a sample
# of markup that never closes is scanned in linear time, not quadratic.
# Each Markdown feature with the substrings one of which every match contains,
# so that plain text (no such substring) is not scanned by the pattern at all.
_MD_FEATURES: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("#",), re.compile(r"^#{1,6}\s+\S", re.M)),  # ATX heading
    (("\n=", "\n-"), re.compile(r"^\S.*\n(?:=+|-+)\s*$", re.M)),  # Setext heading
    (("](",), re.compile(r"!?\[[^\][\n]+\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)")),  # link or image
    (("]:",), re.compile(r"^\[[^\]\n]+\]:\s*\S+", re.M)),  # reference definition
    (("**", "__"), re.compile(r"(?:\*\*|__)\S(?:(?!\*\*|__)[^\n])*?\S(?:\*\*|__)")),  # strong emphasis
    (("-", "*", "+", "."), re.compile(r"^(?:[-*+]|\d+\.)\s+\S", re.M)),  # list item
    ((">",), re.compile(r"^>\s?\S", re.M)),  # block quote
    (("```",), re.compile(r"^```", re.M)),  # code fence
    (("[^",), re.compile(r"\[\^\w+\]")),  # footnote marker
    (("---",), re.compile(r"\A---\s*\n(?:[\w-]+:.*\n)+---\s*\n")),  # front matter
)
# A table's header row followed by its delimiter row ("| a | b |" then "|---|---|"):
# unmistakably Markdown on its own.
_MD_TABLE = re.compile(
    r"^\|?[^\n|]*\|.*\n[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M
)
_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml"}
_MD_TYPES = {"text/markdown", "text/x-markdown"}
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
_MD_EXT = (".md", ".markdown", ".mdown", ".mkd")


def detect_format(data: bytes, source: str = "", content_type: str | None = None) -> str:
    """Return "html", "markdown" or "text" for article bytes."""
    head = data[:65536]
    tags = len(_HTML_TAG.findall(head))
    if _HTML_START.match(head) or tags >= 8:
        return "html"
    sample = head.decode("utf-8", errors="replace")
    features = sum(1 for hints, pattern in _MD_FEATURES if any(h in sample for h in hints) and pattern.search(sample))
    table = ("-|" in sample or "|-" in sample or "| -" in sample) and _MD_TABLE.search(sample) is not None
    if features >= 2 or table:
        return "markdown"
    name = source.lower().split("?", 1)[0]
    if tags >= 2 and (content_type in _HTML_TYPES or name.endswith(_HTML_EXT)):
        return "html"
    if features >= 1 and (content_type in _MD_TYPES or name.endswith(_MD_EXT)):
        return "markdown"
    if content_type in _HTML_TYPES and tags >= 1:
        return "html"
    return "text"
