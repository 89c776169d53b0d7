"""Tag the MP3 with mutagen: ID3v2.3 text frames, cover, chapters, transcript."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TEXT,
    TIT2,
    TLAN,
    TPE1,
    TPE2,
    USLT,
    CTOCFlags,
    ID3NoHeaderError,
    PictureType,
)

from radio.models import Script
from radio.publish.cover import Cover

ISO639_2 = {"en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "cy": "cym"}
MAX_CHAPTER_TITLE = 51  # longer titles break chapter display in Apple Podcasts


def language_code(language: str) -> str:
    return ISO639_2.get(language.split("-")[0].lower(), "eng")


def write_tags(
    mp3: Path,
    script: Script,
    *,
    artist: str,
    genre: str,
    language: str,
    cover: Cover,
    chapters: Sequence[tuple[int, int, str]],  # (start_ms, end_ms, title)
    transcript: str,
) -> None:
    """Replace any tag in ``mp3`` with radio's full ID3v2.3 tag."""
    try:
        tags = ID3(str(mp3))
        tags.delete()
    except ID3NoHeaderError:
        pass
    tags = ID3()
    lang = language_code(language)
    tags.add(TIT2(encoding=1, text=[script.title]))
    tags.add(TPE1(encoding=1, text=[artist]))
    tags.add(TPE2(encoding=1, text=[script.show]))
    tags.add(TALB(encoding=1, text=[script.show]))
    tags.add(TCON(encoding=1, text=[genre]))
    tags.add(TLAN(encoding=1, text=[lang]))
    if script.date:
        tags.add(TDRC(encoding=1, text=[script.date]))
    if script.byline:  # the article's writer: "Lyricist/Text writer"
        tags.add(TEXT(encoding=1, text=[script.byline]))
    if script.summary:
        tags.add(COMM(encoding=1, lang=lang, desc="", text=[script.summary]))
    tags.add(APIC(encoding=1, mime=cover.mime, type=PictureType.COVER_FRONT, desc="Cover", data=cover.data))
    ids = [f"chp{i}" for i in range(len(chapters))]
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=1, text=[script.title[:MAX_CHAPTER_TITLE]])],
        )
    )
    for element_id, (start_ms, end_ms, title) in zip(ids, chapters, strict=True):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=start_ms,
                end_time=end_ms,
                sub_frames=[TIT2(encoding=1, text=[title[:MAX_CHAPTER_TITLE]])],
            )
        )
    tags.add(USLT(encoding=1, lang=lang, desc="Transcript", text=transcript))
    tags.save(str(mp3), v2_version=3, v1=0)
