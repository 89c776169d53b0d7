"""Class the blocks of a page's text by their shape, and find the run that is the story.

jusText's method (Pomikálek's boilerplate remover; its English stop list is
used here): each block is classed by its own shape, length, share of
stopwords and whether it ends like a sentence ("good" prose, "neargood",
"short" or "bad"), then the class of its neighbours decides the short and
near-good ones. The story is then the run of blocks with the most prose in
it, where each other block inside the run costs a little, as in body-text
extraction by text density; it carries on past a box of links when enough
prose lies beyond it, and never across the copyright line or the comments.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from radio.words.ingest.features import Block, is_clock

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

LINKS = "list of links"  # the class of a run of headline-shaped lines (``_lists_of_titles``): chrome
TEASERS = "teasers"  # the class of headlines each over its summary (``_teaser_pairs``): chrome
ASIDE = "aside"  # the class of a caption or a credit: neither prose nor chrome to its neighbours
ASIDE_LABELS = frozenset(("caption", "credit"))

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


LIST_RUN = 3  # this many title-like lines packed one under another are a list of links
TITLE_WORDS = (3, 20)


def _title_line(block: Block) -> bool:
    """Shaped like a headline: a few words of letters opening with a capital or a figure, no sentence end or label.

    Lines of code or of a program's output ("File "x.py", line 2") are mostly not words.
    """
    first = block.text[:1]
    if block.sentence or block.text.endswith(":") or not TITLE_WORDS[0] <= block.words <= TITLE_WORDS[1]:
        return False
    if not (first.isupper() or first.isdigit()):
        return False
    tokens = block.text.split()
    return sum(t.strip(_TITLE_EDGE).isalpha() for t in tokens) >= WORD_SHARE * len(tokens)


_TITLE_EDGE = "\"'“”‘’,;:!?()’s-–—"
WORD_SHARE = 0.75  # the share of a headline's tokens that are words


def _lists_of_titles(classes: list[str], blocks: list[Block]) -> list[int]:
    """A run of headline-shaped lines packed one under another is a list of links to other stories: chrome.

    jusText lets the prose on both sides decide a short block, which reads a
    subhead as story; a page's list of other stories' headlines (no heading
    above it) would be read the same way. A story's own list follows a line
    that introduces it (ending with ":"). Returns the blocks of such lists, classed "bad".
    """
    found: list[int] = []
    i, n = 0, len(blocks)
    while i < n:
        if i + 2 >= n or classes[i + 2] != "short" or classes[i + 1] != "short" or blocks[i + 2].spaced:
            i += 1  # (a quick test first: no run of three packed short blocks starts here)
            continue
        j = i
        while j < n and classes[j] == "short" and _title_line(blocks[j]) and (j == i or not blocks[j].spaced):
            j += 1
        if j - i >= LIST_RUN and not (i > 0 and blocks[i - 1].text.endswith(":")):
            for k in range(i, j):
                classes[k] = "bad"
                found.append(k)
        i = max(j, i + 1)
    return found


TEASER_PAIRS = 3  # this many headlines in a row, each over one short paragraph, are a list of teasers
TEASER_TITLE_WORDS = 5
TEASER_SUMMARY_WORDS = 60


def _teaser_pairs(classes: list[str], blocks: list[Block]) -> None:
    """Other stories' headlines, each over its one-paragraph summary, in a run: chrome however much prose it holds.

    A story's subheads head sections of their own length; a list of teasers
    gives every headline (five words or more, no sentence end) one short
    paragraph and goes straight on to the next headline.
    """
    n, i = len(blocks), 0
    while i < n:
        if i + 2 * TEASER_PAIRS > n or classes[i + 1] != "good" or classes[i + 2 * TEASER_PAIRS - 1] != "good":
            i += 1  # (a quick test first: no three pairs start here)
            continue
        j = i
        while (
            j + 1 < n
            and classes[j + 1] == "good"
            and blocks[j + 1].words <= TEASER_SUMMARY_WORDS
            and blocks[j].words >= TEASER_TITLE_WORDS
            and _title_line(blocks[j])
        ):
            j += 2
        if (j - i) // 2 >= TEASER_PAIRS and _ends(classes, blocks, j) and _apart(blocks, i, j):
            for k in range(i, j):
                classes[k] = TEASERS
        i = max(j, i + 1)


def _ends(classes: list[str], blocks: list[Block], j: int) -> bool:
    """No more prose of the same run after block ``j``: the page ends, or a headline or chrome follows."""
    return j >= len(blocks) or classes[j] != "good" or _title_line(blocks[j])


SHARED_TOPIC = 0.3  # the share of a section's heading words the other sections use, in a story at least


def _apart(blocks: list[Block], start: int, end: int) -> bool:
    """The pairs speak of different things: each headline's words are mostly absent from the other pairs.

    The sections of one story (a listicle, a how-to) share its topic's words.
    """
    words = [_content(blocks[k].text) | _content(blocks[k + 1].text) for k in range(start, end, 2)]
    shares = []
    for n, k in enumerate(range(start, end, 2)):
        title = _content(blocks[k].text)
        others = set().union(*(w for m, w in enumerate(words) if m != n))
        shares.append(len(title & others) / len(title) if title else 0.0)
    return sum(shares) / len(shares) < SHARED_TOPIC


def _content(text: str) -> set[str]:
    """The words of four letters or more, lower case."""
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in stopwords()}


def _revise(classes: list[str], blocks: list[Block], stamps: set[int]) -> list[str]:
    """The class of the neighbours decides short and near-good blocks (jusText's second pass).

    A run of near-good blocks may have time stamps (``stamps``) between them: the entries of a live blog.
    """
    out = list(classes)
    # a long run of near-good blocks (short blocks between them allowed) is prose: a live blog, a Q&A
    i = 0
    while i < len(out):
        if out[i] != "neargood":
            i += 1
            continue
        j, chars, count, gap, stamped = i, 0, 0, 0, False
        while j < len(out) and gap <= RUN_GAP:
            if out[j] in ("neargood", "good"):
                chars += blocks[j].length
                count += 1
                gap, stamped = 0, False
            elif out[j] == "short" or j in stamps or stamped:
                gap += 1  # after a stamp, the entry's title (however short) belongs to the run
                stamped = stamped or j in stamps
            else:
                break
            j += 1
        if count >= 3 and chars >= NEARGOOD_RUN_CHARS:
            for k in range(i, j):
                if out[k] == "neargood":
                    out[k] = "good"
        i = j
    lists = _lists_of_titles(out, blocks)
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
    for i in lists:  # chrome to its neighbours above; named now for ``radio script --explain``
        final[i] = LINKS
    return final


SPACED_SHARE = 0.3  # a page spaces its paragraphs when this share of its prose is set apart by blank lines
UNSPACED_WEIGHT = 0.5  # ... and then prose packed line after line (a list of teasers) counts this much


def spaces_paragraphs(classes: list[str], blocks: list[Block]) -> bool:
    """The page sets its paragraphs apart with blank lines and packs other blocks line after line.

    A browser's copy puts a blank line around each paragraph and none between
    the items of a menu or a list of teasers; a scraper's one-block-a-line text
    has no blank lines at all, and then nothing is learnt from them.
    """
    prose = [b for c, b in zip(classes, blocks, strict=True) if c == "good"]
    spaced = sum(b.length for b in prose if b.spaced)
    packed = sum(1 for b in blocks if not b.spaced)
    return packed > 0 and spaced >= SPACED_SHARE * sum(b.length for b in prose)


def _story_span(
    classes: list[str], blocks: list[Block], barriers: set[int], clocks: set[int], spacing: bool
) -> tuple[int, int]:
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
        if i in clocks:
            continue  # a live blog's time stamp costs nothing
        run = 0 if c == "good" else run + 1
        packed = UNSPACED_WEIGHT if spacing and not blocks[i].spaced else 1.0
        gain = blocks[i].length * weight * packed if c == "good" else -BAD_COST * min(run, RUN_CAP)
        if total <= 0:
            total, start = 0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


# the heading of the readers' comments: "12 comments", "Comments (12)", "Leave a reply", "20 thoughts on ..."
ISLAND_CHARS = 300  # prose beyond a box of links that still belongs to the story ...
ISLAND_GAP = 15  # ... when the box is at most this many blocks


def _extend(
    span: tuple[int, int], classes: list[str], blocks: list[Block], barriers: set[int], spacing: bool
) -> tuple[int, int]:
    """Carry the story on past a box of related links or an embed, when enough prose lies beyond it."""
    start, end = span
    while (island := _island(classes, blocks, barriers, end, 1, spacing)) is not None:
        end = island
    while (island := _island(classes, blocks, barriers, start - 1, -1, spacing)) is not None:
        start = island + 1
    return start, end


def _island(
    classes: list[str], blocks: list[Block], barriers: set[int], edge: int, step: int, spacing: bool
) -> int | None:
    """The far end of the prose beyond the gap that starts at ``edge``, if it is long enough to belong."""
    n = len(blocks)
    i = edge
    while 0 <= i < n and classes[i] != "good":
        if i in barriers or abs(i - edge) > ISLAND_GAP:
            return None
        i += step
    chars, goods = 0.0, 0
    while 0 <= i < n and i not in barriers:
        if classes[i] == "good":
            chars += blocks[i].length * (UNSPACED_WEIGHT if spacing and not blocks[i].spaced else 1.0)
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
# "Comments", "Reader comments": also a share bar's button, so a heading only after the story has begun
_BARE_COMMENTS = re.compile(r"^(?:(?:reader|readers'?|user|your) )?(?:comments?|discussion|responses?)\s*:?$", re.I)
# "About the author": the heading of the writer's biography, which ends the story as the comments' does
_ABOUT_WRITER = re.compile(
    r"^about (?:the |this )?(?:authors?|writers?|reporters?|contributors?)\s*(?::|(?:[:|]|\s[-–—])\s*[A-Z].*)?$", re.I
)
_ON_TITLE = re.compile(r"^\d[\d,]*\s+(?:comments?|responses?|replies|thoughts)\s+(?:on|to)\s", re.I)
PROSE_BEFORE = 2  # paragraphs of prose before a bare "Comments" that make it the comments' heading
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _barrier(block: Block, label: str | None) -> bool:
    """The page's copyright line (not a photo's "© Name") or the heading of its comments."""
    if label == "copyright":
        return "rights reserved" in block.text.lower() or bool(_YEAR.search(block.text))
    # "25 thoughts on “<the headline>”", "3 responses to <the headline>": the headline makes it long
    return (block.words <= 8 or bool(_ON_TITLE.match(block.text))) and bool(_COMMENTS.match(block.text))


def find_story(blocks: list[Block], labels: list[str | None]) -> tuple[list[str], tuple[int, int], int]:
    """Each block's class ("good" is prose), the span [start, end) of blocks that is the story, and the footer.

    The footer is the first barrier (copyright line, comments' or biography's heading) at or after the
    story's start: nothing from there on is story (``len(blocks)`` when there is none).
    """
    # a photo's caption or credit is set into the story: it says nothing of its neighbours' class
    classes = [
        (ASIDE if labels[i] in ASIDE_LABELS else "bad") if labels[i] is not None else _shape(b)
        for i, b in enumerate(blocks)
    ]
    if "good" not in classes:  # no paragraph long enough: a short story without chrome reads as near-good
        classes = ["good" if c == "neargood" else c for c in classes]
    stamps = {i for i, label in enumerate(labels) if label == "date" or (label and is_clock(blocks[i].text))}
    classes = _revise(classes, blocks, stamps)
    _teaser_pairs(classes, blocks)
    # a comments link or a copyright notice in the page's header is no barrier
    barriers = {i for i, b in enumerate(blocks) if i > BARRIER_FROM * len(blocks) and _barrier(b, labels[i])}
    goods = 0
    for i, (c, b) in enumerate(zip(classes, blocks, strict=True)):
        goods += c == "good"
        if goods >= PROSE_BEFORE and b.words <= 8 and (_BARE_COMMENTS.match(b.text) or _ABOUT_WRITER.match(b.text)):
            barriers.add(i)
    clocks = {i for i in stamps if is_clock(blocks[i].text)} | {i for i, c in enumerate(classes) if c == ASIDE}
    spacing = spaces_paragraphs(classes, blocks)
    span = _extend(_story_span(classes, blocks, barriers, clocks, spacing), classes, blocks, barriers, spacing)
    return classes, span, min((i for i in barriers if i >= span[0]), default=len(blocks))
