"""Find the story in a whole page copied as text, by the shape of its lines.

A browser's select-all copy or a scraper gives one block per line, with the
page's menus, teasers, captions and footer around the story. Like jusText
(Pomikálek's boilerplate remover) each block is classed by its shape and
its neighbours, and the story is the run of blocks with the most prose in
it (``shape.py``). Line rules (``features.py``, ``rules.py``) class what a
line says on its face: bylines, stamps, credits, prompts, copyright. Here
captions and repeats, the author's biography and the standfirst are
decided, and the headline is the title-like line nearest above the story
(``headline.py``). Between the two, a learned score (``learned.py``) reads
the blocks the rules dropped on shape alone when it is sure they are story,
and drops a block they read on its shape beside chrome when it is surer
still that it is chrome.

Every block gets a ``LineDecision`` so that a producer can see why a line
was or was not read (``radio script --explain``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from radio.words.ingest.boxes import lead_above_box, link_boxes
from radio.words.ingest.endmatter import end_matter_start
from radio.words.ingest.features import Block, line_label, make_blocks
from radio.words.ingest.headline import choose_headline, is_signature, next_free
from radio.words.ingest.learned import PageContext, story_score
from radio.words.ingest.rules import (
    _BIO,
    _DATELINE,
    _WORD_CHAR,
    fold,
    headline_from,
    parse_date,
    strip_hover_cards,
    strip_links,
)
from radio.words.ingest.shape import (
    LINKS,
    STOPWORDS_HIGH,
    STOPWORDS_LOW,
    TEASERS,
    find_story,
    spaces_paragraphs,
    stopwords,
)

log = logging.getLogger(__name__)


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


_CREDITISH = {"credit", "caption"}


def _set_apart(block: Block, credit: Block) -> bool:
    """A sentence with a blank line between it and the credit under it: a paragraph above a photo, not its caption.

    A caption and its credit are printed together (one figure); a credit set
    apart belongs to a photo without a caption, or to its own line.
    """
    return block.sentence and credit.number > block.number + 1


def _captions(blocks: list[Block], labels: list[str | None], span: tuple[int, int]) -> None:
    """Class captions and repeated lines in place: a caption sits beside a credit or is printed twice."""
    n = len(blocks)
    for i, block in enumerate(blocks):
        if labels[i] is not None:
            continue
        if block.text == "/" or (i + 1 < n and blocks[i + 1].text == "/") or (i > 0 and blocks[i - 1].text == "/"):
            labels[i] = "credit"
        elif i + 1 < n and labels[i + 1] == "credit" and block.words <= 60 and not _set_apart(block, blocks[i + 1]):
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
        # a link's title (a headline: five words or more, no full stop) printed twice, in a box and in a list
        teaser = not blocks[copies[0]].sentence and blocks[copies[0]].words >= 5
        if beside_credit or close or (outside and short) or teaser:
            for i in copies:
                if labels[i] is None:
                    # printed twice in a row with nothing between: a caption, or the headline twice over; a
                    # copy signed by a byline or a stamp just under it is the headline (a gallery captions
                    # its photos with it)
                    caption = beside_credit and not any(
                        is_signature(blocks, labels, j) for j in range(i + 1, min(n, i + 4))
                    )
                    labels[i] = "caption" if caption else "repeat"


# "Ann Lee is a senior writer for ...", "Matthew is the site's UK-based editor ...": an author's biography
_END_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was|has been)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w&'’-]+\s+){0,4}(?i:reporter|correspondent|editor|writer|journalist|columnist|producer"
    r"|contributor|founder|professor|lecturer|author|consultant|fellow|researcher)\b"
)
# "Jane Doe has covered city hall since 2019", "Reach her at ...": a writer's beat, or how to reach the writer
_END_BEAT = re.compile(
    r"^(?!(?:The|This|That|Its|Our|Their|His|Her|A|An)\s)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
    r"\s+(?:covers|has covered|has reported on)\s"
    r"|\b(?i:reach|contact|e-?mail|write to|follow)\s+(?:him|her|them|me)\s+(?:at|on|via)\b",
)
BIO_CHARS = 400  # a biography is short
BIO_REACH = 3  # a biography among the story's last paragraphs ends it


def _by_author(text: str, authors: list[str]) -> bool:
    """The paragraph opens with the name the byline gives, then its verb: "Ann Lee writes about ..."."""
    return any(text.startswith(name) and _AUTHOR_VERB.match(text, len(name)) for name in authors)


_AUTHOR_VERB = re.compile(r"(?:\s+[a-z]|,\s)")
_AUTHORS = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _trailing_bios(blocks: list[Block], labels: list[str | None], kept: list[bool]) -> None:
    """The author's biography after the story ends it: it and what follows it are not read.

    A biography says what its writer is ("... is a reporter"), or opens with the
    name the byline signs (a story does not speak of its own writer).
    """
    last = [i for i, k in enumerate(kept) if k][-BIO_REACH:]
    byline = next((b.byline for b in blocks if b.byline), None)
    authors = [a for a in _AUTHORS.split(byline) if len(a.split()) >= 2] if byline else []
    bio = next(
        (
            i
            for i in last
            if _BIO.match(blocks[i].text)
            or _END_BIO.match(blocks[i].text)
            or _by_author(blocks[i].text, authors)
            or (blocks[i].length <= BIO_CHARS and _END_BEAT.search(blocks[i].text))
        ),
        None,
    )
    if bio is None or bio == last[0] == next(i for i, k in enumerate(kept) if k):
        return  # no biography, or nothing of the story before it
    for i in range(bio, len(blocks)):
        if kept[i]:
            kept[i], labels[i] = False, "bio" if i == bio else "after the biography"


def _standfirst(blocks: list[Block], labels: list[str | None], kept: list[bool], headline: int) -> None:
    """The summary printed under the headline is read, even without a full stop at its end."""
    below = next_free(labels, headline)
    if below is None or kept[below]:
        return
    block = blocks[below]
    if block.words >= 10 and block.density >= STOPWORDS_LOW and block.length <= 400:
        kept[below], labels[below] = True, "standfirst"


GALLERY_CAPTIONS = 2  # captions of prose that make a page without other prose a gallery
GALLERY_WORDS = 10


def _gallery(blocks: list[Block], labels: list[str | None], kept: list[bool]) -> None:
    """A page whose only prose is its photos' captions (a slideshow, a gallery): the captions are the story.

    Each is read once, in order; a caption too short to be prose (a name, a place) is not.
    """
    if any(kept):
        return
    prose = [
        i
        for i, label in enumerate(labels)
        if label == "caption"
        and blocks[i].sentence
        and blocks[i].words >= GALLERY_WORDS
        and blocks[i].density >= STOPWORDS_LOW
    ]
    if len(prose) < GALLERY_CAPTIONS:
        return
    seen: set[str] = set()
    for i in prose:
        if blocks[i].text not in seen:
            seen.add(blocks[i].text)
            kept[i], labels[i] = True, "caption of a gallery"


SHORT_PARAGRAPH_WORDS = 5  # a sentence this long between paragraphs of the story is one of them


def _short_paragraphs(blocks: list[Block], labels: list[str | None], kept: list[bool], span: tuple[int, int]) -> None:
    """A short sentence of prose between two paragraphs of the story is read.

    jusText's neighbour rule drops a short block beside an advertisement or a
    subhead; a block that ends like a sentence, is written in ordinary prose
    (as many stopwords as a paragraph) and has the story on both sides is
    part of it.
    """
    start, end = span
    inside = [i for i in range(start, end) if kept[i]]
    if len(inside) < 2:
        return
    for i in range(inside[0] + 1, inside[-1]):
        block = blocks[i]
        if (
            not kept[i]
            and labels[i] is None
            and block.sentence
            and block.words >= SHORT_PARAGRAPH_WORDS
            and block.density >= STOPWORDS_HIGH
            and block.text[:1].isupper()
        ):
            kept[i] = True


@dataclass
class RulePass:
    """What the rules decided of a page's blocks, before the learned score (``rule_pass``)."""

    blocks: list[Block]
    labels: list[str | None]  # the class a rule gave the block (None: its shape decides)
    classes: list[str]  # the shape class in context ("good" is prose)
    span: tuple[int, int]  # the story's run of blocks [start, end)
    footer: int  # the first barrier at or after the story's start: nothing from there is story
    kept: list[bool]


