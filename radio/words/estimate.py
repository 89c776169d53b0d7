"""How many words a script's spoken text holds: the one count behind every estimate of its
length (`radio script`, `--dry-run`, `--length`; the pauses and music are added in
``radio.pipeline.estimate_ms``)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def spoken_words(spoken: str) -> int:
    """Words the engine will say: "twenty-one" is one, "don't" is one."""
    return len(_WORD.findall(spoken))
