"""Publish an episode's files as one unit.

Every file is written under a temporary folder inside the output folder first.
Publishing checks every final name before the first rename (a folder or
anything but a plain file in the way, a folder radio cannot write to), keeps a
link to each previous version, renames the new files into place with the MP3
last, and, if any rename fails, puts the previous versions back and removes
the new ones: the output folder then holds the previous episode exactly as it
was.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from radio.errors import AudioError, InputError


def ensure_out_dir(out_dir: Path) -> None:
    """Create the output folder (and its parents) if needed; one clear error if it cannot be one."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"the output folder {out_dir} is a file; choose another --out")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise out_dir_error(out_dir.parent, exc, f"cannot create output folder {out_dir}") from None


def out_dir_error(folder: Path, exc: OSError, doing: str) -> InputError:
    """The one-line error for a write in the output folder that failed: a full disk says so."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return InputError(f"no space left in {folder}; free some space and run again")
    return InputError(f"{doing}: {exc.strerror or exc}; choose another --out")


def check_destinations(destinations: Sequence[Path]) -> None:
    """Raise InputError, naming the first blocked final name, before any work is published."""
    for dest in destinations:
        if dest.is_symlink() or (dest.exists() and not dest.is_file()):
            kind = "a folder" if dest.is_dir() else "not a plain file"
            raise InputError(f"cannot publish {dest.name}: {dest} is {kind}; move it away or choose another --out")
        if dest.exists() and not os.access(dest.parent, os.W_OK | os.X_OK):
            raise InputError(f"cannot replace {dest}: no permission to write in {dest.parent}")
    for folder in {d.parent for d in destinations}:
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise InputError(f"cannot publish into {folder}: no permission to write there; choose another --out")


def publish(files: Sequence[tuple[Path, Path]], backup_dir: Path) -> None:
    """Rename each (new, final) pair into place, in order (give the MP3 last), all or nothing.

    ``backup_dir`` (on the same file system, e.g. inside the temporary folder)
    receives links to the files being replaced until the last rename is done.
    """
    check_destinations([dest for _, dest in files])
    backup_dir.mkdir(exist_ok=True)
    placed: list[tuple[Path, Path | None]] = []  # (final name, previous version kept) for each rename done
    for new, dest in files:
        try:
            previous = _keep_previous(dest, backup_dir) if dest.exists() else None
            _rename(new, dest)
        except OSError as exc:
            restored = _roll_back(placed)
            state = "the previous episode is unchanged" if restored else "some previous files could not be restored"
            raise AudioError(f"cannot publish {dest}: {exc.strerror or exc}; {state}") from None
        placed.append((dest, previous))


def _keep_previous(dest: Path, backup_dir: Path) -> Path:
    """A second name for the file at ``dest`` (a hard link, or a copy where links are not supported)."""
    kept = backup_dir / dest.name
    try:
        os.link(dest, kept)
    except OSError:
        shutil.copy2(dest, kept)
    return kept


def _rename(new: Path, dest: Path) -> None:
    """The one step that puts a file in place (atomic on one file system)."""
    new.replace(dest)


def _roll_back(placed: Sequence[tuple[Path, Path | None]]) -> bool:
    """Undo the renames done, newest first; True if everything was restored."""
    restored = True
    for dest, previous in reversed(placed):
        try:
            if previous is not None:
                previous.replace(dest)
            else:
                dest.unlink()
        except OSError:
            restored = False
    return restored
