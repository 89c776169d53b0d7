"""The headline of a page copied as text: the best-scored title-like line near the start of the story.

Between the headline and the story a page puts kickers ("BUSINESS"), bylines,
dates, the lead photo's caption and credit, share buttons and sometimes a
standfirst; above it, the site's menus. Lines classed as any of those are
skipped (``candidate_lines``). Each title-like line left is described by a few
dozen general features (``FEATURES``: how near it is, whether it is printed
again elsewhere or as "Title | Site", signed by a byline, heads a standfirst,
speaks of the story's words, reads like a menu item, a button, a pull quote,
...), and scored by a weighted sum whose weights were learned to rank the
page's own headline first over pages nobody here wrote
(``headline_weights.py``, fitted by ``scripts/fit_headline_weights.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from radio.words.ingest.features import Block, is_button
from radio.words.ingest.headline_lines import (
    FORMAT_TAG,
    INNER_SENTENCE,
    MAX_WORDS,
    MIN_WORDS,
    PARTS,
    SITE_SEPARATOR,
    STEP_WORDS,
    abbreviated,
    breadcrumb_steps,
    dangling_word_dropped,
    date_only,
    full_stop,
    numbered_item,
    quoted,
    shouting,
    title_case,
    title_like,
)
from radio.words.ingest.headline_reason import ordinal, why_won
from radio.words.ingest.headline_weights import WEIGHTS
from radio.words.ingest.rules import _YEAR, _headline, fold, strip_links
from radio.words.ingest.shape import stopwords

LOOK_ABOVE = 60  # blocks above the story searched for the headline
LOOK_BELOW = 8  # blocks below the story's first searched for it
BELOW_KEPT = 1  # the most blocks read as story above a headline below the story's first
SHORT_REACH = 20  # how far from the story's first line a candidate of fewer than MIN_WORDS words may be
CANDIDATE_WORDS = 2  # the fewest words of a candidate


def _dek_below(blocks: list[Block], labels: list[str | None], index: int) -> bool:
    """The line at ``index`` heads a standfirst: a title without a full stop over a line of prose.

    Buttons, dates and reading times between the two are passed over.
    """
    if index < 0 or labels[index] not in (None, "repeat"):
        return False
    below_index = next_free(labels, index)
    if below_index is None:
        return False
    below, block = blocks[below_index], blocks[index]
    return (
        block.words >= 4
        and below.words >= 6
        and below.density >= 0.3
        and title_like(block)
        and not full_stop(block.text)
        and not shouting(block.text)
        and not INNER_SENTENCE.search(block.text)
        and not title_case(below.text)  # a standfirst is written as a sentence, not as a title
        and fold(below.text) not in fold(block.text)  # nor is it a part of the line above (a breadcrumb's end)
    )


STANDFIRST_MORE = 4  # a standfirst not written in sentences is this many words longer than its headline


def _says_more(block: Block, below: Block) -> bool:
    """The line ``below`` reads as a standfirst of ``block``: longer, or written in sentences."""
    more = below.words >= block.words + STANDFIRST_MORE
    return more or below.text.endswith(".") or INNER_SENTENCE.search(below.text) is not None


def next_free(labels: list[str | None], index: int) -> int | None:
    """The next block after ``index`` that no line rule classed, within three blocks."""
    for j in range(index + 1, min(len(labels), index + 4)):
        if labels[j] is None:
            return j
        if labels[j] not in ("boilerplate", "date"):
            return None  # a byline or a caption: not a standfirst's place
    return None


def _prev_free(labels: list[str | None], index: int) -> int:
    """The block before ``index`` whose standfirst ``index`` may be (-1 if none)."""
    for j in range(index - 1, max(-1, index - 4), -1):
        if labels[j] in (None, "repeat"):
            return j
        if labels[j] not in ("boilerplate", "date"):
            return -1
    return -1


def _in_menu(blocks: list[Block], labels: list[str | None], index: int) -> bool:
    """Two of the four blocks around it are short labels too: an item of a menu (bylines and dates aside)."""
    near = [j for j in (index - 2, index - 1, index + 1, index + 2) if 0 <= j < len(blocks)]
    return sum(1 for j in near if blocks[j].words <= 4 and not blocks[j].sentence and labels[j] != "byline") >= 2


class _Evidence:
    """How often each of ``lines`` is printed on the page, whole or as one part of "Title | Site".

    Only the given lines' keys are counted. A block can print a key only if it
    holds the key's longest word, so most blocks are passed over by a substring
    test before their words are folded.
    """

    def __init__(self, blocks: list[Block], lines: list[Block]) -> None:
        wanted = {fold(b.text) for b in lines}
        longest = {max(key.split(" "), key=len) for key in wanted}
        screen = "" not in longest and len(longest) <= SCREEN_WORDS
        self.counts: dict[str, int] = dict.fromkeys(wanted, 0)
        for block in blocks:
            if not MIN_WORDS <= block.words <= MAX_WORDS + 10:
                continue
            if screen:
                low = block.text.lower()
                if not any(word in low for word in longest):
                    continue
            keys = {fold(block.text)}
            if block.words > MIN_WORDS and PARTS.search(block.text):
                keys.update(fold(part) for part in PARTS.split(block.text) if len(part.split()) >= MIN_WORDS)
            if "“" in block.text or '"' in block.text:  # "12 thoughts on “Title”", "Share “Title” by email"
                keys.update(fold(quoted) for quoted in _QUOTED_TITLE.findall(block.text))
            if block.text.endswith(("…", "...")) and block.words >= CUT_WORDS:  # "Title cut short…" in a list
                cut = fold(block.text)
                keys.update(key for key in wanted if key.startswith(cut) and len(key) > len(cut))
            if block.words > MIN_WORDS + 1:  # "Home News Business Title": a breadcrumb without separators ends with it
                whole = fold(block.text)
                keys.update(
                    key
                    for key in wanted
                    if len(key) < len(whole)
                    and whole.endswith(" " + key)
                    and whole.count(" ") - key.count(" ") <= 2 * STEP_WORDS  # a short trail of sections before it
                    and not _SENTENCE_STOP.search(" ".join(block.text.split()[: whole.count(" ") - key.count(" ")]))
                )
            for key in keys & wanted:
                self.counts[key] += 1

    def repeated(self, block: Block) -> bool:
        return self.counts.get(fold(block.text), 0) > 1


_SENTENCE_STOP = re.compile(r"[.!?,;]\s")  # a sentence, not a trail of section names, before a line it ends with
_QUOTED_TITLE = re.compile(r"[“\"]([^“”\"]{10,250})[”\"]")
CUT_WORDS = 5  # a headline cut short with "…" in a list of links still prints the headline when this long
SCREEN_WORDS = 64  # with more such words than this to look for, every block is folded

RANK_CAP = 6  # past this many nearer candidates (a list of teasers), distance costs no more
SIGNED_REACH = 3  # a byline or a stamp this close under a line (or two above it) marks the article's head
SIGNED_PAST = 10  # how far below a line its byline may sit when only buttons, captions and credits come between
_PASSED = frozenset(("boilerplate", "caption", "credit", "date", "repeat"))


def is_signature(blocks: list[Block], labels: list[str | None], j: int) -> bool:
    """Block ``j`` signs the article: a byline or a "Published ..." stamp (a bare date does not)."""
    return labels[j] == "byline" or blocks[j].is_stamp


def _signed(blocks: list[Block], labels: list[str | None], index: int) -> bool:
    """A byline or a "Published ..." stamp sits just under the line (or just above it, under a kicker).

    A bare date does not count: a list of teasers gives each its date (and a list signed item by item, its
    author: a line between two bylines is one of those).
    """

    def signature(j: int) -> bool:
        return is_signature(blocks, labels, j)

    if (
        0 < index < len(labels) - 1
        and labels[index - 1] == labels[index + 1] == "byline"
        and blocks[index - 1].text != blocks[index + 1].text
    ):
        return False  # one author over it, another under it: a list of teasers, each signed by its author
    if any(signature(j) for j in range(index + 1, min(len(labels), index + SIGNED_REACH + 1))):
        return True
    # further down, past share buttons and the lead photo's caption and credit, as long as nothing else comes first
    for j in range(index + 1, min(len(labels), index + SIGNED_PAST + 1)):
        if signature(j):
            return True
        if labels[j] not in _PASSED:
            break
    # a signature just above (under a kicker) signs the line only with no unclassed block between them,
    # and only when no title as long as the line stands over it: a kicker is shorter than its headline, and
    # a longer title over the signature is the headline it signs (the line under it a caption or a teaser)
    for j in range(index - 1, max(-1, index - 3), -1):
        if signature(j):
            return not _titled_above(blocks, labels, j, blocks[index].words)
        if labels[j] is None:
            return False
    return False


def _titled_above(blocks: list[Block], labels: list[str | None], j: int, words: int) -> bool:
    """The nearest unclassed block over block ``j`` (within three) is a title of ``words`` words or more."""
    for k in range(j - 1, max(-1, j - 4), -1):
        if labels[k] is None:
            block = blocks[k]
            return title_like(block, max(words, 4)) and not full_stop(block.text) and not shouting(block.text)
        if labels[k] not in _PASSED and not is_signature(blocks, labels, k):
            return False
    return False


def content_words(text: str) -> set[str]:
    """The stems of the words of three letters or more outside the stop list, lower case
    ("hunter" and "hunted" share "hunt": a headline and its story word a thing differently)."""
    stops = stopwords()
    return {_STEM.sub("", w) for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in stops}


# a light stemmer: the commonest English endings, leaving at least four letters
_STEM = re.compile(r"(?<=\w{4})(?:ing|ers|er|ed|es|s)$")


def _share(words: set[str], story: set[str]) -> float:
    """The share of a line's content words the story uses: a headline speaks of its story, a teaser of another."""
    return len(words & story) / len(words) if words else 0.0


