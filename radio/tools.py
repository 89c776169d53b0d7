"""External programs: find them, run them, and fail with a clear message.

Every child process radio starts stops with it: an interrupted call kills
its child before the exception travels on (so no temporary folder is
removed under a running ffmpeg), and on Linux each child also asks the
kernel to kill it when radio itself dies, even by SIGKILL.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from radio.errors import AudioError, DependencyError

_HINTS = {
    "ffmpeg": "install it: apt-get install ffmpeg (macOS: brew install ffmpeg; Windows: winget install ffmpeg)",
    "ffprobe": "it comes with ffmpeg: apt-get install ffmpeg",
    "espeak-ng": "install it: apt-get install espeak-ng",
}
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def require(program: str) -> str:
    """Return the path of ``program`` or raise DependencyError saying what to install."""
    path = shutil.which(program)
    if path is None:
        raise DependencyError(f"{program} is not installed; {_HINTS.get(program, 'install it')}")
    return path


def _load_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
        return prctl
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return None


_PRCTL = _load_prctl()  # resolved once here: the child only calls it, between fork and exec


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; elsewhere
    a no-op). Used between fork and exec, and by radio's own worker processes.

    The signal follows the thread that started the child, so children are started
    from threads that outlive them (the main thread, or a call that waits for them)."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def child_options() -> dict[str, Any]:
    """Keyword arguments for ``subprocess.Popen`` that tie the child's life to radio's."""
    return {"preexec_fn": die_with_parent} if _PRCTL is not None else {}


@contextlib.contextmanager
def stopped_on_exit(*procs: subprocess.Popen[Any]) -> Iterator[None]:
    """Kill and reap any of ``procs`` still running when the block is left by an
    exception (an interrupt, a timeout), before that exception goes on."""
    try:
        yield
    except BaseException:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)
        raise


def run(
    args: Sequence[str], what: str, timeout_s: float = 600.0, binary: bool = False
) -> subprocess.CompletedProcess[Any]:
    """Run a program, capturing output (text, or bytes with ``binary``); raise
    AudioError with its last error line. An interrupt kills the program."""
    exe = require(args[0])
    try:
        # subprocess.run kills the child on any exception, an interrupt included
        proc: subprocess.CompletedProcess[Any] = subprocess.run(
            [exe, *args[1:]], capture_output=True, timeout=timeout_s, check=False, **child_options()
        )
    except subprocess.TimeoutExpired:
        raise AudioError(f"{what} took longer than {timeout_s:.0f} s") from None
    proc.stderr = proc.stderr.decode("utf-8", errors="replace")
    if not binary:
        proc.stdout = proc.stdout.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise program_failed(what, str(proc.stderr), proc.returncode)
    return proc


def program_failed(what: str, stderr: str, status: int) -> Exception:
    """The error for a program that failed: its last error line; an OSError(ENOSPC)
    when it ran out of disk space, so the caller can say which folder is full."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    message = f"{what} failed: {lines[-1] if lines else f'exit status {status}'}"
    if os.strerror(errno.ENOSPC) in stderr:
        return OSError(errno.ENOSPC, message)
    return AudioError(message)
