"""`radio catalog rebuild`: recover a lost or damaged catalog from the files beside each episode.

Each episode's ``<slug>.report.json``, ``<slug>.script.json`` and ``<slug>.episode.json`` (its id,
number, source and hashes) give back its row, so no episode's id or number changes.
"""

from __future__ import annotations

import contextlib
import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from radio.publish.catalog import CATALOG_NAME, ID_SUFFIX, SIDECAR_KINDS, Catalog, CatalogError, read_json


def _recovered(out_dir: Path, report_path: Path) -> dict[str, Any] | None:
    """The record_done arguments for one episode found on disk, or None if its files are incomplete."""
    slug = report_path.name[: -len(".report.json")]
    mp3 = out_dir / f"{slug}.mp3"
    report = read_json(report_path)
    script = read_json(out_dir / f"{slug}.script.json")
    if report is None or script is None or not mp3.is_file():
        return None
    sidecars = {kind: slug + suffix for kind, suffix in SIDECAR_KINDS.items() if (out_dir / (slug + suffix)).is_file()}
    ids = read_json(out_dir / (slug + ID_SUFFIX)) or {}
    speakers: dict[str, None] = {}
    for segment in script.get("segments") or []:
        if isinstance(segment, dict) and segment.get("kind") == "quote" and segment.get("speaker"):
            speakers.setdefault(str(segment["speaker"]), None)
    loud = report.get("loudness") or {}
    made = datetime.fromtimestamp(mp3.stat().st_mtime, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "source": str(ids.get("source") or report.get("source") or script.get("source") or slug),
        "content_hash": str(ids.get("content_hash") or ""),
        "settings_key": str(ids.get("settings_key") or ""),
        "title": str(script.get("title") or report.get("title") or slug),
        "date": script.get("date") if isinstance(script.get("date"), str) else None,
        "summary": str(script.get("summary") or ""),
        "duration_ms": int((report.get("mp3") or {}).get("duration_ms") or 0),
        "mp3_name": mp3.name,
        "sidecars": sidecars,
        "speakers": tuple(speakers),
        "loudness_lufs": float(loud.get("integrated_lufs") or 0.0),
        "true_peak_dbtp": float(loud.get("true_peak_dbtp") or 0.0),
        "fit_to_air": bool(report.get("fit_to_air")),
        "made_at": str(ids.get("made_at") or made),
        "episode_id": str(ids["episode_id"]) if ids.get("episode_id") else None,
        "number": int(ids["number"]) if isinstance(ids.get("number"), int) else None,
        **{key: str(ids[key]) for key in ("guid", "link", "item_updated", "image") if ids.get(key)},
    }


def rebuild(out_dir: Path) -> int:
    """Recover the catalog of ``out_dir`` from the files' sidecars; returns the number of rows.

    The old catalog (damaged or not) is set aside as ``catalog.sqlite.damaged-<time>``; the new one is
    built under a temporary name and renamed into place. Episode ids and numbers come back from each
    ``<slug>.episode.json``; failures are not recovered (the next batch retries them).
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise CatalogError(f"no output folder {out_dir}; give the folder the episodes were written to")
    found = [r for r in (_recovered(out_dir, p) for p in sorted(out_dir.glob("*.report.json"))) if r]
    found.sort(key=lambda r: (r["number"] or 1 << 60, r["made_at"]))
    tmp_dir = out_dir / f".radio-catalog-{os.getpid()}"
    tmp_dir.mkdir(exist_ok=True)
    try:
        with Catalog.open(tmp_dir) as fresh:
            fresh.out_dir = out_dir  # files are checked where they are
            seen: set[str] = set()
            for args in found:
                if args["source"] in seen:  # two sidecar sets claim one source: keep the newest
                    args["source"] = f"{args['source']}#{args['mp3_name']}"
                seen.add(args["source"])
                fresh.record_done(**args)
            highest = max((r["number"] or 0 for r in found), default=0)
            fresh._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'next_number' AND CAST(value AS INTEGER) <= ?",
                (str(highest + 1), highest),
            )
            count = len(fresh.episodes(include_failed=True))
            fresh._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            fresh._db.execute("PRAGMA journal_mode = DELETE")
        target = out_dir / CATALOG_NAME
        if target.exists():
            target.replace(out_dir / f"{CATALOG_NAME}.damaged-{time.strftime('%Y%m%dT%H%M%S')}")
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (out_dir / (CATALOG_NAME + suffix)).unlink()
        (tmp_dir / CATALOG_NAME).replace(target)
    finally:
        for leftover in tmp_dir.glob("*"):
            leftover.unlink()
        tmp_dir.rmdir()
    return count
