"""The temporary folder a run works in, and the removal of those left by dead runs.

A run works in ``.radio-*`` inside the output folder (so the final renames
stay on one file system) and records its owner there: process id, that
process's start time (so a reused id is not taken for the owner) and the
host. The folder's name carries the host and process id too, so a run killed
between making the folder and writing the record, or while removing the
folder, still leaves an owner to check (the record is removed last). A run
killed outright (SIGKILL, power loss) cannot remove its folder; the next run
into the same output folder does, once the owner is gone. A live concurrent
run's folder is never touched.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import socket
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

PREFIX = ".radio-"
OWNER_FILE = "owner.json"
UNOWNED_STALE_S = 3600.0  # a folder with no owner record (an older radio, or one just made) waits this long
_NAMED = re.compile(r"\.radio-([0-9a-f]{8})\.(\d+)\.")  # .radio-<host crc>.<pid>.<random>

log = logging.getLogger("radio")


@contextlib.contextmanager
def work_folder(parent: Path) -> Iterator[Path]:
    """A fresh temporary folder in ``parent``, removed on the way out (errors and
    interrupts included); stale folders of dead runs are removed first."""
    remove_stale(parent)
    pid = os.getpid()
    folder = Path(tempfile.mkdtemp(dir=parent, prefix=f"{PREFIX}{_host_tag()}.{pid}."))
    try:
        (folder / OWNER_FILE).write_text(json.dumps(_owner(pid)), encoding="utf-8")
        yield folder
    finally:
        _remove(folder)


def _remove(folder: Path) -> None:
    """Remove a work folder, its owner record last: a kill part-way leaves a folder that
    the next run can still tell is a dead run's."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name != OWNER_FILE:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        Path(entry.path).unlink()
    with contextlib.suppress(OSError):
        (folder / OWNER_FILE).unlink()
    shutil.rmtree(folder, ignore_errors=True)


def _host_tag() -> str:
    return f"{zlib.crc32(socket.gethostname().encode()):08x}"


def remove_stale(parent: Path) -> list[Path]:
    """Remove the ``.radio-*`` folders in ``parent`` whose run is dead; return them."""
    removed: list[Path] = []
    try:
        candidates = [p for p in parent.iterdir() if p.name.startswith(PREFIX) and p.is_dir()]
    except OSError:
        return removed
    for folder in candidates:
        owner = _read_owner(folder) or _named_owner(folder)
        if owner is None:
            try:
                age_s = time.time() - folder.stat().st_mtime
            except OSError:
                continue
            if age_s < UNOWNED_STALE_S:
                continue
        elif _alive(owner):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
            pid = f" (process {owner['pid']})" if owner else ""
            log.info("removed %s, left behind by an interrupted run%s", folder, pid)
    return removed


def _owner(pid: int) -> dict[str, object]:
    return {"pid": pid, "started": process_start(pid), "host": socket.gethostname()}


def _read_owner(folder: Path) -> dict[str, object] | None:
    try:
        data = json.loads((folder / OWNER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pid"), int):
        return None
    return data


def _named_owner(folder: Path) -> dict[str, object] | None:
    """The owner a work folder's name records (host and pid, no start time), if it is one of ours."""
    match = _NAMED.match(folder.name)
    if not match:
        return None
    host = socket.gethostname() if match.group(1) == _host_tag() else f"another host ({match.group(1)})"
    return {"pid": int(match.group(2)), "started": None, "host": host}


def _alive(owner: dict[str, object]) -> bool:
    """Whether the run that owns a folder may still be running."""
    if owner.get("host") != socket.gethostname():
        return True  # a shared folder: another machine's processes cannot be checked from here
    pid = owner["pid"]
    assert isinstance(pid, int)
    if os.name == "nt":  # pragma: no cover - os.kill there terminates; keep the folder
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    except OSError as exc:  # pragma: no cover - an unusual pid
        return exc.errno not in (errno.ESRCH, errno.EINVAL)
    if _zombie(pid):
        return False  # dead but not yet reaped (a container whose first process reaps no orphans)
    started = owner.get("started")
    return started is None or started == process_start(pid)  # a reused pid is another process


def _zombie(pid: int) -> bool:
    fields = _stat_fields(pid)
    return bool(fields) and fields[0] in ("Z", "X")


def _stat_fields(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the name (Linux), from the state on; empty if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return []
    return stat[stat.rfind(")") + 2 :].split()  # the name in parentheses may hold spaces


def process_start(pid: int) -> int | None:
    """When process ``pid`` started, in clock ticks since boot (Linux); None if unknown."""
    fields = _stat_fields(pid)
    try:
        return int(fields[19])  # field 22 of the whole line
    except (IndexError, ValueError):
        return None
