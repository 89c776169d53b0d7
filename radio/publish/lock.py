"""One run at a time per output folder: an ``fcntl.flock`` on ``<out>/.radio.lock``."""

from __future__ import annotations

import fcntl
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from radio.publish.catalog import CatalogError, now_utc, read_json
from radio.publish.place import ensure_out_dir, out_dir_error

LOCK_NAME = ".radio.lock"


@dataclass(frozen=True)
class LockHolder:
    pid: int
    started: str
    command: str


class FolderLock:
    """An exclusive ``fcntl.flock`` on ``<out>/.radio.lock``, held for a whole batch run.

    The file records who holds it (pid, start time, command), so a second run can say which run
    holds the folder. The kernel drops the lock when the holder dies, even by SIGKILL.
    ``shared=True`` (for `radio episode`) lets single episodes run side by side but not beside a batch.
    """

    def __init__(self, out_dir: Path, command: str = "radio batch", shared: bool = False) -> None:
        self.path = Path(out_dir) / LOCK_NAME
        self.command = command
        self.shared = shared
        self._fd: int | None = None

    def holder(self) -> LockHolder | None:
        data = read_json(self.path)
        if not data:
            return None
        return LockHolder(int(data.get("pid", 0)), str(data.get("started", "?")), str(data.get("command", "?")))

    def _same_file(self, fd: int) -> bool:
        """Whether ``fd`` is still the file at the lock's path (a releasing run may have removed it)."""
        try:
            return self.path.stat().st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait_s`` seconds; raise CatalogError naming the holder,
        or saying why the folder cannot be written (read-only, no permission, full)."""
        ensure_out_dir(self.path.parent)  # once, not on every retry of the wait
        deadline = time.monotonic() + wait_s
        mode = fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    who = self.holder()
                    held_by = f"run pid {who.pid} ({who.command}), started {who.started}" if who else "another run"
                    if who is None and not self.shared:
                        held_by = "`radio episode` (another run)"
                    raise CatalogError(
                        f"the output folder {self.path.parent} is in use by {held_by}; wait for it to finish, "
                        "or pass --wait to queue behind it"
                    ) from None
                time.sleep(0.2)
                continue
            if self._same_file(fd):
                break
            os.close(fd)  # locked a file the last holder removed on its way out: take the new one
        if not self.shared:
            record = json.dumps({"pid": os.getpid(), "started": now_utc(), "command": self.command}) + "\n"
            os.ftruncate(fd, 0)
            os.pwrite(fd, record.encode(), 0)
        self._fd = fd

    def _open(self) -> int:
        folder = self.path.parent
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise out_dir_error(folder, exc, f"cannot write in the output folder {folder}") from None

    def release(self) -> None:
        """Let go; the last holder removes the lock file, so an idle output folder holds no hidden file."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # only when nobody else holds it
        except BlockingIOError:
            pass
        else:
            if self._same_file(fd):
                self.path.unlink()
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.release()
