"""The episode catalog: one SQLite row per episode in ``<out>/catalog.sqlite``.

Standard library ``sqlite3`` only, WAL mode, one transaction per episode, a
schema version (``PRAGMA user_version``) with migrations. A row with status
"done" is written only after the episode's files are fully in place, so the
feed built from it never points at a missing or half-written file. Failed rows
say why and never reach the feed.

Beside each episode the catalog keeps a tiny ``<slug>.episode.json`` (its id,
number, source and hashes), so ``rebuild`` recovers a lost or damaged catalog
from the files' sidecars without changing any episode's id.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from radio.errors import RadioError
from radio.models import Episode
from radio.publish.place import ensure_out_dir
from radio.workdir import work_folder

CATALOG_NAME = "catalog.sqlite"
ID_SUFFIX = ".episode.json"
SIDECAR_KINDS: dict[str, str] = {
    "script": ".script.json",
    "vtt": ".vtt",
    "srt": ".srt",
    "chapters": ".chapters.json",
    "report": ".report.json",
}
BUSY_TIMEOUT_MS = 30_000


class CatalogError(RadioError):
    """The catalog is damaged, locked, or an episode's files are not in place."""


@dataclass(frozen=True)
class CatalogEntry:
    episode_id: str  # stable id, never changes once given (uuid4 hex); the podcast guid
    number: int  # episode number in catalog order, never reused; 0 until the episode is first done
    source: str  # the article path (absolute) or URL, or the edited script's path
    content_hash: str  # sha256 hex of what the episode was made from
    title: str
    date: str | None  # the article's date, YYYY-MM-DD, if it has one
    summary: str
    duration_ms: int
    size_bytes: int  # exact byte size of the MP3
    mp3_sha256: str
    mp3_name: str  # MP3 file name, relative to the output folder
    sidecars: dict[str, str]  # kind -> file name relative to the output folder
    speakers: tuple[str, ...]  # quoted speakers, in order of first appearance
    loudness_lufs: float
    true_peak_dbtp: float
    fit_to_air: bool
    status: str  # "done" or "failed"
    reason: str | None  # why it failed
    made_at: str  # ISO 8601 UTC, when the files were put in place (or the failure recorded)
    cover_name: str | None  # the episode's own cover file (relative), if it has one
    settings_key: str = ""  # hash of the settings, engine and voice versions the episode was made with
    extra: dict[str, Any] = field(default_factory=dict)  # free-form, for later fields
    guid: str = ""  # a news feed entry's identity (its guid/id, scoped to the feed unless globally unique)
    link: str = ""  # the original story's address (a feed entry's link, or the article's URL)
    item_updated: str = ""  # when the feed said the entry was last updated, as it said it
    image: str = ""  # the feed entry's image address, if it had one


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def speakers_of(episode: Episode) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for segment in episode.script.segments:
        if segment.kind == "quote" and segment.speaker:
            seen.setdefault(segment.speaker, None)
    return tuple(seen)


def tag_number(mp3: Path, number: int) -> None:
    """Set the MP3's ID3 track number (TRCK) to its episode number. The tag is changed on a copy that
    is renamed into place, so a reader or a crash never sees a half-written MP3. A file without an ID3
    tag (not made by radio) is left as it is."""
    import mutagen.id3
    from mutagen import MutagenError

    id3: Any = mutagen.id3  # untyped
    try:
        tags = id3.ID3(str(mp3), translate=False)  # keep radio's ID3v2.3 frames exactly as written
    except MutagenError:
        return
    current = tags.get("TRCK")
    if current is not None and list(current.text) == [str(number)]:
        return
    tags.setall("TRCK", [id3.TRCK(encoding=1, text=[str(number)])])
    try:  # in a run's work folder: if this process is killed, the next run removes the copy
        with work_folder(mp3.parent) as folder:
            tmp = folder / mp3.name
            shutil.copyfile(mp3, tmp)
            tags.save(str(tmp), v2_version=3, v1=0)
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
            tmp.replace(mp3)
    except (OSError, MutagenError) as exc:
        raise CatalogError(f"cannot set the episode number in {mp3}: {exc} (is the disk full?)") from None


# --- schema and migrations ------------------------------------------------------

