"""How long a script will take to say, before any audio is made (for `radio script` and
`radio episode --dry-run`): its spoken words at the speaking rate, and the pauses between segments."""

from __future__ import annotations

import re

from radio.models import Script

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def spoken_words(spoken: str) -> int:
    """Words the engine will say: "twenty-one" is one, "don't" is one."""
    return len(_WORD.findall(spoken))


def estimate_speech_ms(
    script: Script, rate_wpm: int, pause_within_paragraph_ms: int, pause_between_paragraphs_ms: int, lead_in_ms: int
) -> int:
    """The spoken words at ``rate_wpm`` plus the pauses the mix puts between segments (within a
    paragraph, or between paragraphs and around the intro and outro) and the lead-in. Music is not
    included: the intro sting and the outro's tail add their own length."""
    words = sum(spoken_words(seg.spoken) for seg in script.segments)
    pauses = 0
    for before, after in zip(script.segments, script.segments[1:], strict=False):
        same = before.paragraph == after.paragraph and before.paragraph >= 0
        pauses += pause_within_paragraph_ms if same else pause_between_paragraphs_ms
    return round(words * 60_000 / rate_wpm) + pauses + lead_in_ms
