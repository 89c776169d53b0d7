"""Clipping: flat tops where a voice's samples were cut off at full scale.

An engine (or a user's model) that overdrives its output squares off the
loudest peaks. No gain later in the chain repairs that: the programme's
limiter only lowers the level, and the distortion stays audible. So the
engine's own clips are inspected as they stream from the voice stage, before
any gain, and the quality report names the segments.

A clip event is what broadcast QC counts: ``MIN_RUN_SAMPLES`` or more
consecutive, identical samples at the rail (within 0.07 dB of full scale).
A loud but clean peak, even one normalised to 0 dBFS, is a curve: its top
samples differ, so it is not an event.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report reads ClippedSegment without loading pydub
    from pydub import AudioSegment

MIN_RUN_SAMPLES = 3
# A 16-bit sample's high byte is 0x7f or 0x80 when |sample| >= 32512, i.e. within 0.07 dB of full scale.
_AT_RAIL = bytes(1 if byte in (0x7F, 0x80) else 0 for byte in range(256))
_ONES = re.compile(b"\x01+")
_SEED = b"\x01" * MIN_RUN_SAMPLES


@dataclass(frozen=True)
class ClippedSegment:
    """A voiced segment with flat tops: ``events`` runs, the longest ``longest_run_samples`` long."""

    index: int
    events: int
    longest_run_samples: int


def clip_events(clip: AudioSegment) -> tuple[int, int]:
    """How many flat tops ``clip`` has, and the longest one in samples (each channel on its own)."""
    if clip.sample_width != 2:
        clip = clip.set_sample_width(2)
    channels = clip.split_to_mono() if clip.channels > 1 else [clip]
    events = longest = 0
    for channel in channels:
        raw = channel.raw_data
        flags = raw[1::2].translate(_AT_RAIL)  # candidates by the high byte alone
        start = flags.find(_SEED)  # bytes.find is a fast scan; a regex over every sample is ten times slower
        while start >= 0:
            found = _ONES.match(flags, start)
            end = found.end() if found else start + MIN_RUN_SAMPLES
            samples = memoryview(raw[2 * start : 2 * end]).cast("h")
            run = 1
            for before, now in itertools.pairwise(samples):
                run = run + 1 if now == before else 1
                if run == MIN_RUN_SAMPLES:
                    events += 1
                longest = max(longest, run if run >= MIN_RUN_SAMPLES else 0)
            start = flags.find(_SEED, end)
    return events, longest


class ClipWatch:
    """Passes clips through unchanged, noting the segments whose audio is clipped."""

    def __init__(self) -> None:
        self.found: list[ClippedSegment] = []

    def tap(self, clips: Iterable[AudioSegment]) -> Iterator[AudioSegment]:
        for index, clip in enumerate(clips):
            events, longest = clip_events(clip)
            if events:
                self.found.append(ClippedSegment(index, events, longest))
            yield clip
