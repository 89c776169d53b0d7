"""Find the story in a whole page copied as text, by the shape of its lines.

A browser's select-all copy or a scraper gives one block per line, with the
page's menus, teasers, captions and footer around the story. Like jusText
(Pomikálek's boilerplate remover; its English stop list is used here) each
block is first classed by its own shape: length, share of stopwords and
whether it ends like a sentence ("good" prose, "near-good", "short" or
"bad"). Line rules (``rules.py``) class what a line says on its face:
bylines, stamps, credits, prompts, copyright. Then the class of neighbouring
blocks decides the short and near-good ones, and the story is the run of
blocks with the most prose in it, where each chrome block inside the run
costs a little (as in body-text extraction by text density). The headline
is the title-like line nearest above the story (``headline.py``).

Every block gets a ``LineDecision`` so that a producer can see why a line
was or was not read (``radio script --explain``).
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from radio.words.ingest.features import Block, line_label, make_blocks
from radio.words.ingest.headline import choose_headline
from radio.words.ingest.rules import _BIO, _DATELINE, _WORD_CHAR, fold, headline_from, parse_date, strip_links

log = logging.getLogger(__name__)

# jusText's defaults, loosened for news: news paragraphs are one to three sentences.
LENGTH_LOW = 70  # shorter blocks are "short" unless they read as a sentence
LENGTH_HIGH = 200
GOOD_LENGTH = 100  # a sentence-ended block this long with enough stopwords is prose
STOPWORDS_HIGH = 0.30
STOPWORDS_LOW = 0.22
LONG_OPEN = 300  # a block this long is prose even without a full stop at its end
NEARGOOD_RUN_CHARS = 280  # a run of near-good blocks this long is a story of short paragraphs
RUN_GAP = 2  # short blocks allowed between two near-good ones of a run
BAD_COST = 30  # what one chrome block between paragraphs costs, in characters of prose
BARRIER_FROM = 0.4  # barriers count only past this share of the page's blocks
RUN_CAP = 2  # ... times its place in its run of chrome, up to this

_FALLBACK_STOPWORDS = frozenset(
    (
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "more",
        "most",
        "no",
        "not",
        "now",
        "of",
        "on",
        "one",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "said",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    )
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """jusText's English stop list, read from its package without importing it (lxml is slow to load)."""
    spec = importlib.util.find_spec("justext")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "stoplists" / "English.txt"
        if path.is_file():
            return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    return _FALLBACK_STOPWORDS  # pragma: no cover - justext comes with trafilatura


@dataclass(frozen=True)
class LineDecision:
    """What happened to one block of the input."""

    number: int  # 1-based input line where the block starts
    text: str
    kept: bool
    label: str  # "story" or "headline" when kept; else the class that dropped it


@dataclass(frozen=True)
class TextReading:
    """The story found in a page's text, with a decision for every block."""

    lines: tuple[LineDecision, ...]
    title: str | None
    title_reason: str  # how the headline was chosen
    paragraphs: tuple[str, ...]
    date: str | None = None
    byline: str | None = None


def _shape(block: Block) -> str:
    """The context-free class of a block: good, neargood, short or bad.

    jusText's classes by length and stopword density, with one change for news
    pages: a block that does not end like a sentence (a teaser headline, a
    subhead, a menu) is at most "short" unless it is long, so its neighbours
    decide; story paragraphs end with a full stop or a closing quote.
    """
    if not block.sentence and block.words <= 4 and block.density == 0:
        return "bad"  # a label of a menu or a button ("Street Style", "Clothing")
    if not block.sentence and block.length <= LONG_OPEN:
        return "short" if block.density >= STOPWORDS_LOW or block.length < LENGTH_LOW else "bad"
    if block.length < LENGTH_LOW:
        if block.words >= 5 and block.density >= STOPWORDS_LOW:
            return "neargood"  # a short sentence: a line of a live blog, a step, an answer
        return "short"
    if block.density >= STOPWORDS_HIGH:
        if block.length > LENGTH_HIGH or block.length >= GOOD_LENGTH:
            return "good"
        return "neargood"
    if block.density >= STOPWORDS_LOW:
        return "neargood"
    return "bad"


