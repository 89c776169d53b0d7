"""The show's publisher, copyright and the article's URL in the ID3 tag."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mutagen.id3 import ID3

from radio.config import Settings
from radio.pipeline import render_episode
from radio.publish.cover import load_cover
from radio.publish.tags import TagInfo, write_tags
from tests.helpers import tiny_script


def _tagged(tmp_path: Path, script_source: str, publisher: str, copyright: str | None = None) -> ID3:
    mp3 = tmp_path / "x.mp3"
    mp3.write_bytes(b"")  # mutagen tags an empty file as well as an MP3
    script = dataclasses.replace(tiny_script(), source=script_source)
    write_tags(
        mp3,
        script,
        TagInfo("Alex Morgan", "News", "en", load_cover(None), "text", publisher, copyright),
        [(0, 1000, "x")],
    )
    return ID3(str(mp3))


def test_publisher_copyright_and_source_url(tmp_path: Path) -> None:
    tags = _tagged(tmp_path, "https://news.example.org/ferry", publisher="Harbour FM", copyright="2026 Harbour FM")
    assert str(tags["TPUB"]) == "Harbour FM"
    assert str(tags["TCOP"]) == "2026 Harbour FM"
    assert tags["WOAS"].url == "https://news.example.org/ferry"


def test_no_url_frame_for_a_file_and_no_copyright_unless_set(tmp_path: Path) -> None:
    tags = _tagged(tmp_path, "ferry.txt", publisher="Harbour FM")
    assert "WOAS" not in tags and "TCOP" not in tags and str(tags["TPUB"]) == "Harbour FM"


def test_the_show_settings_reach_the_episode(tmp_path: Path) -> None:
    settings = Settings(engine="fake", author="Harbour FM", copyright="© 2026 Harbour FM")
    script = dataclasses.replace(tiny_script(), source="https://news.example.org/ferry")
    episode = render_episode(script, settings, tmp_path)
    tags = ID3(episode.mp3_path)
    assert str(tags["TPUB"]) == "Harbour FM" and str(tags["TCOP"]) == "© 2026 Harbour FM"
    assert tags["WOAS"].url == "https://news.example.org/ferry"