# a tag with attributes ('<tweet id="67" author="@x">', every attribute with a value, so "a <b c> d" is none), and
# the closing tag of one ("</tweet>"); a bare "<b>" or "<year>.<month>" in a text stays as written
_TAG = re.compile(r"</?(?P<name>[A-Za-z][\w:-]*)(?P<attrs>(?:[ \t]+[\w:-]+=(?:\"[^\"\n]*\"|'[^'\n]*'))*)[ \t]*/?>")


def _strip_tags(text: str) -> str:
    opened = {m["name"].lower() for m in _TAG.finditer(text) if m["attrs"]}
    return _TAG.sub(lambda m: "" if m["attrs"] or m["name"].lower() in opened else m[0], text)


# two apostrophes that open ('' before a word) or close (after a word or its punctuation) a quotation, in a text
# that opens one so ("b''" in code is none); of three apostrophes closing two quotations, the last two close the outer
_OPEN_TWO = re.compile(r"(?<![^\s(\[—–])''(?=[\w'‘])")
_CLOSE_TWO = re.compile(r"(?<=[\w.,!?;:’'-])''(?![\w'])")


def rule_pass(text: str) -> RulePass:
    """The blocks, their labels and classes, the story's span and what the rules keep, before the learned step."""
    if "<" in text:
        text = _strip_tags(text)  # markup left in a scrape ('<tweet id="..." author="...">'): its text is read
    if "''" in text and _OPEN_TWO.search(text):
        text = _CLOSE_TWO.sub('"', _OPEN_TWO.sub('"', text))  # ''Yes,'' he said: quote marks typed as two apostrophes
    blocks = make_blocks(text, stopwords())
    labels: list[str | None] = [line_label(b) for b in blocks]
    classes, span, footer = find_story(blocks, labels)
    boxes = link_boxes(blocks, labels, span[0]) if span[1] > span[0] else []
    if boxes:  # a box of links after the story's start: its summaries are no part of the story
        for i in boxes:
            labels[i] = "links"
        classes, span, footer = find_story(blocks, labels)
    lead = lead_above_box(blocks, labels, classes, span[0]) if span[1] > span[0] else None
    if lead is not None:  # the story's first paragraphs above a box of links set into it
        for i in range(lead, span[0]):
            if classes[i] != "good" and labels[i] is None:
                labels[i] = "links"
        span = (lead, span[1])
    _captions(blocks, labels, span)
    kept = [
        span[0] <= i < span[1] and classes[i] == "good" and labels[i] is None and _WORD_CHAR.search(b.text) is not None
        for i, b in enumerate(blocks)
    ]
    _short_paragraphs(blocks, labels, kept, span)
    return RulePass(blocks, labels, classes, span, footer, kept)