def _neighbours(classes: list[str], skip_neargood: bool) -> tuple[list[str], list[str]]:
    """For each block, the class of the nearest decided block before and after it ("edge" past the ends)."""
    wanted = ("good", "bad") if skip_neargood else ("good", "bad", "neargood")
    before, after = [], []
    last = "edge"
    for c in classes:
        before.append(last)
        if c in wanted:
            last = c
    last = "edge"
    for c in reversed(classes):
        after.append(last)
        if c in wanted:
            last = c
    after.reverse()
    return before, after


def _revise(classes: list[str], blocks: list[Block]) -> list[str]:
    """The class of the neighbours decides short and near-good blocks (jusText's second pass)."""
    out = list(classes)
    # a long run of near-good blocks (short blocks between them allowed) is prose: a live blog, a Q&A
    i = 0
    while i < len(out):
        if out[i] != "neargood":
            i += 1
            continue
        j, chars, count, gap = i, 0, 0, 0
        while j < len(out) and out[j] in ("neargood", "short", "good") and gap <= RUN_GAP:
            if out[j] == "short":
                gap += 1
            else:
                chars += blocks[j].length
                count += 1
                gap = 0
            j += 1
        if count >= 3 and chars >= NEARGOOD_RUN_CHARS:
            for k in range(i, j):
                if out[k] == "neargood":
                    out[k] = "good"
        i = j
    revised = list(out)
    before, after = _neighbours(out, True)
    near_before, near_after = _neighbours(out, False)
    for i, c in enumerate(out):
        if c != "short":
            continue
        if "edge" in (before[i], after[i]):  # the page ends: a sentence beside the story is part of it
            revised[i] = "good" if "good" in (before[i], after[i]) and blocks[i].sentence else "bad"
        elif before[i] == after[i]:
            revised[i] = before[i]
        elif (before[i] == "bad" and near_before[i] == "neargood") or (
            after[i] == "bad" and near_after[i] == "neargood"
        ):
            revised[i] = "good"
        else:
            revised[i] = "bad"
    final = list(revised)
    before, after = _neighbours(revised, True)
    for i, c in enumerate(revised):
        if c == "neargood":
            final[i] = "good" if "good" in (before[i], after[i]) else "bad"
    return final


def _story_span(classes: list[str], blocks: list[Block], barriers: set[int]) -> tuple[int, int]:
    """The run of blocks with the most prose in it.

    Each other block inside the run costs BAD_COST times its place in its run
    of chrome: one advertisement or caption between paragraphs costs little,
    a long run of menus or teasers a lot (the story ends there). A barrier
    (the copyright line, the heading of the comments) ends any run, and
    prose after it counts half: what follows a page's footer is rarely its story.
    """
    best, best_span = 0.0, (0, 0)
    total, start, run = 0.0, 0, 0
    weight = 1.0
    for i, c in enumerate(classes):
        if i in barriers:
            total, weight = 0, weight / 2  # the story never runs across the footer or the comments
        run = 0 if c == "good" else run + 1
        gain = blocks[i].length * weight if c == "good" else -BAD_COST * min(run, RUN_CAP)
        if total <= 0:
            total, start = 0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


# the heading of the readers' comments: "12 comments", "Comments (12)", "Leave a reply", "20 thoughts on ..."
ISLAND_CHARS = 300  # prose beyond a box of links that still belongs to the story ...
ISLAND_GAP = 15  # ... when the box is at most this many blocks


def _extend(span: tuple[int, int], classes: list[str], blocks: list[Block], barriers: set[int]) -> tuple[int, int]:
    """Carry the story on past a box of related links or an embed, when enough prose lies beyond it."""
    start, end = span
    while (island := _island(classes, blocks, barriers, end, 1)) is not None:
        end = island
    while (island := _island(classes, blocks, barriers, start - 1, -1)) is not None:
        start = island + 1
    return start, end