_V1 = """
CREATE TABLE episodes (
    episode_id     TEXT PRIMARY KEY,
    number         INTEGER NOT NULL DEFAULT 0,
    source         TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL,
    settings_key   TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL DEFAULT '',
    date           TEXT,
    summary        TEXT NOT NULL DEFAULT '',
    duration_ms    INTEGER NOT NULL DEFAULT 0,
    size_bytes     INTEGER NOT NULL DEFAULT 0,
    mp3_sha256     TEXT NOT NULL DEFAULT '',
    mp3_name       TEXT NOT NULL DEFAULT '',
    sidecars       TEXT NOT NULL DEFAULT '{}',
    speakers       TEXT NOT NULL DEFAULT '[]',
    loudness_lufs  REAL NOT NULL DEFAULT 0,
    true_peak_dbtp REAL NOT NULL DEFAULT 0,
    fit_to_air     INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    reason         TEXT,
    made_at        TEXT NOT NULL,
    cover_name     TEXT,
    extra          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX episodes_made_at ON episodes (made_at);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('next_number', '1');
"""

# Version 2: news feed entries (radio batch/watch from RSS, Atom, sitemaps) remember their identity.
_V2 = """
ALTER TABLE episodes ADD COLUMN guid TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN item_updated TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN image TEXT NOT NULL DEFAULT '';
CREATE INDEX episodes_guid ON episodes (guid);
CREATE INDEX episodes_link ON episodes (link);
CREATE INDEX episodes_content_hash ON episodes (content_hash);
"""

# Index i migrates from schema version i to i + 1. Append; never edit a released step.
MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "episode_id, number, source, content_hash, title, date, summary, duration_ms, size_bytes, mp3_sha256, "
    "mp3_name, sidecars, speakers, loudness_lufs, true_peak_dbtp, fit_to_air, status, reason, made_at, "
    "cover_name, settings_key, extra, guid, link, item_updated, image"
)


def _entry(row: sqlite3.Row) -> CatalogEntry:
    return CatalogEntry(
        episode_id=row["episode_id"],
        number=row["number"],
        source=row["source"],
        content_hash=row["content_hash"],
        title=row["title"],
        date=row["date"],
        summary=row["summary"],
        duration_ms=row["duration_ms"],
        size_bytes=row["size_bytes"],
        mp3_sha256=row["mp3_sha256"],
        mp3_name=row["mp3_name"],
        sidecars=json.loads(row["sidecars"]),
        speakers=tuple(json.loads(row["speakers"])),
        loudness_lufs=row["loudness_lufs"],
        true_peak_dbtp=row["true_peak_dbtp"],
        fit_to_air=bool(row["fit_to_air"]),
        status=row["status"],
        reason=row["reason"],
        made_at=row["made_at"],
        cover_name=row["cover_name"],
        settings_key=row["settings_key"],
        extra=json.loads(row["extra"]),
        guid=row["guid"],
        link=row["link"],
        item_updated=row["item_updated"],
        image=row["image"],
    )