# The features of a candidate line, in the order of ``headline_weights.WEIGHTS``. The first sixteen are
# those of the hand-weighted score of earlier rounds (``scripts/fit_headline_weights.py`` keeps its weights
# to compare); the rest were added for the learned weights.
FEATURES = (
    "nearer candidates (up to six)",
    "printed again on the page",
    "six words or more",
    "four or five words",
    "ends with a full stop",
    "more than twenty words",
    "two sentences",
    "in capitals",
    "a short item of a menu",
    "heads a standfirst",
    "the standfirst under a headline",
    "signed by a byline or stamp",
    "in quote marks",
    "a button's label",
    "no stopwords",
    "share of its words the story uses",
    "the story's own first line",
    "blocks above the story (log)",
    "nearest candidate",
    "title case",
    "stopword share",
    "share of its words the first paragraph uses",
    "set apart by blank lines",
    "words (log)",
    "copies on the page (log)",
    "a date next to it",
    "ends with a question or exclamation mark",
    "holds a colon",
    "place in the page",
    "printed twice near the story",
    "two words",
    "below the story's first line",
    "short unclassed lines around it (of four)",
    "classed lines around it (of four)",
    "the best share of the story's words",
    "a sentence of ten words or more",
    "opens with a figure",
    "share of figures",
    "title-like lines in a row with it (log)",
    "lines around it printed again on the page",
    "under another title of four words or more",
    "over another title of four words or more",
)


