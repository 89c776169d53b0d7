"""The episode page: ``index.html`` beside the feed.

One static file plus pictures under ``assets/``: the show, and for each episode
its cover, date, duration, loudness, a waveform picture, an audio player, the
chapters and the transcript. No JavaScript; every value is escaped with
``html.escape`` into a ``string.Template`` shipped in radio/assets.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from html import escape
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote

from radio import asset
from radio.errors import AudioError
from radio.publish.catalog import CatalogEntry
from radio.publish.feed import atomic_write
from radio.publish.show import PAGE_NAME, Show
from radio.tools import run

log = logging.getLogger("radio")
ASSETS_DIR = "assets"
WAVE_SIZE = "640x80"
WAVE_COLOUR = "#2a6f97"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def clock(seconds: float) -> str:
    """0:42, 12:03 or 1:02:03."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def waveform(out_dir: Path, entry: CatalogEntry) -> str | None:
    """``assets/<slug>-<sha>.wave.png`` drawn by ffmpeg's showwavespic from the MP3, made once per MP3;
    None (and a warning) if ffmpeg cannot draw it: the page is still written."""
    stem = entry.mp3_name.rsplit(".", 1)[0]
    name = f"{ASSETS_DIR}/{stem}-{entry.mp3_sha256[:12]}.wave.png"
    target = out_dir / name
    if not target.is_file():
        target.parent.mkdir(exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp.png")
        try:
            run(
                [
                    "ffmpeg", "-v", "error", "-y", "-i", str(out_dir / entry.mp3_name), "-filter_complex",
                    f"aformat=channel_layouts=mono,showwavespic=s={WAVE_SIZE}:colors={WAVE_COLOUR}",
                    "-frames:v", "1", str(tmp),
                ],
                "drawing the waveform",
            )  # fmt: skip
        except AudioError as exc:
            tmp.unlink(missing_ok=True)
            log.warning("episode %d: no waveform picture: %s", entry.number, exc)
            return None
        tmp.replace(target)
    return name


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _chapters_html(out_dir: Path, entry: CatalogEntry) -> str:
    name = entry.sidecars.get("chapters")
    chapters = _read_json(out_dir / name).get("chapters") if name else None
    if not isinstance(chapters, list) or not chapters:
        return ""
    rows = []
    for chapter in chapters:
        if not isinstance(chapter, dict) or not isinstance(chapter.get("startTime"), (int, float)):
            continue
        start = float(chapter["startTime"])
        href = f"{quote(entry.mp3_name)}#t={start:g}"
        rows.append(f'<li><a href="{_e(href)}"><time>{clock(start)}</time></a> {_e(chapter.get("title") or "")}</li>')
    return f'<details><summary>Chapters ({len(rows)})</summary><ol class="chapters">{"".join(rows)}</ol></details>'


def _transcript_html(out_dir: Path, entry: CatalogEntry) -> str:
    name = entry.sidecars.get("script")
    script = _read_json(out_dir / name) if name else {}
    segments = script.get("segments")
    if not isinstance(segments, list) or not segments:
        return ""
    anchor = script.get("anchor") or "Anchor"
    lines = []
    for segment in segments:
        if not isinstance(segment, dict):
            continue
        who = segment.get("speaker") or anchor
        lines.append(f"<p><b>{_e(who)}:</b> {_e(segment.get('text') or '')}</p>")
    links = [
        f'<a href="{_e(quote(entry.sidecars[kind]))}">{label}</a>'
        for kind, label in (("vtt", "WebVTT"), ("srt", "SRT"))
        if entry.sidecars.get(kind)
    ]
    files = f"<p>Files: {', '.join(links)}</p>" if links else ""
    return f'<details><summary>Transcript</summary><div class="transcript">{"".join(lines)}{files}</div></details>'


def _story_link(entry: CatalogEntry) -> str:
    """A link back to the original story (a news feed entry's or a fetched article's address)."""
    if not entry.link.startswith(("http://", "https://")):
        return ""
    return f'\n<p class="story"><a href="{_e(entry.link)}" rel="external">Read the original story</a></p>'


def episode_html(out_dir: Path, show_cover: str, entry: CatalogEntry) -> str:
    cover = entry.cover_name if entry.cover_name and (out_dir / entry.cover_name).is_file() else show_cover
    date = entry.date or entry.made_at[:10]
    seconds = entry.duration_ms / 1000
    wave = waveform(out_dir, entry)
    picture = (
        f'<img class="wave" src="{_e(quote(wave))}" alt="Waveform of {_e(entry.title)}" width="640" height="80">'
        if wave
        else ""
    )
    mp3 = quote(entry.mp3_name)
    speakers = f" · with {_e(', '.join(entry.speakers))}" if entry.speakers else ""
    return f"""<article id="episode-{entry.number}">
<div>
<img src="{_e(quote(cover))}" alt="" width="96" height="96">
<div>
<h2>{_e(entry.title)}</h2>
<p class="facts">Episode {entry.number} · <time datetime="{_e(date)}">{_e(date)}</time> · \
<span class="duration">{clock(seconds)}</span> · \
<span class="loudness">{entry.loudness_lufs:.1f} LUFS, true peak {entry.true_peak_dbtp:.1f} dBTP</span>{speakers}</p>
<p>{_e(entry.summary)}</p>{_story_link(entry)}
</div>
</div>
{picture}
<audio controls preload="metadata" src="{_e(mp3)}"><a href="{_e(mp3)}">Download the MP3</a></audio>
{_chapters_html(out_dir, entry)}
{_transcript_html(out_dir, entry)}
</article>"""


def write_page(out_dir: Path, show: Show, cover_name: str, entries: Sequence[CatalogEntry]) -> Path:
    """Write ``<out_dir>/index.html`` for ``entries`` (newest first); returns its path."""
    template = Template(asset("page.html").read_text(encoding="utf-8"))
    count = len(entries)
    html = template.substitute(
        language=_e(show.language),
        title=_e(show.title),
        description=_e(show.description),
        cover=_e(quote(cover_name)),
        feed_url=_e(show.feed_url),
        episodes="\n".join(episode_html(out_dir, cover_name, entry) for entry in entries),
        footer=_e(
            f"{count} episode{'s' if count != 1 else ''}"
            + (f" · {show.copyright}" if show.copyright else "")
            + f" · {show.author}"
        ),
    )
    path = out_dir / PAGE_NAME
    atomic_write(path, html.encode("utf-8"))
    return path
