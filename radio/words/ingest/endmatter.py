"""The end matter after a story: a wiki's "References", "See also" and "External links", and readers' comments.

Both readers stop at it: what follows such a heading is lists of sources and
links, which no listener wants read ("^ 'Title'. Site. Retrieved 2012-08-18."),
or a thread of comments ("On December 23, 2014, at 10:07 PM, reader1 wrote:").
"""

from __future__ import annotations

import re

_EDIT_LINK = re.compile(r"\s*\[edit\]$")  # a wiki's section heading carries its edit link
_END_MATTER = frozenset(
    ("references", "see also", "external links", "further reading", "footnotes", "sources",
     "bibliography", "citations", "notes and references", "works cited")
)  # fmt: skip


# the head of a reader's comment, with its date, or a comments section's own heading ("24 Comments")
_COMMENT_HEAD = re.compile(
    r"(?:^|\s)On\s+\w+\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+at\s+\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?)?,\s+"
    r"\S+(?:\s+\S+){0,3}\s+(?:wrote|said|commented):$"
    r"|^(?:\d+\s+)?(?:comments|responses|reader comments|readers' comments)(?:\s*\(\d+\))?$",
    re.I,
)
_END_MATTER_AFTER_WORDS = 150  # ... or after half the prose: a long list of sources can outweigh the story


def _end_matter(line: str, comments: bool = True) -> bool:
    if _EDIT_LINK.sub("", line).rstrip(":").strip().lower() in _END_MATTER:
        return True
    return comments and len(line) < 200 and _COMMENT_HEAD.search(line.strip()) is not None


def _start(lines: list[str], words: list[int], comments: bool = True) -> int | None:
    """The index of the end matter's heading among ``lines`` (``words``: the story's words in each)."""
    total = sum(words)
    seen = 0
    for i, line in enumerate(lines):
        if seen and _end_matter(line, comments) and (seen >= _END_MATTER_AFTER_WORDS or seen * 2 >= total):
            return i
        seen += words[i]
    return None


def end_matter_start(texts: list[str], kept: list[bool]) -> int | None:
    """Where a page's end matter starts, in the plain-text reader's blocks: the first heading such as
    "References" after the story's first 150 words (or half the words it keeps); None if there is none."""
    return _start(texts, [len(text.split()) if keep else 0 for text, keep in zip(texts, kept, strict=True)])


def without_end_matter(lines: list[str], comments: bool = True) -> list[str]:
    """The article without its end matter: a wiki's "[edit]" links go, and a heading such as "References",
    "See also" or "External links" after the story's first 150 words of prose (or half of it) ends the
    reading (what follows is lists of sources and links, not the story); so does a thread of readers'
    comments, unless ``comments`` is False."""
    from radio.words.ingest.structured import prose_words  # structured reads text, which reads story, which reads this

    lines = [_EDIT_LINK.sub("", line) for line in lines]
    end = _start(lines, [prose_words([line]) for line in lines], comments)
    return lines if end is None else lines[:end]