def candidate_features(
    blocks: list[Block], labels: list[str | None], kept: list[bool], first: int, candidates: list[int]
) -> list[list[float]]:
    """The features (``FEATURES``) of each candidate, in the order of ``candidates``."""
    seen = _Evidence(blocks, [blocks[i] for i in candidates])
    story: set[str] = set()
    if len(candidates) > 1:  # the story's words weigh one candidate against another
        story = content_words(" ".join(b.text for b, k in zip(blocks, kept, strict=True) if k))
    lede = content_words(blocks[first].text) if len(candidates) > 1 else set()
    n = len(blocks)
    rows: list[list[float]] = []
    own = [content_words(blocks[i].text) for i in candidates] if story else []
    shares = [_share(words, story) for words in own] if story else [0.0] * len(candidates)
    best_share = max(shares, default=0.0)
    printed = Counter(b.text for b in blocks)  # a menu printed twice (once for small screens) repeats all its lines
    rank = 0  # nearer candidates of three words or more (two-word lines are many on some pages: a menu's)
    for at, i in enumerate(candidates):
        block, text = blocks[i], blocks[i].text
        rank += at > 0 and blocks[candidates[at - 1]].words >= MIN_WORDS
        around = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < n]
        short = sum(1 for j in around if blocks[j].words <= 4 and not blocks[j].sentence and labels[j] is None)
        copies = seen.counts.get(fold(text), 0)
        heads_dek = _dek_below(blocks, labels, i)
        above = _prev_free(labels, i)
        # the standfirst of the title above it, unless as short as that title and written as one (a headline
        # under a teaser or a promotion)
        under_head = _dek_below(blocks, labels, above) and _says_more(blocks[above], block)
        # the signature under a standfirst signs the headline above it
        below = next_free(labels, i) if heads_dek else None
        if below is not None and not _says_more(block, blocks[below]):
            below = None  # a line no longer than this one and written as a title is a headline of its own
        signed = _signed(blocks, labels, i) or (below is not None and _signed(blocks, labels, below))
        rows.append(
            [
                float(min(rank, RANK_CAP)),
                float(copies > 1),
                float(block.words >= 6),
                float(4 <= block.words < 6),
                float(full_stop(text)),
                float(block.words > 20),
                float(INNER_SENTENCE.search(text) is not None),
                float(shouting(text)),
                float(block.words <= 5 and _in_menu(blocks, labels, i)),
                float(heads_dek),
                float(under_head),
                float(signed and not under_head),
                float(quoted(text)),
                float(block.words <= 8 and is_button(text)),
                float(block.density == 0 and block.words >= 5),
                shares[at],
                float(i == first),
                math.log1p(max(first - i, 0)),
                float(rank == 0),
                float(title_case(text)),
                block.density,
                _share(own[at], lede) if lede else 0.0,
                float(block.spaced),
                math.log1p(block.words),
                math.log1p(max(copies - 1, 0)),
                float(any(labels[j] == "date" for j in around)),
                float(text.rstrip("\"'”’").endswith(("?", "!"))),
                float(":" in text),
                i / n,
                float(labels[i] == "repeat"),
                float(block.words == 2),
                float(i > first),
                short / 4,
                sum(1 for j in around if labels[j] not in (None, "repeat")) / 4,
                float(shares[at] == best_share > 0),
                float(block.words >= 10 and full_stop(text)),
                float(text[:1].isdigit()),
                sum(map(str.isdigit, text)) / len(text),
                math.log(_run(blocks, labels, kept, i)),
                sum(1 for j in around if printed[blocks[j].text] > 1) / 4,
                float(_titled(blocks, labels, kept, _prev_free(labels, i))),
                float(_titled(blocks, labels, kept, next_free(labels, i))),
            ]
        )
    return rows


