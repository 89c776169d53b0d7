"""Domain objects passed between the pipeline stages.

Each is a small frozen dataclass; units are in the field names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["intro", "anchor", "quote", "outro"]
SEGMENT_KINDS: tuple[str, ...] = ("intro", "anchor", "quote", "outro")


@dataclass(frozen=True)
class Article:
    """A cleaned article: only what a listener may hear, plus metadata."""

    source: str  # path, URL or "-" as the user gave it
    title: str
    paragraphs: tuple[str, ...]
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) where known
    byline: str | None = None
    site: str | None = None
    format: str = "text"  # text | html | markdown


@dataclass(frozen=True)
class Part:
    """One piece of the story as the script writer splits it, in spoken order."""

    kind: Literal["anchor", "quote"]
    text: str  # words as written in the article (a quote: inside the marks; split halves joined)
    paragraph: int  # index of the article paragraph it comes from
    speaker: str | None = None  # canonical full name for quotes
    speaker_title: str | None = None  # title/description at first mention
    gender: Literal["female", "male"] | None = None  # from pronouns, where the article tells


@dataclass(frozen=True)
class Segment:
    """One line of the running order, voiced by one voice."""

    kind: SegmentKind
    text: str  # as written
    spoken: str  # as the engine will say it
    voice: str
    speaker: str | None = None  # None for the anchor
    speaker_title: str | None = None
    paragraph: int = -1  # article paragraph; -1 for intro and outro
    story: int = -1  # a bulletin's story (index into Script.stories); -1 for intro and outro, or one story


@dataclass(frozen=True)
class Script:
    """The whole running order of one episode."""

    source: str
    title: str
    date: str | None
    show: str
    anchor: str
    engine: str
    segments: tuple[Segment, ...]
    byline: str | None = None
    summary: str = ""
    stories: tuple[str, ...] = ()  # a bulletin's headlines, in running order; () for one article


@dataclass(frozen=True)
class Placement:
    """Where a segment sits on the programme's timeline."""

    index: int  # index into Script.segments
    start_ms: int
    end_ms: int
    # where each sentence of the segment's spoken text starts, in ms from ``start_ms`` (the first
    # 0), as voiced; empty when unknown (the cues then share the segment out by characters)
    sentence_starts_ms: tuple[int, ...] = ()
    # where the voice resumes after a pause inside a sentence (a comma's), in ms from ``start_ms``
    pause_ends_ms: tuple[int, ...] = ()


@dataclass(frozen=True)
class Loudness:
    """A loudness measurement of decoded audio (EBU R128 / ITU-R BS.1770)."""

    integrated_lufs: float
    true_peak_dbtp: float
    range_lu: float = 0.0


@dataclass(frozen=True)
class SilenceProfile:
    """Where the programme is silent: what dead-air checks need."""

    leading_ms: int
    trailing_ms: int
    longest_inside_ms: int
    quietest_segment_dbfs: float  # the quietest voiced segment, to catch one that came out silent


@dataclass(frozen=True)
class Episode:
    """A finished, exported episode and where its files are."""

    script: Script
    mp3_path: str
    duration_ms: int
    placements: tuple[Placement, ...]
    loudness: Loudness
    sidecars: dict[str, str] = field(default_factory=dict)
    failed_checks: tuple[str, ...] = ()  # quality checks that did not pass, each "name: detail"