def learned_candidates(found: RulePass) -> list[int]:
    """The blocks the learned score may add to the story: dropped by the rules' shape and span alone.

    Blocks a line, caption, box or list rule classed stay as the rule says, and nothing past the footer is read.
    """
    return [
        i
        for i, b in enumerate(found.blocks[: found.footer])
        if not found.kept[i]
        and found.labels[i] is None
        and found.classes[i] not in (LINKS, TEASERS)  # a rule found a list of other stories here
        and _WORD_CHAR.search(b.text) is not None
    ]


def read_on_shape(found: RulePass) -> list[int]:
    """The blocks the rules read on their shape alone (no line rule classed them)."""
    return [i for i in range(len(found.kept)) if _on_shape(found, i)]


def _on_shape(found: RulePass, i: int) -> bool:
    return found.kept[i] and found.labels[i] is None


DROP_REACH = 2  # a block the rules read this close to one they do not read may be dropped by the score


def drop_candidates(found: RulePass) -> list[int]:
    """The blocks the learned score may drop: read on their shape, beside a block the rules do not read.

    At the story's edges, or in a short run between runs of chrome; a paragraph deep in the story
    (every block around it read) stays, and an article without a page around it is not scored.
    """
    n = len(found.kept)
    return [i for i in read_on_shape(found) if not all(found.kept[max(0, i - DROP_REACH) : min(n, i + DROP_REACH + 1)])]


LEARNED = True  # False: the rules alone (``scripts/eval_text.py --rules-only``)
# Chosen by cross-validation over groups of pages (scripts/fit_text_weights.py --cv): fitted without a group,
# scored on it with eval_text / eval_aeb.
KEEP_FROM = 0.65  # a block the rules drop is read from this score
KEEP_AFTER = 0.8  # ... and after the last block the rules read (a page's footer prompts look like prose)
DROP_FROM = 0.95  # a block the rules read on its shape is dropped from this chrome score (lower lost more story)
READ_BY_SHAPE = " (the rules' shape read it)"