RUN_REACH = 8  # the furthest a run of title-like lines is followed either way


def _titled(blocks: list[Block], labels: list[str | None], kept: list[bool], j: int | None) -> bool:
    """Block ``j`` is a title of four words or more (a headline over a subheading, a subheading under it)."""
    return j is not None and j >= 0 and not kept[j] and title_like(blocks[j], 4) and not full_stop(blocks[j].text)


def _run(blocks: list[Block], labels: list[str | None], kept: list[bool], index: int) -> int:
    """How many title-like lines stand in a row with block ``index``: a list (contents, pros and cons, teasers)
    prints its items one under another, a headline stands apart (a standfirst under it)."""
    count = 1
    for step in (-1, 1):
        j = index + step
        while 0 <= j < len(blocks) and abs(j - index) <= RUN_REACH and not kept[j] and labels[j] in (None, "repeat"):
            if not title_like(blocks[j], CANDIDATE_WORDS):
                break
            count, j = count + 1, j + step
    return count


# the hand-weighted score of earlier rounds, on the first sixteen features (kept to compare with the learned)
HAND_WEIGHTS = (-0.4, 2.0, 3.0, 1.5, -2.0, -3.0, -1.0, -3.0, -3.0, 2.0, -2.0, 5.0, -1.5, -2.0, -1.5, 6.0)


def line_score(row: list[float], weights: tuple[float, ...] = WEIGHTS) -> float:
    """A candidate's score: the weighted sum of its features."""
    return sum(w * x for w, x in zip(weights, row, strict=True))


def score_candidates(
    blocks: list[Block], labels: list[str | None], kept: list[bool], first: int, candidates: list[int]
) -> list[tuple[float, int, list[float]]]:
    """(score, block index, features) for each candidate, nearest first; the first best one wins."""
    rows = candidate_features(blocks, labels, kept, first, candidates)
    return [(line_score(row), i, row) for i, row in zip(candidates, rows, strict=True)]


SITE_WORDS = 5  # a site's name is this short


def _part_printed_alone(blocks: list[Block], index: int, text: str) -> str:
    """The title of a "Title - Site" line when the page prints that title on a line of its own."""
    parts = SITE_SEPARATOR.split(text)
    if len(parts) != 2:
        return text
    lines = {fold(b.text) for j, b in enumerate(blocks) if j != index and b.length <= 300}
    alone = [p for p in parts if len(p.split()) >= MIN_WORDS and fold(p) in lines]
    if len(alone) != 1:
        return text
    rest = parts[1] if alone[0] == parts[0] else parts[0]
    # the part left out must read as a site's name ("Courier", "The Evening Post"), not as the headline's
    # second half ("Fallen Order review – shoots for the moon")
    return alone[0] if rest[:1].isupper() and len(rest.split()) <= SITE_WORDS else text


def _open(blocks: list[Block], labels: list[str | None], kept: list[bool], i: int, first: int) -> bool:
    """Block ``i`` may be the headline: title-like, not read as story, not classed by a line rule.

    A line of two words only near the story: further up, they are a menu's.
    """
    labelled = labels[i] not in (None, "repeat") and not (
        labels[i] == "boilerplate" and FORMAT_TAG.match(blocks[i].text)
    )
    fewest = CANDIDATE_WORDS if abs(first - i) <= SHORT_REACH else MIN_WORDS
    return not labelled and not kept[i] and title_like(blocks[i], fewest)


