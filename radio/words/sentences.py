"""Sentence ends, shared by the transcripts (cues) and the voice stage (engine-sized pieces)."""

from __future__ import annotations

import re

# Whitespace after a sentence end, which may be followed by a closing quote or bracket:
# split there, so the closing mark stays with its sentence.
SENTENCE_END = re.compile(r"(?<=[.!?…][\"”’)])\s+|(?<=[.!?…])\s+")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, every character but the separating whitespace kept."""
    return [s for s in SENTENCE_END.split(text) if s.strip()]
