"""A learned score of story against chrome for the blocks of a page copied as text.

The rules of ``shape.py`` and ``story.py`` class most blocks well; where they
drop a block on its shape and place alone (a paragraph beyond an embed, a
short run beside the story), a small logistic regression over the same shape
features may read it (``story._learned``), the way jusText and boilerpipe
learned their block classifiers from labelled pages. The weights
(``weights.py``) were fitted by ``scripts/fit_text_weights.py`` on pages whose
HTML the HTML path read: a block of the page's text is "story" when the HTML
path spoke it. At run time the score is one dot product per block.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from radio.words.ingest.features import Block, is_button
from radio.words.ingest.shape import LINKS, TEASERS, _shape, _title_line
from radio.words.ingest.weights import BIAS, WEIGHTS

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
        digits = sum(c.isdigit() for c in text)
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
        ]


_LISTS = (LINKS, TEASERS)


def story_score(features: Sequence[float]) -> float:
    """The probability that a block with these features is part of the story."""
    z = BIAS + sum(w * x for w, x in zip(WEIGHTS, features, strict=True))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