def _island(classes: list[str], blocks: list[Block], barriers: set[int], edge: int, step: int) -> int | None:
    """The far end of the prose beyond the gap that starts at ``edge``, if it is long enough to belong."""
    n = len(blocks)
    i = edge
    while 0 <= i < n and classes[i] != "good":
        if i in barriers or abs(i - edge) > ISLAND_GAP:
            return None
        i += step
    chars = goods = 0
    while 0 <= i < n and i not in barriers:
        if classes[i] == "good":
            chars += blocks[i].length
            goods += 1
        elif not (0 <= i + step < n and classes[i + step] == "good"):
            break  # one block of chrome between two paragraphs is part of the island
        i += step
    return i if chars >= ISLAND_CHARS and goods >= 2 else None


_COMMENTS = re.compile(
    r"^\d[\d,]*\s+(?:comments?|responses?|replies|thoughts on)\b|^(?:comments?|responses?)\s*\(\d+\)"
    r"|^leave a (?:comment|reply)|^join the (?:conversation|discussion)",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _barrier(block: Block, label: str | None) -> bool:
    """The page's copyright line (not a photo's "© Name") or the heading of its comments."""
    if label == "copyright":
        return "rights reserved" in block.text.lower() or bool(_YEAR.search(block.text))
    return block.words <= 8 and bool(_COMMENTS.match(block.text))


_CREDITISH = {"credit", "caption"}


def _captions(blocks: list[Block], labels: list[str | None], span: tuple[int, int]) -> None:
    """Class captions and repeated lines in place: a caption sits beside a credit or is printed twice."""
    n = len(blocks)
    for i, block in enumerate(blocks):
        if labels[i] is not None:
            continue
        if block.text == "/" or (i + 1 < n and blocks[i + 1].text == "/") or (i > 0 and blocks[i - 1].text == "/"):
            labels[i] = "credit"
        elif i + 1 < n and labels[i + 1] == "credit" and block.words <= 60:
            labels[i] = "caption"  # the line above a photo credit
    keys = [b.text if b.words >= 4 else "" for b in blocks]  # a caption is printed again word for word
    counts = Counter(k for k in keys if k)
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if counts.get(k, 0) > 1:
            where.setdefault(k, []).append(i)
    for copies in where.values():
        beside_credit = any(
            labels[j] in _CREDITISH for i in copies for j in (i - 1, i + 1) if 0 <= j < n and j not in copies
        )
        close = any(copies[k + 1] - copies[k] <= 2 for k in range(len(copies) - 1))
        outside = any(not span[0] <= i < span[1] for i in copies)
        short = blocks[copies[0]].length < 200
        if beside_credit or close or (outside and short):
            for i in copies:
                if labels[i] is None:
                    # printed twice in a row with nothing between: a caption, or the headline twice over
                    labels[i] = "caption" if beside_credit else "repeat"


# "Ann Lee is a senior writer for ...", "Matthew is the site's UK-based editor ...": an author's biography
_END_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was|has been)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w&'’-]+\s+){0,4}(?i:reporter|correspondent|editor|writer|journalist|columnist|producer"
    r"|contributor|founder|professor|lecturer|author|consultant|fellow|researcher)\b"
)
BIO_REACH = 3  # a biography among the story's last paragraphs ends it


def _trailing_bios(blocks: list[Block], labels: list[str | None], kept: list[bool]) -> None:
    """The author's biography after the story ends it: it and what follows it are not read."""
    last = [i for i, k in enumerate(kept) if k][-BIO_REACH:]
    bio = next((i for i in last if _BIO.match(blocks[i].text) or _END_BIO.match(blocks[i].text)), None)
    if bio is None or bio == last[0] == next(i for i, k in enumerate(kept) if k):
        return  # no biography, or nothing of the story before it
    for i in range(bio, len(blocks)):
        if kept[i]:
            kept[i], labels[i] = False, "bio" if i == bio else "after the biography"


