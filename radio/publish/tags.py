"""Tag the MP3 with mutagen: ID3v2.3 text frames, cover, chapters, transcript.

ID3v2.3 throughout: v2.4-only frames (the TDRC date) are converted before the
tag is saved (TYER year, TDAT day and month). An ID3 table of contents holds at
most 255 entries (its count is one byte), so with more chapters the top-level
CTOC lists sub-tables, each of at most 255 chapters, nested as deep as needed
(the ID3 chapter addendum allows CTOCs as children of a CTOC).
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TCOP,
    TDRC,
    TEXT,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    TPUB,
    USLT,
    WOAS,
    CTOCFlags,
    ID3NoHeaderError,
    PictureType,
)

from radio.errors import InputError
from radio.models import Script
from radio.publish.cover import Cover

ISO639_2 = {"en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "cy": "cym"}
MAX_CHAPTER_TITLE = 51  # longer titles break chapter display in Apple Podcasts
MAX_TOC_ENTRIES = 255  # a CTOC stores its entry count in one byte
MAX_TAG_BYTES = (1 << 28) - 1  # an ID3v2 tag's size is a 28-bit synchsafe integer
TOP_TOC_ID = "toc"


def language_code(language: str) -> str:
    return ISO639_2.get(language.split("-")[0].lower(), "eng")


def short_title(title: str) -> str:
    """``title`` cut to ``MAX_CHAPTER_TITLE`` characters at a word, with an ellipsis where cut."""
    if len(title) <= MAX_CHAPTER_TITLE:
        return title
    cut = title[: MAX_CHAPTER_TITLE - 1]
    if " " in cut[MAX_CHAPTER_TITLE // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


@dataclass(frozen=True)
class TocEntry:
    """One CTOC frame: its id, title and child element ids (chapters or tables)."""

    element_id: str
    title: str
    children: tuple[str, ...]
    top_level: bool


def toc_plan(chapter_ids: Sequence[str], title: str) -> list[TocEntry]:
    """The tables of contents for these chapters, deepest level first, the top-level table last.

    Up to 255 chapters: one table. More: the chapters are shared out evenly
    among sub-tables of at most 255, and those among tables above them, until
    one table holds them all.
    """
    level: list[str] = list(chapter_ids)
    spans = [(i + 1, i + 1) for i in range(len(level))]  # chapter numbers each entry covers
    entries: list[TocEntry] = []
    depth = 0
    while len(level) > MAX_TOC_ENTRIES:
        groups = math.ceil(len(level) / MAX_TOC_ENTRIES)
        size = math.ceil(len(level) / groups)
        next_level, next_spans = [], []
        for number, at in enumerate(range(0, len(level), size)):
            element_id = f"toc{depth}-{number}"
            first, last = spans[at][0], spans[min(at + size, len(level)) - 1][1]
            entries.append(TocEntry(element_id, f"Chapters {first}-{last}", tuple(level[at : at + size]), False))
            next_level.append(element_id)
            next_spans.append((first, last))
        level, spans, depth = next_level, next_spans, depth + 1
    entries.append(TocEntry(TOP_TOC_ID, title, tuple(level), True))
    return entries


@dataclass(frozen=True)
class TagInfo:
    """What the tag says besides the script and its chapters."""

    artist: str
    genre: str
    language: str  # BCP 47, e.g. en-GB
    cover: Cover
    transcript: str
    publisher: str = ""  # [show] author: TPUB
    copyright: str | None = None  # [show] copyright: TCOP


def build_tag(script: Script, info: TagInfo, chapters: Sequence[tuple[int, int, str]]) -> ID3:
    """radio's full tag, converted for ID3v2.3; ``chapters`` are (start_ms, end_ms, title)."""
    artist, genre, cover, transcript = info.artist, info.genre, info.cover, info.transcript
    tags = ID3()
    lang = language_code(info.language)
    tags.add(TIT2(encoding=1, text=[script.title]))
    tags.add(TPE1(encoding=1, text=[artist]))
    tags.add(TPE2(encoding=1, text=[script.show]))
    tags.add(TALB(encoding=1, text=[script.show]))
    tags.add(TCON(encoding=1, text=[genre]))
    tags.add(TLAN(encoding=1, text=[lang]))
    if script.date:
        tags.add(TDRC(encoding=1, text=[script.date]))  # becomes TYER + TDAT below
    if script.byline:  # the article's writer: "Lyricist/Text writer"
        tags.add(TEXT(encoding=1, text=[script.byline]))
    if info.publisher:
        tags.add(TPUB(encoding=1, text=[info.publisher]))
    if info.copyright:
        tags.add(TCOP(encoding=1, text=[info.copyright]))
    if script.source.lower().startswith(("http://", "https://")):  # the article's page: "official audio source"
        tags.add(WOAS(url=script.source))
    if script.summary:
        tags.add(COMM(encoding=1, lang=lang, desc="", text=[script.summary]))
    tags.add(APIC(encoding=1, mime=cover.mime, type=PictureType.COVER_FRONT, desc="Cover", data=cover.data))
    ids = [f"chp{i}" for i in range(len(chapters))]
    for entry in toc_plan(ids, script.title) if ids else []:  # no chapters: no table of contents
        flags = CTOCFlags.ORDERED | (CTOCFlags.TOP_LEVEL if entry.top_level else 0)
        tags.add(
            CTOC(
                element_id=entry.element_id,
                flags=flags,
                child_element_ids=list(entry.children),
                sub_frames=[TIT2(encoding=1, text=[entry.title[:MAX_CHAPTER_TITLE]])],
            )
        )
    for element_id, (start_ms, end_ms, title) in zip(ids, chapters, strict=True):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=start_ms,
                end_time=end_ms,
                sub_frames=[TIT2(encoding=1, text=[short_title(title)])],
            )
        )
    tags.add(USLT(encoding=1, lang=lang, desc="Transcript", text=transcript))
    tags.update_to_v23()  # TDRC -> TYER/TDAT; the file says v2.3, so no v2.4 frame may stay
    return tags


def write_tags(mp3: Path, script: Script, info: TagInfo, chapters: Sequence[tuple[int, int, str]]) -> None:
    """Replace any tag in ``mp3`` with radio's full ID3v2.3 tag."""
    with contextlib.suppress(ID3NoHeaderError):
        ID3(str(mp3)).delete()
    build_tag(script, info, chapters).save(str(mp3), v2_version=3, v1=0)


def check_tags(script: Script, info: TagInfo, chapter_titles: Sequence[str]) -> None:
    """Build and save the whole tag in memory, with stand-in chapter times, before any audio work:
    whatever the tag cannot hold fails here in a second, not after the render."""
    chapters = [(i, i + 1, title) for i, title in enumerate(chapter_titles)]
    try:
        tags = build_tag(script, info, chapters)
        buffer = io.BytesIO()
        tags.save(buffer, v2_version=3, v1=0, padding=lambda info: 0)
    except (ValueError, OverflowError) as exc:
        raise InputError(f"the episode's ID3 tag cannot be written ({exc}); split the article") from None
    if buffer.tell() > MAX_TAG_BYTES:
        raise InputError(
            f"the episode's ID3 tag would be {buffer.tell() // 1_000_000} MB (ID3 allows 268 MB); split the article"
        )
