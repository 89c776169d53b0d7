"""Small builders shared by the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from radio.models import Script, Segment
from radio.sound.engines.fake import FakeEngine


class RecordingEngine(FakeEngine):
    """The fake engine, noting each text it is asked to voice (in ``calls``)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        self.calls.append(text)
        super().synthesize_to_file(text, voice, path)


def tiny_script(engine: str = "fake") -> Script:
    """A hand-written running order: intro, two paragraphs with a quote, outro."""
    anchor = "fake-anchor"
    segments = (
        Segment("intro", "This is Test Radio. Ferry returns.", "This is Test Radio. Ferry returns.", anchor),
        Segment(
            "anchor", "The ferry sailed again on Monday.", "The ferry sailed again on Monday.", anchor, paragraph=0
        ),
        Segment(
            "anchor",
            "Ingrid Vale, who runs the shop, said:",
            "Ingrid Vale, who runs the shop, said:",
            anchor,
            paragraph=1,
        ),
        Segment(
            "quote", "We missed the boat.", "We missed the boat.", "fake-f1", "Ingrid Vale", "who runs the shop", 1
        ),
        Segment("anchor", "Crossings run every two hours.", "Crossings run every two hours.", anchor, paragraph=2),
        Segment("outro", "Thanks for listening.", "Thanks for listening.", anchor),
    )
    return Script(
        source="ferry.txt",
        title="Ferry returns to the island",
        date="2026-03-03",
        show="Test Radio",
        anchor="Alex Morgan",
        engine=engine,
        segments=segments,
        byline="Sam Ortega",
        summary="The ferry sailed again on Monday.",
    )


def radio_wide(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m radio ARGS` in ``cwd``, with a terminal width that keeps summary tables on one line."""
    return subprocess.run(
        [sys.executable, "-m", "radio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "COLUMNS": "300"},
    )
