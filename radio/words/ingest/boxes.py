"""Boxes of links to other stories after a heading ("You might also like", "More stories", "Most read").

A news page sets such a box beside or after its story: a heading, then the
other stories' headlines, each perhaps followed by a date and one sentence
of summary. The summaries are prose, so by shape alone the box would read as
more of the story. Here the box is followed from its heading: a line shaped
like a headline is a link; a line of prose right after one is its summary
when another link, a blank line or a classed line follows it; the box ends at
the first paragraph that follows no link. Where the text sets blocks apart
with blank lines, a box packs its links line under line, so the first blank
line after a link ends it too.
"""

from __future__ import annotations

import itertools
import re

from radio.words.ingest.features import Block

LINK_WORDS = (3, 20)  # a link's title: this many words, no sentence end (or a question)
LINK_CHARS = 150
SUMMARY_WORDS = 60  # a summary under a link is at most this long
BOX_BLOCKS = 40  # a box holds at most this many blocks

# "Related stories", "Most read", "You might also like", "More from the Courier", "Read next:", "Trending now",
# "In case you missed it", "Around the web", "Elsewhere on the Courier"
_BOX_LABEL = re.compile(
    r"^(?:related|see also|read also|also read|more from|recommended|more on this|most read|most popular"
    r"|more stories|top stories|you (?:may|might) also like|(?:what to )?read next|editor'?s picks"
    r"|(?:don'?t|do not) miss|trending|popular (?:now|today|this week)|in case you missed it"
    r"|you (?:may|might) have missed"
    r"|(?:from )?around the web|elsewhere (?:on|in|at)|promoted stories|sponsored (?:stories|links|content))"
    r"(?![^\W\d_])",
    re.I,
)
# a short heading that names a list of stories: "More Great Courier Stories", "Latest news", "Top headlines"
_LIST_NOUN = re.compile(r"\b(?:stories|articles|reads|news|headlines|posts|videos|picks|coverage|reading)\b", re.I)
_LIST_WHICH = re.compile(
    r"\b(?:more|related|recommended|popular|latest|top|trending|also|other|similar|further|next|read)\b", re.I
)


def box_heading(block: Block) -> bool:
    """A short line, no sentence, that heads a list of other stories."""
    text = block.text.rstrip(":").rstrip()
    if block.words > 8 or (block.sentence and not block.text.endswith(":")):
        return False
    if _BOX_LABEL.match(text):
        return True
    return block.words <= 6 and bool(_LIST_NOUN.search(text)) and bool(_LIST_WHICH.search(text))


def _link(block: Block) -> bool:
    """Shaped like another story's headline."""
    ends_open = not block.sentence or block.text.endswith("?")
    return ends_open and LINK_WORDS[0] <= block.words <= LINK_WORDS[1] and block.length <= LINK_CHARS


def _box_goes_on(blocks: list[Block], labels: list[str | None], j: int, spaced_page: bool) -> bool:
    """After a summary comes another link, a classed line, a blank line or the end: not more of the story."""
    if j >= len(blocks) or labels[j] is not None or _link(blocks[j]):
        return True
    return spaced_page and blocks[j].number > blocks[j - 1].number + 1


def link_boxes(blocks: list[Block], labels: list[str | None], after: int) -> list[int]:
    """The unlabelled blocks of each box of links whose heading comes after block ``after``.

    The heading itself is counted too when no line rule has classed it.
    """
    found: list[int] = []
    n = len(blocks)
    spaced_page = any(b.number > a.number + 1 for a, b in itertools.pairwise(blocks))  # the text has blank lines
    i = after + 1
    while i < n:
        if not box_heading(blocks[i]):
            i += 1
            continue
        if labels[i] is None:
            found.append(i)
        j, after_link, links = i + 1, False, 0
        while j < n and j - i <= BOX_BLOCKS:
            block = blocks[j]
            if links and spaced_page and block.number > blocks[j - 1].number + 1:
                break  # a box packs its links line under line: a blank line after them ends it
            if labels[j] is not None or (block.length <= 3 and block.text.strip(".").isdigit()):
                if labels[j] == "copyright":
                    break
                j += 1  # a date, a button, a list number between the links
                continue
            if _link(block):
                after_link, links = True, links + 1
            elif after_link and block.words <= SUMMARY_WORDS and _box_goes_on(blocks, labels, j + 1, spaced_page):
                after_link = False  # the link's summary, and the box goes on after it
            else:
                break  # a paragraph that follows no link: the box has ended
            found.append(j)
            j += 1
        i = j
    return found


LEAD_GAP = 12  # a box of links between the story's first paragraph and the rest holds at most this many blocks


def lead_above_box(blocks: list[Block], labels: list[str | None], classes: list[str], start: int) -> int | None:
    """Where the story starts when its first paragraphs stand above a box of links set into it.

    A page often sets a "Related" box after the story's first paragraph or two:
    the heading, then other stories' headlines with their dates. The box's
    cost cuts those paragraphs off the story's run; when every block between
    the box's heading and the story's start is a link or a classed line (a
    date, a button), and prose stands right above the heading, the story
    starts at that prose. None when the page has no such box there.
    """
    heading = next(
        (j for j in range(start - 1, max(-1, start - 1 - LEAD_GAP), -1) if box_heading(blocks[j])),
        None,
    )
    if heading is None or heading == 0 or classes[heading - 1] != "good":
        return None
    between = range(heading + 1, start)
    if not any(_link(blocks[j]) for j in between):
        return None  # a heading with no links under it
    if any(labels[j] is None and not _link(blocks[j]) for j in between):
        return None  # something else between the box and the story
    first = heading - 1
    while first > 0 and classes[first - 1] == "good":
        first -= 1
    return first
