"""A learned score of story against chrome for the blocks of a page copied as text.

The rules of ``shape.py`` and ``story.py`` class most blocks well; where they
decide a block on its shape and place alone, small logistic regressions over
shape features may overrule them (``story._learned``), the way jusText and
boilerpipe learned their block classifiers from labelled pages. A first pass
scores each block on its own features (``FEATURES``); a second, like
jusText's context step, adds the first scores of the blocks around it
(``CONTEXT_FEATURES``), with one head for the blocks the rules dropped on
their shape ("add": read it when sure) and one for those they read ("drop":
drop it when surer still). The weights (``weights.py``) were fitted by
``scripts/fit_text_weights.py`` on blocks labelled by containment: in what
the HTML path spoke of the page (a teacher), or in the article body a person
marked (the article-extraction-benchmark's dev half). At run time a score is
one dot product per block.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Sequence

from radio.words.ingest.features import Block, is_button
from radio.words.ingest.shape import LINKS, TEASERS, _shape, _title_line
from radio.words.ingest.weights import ADD_BIAS, ADD_WEIGHTS, BIAS, DROP_BIAS, DROP_WEIGHTS, WEIGHTS

# the features, in the order of ``WEIGHTS``
FEATURES = (
    "log length",
    "log words",
    "stopword share",
    "ends like a sentence",
    "set apart, where the page spaces its paragraphs",
    "packed, where the page spaces its paragraphs",
    "shape good",
    "shape near-good",
    "shape bad",
    "class good in context",
    "inside the story's run",
    "kept by the rules",
    "previous kept by the rules",
    "next kept by the rules",
    "previous class good",
    "next class good",
    "previous stopword share",
    "next stopword share",
    "headline-shaped",
    "button label",
    "opens with a capital",
    "ends with a colon",
    "share of digits",
    "place in the page",
    "blocks from the story's run (log)",
    "after the story's run",
    "classed blocks between it and the story (log)",
    "printed elsewhere on the page",
    "ends with an ellipsis",
    "share of capitalised words (of its first ones)",
    "kept by the rules within two blocks (share)",
    "at an edge of what the rules keep",
    "share of the rules' story above it",
)
# the second pass (jusText's context step): the first pass's scores of the blocks around it
CONTEXT_FEATURES = (
    *FEATURES,
    "previous block's first score",
    "next block's first score",
    "best first score of the two blocks either side",
)


class PageContext:
    """What the features of a block need from the whole page, counted once (prefix sums, nearest kept blocks)."""

    def __init__(
        self,
        blocks: Sequence[Block],
        classes: Sequence[str],
        labels: Sequence[str | None],
        span: tuple[int, int],
        kept: Sequence[bool],
        spacing: bool,
    ) -> None:
        self.blocks, self.classes, self.span, self.kept, self.spacing = blocks, classes, span, kept, spacing
        n = len(blocks)
        self.lists = [0] * (n + 1)  # blocks of lists of links or teasers before block i
        self.classed = [0] * (n + 1)  # blocks a rule classed before block i
        for i in range(n):
            listed = classes[i] in _LISTS or labels[i] == "links"
            self.lists[i + 1] = self.lists[i] + listed
            self.classed[i + 1] = self.classed[i] + (labels[i] is not None)
        self.kept_sums = [0] * (n + 1)
        for i in range(n):
            self.kept_sums[i + 1] = self.kept_sums[i] + bool(kept[i])
        self.copies = Counter(b.text for b in blocks)
        self.kept_before = [-1] * n  # the nearest block the rules keep, before and after
        self.kept_after = [n] * n
        last = -1
        for i in range(n):
            self.kept_before[i] = last
            last = i if kept[i] else last
        last = n
        for i in range(n - 1, -1, -1):
            self.kept_after[i] = last
            last = i if kept[i] else last

    def past_a_list(self, i: int) -> bool:
        """A list of links or teasers lies between block ``i`` and the story on both sides: the story ended there."""
        return self._between(self.lists, i) > 0

    def _between(self, sums: list[int], i: int) -> int:
        """The count in ``sums`` between block ``i`` and the nearest kept block (fewest either side)."""
        left, right = self.kept_before[i], self.kept_after[i]
        counts = []
        if left >= 0:
            counts.append(sums[i] - sums[left + 1])
        if right < len(self.blocks):
            counts.append(sums[right] - sums[i + 1])
        return min(counts) if counts else 0

    def features(self, i: int) -> list[float]:
        """The features of block ``i`` (``FEATURES``).

        Past either end of the page the neighbour is the block itself: an
        article copied without its page has no chrome around it to tell.
        """
        blocks, classes, kept = self.blocks, self.classes, self.kept
        block = blocks[i]
        n = len(blocks)
        shape = _shape(block)
        before = i - 1 if i > 0 else i
        after = i + 1 if i + 1 < n else i
        text = block.text
        digits = sum(map(len, _DIGITS.findall(text)))
        start, end = self.span
        outside = start - i if i < start else i - end + 1 if i >= end else 0
        return [
            math.log1p(block.length),
            math.log1p(block.words),
            block.density,
            float(block.sentence),
            float(self.spacing and block.spaced),
            float(self.spacing and not block.spaced),
            float(shape == "good"),
            float(shape == "neargood"),
            float(shape == "bad"),
            float(classes[i] == "good"),
            float(start <= i < end),
            float(kept[i]),
            float(kept[before]),
            float(kept[after]),
            float(classes[before] == "good"),
            float(classes[after] == "good"),
            blocks[before].density,
            blocks[after].density,
            float(_title_line(block)),
            float(is_button(text)),
            float(text[:1].isupper()),
            float(text.endswith(":")),
            digits / len(text) if text else 0.0,
            i / n,
            math.log1p(outside),
            float(i >= end),
            math.log1p(self._between(self.classed, i)),
            float(self.copies[text] > 1),
            float(text.endswith(("…", "..."))),
            _capitalised(text),
            (self.kept_sums[min(n, i + 3)] - self.kept_sums[max(0, i - 2)] - float(kept[i])) / 4,
            float(kept[i] and (self.kept_before[i] < 0 or self.kept_after[i] >= n)),
            self.kept_sums[i] / self.kept_sums[n] if self.kept_sums[n] else 0.0,
        ]

    def context_features(self, i: int, own: list[float], first: Sequence[float]) -> list[float]:
        """Block ``i``'s own features ``own`` and the first pass's scores ``first`` of its neighbours.

        In the order of ``CONTEXT_FEATURES``.
        """
        n = len(self.blocks)
        before = first[i - 1] if i > 0 else first[i]
        after = first[i + 1] if i + 1 < n else first[i]
        near = [first[j] for j in range(max(0, i - 2), min(n, i + 3)) if j != i]
        return [*own, before, after, max(near, default=first[i])]


_DIGITS = re.compile(r"\d+")
CAPITALS_CHARS = 200  # the capitals are counted in a block's first characters (a paragraph's share is low anyway)
_WORD_START = re.compile(r"\b[^\W\d_]")  # the first letter of each word


def _capitalised(text: str) -> float:
    """The share of its first words that open with a capital letter (a menu, a list of names, a headline)."""
    firsts = _WORD_START.findall(text, 0, CAPITALS_CHARS)
    return sum(map(str.isupper, firsts)) / len(firsts) if firsts else 0.0


_LISTS = (LINKS, TEASERS)


# the scores: "first" on a block's own features, then in context (``CONTEXT_FEATURES``) "add" for a block the
# rules dropped on its shape, "drop" for one they read; each fitted on its own blocks
HEADS: dict[str, tuple[float, tuple[float, ...]]] = {
    "first": (BIAS, WEIGHTS),
    "add": (ADD_BIAS, ADD_WEIGHTS),
    "drop": (DROP_BIAS, DROP_WEIGHTS),
}


def story_score(features: Sequence[float], head: str = "first") -> float:
    """The probability that a block with these features is part of the story, by the score ``head``."""
    bias, weights = HEADS[head]
    if len(features) != len(weights):
        raise ValueError(f"{len(features)} features for {len(weights)} weights")
    z = bias + sum(map(operator.mul, weights, features))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
