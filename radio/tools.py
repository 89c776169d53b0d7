"""External programs: find them, run them, and fail with a clear message."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from typing import Any

from radio.errors import AudioError, DependencyError

_HINTS = {
    "ffmpeg": "install it: apt-get install ffmpeg (macOS: brew install ffmpeg; Windows: winget install ffmpeg)",
    "ffprobe": "it comes with ffmpeg: apt-get install ffmpeg",
    "espeak-ng": "install it: apt-get install espeak-ng",
}


def require(program: str) -> str:
    """Return the path of ``program`` or raise DependencyError saying what to install."""
    path = shutil.which(program)
    if path is None:
        raise DependencyError(f"{program} is not installed; {_HINTS.get(program, 'install it')}")
    return path


def run(
    args: Sequence[str], what: str, timeout_s: float = 600.0, binary: bool = False
) -> subprocess.CompletedProcess[Any]:
    """Run a program, capturing output (text, or bytes with ``binary``); raise
    AudioError with its last error line."""
    exe = require(args[0])
    try:
        proc: subprocess.CompletedProcess[Any] = subprocess.run(
            [exe, *args[1:]], capture_output=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired:
        raise AudioError(f"{what} took longer than {timeout_s:.0f} s") from None
    proc.stderr = proc.stderr.decode("utf-8", errors="replace")
    if not binary:
        proc.stdout = proc.stdout.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        lines = [line for line in str(proc.stderr).strip().splitlines() if line.strip()]
        raise AudioError(f"{what} failed: {lines[-1] if lines else f'exit status {proc.returncode}'}")
    return proc