def scorable(found: RulePass, page: PageContext) -> tuple[list[int], list[int]]:
    """The blocks the learned score may add, and those it may drop (``learned_candidates``, ``drop_candidates``)."""
    first = next((i for i, k in enumerate(found.kept) if k), len(found.blocks))
    bylines = [i for i, label in enumerate(found.labels) if label == "byline"]
    adds = [
        i
        for i in learned_candidates(found)
        # past a list of other stories the story ended; above the story's byline is the page's header
        if not page.past_a_list(i) and not (i < first < len(found.blocks) and any(i < j < first for j in bylines))
    ]
    return adds, drop_candidates(found)


NEIGHBOURS = 2  # the second pass reads the first scores of this many blocks either side (``context_features``)


def first_pass_blocks(found: RulePass, adds: list[int], drops: list[int]) -> list[int]:
    """The blocks whose first score the second pass reads: those it decides and the scored blocks around them.

    A block that is neither one the score may add nor one the rules read on its shape scores 0.
    """
    n = len(found.blocks)
    added = set(adds)
    wanted = {j for i in adds + drops for j in range(max(0, i - NEIGHBOURS), min(n, i + NEIGHBOURS + 1))}
    return sorted(j for j in wanted if j in added or _on_shape(found, j))  # (only the blocks near those scored)


def two_pass(page: PageContext, found: RulePass, adds: list[int], drops: list[int]) -> dict[int, float]:
    """The second pass's story score of the blocks the score may add and drop.

    The first pass scores blocks on their own features; the second reads those scores around
    each block (jusText's context step), with the head fitted on blocks of its kind.
    """
    first = [0.0] * len(found.blocks)
    own = {i: page.features(i) for i in first_pass_blocks(found, adds, drops)}
    for i, features in own.items():
        first[i] = story_score(features)
    scores = {i: story_score(page.context_features(i, own[i], first), "add") for i in adds}
    scores.update((i, story_score(page.context_features(i, own[i], first), "drop")) for i in drops)
    return scores


def _learned(found: RulePass) -> dict[int, str]:
    """The learned score adds the blocks it is sure of to the story, and drops those it is surest are chrome.

    Returns its verdict on each block it scored and did not leave as the rules had it, naming the class and
    its probability ("story 0.71", "chrome 0.82") for ``radio script --explain``.
    """
    verdicts: dict[int, str] = {}
    if not LEARNED or not found.blocks:
        return verdicts
    spacing = spaces_paragraphs(found.classes, found.blocks)
    page = PageContext(found.blocks, found.classes, found.labels, found.span, list(found.kept), spacing)
    adds, drops = scorable(found, page)
    if not adds and not drops:
        return verdicts
    scores = two_pass(page, found, adds, drops)
    last = max((i for i, k in enumerate(found.kept) if k), default=len(found.blocks))
    for i in adds:
        score = scores[i]
        found.kept[i] = score >= (KEEP_AFTER if i > last else KEEP_FROM)
        verdicts[i] = f"story {score:.2f}" if found.kept[i] else f"chrome {1 - score:.2f}"
    dropped = [i for i in drops if 1 - scores[i] >= DROP_FROM]
    if len(dropped) < sum(found.kept):  # the score never drops the whole story
        for i in dropped:
            found.kept[i] = False
            verdicts[i] = f"chrome {1 - scores[i]:.2f}{READ_BY_SHAPE}"
    return verdicts


def read_text(text: str) -> TextReading:
    """Find the story, its headline, date and byline in a page's text."""
    found = rule_pass(text)
    verdicts = _learned(found)
    blocks, labels, classes, span, kept = found.blocks, found.labels, found.classes, found.span, found.kept
    _trailing_bios(blocks, labels, kept)
    if (end := end_matter_start([b.text for b in blocks], kept)) is not None:
        for i in range(end, len(blocks)):
            if kept[i] or i == end:
                kept[i], labels[i] = False, "end matter" if i == end else "after the end matter"
    _gallery(blocks, labels, kept)
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
            label = label or verdicts.get(i)
            cleaned = strip_links(block.text)
            if (carded := strip_hover_cards(cleaned)) != cleaned:
                cleaned, label = carded, f"{label or 'story'} (a link's hover card dropped)"
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
            if verdicts.get(i, "").endswith(READ_BY_SHAPE):
                label = verdicts[i]  # the rules' shape read it; the learned score dropped it
            elif _BIO.match(block.text):
                label = "bio"
            elif classes[i] in (LINKS, TEASERS):
                label = classes[i]
            elif classes[i] != "bad":
                label = "prose outside the story"
            else:
                label = "chrome inside the story" if inside else "chrome"
            if i in verdicts and label != verdicts[i]:  # the score agreed: its class and probability, then the rules'
                label = f"{verdicts[i]}, {label}"
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