class Catalog:
    """The catalog of one output folder. Usable as a context manager."""

    def __init__(self, out_dir: Path, connection: sqlite3.Connection) -> None:
        self.out_dir = out_dir
        self._db = connection

    @classmethod
    def open(cls, out_dir: Path) -> Catalog:
        """Open ``<out_dir>/catalog.sqlite``, creating or migrating it as needed."""
        out_dir = Path(out_dir)
        ensure_out_dir(out_dir)
        path = out_dir / CATALOG_NAME
        try:
            db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            _migrate(db)
            db.execute("SELECT count(*) FROM episodes").fetchone()
        except sqlite3.DatabaseError as exc:
            raise CatalogError(
                f"the catalog {path} is damaged ({exc}); run `radio catalog rebuild {out_dir}` to recover it"
            ) from None
        return cls(out_dir, db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # a full disk, a damaged file: say where, nothing half-written
            raise CatalogError(f"cannot write the catalog in {self.out_dir}: {exc} (is the disk full?)") from None

    # --- reading -------------------------------------------------------------

    def episodes(self, include_failed: bool = False) -> list[CatalogEntry]:
        """Every episode, newest first (by made_at); failed ones only if asked."""
        where = "" if include_failed else "WHERE status = 'done'"
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM episodes {where} ORDER BY made_at DESC, rowid DESC")
        return [_entry(row) for row in rows]

    def get(self, episode_id: str) -> CatalogEntry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM episodes WHERE episode_id = ?", (episode_id,)).fetchone()
        return _entry(row) if row else None

    def find_source(self, source: str) -> CatalogEntry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM episodes WHERE source = ?", (source,)).fetchone()
        return _entry(row) if row else None

    def is_current(self, source: str, content_hash: str, settings_key: str) -> CatalogEntry | None:
        """The done entry for ``source`` if it was made from this content with these settings and its
        MP3 is still in place with its recorded size; else None (the article must be redone)."""
        entry = self.find_source(source)
        if entry is None or entry.status != "done":
            return None
        if entry.content_hash != content_hash or entry.settings_key != settings_key:
            return None
        mp3 = self.out_dir / entry.mp3_name
        try:
            if mp3.stat().st_size != entry.size_bytes:
                return None
        except OSError:
            return None
        if not all((self.out_dir / name).is_file() for name in entry.sidecars.values()):
            return None
        return entry

    def find_item(self, guid: str, link: str, content_hash: str = "") -> CatalogEntry | None:
        """The row of a news feed entry: by its guid, else its link, else (done rows only) the hash of
        its content, so the same story under a new address is not made twice. None if never seen."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM episodes WHERE (guid = :g AND :g != '') OR (link = :l AND :l != '')"
            " OR source = :l OR (content_hash = :h AND :h != '' AND status = 'done')"
            " ORDER BY guid = :g DESC, link = :l DESC, status = 'done' DESC LIMIT 1",
            {"g": guid, "l": link, "h": content_hash},
        ).fetchone()
        return _entry(row) if row else None

    # --- writing -------------------------------------------------------------

    def record_done(
        self,
        *,
        source: str,
        content_hash: str,
        title: str,
        date: str | None,
        summary: str,
        duration_ms: int,
        mp3_name: str,
        sidecars: dict[str, str],
        speakers: tuple[str, ...],
        loudness_lufs: float,
        true_peak_dbtp: float,
        fit_to_air: bool,
        cover_name: str | None = None,
        settings_key: str = "",
        made_at: str | None = None,
        episode_id: str | None = None,
        number: int | None = None,
        status: str = "done",
        reason: str | None = None,
        guid: str = "",
        link: str = "",
        item_updated: str = "",
        image: str = "",
    ) -> CatalogEntry:
        """Record a finished episode whose files are in place; keeps the id and number of the same source.

        ``status="failed"`` with a ``reason`` records files that are in place but not fit to air.

        Size and checksum are measured on the MP3 itself; a missing file is an error, so a
        "done" row never points at nothing.
        """
        mp3 = self.out_dir / mp3_name
        for name in (mp3_name, *sidecars.values()):
            if not (self.out_dir / name).is_file():
                raise CatalogError(f"cannot record {source}: {self.out_dir / name} is not in place")
        number = self._number_for(source, number)
        tag_number(mp3, number)  # the ID3 track number is the episode number
        size_bytes = mp3.stat().st_size
        digest = sha256_file(mp3)
        with self._transaction() as db:
            old = db.execute("SELECT episode_id, number FROM episodes WHERE source = ?", (source,)).fetchone()
            if old is not None:
                episode_id, number = old["episode_id"], old["number"] or number
            episode_id = episode_id or uuid.uuid4().hex
            if not number:
                number = int(db.execute("SELECT value FROM meta WHERE key = 'next_number'").fetchone()[0])
            db.execute(
                "UPDATE meta SET value = ? WHERE key = 'next_number' AND CAST(value AS INTEGER) <= ?",
                (str(number + 1), number),
            )
            # The MP3 now belongs to this episode: any other row naming it is stale.
            db.execute("DELETE FROM episodes WHERE mp3_name = ? AND source != ?", (mp3_name, source))
            made = made_at or now_utc()
            db.execute("DELETE FROM episodes WHERE source = ? OR episode_id = ?", (source, episode_id))
            db.execute(
                f"INSERT INTO episodes ({_COLUMNS}) VALUES ({', '.join('?' * 26)})",
                (
                    episode_id, number, source, content_hash, title, date, summary, duration_ms, size_bytes,
                    digest, mp3_name, json.dumps(sidecars, sort_keys=True), json.dumps(list(speakers)),
                    loudness_lufs, true_peak_dbtp, int(fit_to_air), status, reason, made, cover_name,
                    settings_key, "{}", guid, link, item_updated, image,
                ),
            )  # fmt: skip
            feed = {"guid": guid, "link": link, "item_updated": item_updated, "image": image}
            _write_id_file(self.out_dir, mp3_name, episode_id, number, source, content_hash, settings_key, made, feed)
        entry = self.get(episode_id)
        assert entry is not None
        return entry

    def _number_for(self, source: str, number: int | None) -> int:
        """The episode number of ``source``: the one it already has, else ``number``, else the next
        one, taken now (so it can go into the MP3's tag before the row is written) and never given again."""
        with self._transaction() as db:
            old = db.execute("SELECT number FROM episodes WHERE source = ?", (source,)).fetchone()
            if old is not None and old["number"]:
                return int(old["number"])
            if number:
                return number
            taken = int(db.execute("SELECT value FROM meta WHERE key = 'next_number'").fetchone()[0])
            db.execute("UPDATE meta SET value = ? WHERE key = 'next_number'", (str(taken + 1),))
            return taken

    def record_episode(self, episode: Episode, source: str, content_hash: str, settings_key: str = "") -> CatalogEntry:
        """Record a finished ``Episode`` (from ``render_episode``). One whose quality checks failed is
        recorded as "failed" (reason: the checks), with its files, so it stays out of the feed."""
        mp3 = Path(episode.mp3_path)
        sidecars = {kind: Path(path).name for kind, path in episode.sidecars.items()}
        return self.record_done(
            source=source,
            content_hash=content_hash,
            title=episode.script.title,
            date=episode.script.date,
            summary=episode.script.summary,
            duration_ms=episode.duration_ms,
            mp3_name=mp3.name,
            sidecars=sidecars,
            speakers=speakers_of(episode),
            loudness_lufs=episode.loudness.integrated_lufs,
            true_peak_dbtp=episode.loudness.true_peak_dbtp,
            fit_to_air=not episode.failed_checks,
            settings_key=settings_key,
            status="failed" if episode.failed_checks else "done",
            reason=("not fit to air: " + "; ".join(episode.failed_checks)) if episode.failed_checks else None,
        )

    def record_failure(
        self, source: str, content_hash: str, reason: str, settings_key: str = "", guid: str = "", link: str = ""
    ) -> None:
        """Record that ``source`` failed and why. An earlier episode of the same source keeps its id and
        number, but its row turns "failed", so the feed drops it until the article is redone."""
        with self._transaction() as db:
            old = db.execute("SELECT episode_id FROM episodes WHERE source = ?", (source,)).fetchone()
            if old is None:
                db.execute(
                    "INSERT INTO episodes (episode_id, number, source, content_hash, settings_key, status, reason,"
                    " made_at, guid, link) VALUES (?, 0, ?, ?, ?, 'failed', ?, ?, ?, ?)",
                    (uuid.uuid4().hex, source, content_hash, settings_key, reason, now_utc(), guid, link),
                )
            else:
                db.execute(
                    "UPDATE episodes SET status = 'failed', reason = ?, content_hash = ?, settings_key = ?,"
                    " made_at = ? WHERE episode_id = ?",
                    (reason, content_hash, settings_key, now_utc(), old["episode_id"]),
                )

    def remove(self, episode_id: str) -> None:
        """Drop a row (the files are left alone). Its number is never given again."""
        with self._transaction() as db:
            db.execute("DELETE FROM episodes WHERE episode_id = ?", (episode_id,))


def _migrate(db: sqlite3.Connection) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise CatalogError(
            f"the catalog has schema version {version}, newer than this radio knows ({SCHEMA_VERSION}); upgrade radio"
        )
    while version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            current = int(db.execute("PRAGMA user_version").fetchone()[0])  # another process may have done it
            if current == version:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])


# --- the id file beside each episode, and rebuild ----------------------------------


def _slug_of(mp3_name: str) -> str:
    return mp3_name[: -len(".mp3")] if mp3_name.endswith(".mp3") else mp3_name


def _write_id_file(
    out_dir: Path,
    mp3_name: str,
    episode_id: str,
    number: int,
    source: str,
    content_hash: str,
    settings_key: str,
    made_at: str,
    feed: dict[str, str] | None = None,
) -> None:
    record = {
        "episode_id": episode_id,
        "number": number,
        "source": source,
        "content_hash": content_hash,
        "settings_key": settings_key,
        "made_at": made_at,
        **{key: value for key, value in (feed or {}).items() if value},
    }
    final = out_dir / (_slug_of(mp3_name) + ID_SUFFIX)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    tmp.replace(final)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None