def candidate_lines(blocks: list[Block], labels: list[str | None], kept: list[bool], first: int) -> list[int]:
    """The blocks that may be the headline of the story starting at block ``first``, nearest first.

    A line whose headline would be a date ("December 22, 2014 | Comments (25)") or a word and an address
    ("AS - www.example.com", the address dropped) is none, nor is an item of a numbered list ("Example 5: ...").
    """
    return [
        i
        for i in _candidate_lines(blocks, labels, kept, first)
        if _says_something(blocks, i) and not numbered_item(blocks, i)
    ]


def _says_something(blocks: list[Block], index: int) -> bool:
    """The headline block ``index`` gives is more than a date, and two words or more once links are dropped."""
    text = blocks[index].text
    if not (_YEAR.search(text) or "www." in text or "://" in text or "@" in text):
        return True  # neither a date nor a link to drop: the line's own words stand
    head = headline_text(blocks, index)
    return not date_only(head) and sum(any(c.isalpha() for c in w) for w in head.split()) >= CANDIDATE_WORDS


def _candidate_lines(blocks: list[Block], labels: list[str | None], kept: list[bool], first: int) -> list[int]:
    candidates: list[int] = []
    # the story's own first line can be its headline when it does not read as a sentence
    top = blocks[first]
    if title_like(top) and (not top.sentence or title_case(top.text) or abbreviated(top.text)):
        candidates.append(first)
        # and so can the next line read as story, a title too: the first was a teaser the story's run took in
        second = next((j for j in range(first + 1, min(len(blocks), first + 3)) if kept[j]), None)
        if second is not None and title_like(blocks[second]) and not blocks[second].sentence:
            candidates.append(second)
    for i in range(first - 1, max(-1, first - 1 - LOOK_ABOVE), -1):
        if _open(blocks, labels, kept, i, first):
            candidates.append(i)
    # a page whose chrome the story's run took in prints the headline a few lines into it
    # (while no more than BELOW_KEPT blocks are read above it)
    for i in range(first + 1, min(len(blocks), first + 1 + LOOK_BELOW)):
        if sum(kept[first:i]) > BELOW_KEPT:
            break
        if _open(blocks, labels, kept, i, first):
            candidates.append(i)
    if not candidates and blocks[first].length < 80 and title_like(blocks[first]) and first + 1 < len(blocks):
        candidates.append(first)  # nothing above: a short first line heads a bare story ("Council backs ..., part 2.")
    return candidates


def choose_headline(
    blocks: list[Block], labels: list[str | None], kept: list[bool], first: int
) -> tuple[str, int, str] | None:
    """(headline, index of its block, why) for the story starting at block ``first``; None if no line qualifies."""
    candidates = candidate_lines(blocks, labels, kept, first)
    if not candidates:
        return None
    if len(candidates) == 1:  # nothing to weigh it against
        return headline_text(blocks, candidates[0]), candidates[0], why_won([], FEATURES, "", 0.0, 1)
    scored = score_candidates(blocks, labels, kept, first, candidates)
    score, best, row = max(scored, key=lambda item: item[0])
    above = [i for i in candidates if i <= first]
    place = (
        "below the story's first line"
        if best > first
        else "the nearest"
        if best == above[0]
        else f"the {ordinal(above.index(best) + 1)} nearest"
    )
    why = why_won(row, FEATURES, place, score, len(candidates))
    if best != first and kept[best] and first in candidates:  # the story's second line: its first, a teaser
        kept[first], labels[first] = False, "teaser above the headline"
    return headline_text(blocks, best), best, why


def headline_text(blocks: list[Block], best: int) -> str:
    """The headline block ``best`` gives: a "Title | Site" line or a breadcrumb cut to its title."""
    text = blocks[best].text
    parts = text.split(" | ")
    steps = breadcrumb_steps(text)
    if len(steps) > 1 and len(steps[-1].split()) >= 2:
        text = steps[-1]  # "Site > Section > Title": a breadcrumb ends with the page's own title
    elif len(parts) == 2 and min(len(p.split()) for p in parts) <= 4:
        text = max(parts, key=len)  # "Title | Site", "Section | Title"
    else:
        text = _part_printed_alone(blocks, best, text)
    text = dangling_word_dropped(strip_links(text))
    return text if abbreviated(text) else _headline(text)  # "..., D.C." keeps its abbreviation's stop