def _standfirst(blocks: list[Block], labels: list[str | None], kept: list[bool], headline: int) -> None:
    """The summary printed right under the headline is read, even without a full stop at its end."""
    below = headline + 1
    if below >= len(blocks) or kept[below] or labels[below] is not None:
        return
    block = blocks[below]
    if block.words >= 10 and block.density >= STOPWORDS_LOW and block.length <= 400:
        kept[below], labels[below] = True, "standfirst"


def read_text(text: str) -> TextReading:
    """Find the story, its headline, date and byline in a page's text."""
    blocks = make_blocks(text, stopwords())
    labels: list[str | None] = [line_label(b) for b in blocks]
    classes = ["bad" if labels[i] is not None else _shape(b) for i, b in enumerate(blocks)]
    if "good" not in classes:  # no paragraph long enough: a short story without chrome reads as near-good
        classes = ["good" if c == "neargood" else c for c in classes]
    classes = _revise(classes, blocks)
    # a comments link or a copyright notice in the page's header is no barrier
    barriers = {i for i, b in enumerate(blocks) if i > BARRIER_FROM * len(blocks) and _barrier(b, labels[i])}
    span = _extend(_story_span(classes, blocks, barriers), classes, blocks, barriers)
    _captions(blocks, labels, span)
    kept = [
        span[0] <= i < span[1] and classes[i] == "good" and labels[i] is None and _WORD_CHAR.search(b.text) is not None
        for i, b in enumerate(blocks)
    ]
    _trailing_bios(blocks, labels, kept)
    first = next((i for i, k in enumerate(kept) if k), None)
    title: str | None = None
    reason = "no story found"
    if first is not None:
        choice = choose_headline(blocks, labels, kept, first)
        if choice is not None:
            title, index, reason = choice
            kept[index] = False
            labels[index] = "headline"
            _standfirst(blocks, labels, kept, index)
            same = fold(title)
            for i, b in enumerate(blocks):
                if kept[i] and len(b.text) < 2 * len(title) + 20 and fold(b.text) == same:
                    kept[i], labels[i] = False, "headline copy"
    paragraphs: list[str] = []
    decisions: list[LineDecision] = []
    dateline_done = False
    for i, block in enumerate(blocks):
        label = labels[i]
        if kept[i]:
            cleaned = strip_links(block.text)
            if not dateline_done and len(paragraphs) < 3 and _DATELINE.match(cleaned):
                cleaned = _DATELINE.sub("", cleaned, count=1)
                dateline_done = True
                label = "story (dateline dropped)"
            if cleaned and _WORD_CHAR.search(cleaned):
                paragraphs.append(cleaned)
                decisions.append(LineDecision(block.number, block.text, True, label or "story"))
                continue
            label = "link"
        elif label is None:
            inside = span[0] <= i < span[1]
            if _BIO.match(block.text):
                label = "bio"
            elif classes[i] != "bad":
                label = "prose outside the story"
            else:
                label = "chrome inside the story" if inside else "chrome"
        decisions.append(LineDecision(block.number, block.text, label == "headline", label))
    if title is None and paragraphs:
        log.warning("no headline line found above the story; using its first sentence")
        title, reason = headline_from(paragraphs[0]), "no title-like line above the story: its first sentence"
    return TextReading(
        lines=tuple(decisions),
        title=title,
        title_reason=reason,
        paragraphs=tuple(paragraphs),
        date=_date(blocks, labels, first),
        byline=next((b.byline for b in blocks if b.byline), None),
    )


def _date(blocks: list[Block], labels: list[str | None], first: int | None) -> str | None:
    """The date of an "Updated ..." stamp, else the first date line near the top of the story."""
    for block in blocks:
        if block.stamp:
            return block.stamp
    if first is None:
        return None
    for i in range(max(0, first - 12), min(len(blocks), first + 2)):
        if labels[i] == "date":
            found = parse_date(blocks[i].text)
            if found:
                return found
    return None
