"""Real episodes in an output folder, recorded in the real catalog, for the feed, page and serve tests.

The fake engine (through the real registry) is the only stand-in; the mix, ffmpeg, mutagen and the
catalog run for real.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

from radio.config import Settings
from radio.pipeline import make_script, render_episode
from radio.publish.catalog import Catalog, CatalogEntry
from radio.sound.engines import get_engine

TRICKY_TITLE = 'Tom & Jerry <b>not bold</b> say "hi" — Αθήνα, 東京, Kraków'
TRICKY_SUMMARY = "Rates rise <5% & \"fall\" 'soon' — in Ελληνικά and 日本語 too."

ARTICLE = """{title}
Updated March {day}, 2026 at 9:10 AM ET
By Sam Ortega
The harbour council met on Monday to discuss the ferry timetable for the winter.
“We will keep the early crossing,” said Ingrid Vale, who chairs the council.
The new timetable starts next week.
"""

SHOW_TOML = """[show]
title = "Harbour & <Island> \\"News\\""
author = "Harbour Radio"
email = "news@example.org"
category = "News > Daily News"
language = "en-gb"
copyright = "© 2026 Harbour Radio"
"""

BASE_URL = "https://podcast.example.org/harbour"


def settings() -> Settings:
    return Settings(
        engine="fake",
        show_name='Harbour & <Island> "News"',
        author="Harbour Radio",
        owner_email="news@example.org",
        category="News > Daily News",
        language="en-gb",
        copyright="© 2026 Harbour Radio",
    )


def make_episode(
    out: Path,
    name: str,
    day: int = 3,
    title: str | None = None,
    summary: str | None = None,
    article: Path | None = None,
) -> CatalogEntry:
    """Write an article, voice it with the fake engine, record it in the catalog; returns the row."""
    article = article or out.parent / f"{name}.txt"
    article.write_text(ARTICLE.format(title=f"Ferry timetable {name}", day=day), encoding="utf-8")
    config = settings()
    engine = get_engine("fake", rate_wpm=config.rate_wpm)
    script = make_script(str(article), config, engine)
    changes = {k: v for k, v in (("title", title), ("summary", summary)) if v is not None}
    if changes:
        script = dataclasses.replace(script, **changes)
    episode = render_episode(script, config, out, engine)
    with Catalog.open(out) as catalog:
        entry = catalog.record_episode(episode, str(article.resolve()), name)
    time.sleep(0.01)  # made_at has millisecond resolution: keep the order unambiguous
    return entry


def radio(*args: str, cwd: Path, timeout_s: float = 300, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "radio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=timeout_s,
        check=False,
    )
