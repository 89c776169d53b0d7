"""The episode catalog: rows only for files in place, stable ids, migrations, rebuild from sidecars."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from radio.config import Settings
from radio.publish.catalog import (
    CATALOG_NAME,
    SCHEMA_VERSION,
    Catalog,
    CatalogError,
)
from radio.publish.lock import FolderLock
from radio.publish.rebuild import rebuild


def _files(out: Path, slug: str, mp3_bytes: bytes = b"ID3" + b"\x00" * 500) -> dict[str, Any]:
    """Write an MP3 stand-in and its sidecars, as the pipeline leaves them; return record_done arguments."""
    (out / f"{slug}.mp3").write_bytes(mp3_bytes)
    names = {"script": f"{slug}.script.json", "report": f"{slug}.report.json", "vtt": f"{slug}.vtt"}
    script = {
        "source": f"/news/{slug}.txt",
        "title": slug.title(),
        "date": "2026-03-03",
        "summary": "A summary.",
        "segments": [
            {"kind": "anchor", "speaker": None, "text": "a", "spoken": "a"},
            {"kind": "quote", "speaker": "Ingrid Vale", "text": "q", "spoken": "q"},
            {"kind": "quote", "speaker": "Tom Hale", "text": "q", "spoken": "q"},
            {"kind": "quote", "speaker": "Ingrid Vale", "text": "q", "spoken": "q"},
        ],
    }
    report = {
        "title": slug.title(),
        "source": f"/news/{slug}.txt",
        "fit_to_air": True,
        "loudness": {"integrated_lufs": -16.1, "true_peak_dbtp": -1.5},
        "mp3": {"duration_ms": 61_000},
    }
    (out / names["script"]).write_text(json.dumps(script), encoding="utf-8")
    (out / names["report"]).write_text(json.dumps(report), encoding="utf-8")
    (out / names["vtt"]).write_text("WEBVTT\n", encoding="utf-8")
    return {
        "source": f"/news/{slug}.txt",
        "content_hash": hashlib.sha256(slug.encode()).hexdigest(),
        "title": slug.title(),
        "date": "2026-03-03",
        "summary": "A summary.",
        "duration_ms": 61_000,
        "mp3_name": f"{slug}.mp3",
        "sidecars": names,
        "speakers": ("Ingrid Vale", "Tom Hale"),
        "loudness_lufs": -16.1,
        "true_peak_dbtp": -1.5,
        "fit_to_air": True,
        "settings_key": "s1",
    }


def test_record_done_measures_the_mp3_and_keeps_id_and_number(tmp_path: Path) -> None:
    with Catalog.open(tmp_path) as catalog:
        first = catalog.record_done(**_files(tmp_path, "ferry"))
        second = catalog.record_done(**_files(tmp_path, "bridge"))
        assert (first.number, second.number) == (1, 2)
        assert first.size_bytes == 503
        assert first.mp3_sha256 == hashlib.sha256((tmp_path / "ferry.mp3").read_bytes()).hexdigest()
        assert first.speakers == ("Ingrid Vale", "Tom Hale")
        assert len(first.episode_id) == 32 and first.status == "done" and first.made_at.endswith("Z")
        again = catalog.record_done(**{**_files(tmp_path, "ferry", b"ID3" + b"\x01" * 900), "content_hash": "new"})
        assert (again.episode_id, again.number) == (first.episode_id, 1)
        assert again.size_bytes == 903 and again.content_hash == "new"
        assert [e.number for e in catalog.episodes()] == [1, 2]  # newest first: ferry was redone last
        assert catalog.get(second.episode_id) == second
        assert catalog.find_source("/news/bridge.txt") == second
        assert catalog.find_source("/news/other.txt") is None


def test_no_done_row_without_the_files(tmp_path: Path) -> None:
    args = _files(tmp_path, "ferry")
    (tmp_path / "ferry.vtt").unlink()
    with Catalog.open(tmp_path) as catalog:
        with pytest.raises(CatalogError, match=r"ferry\.vtt is not in place"):
            catalog.record_done(**args)
        assert catalog.episodes(include_failed=True) == []


def test_failures_stay_out_of_the_feed_list_and_numbers_are_never_reused(tmp_path: Path) -> None:
    with Catalog.open(tmp_path) as catalog:
        catalog.record_failure("/news/empty.txt", "e3b0", "no article text found")
        assert catalog.episodes() == []
        failed = catalog.episodes(include_failed=True)[0]
        assert (failed.status, failed.reason, failed.number) == ("failed", "no article text found", 0)
        done = catalog.record_done(**_files(tmp_path, "ferry"))
        catalog.remove(done.episode_id)
        later = catalog.record_done(**_files(tmp_path, "bridge"))
        assert later.number == 2  # 1 was given once; never again
        catalog.record_failure("/news/bridge.txt", "h2", "engine hung")
        assert catalog.episodes() == []
        row = catalog.find_source("/news/bridge.txt")
        assert row is not None and (row.episode_id, row.number, row.status) == (later.episode_id, 2, "failed")
        # A failed source that later succeeds keeps its id and gets the next number.
        redone = catalog.record_done(**{**_files(tmp_path, "empty"), "source": "/news/empty.txt"})
        assert (redone.episode_id, redone.number) == (failed.episode_id, 3)


def test_is_current_checks_hash_settings_and_the_file(tmp_path: Path) -> None:
    args = _files(tmp_path, "ferry")
    with Catalog.open(tmp_path) as catalog:
        catalog.record_done(**args)
        assert catalog.is_current(args["source"], args["content_hash"], "s1") is not None
        assert catalog.is_current(args["source"], "other", "s1") is None
        assert catalog.is_current(args["source"], args["content_hash"], "s2") is None
        (tmp_path / "ferry.mp3").write_bytes(b"short")
        assert catalog.is_current(args["source"], args["content_hash"], "s1") is None


def test_schema_version_wal_and_a_newer_schema_refused(tmp_path: Path) -> None:
    Catalog.open(tmp_path).close()
    db = sqlite3.connect(tmp_path / CATALOG_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(CatalogError, match="newer than this radio knows"):
        Catalog.open(tmp_path)


def test_damaged_catalog_says_how_to_recover_and_rebuild_restores_ids(tmp_path: Path) -> None:
    with Catalog.open(tmp_path) as catalog:
        ferry = catalog.record_done(**_files(tmp_path, "ferry"))
        bridge = catalog.record_done(**_files(tmp_path, "bridge"))
        catalog.record_failure("/news/broken.txt", "x", "unreadable")
    (tmp_path / "half.report.json").write_text("{}", encoding="utf-8")  # no MP3 beside it: not recovered
    for suffix in ("-wal", "-shm"):
        (tmp_path / (CATALOG_NAME + suffix)).unlink(missing_ok=True)
    (tmp_path / CATALOG_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(CatalogError, match="radio catalog rebuild"):
        Catalog.open(tmp_path)
    assert rebuild(tmp_path) == 2
    assert list(tmp_path.glob(f"{CATALOG_NAME}.damaged-*"))
    with Catalog.open(tmp_path) as catalog:
        rows = {e.source: e for e in catalog.episodes(include_failed=True)}
        assert set(rows) == {"/news/ferry.txt", "/news/bridge.txt"}
        for before in (ferry, bridge):
            after = rows[before.source]
            assert (after.episode_id, after.number, after.mp3_sha256, after.content_hash) == (
                before.episode_id,
                before.number,
                before.mp3_sha256,
                before.content_hash,
            )
            assert after.speakers == ("Ingrid Vale", "Tom Hale")
            assert after.duration_ms == 61_000 and after.loudness_lufs == -16.1 and after.date == "2026-03-03"
        assert catalog.record_done(**_files(tmp_path, "third")).number == 3


def test_rebuild_without_id_files_gives_new_ids(tmp_path: Path) -> None:
    args = _files(tmp_path, "ferry")
    assert rebuild(tmp_path) == 1
    with Catalog.open(tmp_path) as catalog:
        (entry,) = catalog.episodes()
    assert entry.source == args["source"] and entry.number == 1 and entry.title == "Ferry"


def test_a_real_episode_is_recorded(tmp_path: Path, short_article: Path, fake_settings: Settings) -> None:
    from radio.pipeline import make_script, render_episode
    from radio.sound.engines import get_engine

    engine = get_engine("fake")
    episode = render_episode(make_script(str(short_article), fake_settings, engine), fake_settings, tmp_path, engine)
    with Catalog.open(tmp_path) as catalog:
        entry = catalog.record_episode(episode, str(short_article), "abc")
    assert entry.mp3_name == Path(episode.mp3_path).name
    assert entry.size_bytes == Path(episode.mp3_path).stat().st_size
    assert entry.duration_ms == episode.duration_ms
    assert entry.speakers == ("Ingrid Vale",)
    assert set(entry.sidecars) == {"script", "vtt", "srt", "chapters", "report"}
    assert entry.status == ("done" if not episode.failed_checks else "failed")
    assert rebuild(tmp_path) == 1
    with Catalog.open(tmp_path) as catalog:
        (again,) = catalog.episodes(include_failed=True)
    assert (again.episode_id, again.mp3_sha256, again.speakers) == (entry.episode_id, entry.mp3_sha256, entry.speakers)


def _hold_lock(out: str, ready: Any, release: Any) -> None:
    with FolderLock(Path(out), "radio batch /news"):
        ready.set()
        release.wait(10)


def test_folder_lock_names_the_run_that_holds_it(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path), ready, release))
    holder.start()
    try:
        assert ready.wait(20)
        with pytest.raises(CatalogError, match=rf"in use by run pid {holder.pid} \(radio batch /news\), started 20"):
            FolderLock(tmp_path).acquire(wait_s=0.3)
    finally:
        release.set()
        holder.join(10)
    lock = FolderLock(tmp_path)
    lock.acquire(wait_s=5)  # free again once the holder is gone
    lock.release()


def test_the_id3_track_number_is_the_episode_number_never_reused(tmp_path: Path, fake_settings: Settings) -> None:
    """itunes:episode and the MP3's ID3 track number (TRCK) are the catalog's number; setting it changes
    nothing else in the file, and the row's size and checksum are those of the file as it now is."""
    import dataclasses

    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3

    from radio.pipeline import render_episode
    from radio.sound.engines import get_engine
    from tests.helpers import tiny_script

    engine = get_engine("fake")
    out = tmp_path / "out"

    def made(title: str) -> tuple[Any, dict[str, str]]:
        script = dataclasses.replace(tiny_script(), title=title)
        episode = render_episode(script, fake_settings, out, engine)
        tags = ID3(episode.mp3_path, translate=False)
        return episode, {key: repr(frame) for key, frame in tags.items()}

    def track(entry: Any) -> str:
        return str(ID3(str(out / entry.mp3_name), translate=False)["TRCK"])

    first, frames = made("Ferry returns")
    assert "TRCK" not in frames
    size, length_s = Path(first.mp3_path).stat().st_size, MP3(first.mp3_path).info.length
    with Catalog.open(out) as catalog:
        one = catalog.record_episode(first, "/news/one.txt", "h1")
        after = ID3(first.mp3_path, translate=False)
        assert {key: repr(frame) for key, frame in after.items() if key != "TRCK"} == frames
        assert track(one) == "1" and one.number == 1
        assert one.size_bytes == size == Path(first.mp3_path).stat().st_size  # the tag's padding took it
        assert one.mp3_sha256 == hashlib.sha256(Path(first.mp3_path).read_bytes()).hexdigest()
        assert MP3(first.mp3_path).info.length == length_s
        two = catalog.record_episode(made("Bridge reopens")[0], "/news/two.txt", "h2")
        assert track(two) == "2"
        catalog.remove(two.episode_id)
        three = catalog.record_episode(made("Harbour dredged")[0], "/news/three.txt", "h3")
        assert (three.number, track(three)) == (3, "3")  # 2 was given once: never again
        again = catalog.record_episode(made("Ferry returns")[0], "/news/one.txt", "h1b")  # remade: keeps its number
        assert (again.number, track(again)) == (1, "1")
        assert not list(out.glob(".*.tmp"))
