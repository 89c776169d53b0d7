"""Fit a script to a target length by cutting whole paragraphs.

Stories are cut at paragraph ends, later paragraphs first, and each story keeps
its first paragraph. A paragraph that goes on with the quote the one before it
ended with (the same speaker's words across a paragraph break) goes with that
paragraph, so a cut never falls inside a quote. How long a script takes to say
is estimated by the caller (``estimate``), from the words and the engine's rate.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from radio.errors import InputError
from radio.models import Script, Segment
from radio.words.estimate import spoken_words

MAX_LENGTH_MIN = 24 * 60


def speech_ms(spoken: str, rate_wpm: int) -> int:
    """How long ``spoken`` takes to say at ``rate_wpm`` words a minute."""
    return round(spoken_words(spoken) * 60_000 / rate_wpm)


def parse_length(text: str) -> int:
    """A target length in milliseconds from minutes ("5", "2.5", "5m", "5min"), minutes and
    seconds ("4:30") or seconds ("90s")."""
    value = text.strip().lower()
    try:
        if ":" in value:
            minutes, seconds = value.split(":", 1)
            ms = (int(minutes) * 60 + float(seconds)) * 1000 if 0 <= float(seconds) < 60 else -1.0
        elif value.endswith("s"):
            ms = float(value[:-1]) * 1000
        else:
            ms = float(re.sub(r"\s*(m|min|mins|minutes?)$", "", value)) * 60_000
    except ValueError:
        ms = -1.0
    if not 10_000 <= ms <= MAX_LENGTH_MIN * 60_000:  # also catches nan
        raise InputError(
            f"--length {text!r} is not a length radio can fit; give minutes (5, 2.5), minutes:seconds (4:30) "
            "or seconds (90s), from 10 seconds up"
        )
    return round(ms)


@dataclass(frozen=True)
class Cut:
    """Paragraphs cut from one story."""

    story: int  # the bulletin's story; -1 for a script of one article
    headline: str
    paragraphs: int  # how many article paragraphs were cut
    words: int
    from_paragraph: int  # the first article paragraph cut (counted from 1, as a reader would)
    to_paragraph: int  # the last (the story's last)


@dataclass(frozen=True)
class Fit:
    """A script fitted to a target length (or as near as whole paragraphs allow)."""

    script: Script
    target_ms: int
    estimated_ms: int  # after the cuts
    before_ms: int  # before them
    cuts: tuple[Cut, ...]

    @property
    def fits(self) -> bool:
        return self.estimated_ms <= self.target_ms

    def summary(self) -> list[str]:
        """What was cut, and whether it fits, in lines for a producer."""
        lines = [
            f"length: about {_clock(self.before_ms)} estimated, target {_clock(self.target_ms)}"
            + (f"; now about {_clock(self.estimated_ms)}" if self.cuts else "")
        ]
        for cut in self.cuts:
            what = f"story {cut.story + 1} ({cut.headline})" if cut.story >= 0 else cut.headline
            which = (
                f"the last {cut.paragraphs} paragraphs ({cut.from_paragraph} to {cut.to_paragraph}"
                if cut.paragraphs > 1
                else f"the last paragraph ({cut.from_paragraph}"
            )
            lines.append(f"cut {which}, {cut.words} words) of {what}")
        if not self.fits:
            lines.append(
                f"cannot fit {_clock(self.target_ms)}: even with only each story's first paragraphs the estimate "
                f"is {_clock(self.estimated_ms)}, {_clock(self.estimated_ms - self.target_ms)} over; "
                "give a longer --length or fewer stories"
            )
        return lines


def _clock(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _blocks(segments: list[Segment]) -> list[list[int]]:
    """One story's paragraphs in the units a cut keeps together: a paragraph that opens
    with the quote the paragraph before it closed with (same speaker) joins that one."""
    blocks: list[list[int]] = []
    last: Segment | None = None
    for seg in segments:
        if seg.paragraph < 0:
            continue
        if last is None or seg.paragraph != last.paragraph:
            goes_on = last is not None and seg.kind == "quote" and last.kind == "quote" and seg.speaker == last.speaker
            if goes_on and blocks:
                blocks[-1].append(seg.paragraph)
            else:
                blocks.append([seg.paragraph])
        last = seg
    return blocks


def trim_to_length(script: Script, target_ms: int, estimate: Callable[[Script], int]) -> Fit:
    """Cut whole paragraphs, later ones first, until ``estimate(script)`` fits ``target_ms``.

    Each story keeps its first paragraph (and its headline); the intro and outro
    stay. Of the stories with something left to cut, the one whose last paragraph
    comes latest in its article is cut first (the longer story on a tie)."""
    stories = sorted({seg.story for seg in script.segments if seg.paragraph >= 0})
    blocks = {s: _blocks([seg for seg in script.segments if seg.story == s]) for s in stories}
    dropped: dict[int, set[int]] = {s: set() for s in stories}

    def current() -> Script:
        kept = tuple(
            seg for seg in script.segments if not (seg.paragraph >= 0 and seg.paragraph in dropped.get(seg.story, ()))
        )
        return dataclasses.replace(script, segments=kept)

    before = estimate(script)
    trimmed, now = script, before
    while now > target_ms:
        candidates = [s for s in stories if len(blocks[s]) > 1]
        if not candidates:
            break
        story = max(candidates, key=lambda s: (blocks[s][-1][0], len(blocks[s])))
        dropped[story].update(blocks[story].pop())
        trimmed = current()
        now = estimate(trimmed)
    cuts = []
    for story in stories:
        if not dropped[story]:
            continue
        words = sum(
            spoken_words(seg.text) for seg in script.segments if seg.story == story and seg.paragraph in dropped[story]
        )
        headline = script.stories[story] if 0 <= story < len(script.stories) else script.title
        cuts.append(Cut(story, headline, len(dropped[story]), words, min(dropped[story]) + 1, max(dropped[story]) + 1))
    return Fit(trimmed, target_ms, now, before, tuple(cuts))
