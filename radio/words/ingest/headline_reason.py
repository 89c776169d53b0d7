"""How ``--explain`` says why a line won the headline: its score and the features that added most to it."""

from __future__ import annotations

from radio.words.ingest.headline_weights import WEIGHTS

REASON_GAIN = 0.5  # a feature adding this much to the score is named in the reason
REASONS = 4
_SAID = {  # how a feature reads in the reason
    "share of its words the story uses": "the story uses its words",
    "share of its words the first paragraph uses": "the first paragraph uses its words",
    "the best share of the story's words": "the story uses its words most",
}


def why_won(row: list[float], features: tuple[str, ...], place: str, score: float, count: int) -> str:
    """What won the line the headline (``row``: its values of ``features``; ``place``: where it sits)."""
    if count == 1:
        return "the only title-like line near the story's start"
    gains = sorted(
        ((w * x, name) for w, x, name in zip(WEIGHTS, row, features, strict=True) if w * x >= REASON_GAIN),
        reverse=True,
    )
    said = ", ".join(_SAID.get(name, name) for _, name in gains[:REASONS]) or "no sign stood out"
    return f"the best-scored of {count} title-like lines near the story ({place}, score {score:.1f}: {said})"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, 'th') }"
